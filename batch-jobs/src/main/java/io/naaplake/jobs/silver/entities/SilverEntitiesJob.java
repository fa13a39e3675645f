package io.naaplake.jobs.silver.entities;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.ConcurrentWrites;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.jobs.silver.LateEvents;
import io.naaplake.jobs.silver.SilverWindows;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Typed silver events to the derived silver entities: capability inventory, sessions, session
 * hours, attributed selections, jobs and payment links.
 *
 * <p>Each run covers the bronze batches the typed tables reconciled since this job's last completed
 * run, recomputes every entity those batches touched from all of the entity's events, and replaces
 * the entity's rows in one MERGE per table. Re-running the same batches recomputes the same
 * entities from the same events, so a crash before the run's ops.job_runs row only costs the
 * repetition; its ops appends carry the batch as Delta transaction version and happen once.
 */
public final class SilverEntitiesJob {
  public static final String JOB_NAME = "silver_entities";

  private final SparkSession spark;
  private final LakeTables tables;
  private final SilverWindows windows;
  private final JobRunLog runLog;
  private final Clock clock;
  private final Consumer<String> progress;
  private final ConcurrentWrites writes;

  public SilverEntitiesJob(
      SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = new LakeTables(spark, config);
    this.windows = config.silverWindows();
    this.runLog = new JobRunLog(spark, tables);
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.writes = config.writes();
  }

  /** The tables this job writes. */
  public static List<TableDeclaration> outputTables() {
    List<TableDeclaration> output = new ArrayList<>(CapabilityTables.all());
    output.add(SessionTables.SESSIONS);
    output.add(SessionTables.SESSION_HOURS);
    output.add(SelectionTables.SESSION_SELECTIONS);
    output.addAll(JobTables.all());
    output.add(OpsTables.LATE_EVENTS);
    output.add(OpsTables.EVENT_TIME_WATERMARKS);
    output.add(OpsTables.SILVER_DIRTY_HOURS);
    return output;
  }

  public JobRun run(Instant runTime) {
    ensureTables();
    Instant started = clock.instant();
    String runId = JOB_NAME + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
    long from = runLog.lastCompletedBatch(JOB_NAME);
    long to = reconciledBatch();
    if (to <= from) {
      progress.accept("silver entities: nothing reconciled after bronze batch " + from);
      return log(runId, runTime, started, JobRun.Status.NO_NEW_DATA, from, 0, 0);
    }
    return process(runTime, runId, started, from, to);
  }

  /**
   * Recomputes every entity from all typed events, whatever the run log says: the operator's repair
   * after silver tables were dropped or a rule changed. Rows that come out the same are not
   * rewritten.
   */
  public JobRun rebuild(Instant runTime) {
    ensureTables();
    return recompute(runTime, -1, reconciledBatch());
  }

  /**
   * Recomputes the entities of bronze batches (from, to] as a run would, whatever the run log says:
   * what a re-run after a crash does.
   */
  JobRun recompute(Instant runTime, long from, long to) {
    ensureTables();
    String runId = JOB_NAME + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
    return process(runTime, runId, clock.instant(), from, to);
  }

  private JobRun process(Instant runTime, String runId, Instant started, long from, long to) {
    EntityRun run = new EntityRun(spark, tables, windows, runId, from, to, watermarksBefore(from));
    long freshEvents = recordLateness(run);
    progress.accept("silver entities: lateness recorded for " + freshEvents + " new typed events");
    Dataset<Row> snapshots = CapabilityStage.run(run);
    progress.accept("silver entities: capability inventory updated");
    SessionStage.Result sessions = SessionStage.run(run);
    progress.accept("silver entities: sessions, session hours and selections recomputed");
    Dataset<Row> jobHours = JobStage.run(run);
    progress.accept("silver entities: AI-batch, LLM and BYOC jobs recomputed and attributed");
    Dataset<Row> paymentHours = PaymentStage.run(run, sessions.sessions());
    progress.accept("silver entities: payment links updated");
    Dataset<Row> reattributed = Reattribution.run(run, snapshots);
    progress.accept("silver entities: selections the new announcements cover re-attributed");
    long dirtyHours =
        writeDirtyHours(
            run,
            sessions
                .dirtyHours()
                // New announcements change the supply, inventory and pricing of their hours.
                .unionByName(DirtyHours.of(snapshots, "snapshot_ts"))
                .unionByName(jobHours)
                .unionByName(paymentHours)
                .unionByName(reattributed)
                .distinct());
    snapshots.unpersist();
    long sessionsOut = sessions.sessions().count();
    progress.accept(
        "silver entities: batches "
            + (from + 1)
            + ".."
            + to
            + ": "
            + freshEvents
            + " new typed events, "
            + sessionsOut
            + " sessions recomputed, "
            + dirtyHours
            + " dirty hours");
    return log(runId, runTime, started, JobRun.Status.SUCCEEDED, to, freshEvents, sessionsOut);
  }

