package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;

/** What Kafka holds for one partition now: offsets [earliest, latest). */
public record PartitionBounds(String topic, int partition, long earliest, long latest) {
  public PartitionBounds {
    requireNonNull(topic, "topic is null");
    if (earliest < 0 || latest < earliest) {
      throw new IllegalArgumentException(
          "bad bounds " + topic + "/" + partition + " [" + earliest + "," + latest + ")");
    }
  }

  public OffsetRange.TopicPartitionKey key() {
    return new OffsetRange.TopicPartitionKey(topic, partition);
  }
}
