package io.naaplake.jobs.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.ConcurrentWrites;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.jobs.silver.SilverWindows;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldRevisionTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.GoldSupplyTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Silver to gold: recomputes every gold window from the earliest date the new silver rows touched.
 *
 * <p>Each run covers the silver-entity runs completed since its own last one (their batches in
 * {@code ops.silver_dirty_hours}), takes the earliest dirty hour's UTC date as the first window,
 * recomputes every gold table from that date on ({@link GoldTransform}), logs in gold.revisions
 * what changed in rows already published, and replaces those date partitions in one overwrite per
 * table. Windows after a changed day are recomputed too, which covers what depends on it: the next
 * hour's degradation flag and the next seven days' benchmarks and scores. Then rows whose window
 * has since passed the lateness horizon are marked settled, without recomputation.
 *
 * <p>Re-running after a crash recomputes the same windows from the same silver rows, so the tables
 * come out the same; revisions are appended once per table and silver batch.
 */
public final class GoldJob {
  public static final String JOB_NAME = "gold";

  /** The ops.job_runs job of a backfill's gold steps (one row per day). */
  public static final String BACKFILL_JOB_NAME = "backfill_gold";

  private final SparkSession spark;
  private final LakeTables tables;
  private final SilverWindows windows;
  private final JobRunLog runLog;
  private final Clock clock;
  private final Consumer<String> progress;
  private final ConcurrentWrites writes;

  public GoldJob(SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = new LakeTables(spark, config);
    this.windows = config.silverWindows();
    this.runLog = new JobRunLog(spark, tables);
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = ConcurrentWrites.serialized(requireNonNull(progress, "progress is null"));
    this.writes = config.writes();
  }

  /** The tables this job writes, the revisions log last. */
  public static List<TableDeclaration> outputTables() {
    List<TableDeclaration> output = new ArrayList<>(GoldSlaTables.all());
    output.addAll(GoldDemandTables.all());
    output.addAll(GoldDiagnosticsTables.all());
    output.addAll(GoldEconomicsTables.all());
    output.addAll(GoldSupplyTables.all());
    output.addAll(GoldNetworkTables.all());
    output.addAll(GoldRevisionTables.all());
    return output;
  }

  public JobRun run(Instant runTime) {
    ensureTables();
    Instant started = clock.instant();
    String runId = runId(runTime);
    long from = runLog.lastCompletedBatch(JOB_NAME);
    long to = runLog.lastCompletedBatch(SilverEntitiesJob.JOB_NAME);
    if (to <= from) {
      long settled = settle(runTime);
      progress.accept("gold: no silver batch after " + from + "; " + settled + " rows settled");
      return log(runId, runTime, started, JobRun.Status.NO_NEW_DATA, from, 0, 0, "");
    }
    return recompute(
        runTime,
        runId,
        started,
        from,
        to,
        firstDirtyDate(from, to),
        new RevisionStamp("revisions", to));
  }

  /**
   * Recomputes every window from the first dirty date silver ever recorded, whatever the run log
   * says: the operator's repair after gold was dropped or a gold rule changed.
   */
  public JobRun rebuild(Instant runTime) {
    ensureTables();
    long to = runLog.lastCompletedBatch(SilverEntitiesJob.JOB_NAME);
    return recompute(
        runTime,
        runId(runTime),
        clock.instant(),
        -1,
        to,
        firstDirtyDate(-1, to),
        new RevisionStamp("rebuild-revisions", runTime.getEpochSecond()));
  }

  /**
   * Recomputes the windows of one UTC day from silver and replaces only that day's rows of every
   * windowed gold table, logging in gold.revisions what changed in published rows as a run does;
   * rows of other days are not touched (nor settled). With {@code refreshAsOf} it then writes the
   * as-of tables' rows at {@code runTime}. Re-running gives the same rows and logs no revisions.
   *
   * <p>Days are recomputed one at a time, oldest first: a day's scores read the benchmarks of the
   * seven days before it and the hourly row of the hour before it from gold, as a run does.
   */
  public JobRun backfill(Instant runTime, LocalDate day, boolean refreshAsOf) {
    ensureTables();
    Instant started = clock.instant();
    String runId =
        BACKFILL_JOB_NAME
            + "-"
            + day
            + "-"
            + runTime
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    Instant settledBefore = runTime.minus(windows.latenessHorizon());
    // One application id per day: each day's revisions are appended once per run time.
    RevisionStamp stamp = new RevisionStamp("backfill-revisions." + day, runTime.getEpochSecond());
    LocalDate next = day.plusDays(1);
    Map<TableDeclaration, Dataset<Row>> rows =
        GoldTransform.compute(
            GoldInputs.readWindow(spark, tables, day, next), windows.freshWindow(), settledBefore);
    TableWrite total =
        replaceAll(rows, table -> days(table, day, next), true, runId, runTime, stamp, "on " + day);
    if (refreshAsOf) {
      total = total.plus(writeAsOf(runTime, settledBefore, runId, stamp));
    }
    return log(
        BACKFILL_JOB_NAME,
        runId,
        runTime,
        started,
        JobRun.Status.SUCCEEDED,
        runLog.lastCompletedBatch(SilverEntitiesJob.JOB_NAME),
        total.revisions(),
        total.rows(),
        day.toString());
  }