  /** Its outputs, and the run log and reconciliation it reads (empty on a fresh lake). */
  private void ensureTables() {
    writes.forEach(outputTables(), tables::ensure);
    tables.ensure(OpsTables.JOB_RUNS);
    tables.ensure(OpsTables.SILVER_RECONCILIATION);
  }

  /** The last bronze batch the typed silver tables reconciled; -1 before the first. */
  private long reconciledBatch() {
    Row row = read(OpsTables.SILVER_RECONCILIATION).agg(max(col("to_batch_id"))).first();
    return row.isNullAt(0) ? -1 : row.getLong(0);
  }

  /** Each org's high-water mark as of the run that completed {@code batch}. */
  private Dataset<Row> watermarksBefore(long batch) {
    return read(OpsTables.EVENT_TIME_WATERMARKS)
        .where(col("to_batch_id").equalTo(lit(batch)))
        .select("org", "high_water_mark");
  }

  /**
   * Writes ops.late_events and the new high-water marks (once per batch range); returns the number
   * of typed events the run covers.
   */
  private long recordLateness(EntityRun run) {
    Dataset<Row> classified = null;
    for (EventFamily family : EventFamily.values()) {
      Dataset<Row> rows =
          run.classified(family)
              .select(
                  "org",
                  "event_type",
                  "event_ts",
                  "high_water_mark",
                  "lateness_seconds",
                  "beyond_horizon");
      classified = classified == null ? rows : classified.unionByName(rows);
    }
    classified = classified.localCheckpoint();
    Dataset<Row> late =
        LateEvents.summary(classified)
            .withColumn("run_id", lit(run.runId))
            .withColumn("to_batch_id", lit(run.toBatch));
    DeltaWrites.appendOnce(
        Projections.of(late, OpsTables.LATE_EVENTS),
        tables.path(OpsTables.LATE_EVENTS),
        JOB_NAME + ".late_events",
        run.toBatch);
    Dataset<Row> marks =
        classified
            .select("org", "event_ts")
            .unionByName(
                read(OpsTables.EVENT_TIME_WATERMARKS)
                    .where(col("to_batch_id").equalTo(lit(run.fromBatch)))
                    .select(col("org"), col("high_water_mark").as("event_ts")))
            .where(col("event_ts").isNotNull())
            .groupBy("org")
            .agg(max("event_ts").as("high_water_mark"))
            .withColumn("to_batch_id", lit(run.toBatch))
            .withColumn("run_id", lit(run.runId));
    DeltaWrites.appendOnce(
        Projections.of(marks, OpsTables.EVENT_TIME_WATERMARKS),
        tables.path(OpsTables.EVENT_TIME_WATERMARKS),
        JOB_NAME + ".watermarks",
        run.toBatch);
    return classified.count();
  }

  private long writeDirtyHours(EntityRun run, Dataset<Row> hours) {
    Dataset<Row> rows =
        hours.withColumn("to_batch_id", lit(run.toBatch)).withColumn("run_id", lit(run.runId));
    Dataset<Row> projected = Projections.of(rows, OpsTables.SILVER_DIRTY_HOURS).localCheckpoint();
    DeltaWrites.appendOnce(
        projected,
        tables.path(OpsTables.SILVER_DIRTY_HOURS),
        JOB_NAME + ".dirty_hours",
        run.toBatch);
    return projected.count();
  }

  private JobRun log(
      String runId,
      Instant runTime,
      Instant started,
      JobRun.Status status,
      long toBatch,
      long rowsIn,
      long rowsOut) {
    return runLog.appendBatchRun(
        new JobRunLog.BatchRun(
            runId,
            JOB_NAME,
            status,
            started,
            clock.instant(),
            runTime,
            toBatch,
            "typed silver events of bronze ingest batches up to " + toBatch,
            rowsIn,
            rowsOut,
            outputTables()));
  }

  private Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }
}
