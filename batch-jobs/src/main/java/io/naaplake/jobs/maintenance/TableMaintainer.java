package io.naaplake.jobs.maintenance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaOptimizeBuilder;
import io.delta.tables.DeltaTable;
import io.naaplake.jobs.maintenance.MaintenanceAction.Kind;
import io.naaplake.jobs.maintenance.MaintenanceAction.Outcome;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * Carries out one table's {@link TablePlan}, step by step, measuring each step. The checkpoint
 * comes last, after VACUUM (which commits its start and end to the log), so it covers the table's
 * final version of the run. A step that fails is recorded with its error and the table's remaining
 * steps are skipped (the next run plans them again); other tables go on.
 *
 * <p>VACUUM deletes files by their age on the wall clock (a removed file's deletion timestamp in
 * the log, an untracked file's modification time), not by the run time: Delta offers no other
 * clock. The run time decides everything else.
 */
final class TableMaintainer {
  private final SparkSession spark;
  private final DeltaTableFiles files;
  private final Clock clock;

  TableMaintainer(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.files = new DeltaTableFiles(spark);
    this.clock = clock;
  }

  /** What maintaining one table did; {@code failure} is the first step's error, if any. */
  record TableOutcome(List<MaintenanceAction> actions, Optional<RuntimeException> failure) {}

  TableOutcome maintain(TablePlan plan, String path) {
    List<MaintenanceAction> actions = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    if (plan.dataRetention().isPresent()) {
      steps.add(new Step(Kind.DATA_RETENTION, () -> deleteExpired(plan, path)));
    }
    steps.add(new Step(Kind.OPTIMIZE, () -> compact(plan, path)));
    steps.add(new Step(Kind.TIME_TRAVEL, () -> setTimeTravel(plan, path)));
    steps.add(new Step(Kind.VACUUM, () -> vacuum(plan, path)));
    steps.add(new Step(Kind.CHECKPOINT, () -> checkpoint(path)));
    String table = plan.table().qualifiedName();
    for (Step step : steps) {
      Instant started = clock.instant();
      try {
        Outcome outcome = step.work().get();
        actions.add(
            new MaintenanceAction(
                table, step.kind(), outcome, started, since(started), Optional.empty()));
      } catch (RuntimeException e) {
        actions.add(
            new MaintenanceAction(
                table,
                step.kind(),
                Outcome.failed("the table's later steps were skipped"),
                started,
                since(started),
                Optional.of(String.valueOf(e.getMessage()))));
        return new TableOutcome(actions, Optional.of(e));
      }
    }
    return new TableOutcome(actions, Optional.empty());
  }

  private record Step(Kind kind, Supplier<Outcome> work) {}

  /**
   * Deletes whole expired date partitions (the plan was read just before: its state is current).
   */
  private Outcome deleteExpired(TablePlan plan, String path) {
    TablePlan.DataRetention retention = plan.dataRetention().orElseThrow();
    if (!retention.hasWork()) {
      return Outcome.skipped(retention.describe());
    }
    Column expired =
        col(retention.column().orElseThrow()).lt(lit(Date.valueOf(retention.keepFrom())));
    long rows = spark.read().format("delta").load(path).where(expired).count();
    DeltaTable.forPath(spark, path).delete(expired);
    TableState after = files.state(plan.table(), path);
    return Outcome.done(
            retention.describe(),
            plan.state().totalFiles(),
            after.totalFiles(),
            plan.state().version(),
            after.version())
        .withRowsDeleted(rows);
  }

  private Outcome compact(TablePlan plan, String path) {
    TablePlan.Compaction compaction = plan.compaction();
    if (!compaction.hasWork()) {
      return Outcome.skipped(compaction.describe());
    }
    boolean deleted = plan.dataRetention().map(TablePlan.DataRetention::hasWork).orElse(false);
    TableState before = deleted ? files.state(plan.table(), path) : plan.state();
    DeltaOptimizeBuilder optimize = DeltaTable.forPath(spark, path).optimize();
    Optional<String> predicate = compaction.predicate();
    if (predicate.isPresent()) {
      optimize = optimize.where(predicate.get());
    }
    optimize.executeCompaction();
    TableState after = files.state(plan.table(), path);
    return Outcome.done(
        compaction.describe(),
        covered(before, compaction),
        covered(after, compaction),
        before.version(),
        after.version());
  }

  private static FileStats covered(TableState state, TablePlan.Compaction compaction) {
    return compaction.wholeTable() ? state.totalFiles() : state.files(compaction.partitions());
  }

  private Outcome setTimeTravel(TablePlan plan, String path) {
    Map<String, String> properties = plan.propertiesToSet();
    if (properties.isEmpty()) {
      return Outcome.skipped("already " + plan.policy().timeTravelInterval());
    }
    long versionBefore = files.version(path);
    String assignments =
        properties.entrySet().stream()
            .map(e -> "'" + e.getKey() + "' = '" + e.getValue() + "'")
            .collect(Collectors.joining(", "));
    spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES (" + assignments + ")");
    return new Outcome(
        MaintenanceAction.Status.SUCCEEDED,
        "set " + assignments,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(versionBefore),
        Optional.of(files.version(path)));
  }

  /**
   * Writes a checkpoint of the latest version and lets Delta delete log files older than the
   * table's {@code delta.logRetentionDuration} (files counted: the log directory's).
   */
  private Outcome checkpoint(String path) {
    DeltaLog log = files.log(path);
    Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
    if (log.checkpointExistsAtVersion(snapshot.version())) {
      return Outcome.skipped("a checkpoint exists at version " + snapshot.version());
    }
    FileStats before = files.logFiles(path);
    log.checkpointAndCleanUpDeltaLog(snapshot, Option.empty());
    return Outcome.done(
        "checkpoint at version " + snapshot.version(),
        before,
        files.logFiles(path),
        snapshot.version(),
        snapshot.version());
  }

  /**
   * VACUUM with the policy's time travel as retention. Delta's retention check stays on: it refuses
   * a retention below the table's {@code delta.deletedFileRetentionDuration}, which the time-travel
   * step has just set to the same value.
   */
  private Outcome vacuum(TablePlan plan, String path) {
    long hours = plan.policy().timeTravel().toHours();
    long versionBefore = files.version(path);
    FileStats before = files.storage(path);
    DeltaTable.forPath(spark, path).vacuum(hours);
    return Outcome.done(
        "retain " + hours + " hours (file ages by the wall clock)",
        before,
        files.storage(path),
        versionBefore,
        files.version(path));
  }

  private Duration since(Instant started) {
    return Duration.between(started, clock.instant());
  }
}
