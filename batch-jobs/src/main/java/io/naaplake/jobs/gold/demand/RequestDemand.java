package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.GoldWindows.indicator;
import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldDemandTables;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.request_jobs to gold.request_demand_hourly (reference §3.6). Built on request_jobs, where an
 * LLM request's AI-batch and LLM records are already one job, so nothing is counted twice.
 */
public final class RequestDemand {
  private RequestDemand() {}

  /**
   * The hourly request demand of the jobs given, in the UTC hour of each job's {@code job_ts}; jobs
   * without a job_ts cannot be placed and are left out.
   *
   * @param requestJobs gold.request_jobs rows (from {@link RequestJobs#of}); pass every job of each
   *     hour to recompute. A job's hour moves when a late half brings an earlier start, so
   *     recompute the dirty hours' neighbours too.
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(Dataset<Row> requestJobs, Instant settledBefore) {
    Column selected = col("selection_outcome").equalTo("selected");
    Dataset<Row> rows =
        requestJobs
            .where(col("job_ts").isNotNull())
            .groupBy(
                GoldWindows.hourOf(col("job_ts")).as("window_start"),
                col("org"),
                col("gateway"),
                col("job_type"),
                col("pipeline_or_capability"),
                col("model_id"),
                col("orchestrator_address"),
                col("orchestrator_uri"))
            .agg(
                count(lit(1)).as("jobs"),
                total(indicator(selected)).as("selected_jobs"),
                total(indicator(col("selection_outcome").equalTo("no_orch"))).as("no_orch_jobs"),
                total(
                        indicator(
                            selected.and(
                                col("attribution_status").isin("resolved", "hardware_less"))))
                    .as("attributed_jobs"),
                count(col("success")).as("completed_jobs"),
                total(indicator(col("success"))).as("successful_jobs"),
                total(col("duration_ms")).as("duration_ms_sum"),
                count(col("duration_ms")).as("duration_samples"),
                total(col("prompt_tokens").cast("bigint")).as("prompt_tokens_sum"),
                count(col("prompt_tokens")).as("prompt_tokens_samples"),
                total(col("completion_tokens").cast("bigint")).as("completion_tokens_sum"),
                count(col("completion_tokens")).as("completion_tokens_samples"),
                total(col("total_tokens").cast("bigint")).as("total_tokens_sum"),
                count(col("total_tokens")).as("total_tokens_samples"),
                total(col("ttft_ms")).as("ttft_ms_sum"),
                count(col("ttft_ms")).as("ttft_samples"),
                total(col("tokens_per_second")).cast("double").as("tokens_per_second_sum"),
                count(col("tokens_per_second")).as("tokens_per_second_samples"))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(withRates(rows), GoldDemandTables.REQUEST_DEMAND_HOURLY);
  }

  /**
   * Request demand over {@code [from, to)} from hourly rows: primitives summed per key, every rate
   * and average recomputed from the sums.
   */
  public static Dataset<Row> overWindow(Dataset<Row> hourly, Instant from, Instant to) {
    return withRates(GoldWindows.rollUp(hourly, GoldDemandTables.REQUEST_DEMAND_HOURLY, from, to));
  }

  private static Dataset<Row> withRates(Dataset<Row> rows) {
    return rows.withColumn("success_rate", ratio(col("successful_jobs"), col("jobs")))
        .withColumn("no_orch_rate", ratio(col("no_orch_jobs"), col("jobs")))
        .withColumn("avg_duration_ms", ratio(col("duration_ms_sum"), col("duration_samples")))
        .withColumn("avg_total_tokens", ratio(col("total_tokens_sum"), col("total_tokens_samples")))
        .withColumn("avg_ttft_ms", ratio(col("ttft_ms_sum"), col("ttft_samples")))
        .withColumn(
            "avg_tokens_per_second",
            ratio(col("tokens_per_second_sum"), col("tokens_per_second_samples")));
  }
}
