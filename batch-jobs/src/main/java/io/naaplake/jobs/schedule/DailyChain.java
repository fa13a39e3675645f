package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.jobs.runs.StageTimings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * The daily chain: its {@link ChainStep}s in order (the daily report, recurring exports, table
 * maintenance, as they are installed in {@link DailySteps}), each recorded as its own ops.job_runs
 * row. A step that writes the lake holds the writer lease while it runs; the first failing step
 * stops the chain (its row records the failure) and the scheduler retries the chain if the failure
 * is retriable, so steps must be idempotent for their run time. Then Trino registration, in case a
 * step created a table.
 */
final class DailyChain implements ChainWork {
  private final SparkSession spark;
  private final LakePipeline pipeline;
  private final JobRunLog runLog;
  private final List<ChainStep> steps;
  private final Clock clock;

  DailyChain(
      SparkSession spark,
      LakePipeline pipeline,
      JobRunLog runLog,
      List<ChainStep> steps,
      Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.pipeline = requireNonNull(pipeline, "pipeline is null");
    this.runLog = requireNonNull(runLog, "runLog is null");
    this.steps = List.copyOf(steps);
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public List<JobRun> run(Instant runTime, StageTimings stages) {
    List<JobRun> runs = new ArrayList<>();
    for (ChainStep step : steps) {
      runs.add(stages.time(step.name(), () -> runStep(step, runTime)));
    }
    if (!steps.isEmpty()) {
      stages.run("trino_register", pipeline::register);
    }
    return runs;
  }

  /** Runs one step and records its row (under the lease: the row is a write of the lake). */
  private JobRun runStep(ChainStep step, Instant runTime) {
    String runId = step.name() + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
    Instant started = clock.instant();
    StepResult result;
    try {
      result =
          step.writesLake()
              ? pipeline.underLease("daily " + step.name(), lease -> step.run(spark, runTime))
              : step.run(spark, runTime);
    } catch (RuntimeException e) {
      record(ChainRows.failedRun(runId, step.name(), started, clock.instant(), runTime, e));
      throw e;
    }
    JobRun run =
        new JobRun(
            runId,
            step.name(),
            JobRun.Status.SUCCEEDED,
            started,
            clock.instant(),
            runTime,
            Optional.empty(),
            Optional.of(result.window()),
            result.rowsIn(),
            result.rowsOut(),
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            result.tableVersions());
    record(run);
    return run;
  }

  private void record(JobRun run) {
    pipeline.underLease(
        "daily " + run.job() + " run row",
        lease -> {
          runLog.append(run);
          return null;
        });
  }

  @Override
  public String window(Instant runTime, List<JobRun> runs) {
    LocalDate day = runTime.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    if (steps.isEmpty()) {
      return "day " + day + "; no daily steps installed";
    }
    return "day "
        + day
        + "; steps "
        + String.join(", ", steps.stream().map(ChainStep::name).toList());
  }
}
