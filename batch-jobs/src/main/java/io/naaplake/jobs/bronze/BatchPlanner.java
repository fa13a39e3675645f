package io.naaplake.jobs.bronze;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.bronze.OffsetRange.TopicPartitionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the next ingest batch from the ledger's end offsets and what Kafka holds now. Pure logic:
 * the ledger and Kafka are read elsewhere.
 *
 * <p>A partition never seen before starts at offset 0, so offsets that expired before the lake's
 * first read are reported as a gap too: the lake never skips offsets silently.
 */
public final class BatchPlanner {

  /** The ranges of one batch; empty when Kafka holds nothing new. */
  public static List<OffsetRange> plan(
      Map<TopicPartitionKey, Long> ledgerEnds,
      List<PartitionBounds> bounds,
      Map<String, String> topicOrgs,
      long maxOffsetsPerPartition) {
    List<OffsetRange> ranges = new ArrayList<>();
    boolean anyNew = false;
    for (PartitionBounds partition : bounds) {
      long consumed = ledgerEnds.getOrDefault(partition.key(), 0L);
      if (consumed > partition.latest()) {
        throw LakeErrors.offsetLedgerInconsistent(
            partition.topic()
                + "/"
                + partition.partition()
                + " was consumed up to "
                + consumed
                + " but Kafka's latest offset is "
                + partition.latest()
                + " (topic deleted and recreated?)");
      }
      long start = Math.max(consumed, partition.earliest());
      long end = Math.min(partition.latest(), start + maxOffsetsPerPartition);
      anyNew |= end > start || start > consumed;
      ranges.add(
          new OffsetRange(
              partition.topic(),
              partition.partition(),
              topicOrgs.get(partition.topic()),
              start,
              end));
    }
    return anyNew ? List.copyOf(ranges) : List.of();
  }

  /**
   * Offsets lost before a range: everything between where the previous batches ended and where this
   * range starts. Derived from the ledger alone, so re-executing a crashed batch finds the same
   * gaps.
   */
  public static List<OffsetGap> gaps(
      List<OffsetRange> ranges, Map<TopicPartitionKey, Long> previousEnds) {
    List<OffsetGap> gaps = new ArrayList<>();
    for (OffsetRange range : ranges) {
      long previous = previousEnds.getOrDefault(range.key(), 0L);
      if (range.start() > previous) {
        gaps.add(
            new OffsetGap(range.topic(), range.partition(), range.org(), previous, range.start()));
      }
    }
    return List.copyOf(gaps);
  }

  /** Offsets [from, to) that expired from Kafka before ingestion. */
  public record OffsetGap(String topic, int partition, String org, long from, long to) {
    public long count() {
      return to - from;
    }
  }

  private BatchPlanner() {}
}
