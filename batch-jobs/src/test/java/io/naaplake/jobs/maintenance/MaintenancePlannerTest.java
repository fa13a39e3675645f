package io.naaplake.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenancePlannerTest {
  private static final MaintenancePlanner DEFAULTS =
      new MaintenancePlanner(MaintenanceConfig.DEFAULTS);
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T03:00:00Z");
  private static final Map<String, String> SEVEN_DAYS =
      Map.of(
          MaintenancePlanner.LOG_RETENTION, "interval 7 days",
          MaintenancePlanner.DELETED_FILE_RETENTION, "interval 7 days");

  /**
   * 2026-01-09T03:00Z - 90 days is 2025-10-11T03:00Z, so partitions before 2025-10-11 expire; run
   * time - 2 days is 2026-01-07T03:00Z, so 2026-01-07 on is recent, and of those only the
   * partitions with 10 or more files are compacted.
   */
  @Test
  void bronzeDeletesExpiredPartitionsAndCompactsRecentOnesWithManyFiles() {
    TableState state =
        new TableState(
            41,
            Map.of(MaintenancePlanner.LOG_RETENTION, "interval 7 days"),
            Map.of(
                "2025-10-10", files(3),
                "2025-10-11", files(1),
                "2026-01-06", files(12),
                "2026-01-07", files(10),
                "2026-01-08", files(9),
                "2026-01-09", files(15)),
            true);

    TablePlan plan = DEFAULTS.plan(BronzeTables.RAW_EVENTS, state, RUN_TIME);

    assertThat(plan.retentionClass()).isEqualTo(RetentionClass.BRONZE);
    TablePlan.DataRetention retention = plan.dataRetention().orElseThrow();
    assertThat(retention.keepFrom()).isEqualTo(LocalDate.parse("2025-10-11"));
    assertThat(retention.expiredPartitions()).containsExactly("2025-10-10");
    assertThat(plan.compaction().partitions()).containsExactly("2026-01-07", "2026-01-09");
    assertThat(plan.compaction().predicate())
        .contains("`event_date` IN ('2026-01-07', '2026-01-09')");
    assertThat(plan.propertiesToSet())
        .containsExactly(Map.entry(MaintenancePlanner.DELETED_FILE_RETENTION, "interval 7 days"));
    assertThat(plan.commits()).isTrue();
  }

  /** A day is deleted only once it ended a whole retention before the run time. */
  @Test
  void dataRetentionBoundaryIsTheEndOfTheDay() {
    assertThat(expiredQuarantineAt("2026-01-08T23:59:59Z")).isEmpty();
    assertThat(expiredQuarantineAt("2026-01-09T00:00:00Z")).containsExactly("2025-10-10");
  }

  private static java.util.List<String> expiredQuarantineAt(String runTime) {
    TableState state = new TableState(1, SEVEN_DAYS, Map.of("2025-10-10", files(1)), true);
    return DEFAULTS
        .plan(BronzeTables.QUARANTINE, state, Instant.parse(runTime))
        .dataRetention()
        .orElseThrow()
        .expiredPartitions();
  }

  @Test
  void silverQuarantineFollowsTheQuarantinePolicy() {
    TableDeclaration silverQuarantine = LakeCatalog.find("silver.quarantine").orElseThrow();
    TableState state = new TableState(1, SEVEN_DAYS, Map.of("2025-01-01", files(1)), true);
    TablePlan plan = DEFAULTS.plan(silverQuarantine, state, RUN_TIME);
    assertThat(plan.retentionClass()).isEqualTo(RetentionClass.QUARANTINE);
    assertThat(plan.dataRetention().orElseThrow().expiredPartitions())
        .containsExactly("2025-01-01");
  }

  @Test
  void goldKeepsDataAndGetsLongTimeTravel() {
    TableDeclaration revisions = LakeCatalog.find("gold.revisions").orElseThrow();
    TableState state = new TableState(7, SEVEN_DAYS, Map.of("2020-01-01", files(30)), true);
    TablePlan plan = DEFAULTS.plan(revisions, state, RUN_TIME);
    assertThat(plan.dataRetention()).isEmpty();
    assertThat(plan.compaction().hasWork()).as("2020-01-01 is not recent").isFalse();
    assertThat(plan.propertiesToSet())
        .containsOnly(
            Map.entry(MaintenancePlanner.LOG_RETENTION, "interval 400 days"),
            Map.entry(MaintenancePlanner.DELETED_FILE_RETENTION, "interval 400 days"));
  }

  @Test
  void unpartitionedTableIsCompactedWholeWhenItHasEnoughFiles() {
    TableState many = new TableState(3, SEVEN_DAYS, Map.of("", files(10)), true);
    TablePlan plan = DEFAULTS.plan(OpsTables.JOB_RUNS, many, RUN_TIME);
    assertThat(plan.compaction().wholeTable()).isTrue();
    assertThat(plan.compaction().predicate()).isEmpty();

    TableState few = new TableState(3, SEVEN_DAYS, Map.of("", files(9)), true);
    TablePlan nothing = DEFAULTS.plan(OpsTables.JOB_RUNS, few, RUN_TIME);
    assertThat(nothing.compaction().hasWork()).isFalse();
    assertThat(nothing.commits()).isFalse();
    assertThat(nothing.describe())
        .containsSubsequence(
            "  vacuum: retain 168 hours", "  checkpoint: exists at version 3 (VACUUM may commit)");
  }

  @Test
  void tableWithoutDatePartitionKeepsItsRowsWhateverTheRetention() {
    MaintenancePlanner opsRetention =
        new MaintenancePlanner(
            MaintenanceConfig.from(
                Settings.of(Map.of("naap.maintenance.ops.data-retention", "30d"))));
    TableState state = new TableState(3, SEVEN_DAYS, Map.of("", files(1)), false);
    TablePlan plan = opsRetention.plan(OpsTables.JOB_RUNS, state, RUN_TIME);
    assertThat(plan.dataRetention().orElseThrow().column()).isEqualTo(Optional.empty());
    assertThat(plan.dataRetention().orElseThrow().hasWork()).isFalse();
    assertThat(plan.describe()).contains("  checkpoint: write");
  }

  @Test
  void retentionClassComesFromTheDeclaration() {
    assertThat(RetentionClass.of(BronzeTables.RAW_EVENTS)).isEqualTo(RetentionClass.BRONZE);
    assertThat(RetentionClass.of(BronzeTables.QUARANTINE)).isEqualTo(RetentionClass.QUARANTINE);
    assertThat(RetentionClass.of(OpsTables.MAINTENANCE_ACTIONS)).isEqualTo(RetentionClass.OPS);
    assertThat(RetentionClass.of(LakeCatalog.find("silver.sessions").orElseThrow()))
        .isEqualTo(RetentionClass.SILVER);
    assertThat(RetentionClass.of(LakeCatalog.find("gold.revisions").orElseThrow()))
        .isEqualTo(RetentionClass.GOLD);
  }

  @Test
  void dataFilesExcludeTheLogAndHiddenFiles() {
    assertThat(DeltaTableFiles.isDataFile("/event_date=2026-01-09/part-0.snappy.parquet")).isTrue();
    assertThat(DeltaTableFiles.isDataFile("/event_date=2026-01-09/.part-0.snappy.parquet.crc"))
        .isFalse();
    assertThat(DeltaTableFiles.isDataFile("/_delta_log/00000000000000000000.json")).isFalse();
  }

  private static FileStats files(int count) {
    return new FileStats(count, count * 1000L);
  }
}
