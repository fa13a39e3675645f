package io.naaplake.jobs.gold.demand;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldDemandTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.ai_batch_jobs, silver.llm_jobs and silver.byoc_jobs to gold.request_jobs: one row per job.
 *
 * <p>An LLM request runs through the gateway's AI-batch path as well, so it has an AI-batch row
 * (pipeline {@code llm}) and an LLM row with the same (org, request_id). The two are joined on
 * (org, request_id) into one {@code llm} job: selection, attribution and the gateway's outcome from
 * the AI-batch half (the only one that can tell {@code no_orch}), LLM figures from the LLM half,
 * each falling back to the other half when missing (see {@link GoldDemandTables#REQUEST_JOBS}). Any
 * AI-batch row that shares a request id with an LLM row is part of that LLM job, whatever pipeline
 * it names.
 */
public final class RequestJobs {
  static final String AI_BATCH = "ai_batch";
  static final String LLM = "llm";
  static final String BYOC = "byoc";

  private static final String[] SHARED = {
    "job_date",
    "gateway",
    "completed_at",
    "success",
    "duration_ms",
    "price_per_unit",
    "error_message",
    "selection_outcome",
    "attribution_status",
    "attributed_orch_address",
    "attributed_orch_uri",
    "attributed_gpu_id",
    "attributed_gpu_name",
    "orch_url"
  };

  private RequestJobs() {}

  /**
   * The jobs of the given silver rows. Pass, for each request id, both its AI-batch and its LLM row
   * (restrict both tables by the same job dates, widened by a day: the halves of one request can
   * straddle midnight); BYOC rows stand alone.
   */
  public static Dataset<Row> of(Dataset<Row> aiBatchJobs, Dataset<Row> llmJobs, Dataset<Row> byoc) {
    return Projections.of(requestIdJobs(aiBatchJobs, llmJobs), GoldDemandTables.REQUEST_JOBS)
        .unionByName(Projections.of(byocJobs(byoc), GoldDemandTables.REQUEST_JOBS));
  }

  private static Dataset<Row> requestIdJobs(Dataset<Row> aiBatchJobs, Dataset<Row> llmJobs) {
    Dataset<Row> batch =
        prefixed(aiBatchJobs, "ab_", "pipeline", "model_id", "received_at", "tries", "error_type");
    Dataset<Row> llm =
        prefixed(
            llmJobs,
            "llm_",
            "model",
            "started_at",
            "streaming",
            "finish_reason",
            "prompt_tokens",
            "completion_tokens",
            "total_tokens",
            "ttft_ms",
            "tokens_per_second");
    Dataset<Row> joined = batch.join(llm, new String[] {"org", "request_id"}, "full_outer");
    Column hasBatch = col("ab_present").isNotNull();
    Column hasLlm = col("llm_present").isNotNull();
    Column isLlm = hasLlm.or(lower(trim(col("ab_pipeline"))).equalTo(LLM));
    // Attribution from the AI-batch half when it selected an orchestrator, else from the LLM half
    // when that one did, else from whichever half exists (AI-batch first).
    Column useBatch =
        hasBatch.and(
            col("ab_selection_outcome")
                .equalTo("selected")
                .or(hasLlm.and(col("llm_selection_outcome").equalTo("selected")).unary_$bang()));
    Dataset<Row> jobs =
        joined
            .withColumn("job_id_kind", lit("request_id"))
            .withColumn("job_id", col("request_id"))
            .withColumn("job_type", when(isLlm, lit(LLM)).otherwise(lit(AI_BATCH)))
            .withColumn(
                "source_records",
                when(hasBatch.and(hasLlm), lit("ai_batch+llm"))
                    .when(hasBatch, lit(AI_BATCH))
                    .otherwise(lit(LLM)))
            .withColumn(
                "job_ts",
                coalesce(
                    least(col("ab_received_at"), col("llm_started_at")),
                    least(col("ab_completed_at"), col("llm_completed_at"))))
            .withColumn(
                "job_date",
                coalesce(
                    GoldWindows.utcDate(col("job_ts")), col("ab_job_date"), col("llm_job_date")))
            .withColumn("gateway", coalesce(col("ab_gateway"), col("llm_gateway")))
            .withColumn(
                "pipeline_or_capability", when(isLlm, lit(LLM)).otherwise(col("ab_pipeline")))
            .withColumn("model_id", coalesce(col("llm_model"), col("ab_model_id")))
            .withColumn("completed_at", coalesce(col("ab_completed_at"), col("llm_completed_at")))
            .withColumn("success", coalesce(col("ab_success"), col("llm_success")))
            .withColumn("duration_ms", coalesce(col("ab_duration_ms"), col("llm_duration_ms")))
            .withColumn("tries", col("ab_tries"))
            .withColumn("error_type", col("ab_error_type"))
            .withColumn(
                "error_message", coalesce(col("ab_error_message"), col("llm_error_message")))
            .withColumn("http_status", lit(null).cast("int"))
            .withColumn("streaming", col("llm_streaming"))
            .withColumn("finish_reason", col("llm_finish_reason"))
            .withColumn("prompt_tokens", col("llm_prompt_tokens"))
            .withColumn("completion_tokens", col("llm_completion_tokens"))
            .withColumn("total_tokens", col("llm_total_tokens"))
            .withColumn("ttft_ms", col("llm_ttft_ms"))
            .withColumn("tokens_per_second", col("llm_tokens_per_second"))
            .withColumn(
                "price_per_unit", coalesce(col("ab_price_per_unit"), col("llm_price_per_unit")));
    for (String[] pair :
        new String[][] {
          {"selection_outcome", "selection_outcome"},
          {"attribution_status", "attribution_status"},
          {"orchestrator_address", "attributed_orch_address"},
          {"gpu_id", "attributed_gpu_id"},
          {"gpu_name", "attributed_gpu_name"}
        }) {
      jobs =
          jobs.withColumn(
              pair[0], when(useBatch, col("ab_" + pair[1])).otherwise(col("llm_" + pair[1])));
    }
    return jobs.withColumn(
        "orchestrator_uri",
        when(useBatch, coalesce(col("ab_attributed_orch_uri"), col("ab_orch_url")))
            .otherwise(coalesce(col("llm_attributed_orch_uri"), col("llm_orch_url"))));
  }

  /** org and request_id as they are, a presence marker, and the named columns prefixed. */
  private static Dataset<Row> prefixed(Dataset<Row> jobs, String prefix, String... specific) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("org"));
    columns.add(col("request_id"));
    columns.add(lit(true).as(prefix + "present"));
    for (String name : SHARED) {
      columns.add(col(name).as(prefix + name));
    }
    for (String name : specific) {
      columns.add(col(name).as(prefix + name));
    }
    return jobs.select(columns.toArray(new Column[0]));
  }

  private static Dataset<Row> byocJobs(Dataset<Row> byoc) {
    return byoc.withColumn("job_id_kind", lit("event_id"))
        .withColumn("job_id", col("event_id"))
        .withColumn("job_type", lit(BYOC))
        .withColumn("source_records", lit(BYOC))
        .withColumn("job_ts", col("completed_at"))
        .withColumn("job_date", coalesce(GoldWindows.utcDate(col("completed_at")), col("job_date")))
        .withColumn("pipeline_or_capability", col("capability"))
        .withColumn("orchestrator_address", col("attributed_orch_address"))
        .withColumn("orchestrator_uri", coalesce(col("attributed_orch_uri"), col("orch_url")))
        .withColumn("gpu_id", col("attributed_gpu_id"))
        .withColumn("gpu_name", col("attributed_gpu_name"))
        .withColumn("tries", lit(null).cast("int"))
        .withColumn("error_type", lit(null).cast("string"))
        .withColumn("finish_reason", lit(null).cast("string"))
        .withColumn("prompt_tokens", lit(null).cast("int"))
        .withColumn("completion_tokens", lit(null).cast("int"))
        .withColumn("total_tokens", lit(null).cast("int"))
        .withColumn("ttft_ms", lit(null).cast("bigint"))
        .withColumn("tokens_per_second", lit(null).cast("double"))
        .withColumn("price_per_unit", col("worker_price_per_unit"));
  }
}
