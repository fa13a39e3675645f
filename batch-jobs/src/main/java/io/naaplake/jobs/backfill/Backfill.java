package io.naaplake.jobs.backfill;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.WriterLease;
import io.naaplake.jobs.progress.ProgressBar;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Recomputes a window of days from the layer below, holding the lake's writer lease (as writer
 * {@value #WRITER}) from the first step to the last: silver entities from the typed silver events,
 * then gold one day at a time. Each step appends its own ops.job_runs row ({@code backfill_silver},
 * {@code backfill_gold} with the day as window description), so a crash loses at most the step it
 * was in, and running the same backfill again changes nothing.
 */
public final class Backfill {
  /** How a backfill names itself in the lake's writer lease. */
  public static final String WRITER = "backfill";

  /** The ops.job_runs job of a backfill's silver step. */
  public static final String SILVER_JOB_NAME = "backfill_silver";

  private final SparkSession spark;
  private final JobsConfig config;
  private final Clock clock;
  private final Duration maxLeaseWait;
  private final Function<Integer, ProgressBar> bars;

  /**
   * @param maxLeaseWait how long to wait for another writer to finish; zero fails at once with
   *     {@code LAKE_WRITER_BUSY}
   * @param bars the progress bar for a number of steps
   */
  public Backfill(
      SparkSession spark,
      JobsConfig config,
      Clock clock,
      Duration maxLeaseWait,
      Function<Integer, ProgressBar> bars) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxLeaseWait = requireNonNull(maxLeaseWait, "maxLeaseWait is null");
    this.bars = requireNonNull(bars, "bars is null");
  }

  /** Runs every step of the request's plan; returns each step's ops.job_runs row. */
  public List<JobRun> run(BackfillRequest request) {
    List<BackfillPlan.Step> steps = BackfillPlan.of(request);
    ProgressBar bar = bars.apply(steps.size());
    LakePipeline pipeline = new LakePipeline(spark, config, clock, bar::note, WRITER, maxLeaseWait);
    List<JobRun> runs = new ArrayList<>();
    try (WriterLease lease =
        pipeline.holdLake(
            "days "
                + request.from()
                + " to "
                + request.to()
                + " (exclusive), "
                + layers(request))) {
      for (BackfillPlan.Step step : steps) {
        lease.checkStillHeld();
        bar.begin(step.label());
        runs.add(run(step, request.runTime(), bar));
        bar.complete();
      }
    }
    bar.finish("backfill of " + request.from() + ".." + request.to() + " (exclusive) done");
    if (request.layers().contains(BackfillLayer.SILVER)
        && !request.layers().contains(BackfillLayer.GOLD)) {
      // Scheduled gold runs recompute only the hours new bronze batches dirtied, not these.
      bar.note(
          "gold was not recomputed: its windows may now differ from silver until ./naap backfill"
              + " --layers gold --from "
              + request.from()
              + " --to "
              + request.to()
              + " runs");
    }
    pipeline.register();
    return runs;
  }

  private JobRun run(BackfillPlan.Step step, Instant runTime, ProgressBar bar) {
    return switch (step.layer()) {
      case SILVER -> silver(step, runTime, bar);
      case GOLD ->
          new GoldJob(spark, config, clock, bar::note)
              .backfill(runTime, step.from(), step.refreshAsOf());
    };
  }

  /**
   * Recomputes every derived silver entity (the window's and all others: entities are recomputed
   * whole, rows that come out the same are not rewritten) and logs the step as the window's.
   */
  private JobRun silver(BackfillPlan.Step step, Instant runTime, ProgressBar bar) {
    Instant started = clock.instant();
    JobRun rebuild = new SilverEntitiesJob(spark, config, clock, bar::note).rebuild(runTime);
    JobRun run =
        new JobRun(
            SILVER_JOB_NAME
                + "-"
                + step.from()
                + "-"
                + runTime
                + "-"
                + UUID.randomUUID().toString().substring(0, 8),
            SILVER_JOB_NAME,
            rebuild.status(),
            started,
            clock.instant(),
            runTime,
            rebuild.batchId(),
            Optional.of(step.from() + " to " + step.until() + " (exclusive)"),
            rebuild.rowsIn(),
            rebuild.rowsOut(),
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            rebuild.tableVersions());
    new JobRunLog(spark, new LakeTables(spark, config)).append(run);
    return run;
  }

  private static String layers(BackfillRequest request) {
    return String.join(",", request.layers().stream().map(BackfillLayer::cliName).toList());
  }
}
