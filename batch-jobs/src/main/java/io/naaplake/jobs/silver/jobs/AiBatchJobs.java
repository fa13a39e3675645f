package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.JobTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver.ai_batch_request to silver.ai_batch_jobs: received and completed halves joined. */
final class AiBatchJobs {
  static final String RECEIVED = "ai_batch_request_received";
  static final String COMPLETED = "ai_batch_request_completed";
  static final String NO_ORCHESTRATORS = "no_orchestrators";

  private static final String[] KEY = {"org", "request_key"};

  static Dataset<Row> transform(Dataset<Row> aiBatch) {
    Dataset<Row> events =
        aiBatch
            .withColumn("request_key", Identity.text(col("request_id")))
            .where(col("request_key").isNotNull());
    Dataset<Row> jobs = receivedHalves(events).join(completedHalves(events), KEY, "full_outer");
    return JobColumns.project(derive(jobs), JobTables.AI_BATCH_JOBS);
  }

  /** The earliest received event of each request: when the gateway took the job. */
  private static Dataset<Row> receivedHalves(Dataset<Row> events) {
    return EventOrder.earliest(events.where(col("event_subtype").equalTo(RECEIVED)), KEY)
        .select(
            col("org"),
            col("request_key"),
            EventOrder.eventTime().as("received_at"),
            col("event_id").as("received_event_id"),
            col("event_date").as("received_date"),
            col("gateway").as("received_gateway"),
            Identity.text(col("pipeline")).as("received_pipeline"),
            Identity.text(col("model_id")).as("received_model_id"));
  }

  /** The latest completed event of each request: the job's final outcome. */
  private static Dataset<Row> completedHalves(Dataset<Row> events) {
    return EventOrder.latest(events.where(col("event_subtype").equalTo(COMPLETED)), KEY)
        .select(
            col("org"),
            col("request_key"),
            EventOrder.eventTime().as("completed_at"),
            col("event_id").as("completed_event_id"),
            col("event_date").as("completed_date"),
            col("gateway").as("completed_gateway"),
            Identity.text(col("pipeline")).as("completed_pipeline"),
            Identity.text(col("model_id")).as("completed_model_id"),
            col("success"),
            col("tries"),
            col("duration_ms"),
            col("latency_score"),
            col("price_per_unit"),
            Identity.text(col("error_type")).as("error_type"),
            Identity.text(col("error")).as("error_message"),
            Identity.uri(col("orch_url")).as("orch_url"));
  }

  private static Dataset<Row> derive(Dataset<Row> jobs) {
    return jobs.withColumn("request_id", col("request_key"))
        .withColumn("gateway", coalesce(col("received_gateway"), col("completed_gateway")))
        .withColumn("pipeline", coalesce(col("received_pipeline"), col("completed_pipeline")))
        .withColumn("model_id", coalesce(col("received_model_id"), col("completed_model_id")))
        .withColumn("selection_ts", coalesce(col("received_at"), col("completed_at")))
        .withColumn(
            "job_date",
            coalesce(UtcDate.of("selection_ts"), col("received_date"), col("completed_date")))
        .withColumn("selection_outcome", selectionOutcome())
        .withColumn("observed_url", col("orch_url"))
        .withColumn("observed_address", lit(null).cast("string"))
        .withColumn("pipeline_hint", col("pipeline"))
        .withColumn("model_hint", col("model_id"));
  }

  /** Reference §2.10: the URL proves a selection; only the no_orchestrators class excuses. */
  private static Column selectionOutcome() {
    return when(col("orch_url").isNotNull(), SelectionOutcome.SELECTED)
        .when(
            col("success").equalTo(false).and(col("error_type").equalTo(NO_ORCHESTRATORS)),
            SelectionOutcome.NO_ORCH)
        .otherwise(SelectionOutcome.UNKNOWN);
  }

  private AiBatchJobs() {}
}
