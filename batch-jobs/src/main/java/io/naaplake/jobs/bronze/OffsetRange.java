package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;

/** Offsets [start, end) of one topic partition, and the org its topic maps to. */
public record OffsetRange(String topic, int partition, String org, long start, long end) {
  public OffsetRange {
    requireNonNull(topic, "topic is null");
    requireNonNull(org, "org is null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad range " + topic + "/" + partition + " [" + start + "," + end + ")");
    }
  }

  public long size() {
    return end - start;
  }

  public TopicPartitionKey key() {
    return new TopicPartitionKey(topic, partition);
  }

  /** A topic partition as a map key. */
  public record TopicPartitionKey(String topic, int partition) {
    public TopicPartitionKey {
      requireNonNull(topic, "topic is null");
    }
  }
}
