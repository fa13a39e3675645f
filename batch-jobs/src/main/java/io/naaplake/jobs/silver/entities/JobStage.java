package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.jobs.silver.jobs.JobTransforms;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Request/response jobs: AI-batch and LLM jobs touched by the run are recomputed from all their
 * events (both halves of a job may arrive in different runs); BYOC jobs are one event each. Every
 * job is attributed before it is written.
 */
final class JobStage {
  private static final List<String> REQUEST = List.of("org", "request_id");

  /** How far back worker_lifecycle snapshots can name a BYOC job's model (reference §2.10). */
  private static final int WORKER_LOOKBACK_DAYS = 30;

  private JobStage() {}

  /** The hours whose jobs the run recomputed. */
  static Dataset<Row> run(EntityRun run) {
    Dataset<Row> batch =
        byRequest(
            run, EventFamily.AI_BATCH_REQUEST, JobTables.AI_BATCH_JOBS, JobTransforms::aiBatchJobs);
    Dataset<Row> llm =
        byRequest(run, EventFamily.AI_LLM_REQUEST, JobTables.LLM_JOBS, JobTransforms::llmJobs);
    Dataset<Row> byoc = byoc(run);
    return batch.unionByName(llm).unionByName(byoc).distinct();
  }

  private static Dataset<Row> byRequest(
      EntityRun run,
      EventFamily family,
      TableDeclaration table,
      UnaryOperator<Dataset<Row>> transform) {
    Dataset<Row> dirty =
        run.eligible(family)
            .withColumn("request_id", Identity.text(col("request_id")))
            .where(col("request_id").isNotNull())
            .groupBy("org", "request_id")
            .agg(min("event_date").as("fresh_date"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    LocalDate since = earliest(run, dirty, table);
    if (since == null) {
      dirty.unpersist();
      return DirtyHours.of(run.read(table).limit(0), "selection_ts");
    }
    Dataset<Row> events =
        CapabilityStage.semiJoin(
            run.readSince(SilverTables.of(family), since)
                .withColumn("request_id", Identity.text(col("request_id"))),
            dirty,
            REQUEST);
    Dataset<Row> hours = AttributedWrites.upsert(run, table, transform.apply(events));
    dirty.unpersist();
    return hours;
  }

  /** Earliest date of a dirty job's events: its stored job date, else its first new event. */
  private static LocalDate earliest(EntityRun run, Dataset<Row> dirty, TableDeclaration table) {
    Row fresh = dirty.agg(min("fresh_date")).first();
    if (fresh.isNullAt(0)) {
      return null;
    }
    LocalDate earliest = fresh.getDate(0).toLocalDate();
    Row stored =
        CapabilityStage.semiJoin(run.read(table), dirty, REQUEST).agg(min("job_date")).first();
    if (!stored.isNullAt(0)) {
      LocalDate first = stored.getDate(0).toLocalDate();
      earliest = first.isBefore(earliest) ? first : earliest;
    }
    // A job's halves are stamped by one gateway minutes apart; the day before covers the half
    // that crossed midnight before the stored job date was set.
    return earliest.minusDays(1);
  }

  private static Dataset<Row> byoc(EntityRun run) {
    Dataset<Row> completed =
        run.eligible(EventFamily.JOB_GATEWAY).persist(StorageLevel.MEMORY_AND_DISK());
    Row range = completed.agg(min("event_date")).first();
    if (range.isNullAt(0)) {
      completed.unpersist();
      return DirtyHours.of(run.read(JobTables.BYOC_JOBS).limit(0), "selection_ts");
    }
    LocalDate since = range.getDate(0).toLocalDate().minusDays(WORKER_LOOKBACK_DAYS);
    Dataset<Row> workers =
        run.read(SilverTables.of(EventFamily.WORKER_LIFECYCLE))
            .where(col("event_date").geq(org.apache.spark.sql.functions.lit(Date.valueOf(since))));
    Dataset<Row> hours =
        AttributedWrites.upsert(
            run, JobTables.BYOC_JOBS, JobTransforms.byocJobs(completed, workers));
    completed.unpersist();
    return hours;
  }
}
