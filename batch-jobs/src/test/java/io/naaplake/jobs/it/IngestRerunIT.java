package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run with no new messages writes no data and leaves every count unchanged. */
class IngestRerunIT {
  private static final List<TableDeclaration> DATA_TABLES = dataTables();

  /** Every table except the run log, which records the rerun itself. */
  private static List<TableDeclaration> dataTables() {
    return io.naaplake.schema.LakeCatalog.tables().stream()
        .filter(t -> t != OpsTables.JOB_RUNS)
        .toList();
  }

  @Test
  void secondRunWithoutNewMessagesChangesNothing() throws Exception {
    FixtureLake lake = FixtureLake.get();
    LakeTables tables = new LakeTables(SharedSpark.get(), lake.jobsConfig());
    Map<String, Long> versionsBefore = versions(tables);
    long trinoCountBefore = TrinoClient.count("SELECT count(*) FROM delta.bronze.raw_events");

    List<JobRun> runs =
        new LakePipeline(SharedSpark.get(), lake.jobsConfig(), Clock.systemUTC(), line -> {})
            .runOnce(FixtureLake.LATE_RUN_TIME.plusSeconds(3600));

    // Bronze finds no new messages, so the typed silver events find no new bronze batches and
    // the silver entities nothing newly reconciled, and gold no new silver-entity run.
    assertThat(runs)
        .extracting(JobRun::status)
        .containsExactly(
            JobRun.Status.NO_NEW_DATA,
            JobRun.Status.NO_NEW_DATA,
            JobRun.Status.NO_NEW_DATA,
            JobRun.Status.NO_NEW_DATA);
    assertThat(versions(tables)).isEqualTo(versionsBefore);
    assertThat(TrinoClient.count("SELECT count(*) FROM delta.bronze.raw_events"))
        .isEqualTo(trinoCountBefore);
  }

  private static Map<String, Long> versions(LakeTables tables) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (TableDeclaration table : DATA_TABLES) {
      versions.put(table.qualifiedName(), tables.exists(table) ? tables.version(table) : -1L);
    }
    return versions;
  }
}
