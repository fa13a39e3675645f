package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.ChainTag;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.jobs.runs.StageTimings;
import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.ChainResult;
import io.naaplake.scheduler.ChainRunner;
import io.naaplake.schema.OpsTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The scheduler's chains on Spark: one long-lived SparkSession, created at the first run and reused
 * by every run after it (no JVM or session start-up per run), stopped when the scheduler stops.
 *
 * <ul>
 *   <li>{@code hourly}: {@link HourlyChain}, the pipeline as writer {@code "scheduler hourly"};
 *       fires made redundant by a later due fire are skipped ({@link RedundantFires});
 *   <li>{@code daily}: {@link DailyChain}, its steps in order.
 * </ul>
 *
 * Every run, succeeded or failed, gets a chain row in ops.job_runs (job chain_hourly / chain_daily:
 * trigger, attempt, window, status, error, rows, stage durations, table versions), and the rows its
 * jobs write carry its chain_run_id. A failed run's row is written only if the lake is free at
 * once: a run that failed because another writer holds the lake leaves the lake alone (the
 * scheduler's run log has it). Failures Spark raises for Kafka outages and Delta commit conflicts
 * are turned retriable ({@link ChainFailures}).
 */
public final class SparkChainRunner implements ChainRunner {
  /** Above Spark's own hook in Hadoop's manager: FileSystem's priority (10) + 30. */
  static final int STOP_BEFORE_SPARK_PRIORITY = 100;

  private final JobsConfig jobs;
  private final ChainRunnerConfig config;
  private final SparkSessionSource sessions;
  private final List<ChainStep> dailySteps;
  private final Clock clock;
  private final Consumer<String> progress;
  private final RedundantFires redundant;
  private SparkSession spark;
  private boolean closed;

  public SparkChainRunner(
      JobsConfig jobs,
      ChainRunnerConfig config,
      SparkSessionSource sessions,
      List<ChainStep> dailySteps,
      Duration hourlyInterval,
      Clock clock,
      Consumer<String> progress) {
    this.redundant = new RedundantFires(hourlyInterval);
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.config = requireNonNull(config, "config is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.dailySteps = List.copyOf(dailySteps);
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  @Override
  public ChainResult run(ChainRequest request) {
    Chain chain = Chain.byId(request.chain());
    Instant runTime = request.runTime();
    refuseFutureRunTime(runTime);
    java.util.Optional<String> skipped = redundant.skipReason(request, clock.instant());
    if (skipped.isPresent()) {
      // Recorded in the scheduler's run log only: nothing ran, the lake is untouched.
      progress.accept(chain.id() + " fire of " + runTime + " " + skipped.get());
      return new ChainResult(skipped.get());
    }
    SparkSession session = session();
    LakePipeline pipeline = pipeline(session, chain, config.leaseWait());
    ChainWork work =
        chain == Chain.HOURLY
            ? new HourlyChain(pipeline)
            : new DailyChain(session, pipeline, runLog(session), dailySteps, clock);
    ChainTag tag =
        new ChainTag(
            ChainRows.job(chain.id())
                + "-"
                + runTime
                + "-a"
                + request.attempt()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8),
            request.kind().label(),
            request.attempt());
    StageTimings stages = new StageTimings(clock);
    Instant started = clock.instant();
    progress.accept(
        chain.id()
            + " chain for "
            + runTime
            + " ("
            + tag.trigger()
            + ", attempt "
            + tag.attempt()
            + ")");
    List<JobRun> runs;
    try (ChainTag.Binding bound = tag.bind(session)) {
      runs = work.run(runTime, stages);
    } catch (RuntimeException e) {
      RuntimeException failure = ChainFailures.categorized(e, jobs.kafkaBootstrapServers());
      JobRun row =
          ChainRows.failed(
              tag.chainRunId(), chain.id(), started, clock.instant(), runTime, failure);
      recordFailure(session, chain, row, tag, stages);
      throw failure;
    }
    JobRun row =
        ChainRows.finished(
            tag.chainRunId(),
            chain.id(),
            started,
            clock.instant(),
            runTime,
            work.window(runTime, runs),
            runs);
    pipeline.underLease(
        "record " + row.job(),
        lease -> {
          append(session, row, tag, stages);
          return null;
        });
    String summary = summary(row, stages.asMap());
    progress.accept(summary);
    return new ChainResult(summary);
  }

  /** Opens the session now, so the first chain does not spend its first seconds on it. */
  @Override
  public void prepare() {
    session();
  }

  /**
   * Spark stops its context from Hadoop's shutdown hook manager (priority 40 there); a plain JVM
   * hook would run beside it, and the running chain would lose its SparkContext in the middle of a
   * write. Registered in the same manager at a higher priority, {@code stop} runs first (for up to
   * {@code naap.scheduler.stop-timeout}), and Spark stops only after the chain has ended.
   */
  @Override
  public void onShutdown(Runnable stop) {
    org.apache.hadoop.util.ShutdownHookManager.get()
        .addShutdownHook(
            stop,
            STOP_BEFORE_SPARK_PRIORITY,
            config.stopTimeout().toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Stops the session if this runner owns it; the scheduler calls it once, at shutdown. */
  @Override
  public synchronized void close() {
    closed = true;
    if (spark != null) {
      sessions.release(spark);
      spark = null;
    }
  }

  private synchronized SparkSession session() {
    if (closed) {
      throw new IllegalStateException("the chain runner is closed");
    }
    if (spark == null) {
      progress.accept("starting the scheduler's SparkSession");
      spark = sessions.open();
    }
    return spark;
  }

  private void refuseFutureRunTime(Instant runTime) {
    Duration ahead = Duration.between(clock.instant(), runTime);
    if (ahead.compareTo(config.maxRunTimeAhead()) > 0) {
      throw LakeErrors.badInput(
          "run time " + runTime,
          "is "
              + ahead.toSeconds()
              + " s ahead of this machine's clock (more than naap.scheduler.max-run-time-ahead ="
              + " "
              + config.maxRunTimeAhead().toSeconds()
              + " s): gold would be stamped and settled at a time that has not come. Check the"
              + " clocks of the scheduler's machine and of the one that queued the run");
    }
  }

  private LakePipeline pipeline(SparkSession session, Chain chain, Duration leaseWait) {
    return new LakePipeline(session, jobs, clock, progress, "scheduler " + chain.id(), leaseWait);
  }

  private JobRunLog runLog(SparkSession session) {
    return new JobRunLog(session, new LakeTables(session, jobs));
  }

  private void append(SparkSession session, JobRun row, ChainTag tag, StageTimings stages) {
    new LakeTables(session, jobs).ensure(OpsTables.JOB_RUNS);
    runLog(session).appendChainRow(row, tag, stages.asMap());
  }

  /**
   * Records a failed run if the lake is free right now (no wait): the failure may be that another
   * writer holds it. A failure to record is reported, never thrown over the run's own failure.
   */
  private void recordFailure(
      SparkSession session, Chain chain, JobRun row, ChainTag tag, StageTimings stages) {
    try {
      pipeline(session, chain, Duration.ZERO)
          .underLease(
              "record failed " + row.job(),
              lease -> {
                append(session, row, tag, stages);
                return null;
              });
    } catch (RuntimeException e) {
      progress.accept(
          "the failed "
              + row.job()
              + " run is not in ops.job_runs (only in the scheduler's run log): "
              + (e instanceof NaapException naap ? naap.code() : e.toString()));
    }
  }

  private static String summary(JobRun row, Map<String, Long> stages) {
    return row.job()
        + " "
        + row.status().code()
        + ": "
        + row.rowsIn()
        + " in, "
        + row.rowsOut()
        + " out; "
        + stages.entrySet().stream()
            .map(stage -> stage.getKey() + " " + stage.getValue() + " ms")
            .collect(Collectors.joining(", "))
        + "; run "
        + row.runId();
  }
}
