package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.JobTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver.ai_llm_request to silver.llm_jobs: one row per completed request. */
final class LlmJobs {
  static final String STARTED = "llm_request_started";
  static final String COMPLETED = "llm_request_completed";
  static final String STREAM_COMPLETED = "llm_stream_completed";

  /** The pipeline LLM requests run on (capability 33). */
  static final String LLM_PIPELINE = "llm";

  private static final String[] KEY = {"org", "request_key"};

  static Dataset<Row> transform(Dataset<Row> llm) {
    Dataset<Row> events =
        llm.withColumn("request_key", Identity.text(col("request_id")))
            .where(col("request_key").isNotNull());
    Dataset<Row> jobs = completions(events).join(starts(events), KEY, "left");
    return JobColumns.project(derive(jobs), JobTables.LLM_JOBS);
  }

  /** The latest completion of each request (reference: latest by event time). */
  private static Dataset<Row> completions(Dataset<Row> events) {
    return EventOrder.latest(
            events.where(col("event_subtype").isin(COMPLETED, STREAM_COMPLETED)), KEY)
        .select(
            col("org"),
            col("request_key"),
            EventOrder.eventTime().as("completed_at"),
            col("event_id").as("completed_event_id"),
            col("event_date").as("completed_date"),
            col("gateway"),
            Identity.text(col("model")).as("model"),
            col("streaming"),
            Identity.text(col("finish_reason")).as("finish_reason"),
            col("prompt_tokens"),
            col("completion_tokens"),
            col("total_tokens"),
            col("max_tokens_requested"),
            col("token_utilization"),
            col("total_duration_ms").as("duration_ms"),
            col("ttft_ms"),
            col("tokens_per_second"),
            col("latency_score"),
            col("price_per_unit"),
            Identity.text(col("error")).as("error_message"),
            Identity.text(col("completion_id")).as("completion_id"),
            Identity.uri(col("orch_url")).as("orch_url"));
  }

  /** The earliest start of each request: closer to the orchestrator choice than completion. */
  private static Dataset<Row> starts(Dataset<Row> events) {
    return EventOrder.earliest(events.where(col("event_subtype").equalTo(STARTED)), KEY)
        .select(
            col("org"),
            col("request_key"),
            EventOrder.eventTime().as("started_at"),
            col("event_id").as("started_event_id"));
  }

  private static Dataset<Row> derive(Dataset<Row> jobs) {
    return jobs.withColumn("request_id", col("request_key"))
        .withColumn("success", success())
        .withColumn("selection_ts", coalesce(col("started_at"), col("completed_at")))
        .withColumn("job_date", coalesce(UtcDate.of("selection_ts"), col("completed_date")))
        .withColumn(
            "selection_outcome",
            when(col("orch_url").isNotNull(), SelectionOutcome.SELECTED)
                .otherwise(SelectionOutcome.UNKNOWN))
        .withColumn("observed_url", col("orch_url"))
        .withColumn("observed_address", lit(null).cast("string"))
        .withColumn("pipeline_hint", lit(LLM_PIPELINE))
        .withColumn("model_hint", col("model"));
  }

  /** The producer writes an empty error on success; finish_reason error also fails a request. */
  private static Column success() {
    return col("error_message")
        .isNull()
        .and(coalesce(lower(col("finish_reason")), lit("")).notEqual("error"));
  }

  private LlmJobs() {}
}
