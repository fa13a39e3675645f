package io.naaplake.simulator;

/**
 * Receives the Kafka messages of a run in delivery order: what a consumer of the topics would see,
 * after drops, duplicates, reordering, late arrivals and injected noise.
 */
@FunctionalInterface
public interface MessageSink {
  /**
   * One message. {@code key} is the envelope id as UTF-8 (or, for malformed messages, a key with
   * the configured malformed prefix); {@code value} is the message body, an envelope as compact
   * UTF-8 JSON or unreadable bytes. Values never contain a newline. The arrays belong to the sink.
   */
  void deliver(String topic, byte[] key, byte[] value);
}
