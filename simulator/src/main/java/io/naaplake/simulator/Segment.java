package io.naaplake.simulator;

/**
 * A stretch of a live session served by one orchestrator host and GPU, from selection to swap or
 * close. {@code gpuObservable}/{@code orchestratorObservable} say whether the delivered capability
 * reports let the lake name the GPU / map the URL to the orchestrator.
 */
final class Segment {
  final Host host;
  final PhysicalGpu gpu;
  final String gpuUuid;
  final boolean gpuObservable;
  final boolean orchestratorObservable;
  final long from;
  long to = Long.MIN_VALUE;
  String leaveReason;

  /**
   * Delivered events of the session that name this segment's orchestrator (the {@code
   * orchestrator_info} of a trace, status or stream event): without one the lake cannot see the
   * selection at all.
   */
  int signalsDelivered;

  Segment(Host host, PhysicalGpu gpu, int orgIndex, long from) {
    this.host = host;
    this.gpu = gpu;
    this.gpuUuid = gpu.uuid();
    this.gpuObservable = host.gpuObservable(orgIndex);
    this.orchestratorObservable = host.everDelivered[orgIndex];
    this.from = from;
  }

  Orchestrator orchestrator() {
    return host.orchestrator;
  }
}
