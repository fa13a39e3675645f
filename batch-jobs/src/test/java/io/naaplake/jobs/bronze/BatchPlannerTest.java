package io.naaplake.jobs.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.bronze.BatchPlanner.OffsetGap;
import io.naaplake.jobs.bronze.OffsetRange.TopicPartitionKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
  private static final Map<String, String> ORGS = Map.of("t", "org");
  private static final TopicPartitionKey T0 = new TopicPartitionKey("t", 0);
  private static final TopicPartitionKey T1 = new TopicPartitionKey("t", 1);

  @Test
  void firstBatchStartsAtZero() {
    List<OffsetRange> ranges =
        BatchPlanner.plan(
            Map.of(),
            List.of(new PartitionBounds("t", 0, 0, 10), new PartitionBounds("t", 1, 0, 0)),
            ORGS,
            100);
    assertThat(ranges)
        .containsExactly(
            new OffsetRange("t", 0, "org", 0, 10), new OffsetRange("t", 1, "org", 0, 0));
  }

  @Test
  void continuesFromTheLedgerAndCapsPerPartition() {
    List<OffsetRange> ranges =
        BatchPlanner.plan(
            Map.of(T0, 10L, T1, 3L),
            List.of(new PartitionBounds("t", 0, 0, 50), new PartitionBounds("t", 1, 0, 5)),
            ORGS,
            20);
    assertThat(ranges)
        .containsExactly(
            new OffsetRange("t", 0, "org", 10, 30), new OffsetRange("t", 1, "org", 3, 5));
  }

  @Test
  void nothingNewPlansNothing() {
    assertThat(
            BatchPlanner.plan(
                Map.of(T0, 10L), List.of(new PartitionBounds("t", 0, 4, 10)), ORGS, 20))
        .isEmpty();
  }

  @Test
  void expiredOffsetsStartTheRangeAtTheEarliestAndShowAsAGap() {
    List<OffsetRange> ranges =
        BatchPlanner.plan(Map.of(T0, 10L), List.of(new PartitionBounds("t", 0, 25, 25)), ORGS, 20);
    // Nothing left to read, but the ledger must move past the lost range.
    assertThat(ranges).containsExactly(new OffsetRange("t", 0, "org", 25, 25));
    assertThat(BatchPlanner.gaps(ranges, Map.of(T0, 10L)))
        .containsExactly(new OffsetGap("t", 0, "org", 10, 25));
  }

  @Test
  void neverSeenPartitionWithExpiredHeadIsAGapFromZero() {
    List<OffsetRange> ranges =
        BatchPlanner.plan(Map.of(), List.of(new PartitionBounds("t", 0, 7, 9)), ORGS, 20);
    assertThat(BatchPlanner.gaps(ranges, Map.of()))
        .containsExactly(new OffsetGap("t", 0, "org", 0, 7));
  }

  @Test
  void ledgerAheadOfKafkaIsFatal() {
    assertThatThrownBy(
            () ->
                BatchPlanner.plan(
                    Map.of(T0, 50L), List.of(new PartitionBounds("t", 0, 0, 10)), ORGS, 20))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FATAL))
        .hasMessageContaining("t/0 was consumed up to 50");
  }
}
