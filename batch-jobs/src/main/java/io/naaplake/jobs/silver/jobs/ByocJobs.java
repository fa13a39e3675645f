package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.JobTables;
import java.time.Duration;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.job_gateway (completions) and silver.worker_lifecycle to silver.byoc_jobs. The model of a
 * BYOC job is known only from the worker the orchestrator registered for the capability: the most
 * recent lifecycle event at or before the job's completion, preferring one for the same worker URL
 * over one for the same orchestrator address (reference §2.10).
 */
final class ByocJobs {
  static final String COMPLETED = "job_gateway_completed";

  /** How far back a worker's registration still names the model it serves (reference §2.10). */
  static final Duration MODEL_LOOKBACK = Duration.ofDays(30);

  static final String WORKER_URL_MATCH = "worker_url_match";
  static final String ORCH_ADDRESS_MATCH = "orch_address_match";
  static final String NO_MATCH = "none";

  private static final int WORKER_TIER = 1;
  private static final int ORCHESTRATOR_TIER = 2;

  static Dataset<Row> transform(Dataset<Row> jobGateway, Dataset<Row> workerLifecycle) {
    Dataset<Row> jobs = completions(jobGateway);
    Dataset<Row> candidates = jobs.join(workerModels(workerLifecycle), matches(), "left");
    Dataset<Row> chosen =
        EventOrder.firstBy(
            candidates.withColumn("worker_tier", tier()),
            new String[] {"org", "event_id"},
            col("worker_tier").asc_nulls_last(),
            col("lifecycle_ts").desc_nulls_last(),
            col("lifecycle_payload_ts").desc_nulls_last(),
            col("lifecycle_event_id").desc_nulls_last());
    return JobColumns.project(derive(chosen), JobTables.BYOC_JOBS);
  }

  private static Dataset<Row> completions(Dataset<Row> jobGateway) {
    return jobGateway
        .where(col("event_subtype").equalTo(COMPLETED))
        .select(
            col("org"),
            col("event_id"),
            col("event_date"),
            col("gateway"),
            Identity.text(col("request_id")).as("request_id"),
            Identity.text(col("capability")).as("capability"),
            coalesce(col("event_ts"), col("completed_at"), col("timestamp")).as("completed_at"),
            col("success"),
            Identity.text(col("error")).as("error_message"),
            col("http_status"),
            col("duration_ms"),
            col("streaming"),
            Identity.address(col("orchestrator_info_address")).as("orch_address"),
            Identity.uri(col("orchestrator_info_url")).as("orch_url"),
            workerUrl(jobGateway).as("worker_url"))
        .withColumn("capability_key", lower(col("capability")));
  }

  /**
   * The job_gateway contract carries no worker URL today, so every job falls back to the
   * orchestrator-level match; a worker_url column, once the contract declares it, is used as is.
   */
  private static Column workerUrl(Dataset<Row> jobGateway) {
    boolean present = Arrays.asList(jobGateway.columns()).contains("worker_url");
    return present ? Identity.uri(col("worker_url")) : lit(null).cast("string");
  }

  /** Lifecycle events that name a model, keyed like the jobs they may describe. */
  private static Dataset<Row> workerModels(Dataset<Row> workerLifecycle) {
    return workerLifecycle
        .select(
            col("org").as("lifecycle_org"),
            lower(Identity.text(col("capability"))).as("lifecycle_capability_key"),
            Identity.address(col("orchestrator_info_address")).as("lifecycle_orch_address"),
            Identity.uri(col("worker_url")).as("lifecycle_worker_url"),
            // The reference takes the first offered model; try_ keeps ANSI from failing on [].
            Identity.text(expr("try_element_at(worker_options, 1).model")).as("lifecycle_model"),
            col("price_per_unit").as("lifecycle_price_per_unit"),
            EventOrder.eventTime().as("lifecycle_ts"),
            col("timestamp").as("lifecycle_payload_ts"),
            col("event_id").as("lifecycle_event_id"),
            col("id").as("lifecycle_id"))
        .where(col("lifecycle_model").isNotNull());
  }

  /** Same org, capability and orchestrator, at or before completion, within the lookback. */
  private static Column matches() {
    return col("org")
        .equalTo(col("lifecycle_org"))
        .and(col("capability_key").equalTo(col("lifecycle_capability_key")))
        .and(col("orch_address").equalTo(col("lifecycle_orch_address")))
        .and(col("lifecycle_ts").leq(col("completed_at")))
        .and(
            col("lifecycle_ts")
                .geq(
                    col("completed_at")
                        .minus(expr("INTERVAL " + MODEL_LOOKBACK.toSeconds() + " SECONDS"))));
  }

  private static Column tier() {
    return when(col("lifecycle_model").isNull(), lit(null).cast("int"))
        .when(col("lifecycle_worker_url").equalTo(col("worker_url")), WORKER_TIER)
        .otherwise(ORCHESTRATOR_TIER);
  }

  private static Dataset<Row> derive(Dataset<Row> jobs) {
    Column selected = col("orch_address").isNotNull().or(col("orch_url").isNotNull());
    return jobs.withColumn("job_date", coalesce(UtcDate.of("completed_at"), col("event_date")))
        .withColumn(
            "selection_outcome",
            when(selected, SelectionOutcome.SELECTED).otherwise(SelectionOutcome.UNKNOWN))
        .withColumn("model_id", col("lifecycle_model"))
        .withColumn("worker_event_id", col("lifecycle_id"))
        .withColumn("worker_event_ts", col("lifecycle_ts"))
        .withColumn("worker_price_per_unit", col("lifecycle_price_per_unit"))
        .withColumn(
            "model_source",
            when(col("worker_tier").equalTo(WORKER_TIER), WORKER_URL_MATCH)
                .when(col("worker_tier").equalTo(ORCHESTRATOR_TIER), ORCH_ADDRESS_MATCH)
                .otherwise(NO_MATCH))
        .withColumn("selection_ts", col("completed_at"))
        .withColumn("observed_url", col("orch_url"))
        .withColumn("observed_address", col("orch_address"))
        .withColumn("pipeline_hint", col("capability"))
        .withColumn("model_hint", col("model_id"));
  }

  private ByocJobs() {}
}
