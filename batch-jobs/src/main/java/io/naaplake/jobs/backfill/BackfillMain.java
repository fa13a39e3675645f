package io.naaplake.jobs.backfill;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.SparkSessions;
import io.naaplake.jobs.progress.ProgressBar;
import io.naaplake.jobs.runs.JobRun;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./naap backfill --from DATE --to DATE [--layers silver,gold] [--run-time ISO]}: recomputes
 * the UTC days [from, to) of the layers given (default silver then gold) with a progress bar on
 * stderr, holding the lake's writer lease throughout; waits {@code naap.lease.max-wait} for a busy
 * lake, then exits 1 with {@code LAKE_WRITER_BUSY} naming the holder. Bad arguments exit 1 with a
 * BAD_DATA error saying what is valid.
 */
public final class BackfillMain {
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    BackfillRequest request;
    try {
      request = BackfillRequest.parse(Arrays.asList(args), Instant.now(clock));
    } catch (NaapException e) {
      System.exit(fail(e));
      return;
    }
    JobsConfig config = JobsConfig.from(Settings.fromEnvironment());
    int exit = 0;
    SparkSession spark = SparkSessions.create(config, "naap-backfill");
    try {
      List<JobRun> runs =
          new Backfill(
                  spark,
                  config,
                  clock,
                  config.writerLease().maxWait(),
                  steps -> ProgressBar.onStderr(clock, "steps", steps))
              .run(request);
      for (JobRun run : runs) {
        System.out.println(
            run.job()
                + " "
                + run.windowDescription().orElse("")
                + ": "
                + run.status().code()
                + ", "
                + run.rowsIn()
                + " in, "
                + run.rowsOut()
                + " out, "
                + run.duration().toMillis()
                + " ms");
      }
    } catch (NaapException e) {
      exit = fail(e);
    } finally {
      spark.stop();
    }
    System.exit(exit);
  }

  private static int fail(NaapException e) {
    System.err.println(
        "naap: backfill failed [" + e.category() + " " + e.code() + "]: " + e.getMessage());
    return 1;
  }

  private BackfillMain() {}
}
