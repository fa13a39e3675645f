package io.naaplake.jobs.schedule;

import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.StageTimings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The hourly chain: one pass of the pipeline (bronze ingest, silver events, silver entities, gold,
 * then Trino registration) under the writer lease, for every new message.
 *
 * <p>How it refreshes the open hour and closes ended ones: gold recomputes every window from the
 * UTC date of the earliest hour the new silver rows touched, so each run rewrites the open hour
 * (and any earlier hour a late event changed) from all silver rows so far. The first run after an
 * hour ends reads that hour's remaining events and rewrites it once more: that is the hour's close.
 * Its rows stay {@code is_settled = false} (provisional) until the hour has ended more than {@code
 * naap.silver.lateness-horizon} before a run time; until then a late event can still revise it
 * (logged in gold.revisions). A run with no new message changes no window and only settles.
 */
final class HourlyChain implements ChainWork {
  private final LakePipeline pipeline;

  HourlyChain(LakePipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public List<JobRun> run(Instant runTime, StageTimings stages) {
    return pipeline.runOnce(runTime, stages);
  }

  @Override
  public String window(Instant runTime, List<JobRun> runs) {
    Instant hour = runTime.truncatedTo(ChronoUnit.HOURS);
    String gold =
        runs.stream()
            .filter(run -> run.job().equals(GoldJob.JOB_NAME))
            .map(run -> run.windowDescription().orElse("gold: no new silver batch"))
            .findFirst()
            .orElse("gold did not run");
    return "open hour " + hour + " to " + hour.plus(1, ChronoUnit.HOURS) + "; " + gold;
  }
}
