package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.WriterLease;
import io.naaplake.jobs.maintenance.MaintenanceAction.Kind;
import io.naaplake.jobs.maintenance.MaintenanceAction.Status;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Daily maintenance of every declared table that exists: data retention, compaction of recently
 * written partitions, time-travel settings, a checkpoint and VACUUM ({@link TablePlan}), each
 * action a row of {@code ops.maintenance_actions} and the run a row of {@code ops.job_runs} (job
 * {@code maintenance}).
 *
 * <p>{@link #run} takes the lake's writer lease itself for the whole run (like every {@code
 * LakePipeline} operation; the lease is not re-entrant, so a caller must not hold it), checking it
 * before each table. Re-running for the same run time is safe: expired partitions are gone, the
 * properties are set, compacted partitions have few files and a checkpoint exists, so a repeat
 * skips those steps and only VACUUM runs again. Trino registration of {@code
 * ops.maintenance_actions} is left to the next pipeline run or {@code MaintenanceMain}.
 */
public final class MaintenanceJob {
  public static final String JOB_NAME = "maintenance";

  private final JobsConfig config;
  private final MaintenancePlanner planner;
  private final Clock clock;
  private final Consumer<String> progress;
  private final String writer;
  private final Duration maxLeaseWait;

  /**
   * @param writer who runs maintenance, shown in the writer lease, e.g. {@code "scheduler daily"}
   * @param maxLeaseWait how long to wait for another writer to finish; zero fails at once with
   *     {@code LAKE_WRITER_BUSY}
   */
  public MaintenanceJob(
      JobsConfig config,
      MaintenanceConfig maintenance,
      Clock clock,
      Consumer<String> progress,
      String writer,
      Duration maxLeaseWait) {
    this.config = requireNonNull(config, "config is null");
    this.planner = new MaintenancePlanner(requireNonNull(maintenance, "maintenance is null"));
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.maxLeaseWait = requireNonNull(maxLeaseWait, "maxLeaseWait is null");
  }

  /** The plan for every existing table, without changing anything (no lease needed). */
  public List<TablePlan> plan(SparkSession spark, Instant runTime) {
    LakeTables tables = new LakeTables(spark, config);
    DeltaTableFiles files = new DeltaTableFiles(spark);
    List<TablePlan> plans = new ArrayList<>();
    for (TableDeclaration table : existing(tables)) {
      plans.add(planner.plan(table, files.state(table, tables.path(table)), runTime));
    }
    return plans;
  }

  /**
   * Maintains every existing table for {@code runTime}, holding the writer lease.
   *
   * @throws NaapException {@code LAKE_WRITER_BUSY} when another writer holds the lake; {@code
   *     LAKE_WRITER_LEASE_LOST} when the lease was lost (nothing more is written); or, after every
   *     table was tried and the run was logged, the first action's error
   */
  public MaintenanceResult run(SparkSession spark, Instant runTime) {
    Instant started = clock.instant();
    String runId = JOB_NAME + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (WriterLease lease = holdLake(spark)) {
      LakeTables tables = new LakeTables(spark, config);
      tables.ensure(OpsTables.JOB_RUNS);
      tables.ensure(OpsTables.MAINTENANCE_ACTIONS);
      DeltaTableFiles files = new DeltaTableFiles(spark);
      TableMaintainer maintainer = new TableMaintainer(spark, clock);
      List<MaintenanceAction> actions = new ArrayList<>();
      Map<String, Long> versions = new LinkedHashMap<>();
      Optional<RuntimeException> firstFailure = Optional.empty();
      for (TableDeclaration table : existing(tables)) {
        lease.checkStillHeld();
        String path = tables.path(table);
        TablePlan plan = planner.plan(table, files.state(table, path), runTime);
        TableMaintainer.TableOutcome outcome = maintainer.maintain(plan, path);
        actions.addAll(outcome.actions());
        versions.put(table.qualifiedName(), files.version(path));
        report(table, outcome.actions());
        if (firstFailure.isEmpty()) {
          firstFailure = outcome.failure();
        }
      }
      lease.checkStillHeld();
      new MaintenanceActionLog(spark, tables).append(runId, runTime, actions);
      JobRun run = jobRun(runId, runTime, started, actions, versions, firstFailure);
      new JobRunLog(spark, tables).append(run);
      progress.accept("maintenance done: " + run.windowDescription().orElse(""));
      if (firstFailure.isPresent()) {
        throw firstFailure.get();
      }
      return new MaintenanceResult(run, actions);
    }
  }