  /**
   * Whether the as-of tables at {@code asOf} read gold windows of the days [from, until): the
   * leaderboard reads the hourly SLA rows of the seven days before its as-of time.
   */
  public static boolean asOfReads(LocalDate from, LocalDate until, Instant asOf) {
    LocalDate asOfDate = asOf.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    LocalDate reachDate =
        asOf.minus(GoldAsOf.LEADERBOARD_REACH).atZone(java.time.ZoneOffset.UTC).toLocalDate();
    return !from.isAfter(asOfDate) && until.isAfter(reachDate);
  }

  private JobRun recompute(
      Instant runTime,
      String runId,
      Instant started,
      long fromBatch,
      long toBatch,
      Optional<LocalDate> firstDate,
      RevisionStamp stamp) {
    if (firstDate.isEmpty()) {
      long settled = settle(runTime);
      progress.accept("gold: silver batches changed no hour; " + settled + " rows settled");
      return log(
          runId, runTime, started, JobRun.Status.SUCCEEDED, toBatch, 0, 0, "no dirty windows");
    }
    LocalDate first = firstDate.get();
    Instant settledBefore = runTime.minus(windows.latenessHorizon());
    progress.accept("gold: recomputing every window from " + first);
    Map<TableDeclaration, Dataset<Row>> rows =
        GoldTransform.compute(
            GoldInputs.read(spark, tables, first), windows.freshWindow(), settledBefore);
    TableWrite windowsWrite =
        replaceAll(
            rows, table -> fromDate(table, first), false, runId, runTime, stamp, "from " + first);
    long written = windowsWrite.rows();
    long revised = windowsWrite.revisions();
    TableWrite asOf = writeAsOf(runTime, settledBefore, runId, stamp);
    written += asOf.rows();
    revised += asOf.revisions();
    long settled = settle(runTime);
    String windowsText =
        "windows from "
            + first
            + " (silver batches "
            + (fromBatch + 1)
            + ".."
            + toBatch
            + "); "
            + revised
            + " revised rows; "
            + settled
            + " earlier rows settled";
    progress.accept("gold: " + windowsText);
    return log(
        runId, runTime, started, JobRun.Status.SUCCEEDED, toBatch, revised, written, windowsText);
  }

  /** Replaces the as-of tables' rows at {@code runTime}; call after the windows were written. */
  private TableWrite writeAsOf(
      Instant runTime, Instant settledBefore, String runId, RevisionStamp stamp) {
    return replaceAll(
        GoldAsOf.compute(spark, tables, runTime, settledBefore),
        table -> asOf(runTime),
        false,
        runId,
        runTime,
        stamp,
        "as of " + runTime);
  }

  /**
   * Replaces each table's {@code slice} with its fresh rows (restricted to the slice first when
   * {@code restrict}), the tables side by side; the total of what was written and revised.
   */
  private TableWrite replaceAll(
      Map<TableDeclaration, Dataset<Row>> rows,
      Function<TableDeclaration, Slice> slice,
      boolean restrict,
      String runId,
      Instant runTime,
      RevisionStamp stamp,
      String what) {
    List<TableWrite> written =
        writes.map(
            new ArrayList<>(rows.entrySet()),
            entry -> {
              TableDeclaration table = entry.getKey();
              Slice rowsSlice = slice.apply(table);
              Dataset<Row> fresh =
                  restrict ? entry.getValue().where(rowsSlice.rows()) : entry.getValue();
              TableWrite write = replace(table, fresh, rowsSlice, runId, runTime, stamp);
              report(table, what, write);
              return write;
            });
    return written.stream().reduce(new TableWrite(0, 0), TableWrite::plus);
  }

