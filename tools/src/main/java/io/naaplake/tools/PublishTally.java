package io.naaplake.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Collects send outcomes. Callbacks arrive on the producer's I/O thread while the caller is still
 * sending, hence the synchronisation.
 */
final class PublishTally {
  private final Map<Integer, long[]> byPartition = new TreeMap<>(); // records, first, last offset
  private long records;
  private long payloadBytes;
  private long failures;
  private Exception firstFailure;

  synchronized void acknowledged(RecordMetadata metadata, long bytes) {
    long[] range =
        byPartition.computeIfAbsent(
            metadata.partition(), p -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
    range[0]++;
    range[1] = Math.min(range[1], metadata.offset());
    range[2] = Math.max(range[2], metadata.offset());
    records++;
    payloadBytes += bytes;
  }

  synchronized void failed(Exception error) {
    failures++;
    if (firstFailure == null) {
      firstFailure = error;
    }
  }

  synchronized long failures() {
    return failures;
  }

  synchronized Exception firstFailure() {
    return firstFailure;
  }

  synchronized PublishResult result(String topic) {
    List<PublishResult.PartitionRange> partitions = new ArrayList<>();
    byPartition.forEach(
        (partition, range) ->
            partitions.add(
                new PublishResult.PartitionRange(partition, range[0], range[1], range[2])));
    return new PublishResult(topic, records, payloadBytes, partitions);
  }
}