  private static List<TableDeclaration> existing(LakeTables tables) {
    return LakeCatalog.tables().stream().filter(tables::exists).toList();
  }

  private void report(TableDeclaration table, List<MaintenanceAction> actions) {
    for (MaintenanceAction action : actions) {
      if (action.outcome().status() != Status.SKIPPED) {
        progress.accept(
            table.qualifiedName()
                + " "
                + action.kind().code()
                + " "
                + action.outcome().status().code()
                + ": "
                + action.outcome().detail()
                + action.outcome().before().map(b -> " (" + b).orElse("")
                + action.outcome().after().map(a -> " -> " + a + ")").orElse(""));
      }
    }
  }

  private JobRun jobRun(
      String runId,
      Instant runTime,
      Instant started,
      List<MaintenanceAction> actions,
      Map<String, Long> versions,
      Optional<RuntimeException> failure) {
    return new JobRun(
        runId,
        JOB_NAME,
        failure.isPresent() ? JobRun.Status.FAILED : JobRun.Status.SUCCEEDED,
        started,
        clock.instant(),
        runTime,
        Optional.empty(),
        Optional.of(summary(versions.size(), actions)),
        versions.size(),
        actions.size(),
        0,
        0,
        failure.map(e -> NaapException.categoryOf(e).name().toLowerCase(Locale.ROOT)),
        failure.map(e -> String.valueOf(e.getMessage())),
        versions);
  }

  /** E.g. {@code 31 tables; optimize: 3 tables, 120 -> 7 files; data_retention: 2 tables, ...}. */
  static String summary(int tables, List<MaintenanceAction> actions) {
    StringBuilder text = new StringBuilder(tables + " tables");
    for (Kind kind : Kind.values()) {
      List<MaintenanceAction> done =
          actions.stream()
              .filter(a -> a.kind() == kind && a.outcome().status() == Status.SUCCEEDED)
              .toList();
      if (done.isEmpty()) {
        continue;
      }
      text.append("; ").append(kind.code()).append(": ").append(done.size()).append(" tables");
      long before = done.stream().mapToLong(a -> files(a.outcome().before())).sum();
      long after = done.stream().mapToLong(a -> files(a.outcome().after())).sum();
      if (kind != Kind.TIME_TRAVEL) {
        text.append(", ").append(before).append(" -> ").append(after).append(" files");
      }
      long deleted = done.stream().mapToLong(a -> a.outcome().rowsDeleted().orElse(0L)).sum();
      if (kind == Kind.DATA_RETENTION) {
        text.append(", ").append(deleted).append(" rows deleted");
      }
    }
    actions.stream()
        .filter(a -> a.outcome().status() == Status.FAILED)
        .forEach(
            a -> text.append("; FAILED ").append(a.table()).append(' ').append(a.kind().code()));
    return text.toString();
  }

  private static long files(Optional<FileStats> stats) {
    return stats.map(FileStats::files).orElse(0L);
  }

  /** Takes the lake's writer lease for the run; closed when the run is done writing. */
  private WriterLease holdLake(SparkSession spark) {
    return WriterLease.acquireForLake(
        config.lakeRoot(),
        spark.sparkContext().hadoopConfiguration(),
        config.writerLease(),
        writer + ": maintain",
        maxLeaseWait,
        clock,
        progress);
  }
}
