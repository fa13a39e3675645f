package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.runs.JobRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainRowsTest {
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T01:05:00Z");
  private static final Instant START = Instant.parse("2026-01-09T01:05:02Z");
  private static final Instant END = Instant.parse("2026-01-09T01:06:00Z");

  @Test
  void chainRowSumsWhatTheFirstJobReadAndTheLastWrote() {
    List<JobRun> runs =
        List.of(
            job("bronze_ingest", JobRun.Status.SUCCEEDED, 100, 98, 2, 1, Map.of("bronze.a", 3L)),
            job("bronze_ingest", JobRun.Status.SUCCEEDED, 50, 50, 0, 0, Map.of("bronze.a", 4L)),
            job("silver_events", JobRun.Status.SUCCEEDED, 148, 140, 5, 0, Map.of("silver.b", 7L)),
            job("gold", JobRun.Status.SUCCEEDED, 0, 60, 0, 0, Map.of("gold.c", 9L)));

    JobRun row = ChainRows.finished("c1", "hourly", START, END, RUN_TIME, "open hour", runs);

    assertThat(row.job()).isEqualTo("chain_hourly");
    assertThat(row.status()).isEqualTo(JobRun.Status.SUCCEEDED);
    // rows_in: the two ingest batches (100 + 50); rows_out: gold's 60; quarantined 2 + 5; lost 1.
    assertThat(List.of(row.rowsIn(), row.rowsOut(), row.rowsQuarantined(), row.offsetsLost()))
        .containsExactly(150L, 60L, 7L, 1L);
    // Each table at the last version any job wrote.
    assertThat(row.tableVersions()).isEqualTo(Map.of("bronze.a", 4L, "silver.b", 7L, "gold.c", 9L));
    assertThat(row.windowDescription()).contains("open hour");
    assertThat(row.errorCategory()).isEmpty();
  }

  @Test
  void chainWhoseJobsAllFoundNothingNewHasNoNewData() {
    List<JobRun> runs =
        List.of(
            job("bronze_ingest", JobRun.Status.NO_NEW_DATA, 0, 0, 0, 0, Map.of()),
            job("gold", JobRun.Status.NO_NEW_DATA, 0, 0, 0, 0, Map.of()));

    assertThat(ChainRows.finished("c2", "hourly", START, END, RUN_TIME, "w", runs).status())
        .isEqualTo(JobRun.Status.NO_NEW_DATA);
    // A chain without jobs (a daily chain with no steps installed) ran: succeeded.
    assertThat(ChainRows.finished("c3", "daily", START, END, RUN_TIME, "w", List.of()).status())
        .isEqualTo(JobRun.Status.SUCCEEDED);
  }

  @Test
  void failedChainRowCarriesTheCategoryAndMessage() {
    JobRun row =
        ChainRows.failed(
            "c4",
            "hourly",
            START,
            END,
            RUN_TIME,
            LakeErrors.kafkaUnavailable("k:9092", new RuntimeException("down")));

    assertThat(row.status()).isEqualTo(JobRun.Status.FAILED);
    assertThat(row.errorCategory()).contains("retriable");
    assertThat(row.errorMessage().orElseThrow()).contains("k:9092");
  }

  private static JobRun job(
      String name,
      JobRun.Status status,
      long in,
      long out,
      long quarantined,
      long lost,
      Map<String, Long> versions) {
    return new JobRun(
        name + "-run",
        name,
        status,
        START,
        END,
        RUN_TIME,
        Optional.empty(),
        Optional.empty(),
        in,
        out,
        quarantined,
        lost,
        Optional.empty(),
        Optional.empty(),
        versions);
  }
}