  /** The UTC date of the earliest hour silver runs (from, to] marked dirty; empty if none. */
  private Optional<LocalDate> firstDirtyDate(long fromBatch, long toBatch) {
    Row row =
        read(OpsTables.SILVER_DIRTY_HOURS)
            .where(col("to_batch_id").gt(lit(fromBatch)).and(col("to_batch_id").leq(lit(toBatch))))
            .agg(min(GoldWindows.utcDate(col("hour"))))
            .first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getDate(0).toLocalDate());
  }

  private void report(TableDeclaration table, String what, TableWrite write) {
    progress.accept(
        "gold: "
            + table.qualifiedName()
            + " "
            + what
            + ": "
            + write.rows()
            + " rows, "
            + write.revisions()
            + " revisions");
  }

  /** The rows a recomputation from {@code first} replaces: its date partitions from then on. */
  private static Slice fromDate(TableDeclaration table, LocalDate first) {
    String partition = table.partitionColumns().get(0);
    return new Slice(
        col(partition).geq(lit(Date.valueOf(first))), partition + " >= '" + first + "'");
  }

  /** The rows of the date partitions [first, until): a backfill's days. */
  private static Slice days(TableDeclaration table, LocalDate first, LocalDate until) {
    String partition = table.partitionColumns().get(0);
    return new Slice(
        col(partition)
            .geq(lit(Date.valueOf(first)))
            .and(col(partition).lt(lit(Date.valueOf(until)))),
        partition + " >= '" + first + "' AND " + partition + " < '" + until + "'");
  }

  /**
   * The rows of one as-of time: its partition and its time in epoch microseconds (zone-free, and
   * exact at the timestamp precision Delta stores, whatever fraction of a second the run time has).
   */
  private static Slice asOf(Instant runTime) {
    String date = runTime.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    long micros = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, runTime);
    return new Slice(
        col("as_of_date")
            .equalTo(lit(Date.valueOf(date)))
            .and(
                col("as_of").equalTo(org.apache.spark.sql.functions.timestamp_micros(lit(micros)))),
        "as_of_date = '" + date + "' AND as_of = timestamp_micros(" + micros + ")");
  }

  /**
   * Logs in gold.revisions how {@code fresh} differs from the table's rows in {@code slice}, then
   * replaces the slice with it.
   */
  private TableWrite replace(
      TableDeclaration table,
      Dataset<Row> fresh,
      Slice slice,
      String runId,
      Instant runTime,
      RevisionStamp stamp) {
    Dataset<Row> rows = fresh.localCheckpoint();
    Dataset<Row> stored = read(table).where(slice.rows());
    Dataset<Row> revisions = Revisions.of(table, stored, rows, runId, runTime).localCheckpoint();
    long revised = revisions.count();
    if (revised > 0) {
      DeltaWrites.appendOnce(
          revisions,
          tables.path(GoldRevisionTables.REVISIONS),
          JOB_NAME + "." + stamp.kind() + "." + table.name(),
          stamp.version());
    }
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", slice.replaceWhere())
        .save(tables.path(table));
    return new TableWrite(rows.count(), revised);
  }

  /** Marks settled the rows whose window ended at or before the lateness horizon. */
  private long settle(Instant runTime) {
    Instant settledBefore = runTime.minus(windows.latenessHorizon());
    List<TableDeclaration> settling =
        outputTables().stream()
            .filter(table -> table.column(GoldSettlement.COLUMN).isPresent())
            .toList();
    List<Long> settled =
        writes.map(
            settling,
            table -> {
              Column due =
                  not(col(GoldSettlement.COLUMN)).and(GoldSettlement.due(table, settledBefore));
              long count = read(table).where(due).count();
              if (count > 0) {
                io.delta.tables.DeltaTable.forPath(spark, tables.path(table))
                    .update(due, Map.of(GoldSettlement.COLUMN, lit(true)));
              }
              return count;
            });
    return settled.stream().mapToLong(Long::longValue).sum();
  }

  private void ensureTables() {
    writes.forEach(outputTables(), tables::ensure);
    tables.ensure(OpsTables.JOB_RUNS);
    tables.ensure(OpsTables.SILVER_DIRTY_HOURS);
  }

  private static String runId(Instant runTime) {
    return JOB_NAME + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JobRun log(
      String runId,
      Instant runTime,
      Instant started,
      JobRun.Status status,
      long toBatch,
      long rowsIn,
      long rowsOut,
      String windowsText) {
    return log(
        JOB_NAME, runId, runTime, started, status, toBatch, rowsIn, rowsOut, "gold " + windowsText);
  }

  private JobRun log(
      String job,
      String runId,
      Instant runTime,
      Instant started,
      JobRun.Status status,
      long toBatch,
      long rowsIn,
      long rowsOut,
      String description) {
    return runLog.appendBatchRun(
        new JobRunLog.BatchRun(
            runId,
            job,
            status,
            started,
            clock.instant(),
            runTime,
            toBatch,
            description,
            rowsIn,
            rowsOut,
            outputTables()));
  }

  private Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }

  private record TableWrite(long rows, long revisions) {
    TableWrite plus(TableWrite other) {
      return new TableWrite(rows + other.rows, revisions + other.revisions);
    }
  }

  /** Rows of a table, as a Spark filter and as the same predicate in Delta's replaceWhere. */
  private record Slice(Column rows, String replaceWhere) {}

  /**
   * The exactly-once stamp of a run's revisions: runs append once per silver batch they covered;
   * rebuilds, under their own application id, once per run time (a rebuild's version must not block
   * the smaller batch numbers of later runs).
   */
  private record RevisionStamp(String kind, long version) {}
}
