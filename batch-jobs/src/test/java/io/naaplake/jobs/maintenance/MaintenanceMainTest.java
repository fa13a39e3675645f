package io.naaplake.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.jobs.maintenance.MaintenanceAction.Kind;
import io.naaplake.jobs.maintenance.MaintenanceAction.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenanceMainTest {

  @Test
  void parsesRunTimeAndDryRun() {
    MaintenanceMain.Arguments arguments =
        MaintenanceMain.Arguments.parse(
            List.of("maintain", "--run-time", "2026-01-09T03:00:00Z", "--dry-run"));
    assertThat(arguments.runTime()).isEqualTo(Instant.parse("2026-01-09T03:00:00Z"));
    assertThat(arguments.dryRun()).isTrue();
    assertThat(MaintenanceMain.Arguments.parse(List.of("maintain")).dryRun()).isFalse();
  }

  @Test
  void refusesOtherCommandsAndArguments() {
    assertThatThrownBy(() -> MaintenanceMain.Arguments.parse(List.of("run")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MaintenanceMain.Arguments.parse(List.of("maintain", "--now")))
        .hasMessageContaining("--now");
    assertThatThrownBy(() -> MaintenanceMain.Arguments.parse(List.of("maintain", "--run-time")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The run log line sums the succeeded actions of each kind and names failures. */
  @Test
  void summaryCountsFilesRowsAndFailures() {
    List<MaintenanceAction> actions =
        List.of(
            action("bronze.raw_events", Kind.DATA_RETENTION, done(124, 122).withRowsDeleted(10)),
            action("bronze.raw_events", Kind.OPTIMIZE, done(120, 3)),
            action("ops.job_runs", Kind.OPTIMIZE, done(12, 1)),
            action("ops.job_runs", Kind.TIME_TRAVEL, Outcome.skipped("already")),
            new MaintenanceAction(
                "gold.revisions",
                Kind.VACUUM,
                Outcome.failed("later steps skipped"),
                Instant.EPOCH,
                Duration.ZERO,
                Optional.of("boom")));
    assertThat(MaintenanceJob.summary(3, actions))
        .isEqualTo(
            "3 tables; data_retention: 1 tables, 124 -> 122 files, 10 rows deleted;"
                + " optimize: 2 tables, 132 -> 4 files; FAILED gold.revisions vacuum");
  }

  private static Outcome done(long before, long after) {
    return Outcome.done("x", new FileStats(before, 0), new FileStats(after, 0), 1, 2);
  }

  private static MaintenanceAction action(String table, Kind kind, Outcome outcome) {
    return new MaintenanceAction(
        table, kind, outcome, Instant.EPOCH, Duration.ZERO, Optional.empty());
  }
}
