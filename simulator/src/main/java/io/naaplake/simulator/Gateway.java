package io.naaplake.simulator;

/**
 * A gateway: where sessions enter and events are produced. Its org decides the topic. Gateways of
 * the {@code cloudspe} shape put an empty string in the envelope's {@code gateway} field, as the
 * real sample does; the others put their address. Payments always carry the address as {@code
 * sender}.
 */
final class Gateway {
  final int index;
  final int orgIndex;
  final String org;
  final String topic;
  final String address;
  final String envelopeGateway;
  final double demandWeight;

  Gateway(
      int index,
      int orgIndex,
      String org,
      String topic,
      String address,
      boolean emptyEnvelopeGateway,
      double demandWeight) {
    this.index = index;
    this.orgIndex = orgIndex;
    this.org = org;
    this.topic = topic;
    this.address = address;
    this.envelopeGateway = emptyEnvelopeGateway ? "" : address;
    this.demandWeight = demandWeight;
  }
}
