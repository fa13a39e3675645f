package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.GoldWindows.indicator;
import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldDemandTables;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.sessions to gold.streaming_demand_hourly: every session counted once, in the UTC hour it
 * started, with its whole duration as usage minutes (reference §3.4). The hours it ran in are the
 * SLA's status hours (silver.session_hours), not demand's.
 */
public final class StreamingDemand {
  private StreamingDemand() {}

  /**
   * The hourly demand rows of the sessions given.
   *
   * @param sessions silver.sessions rows; pass every session of each start hour to recompute
   *     (restrict by {@code start_hour} or the {@code start_date} partition), since a row is
   *     complete only with all its sessions
   * @param settledBefore the instant before which silver no longer changes: an hour is settled when
   *     it ends at or before it and each of its sessions was last seen before it
   */
  public static Dataset<Row> hourly(Dataset<Row> sessions, Instant settledBefore) {
    Column requested = col("requested");
    Column unexcused = requested.and(col("startup_class").equalTo("unexcused"));
    Column outputFailed = requested.and(col("loading_only").or(col("zero_output_fps")));
    Dataset<Row> rows =
        sessions
            .groupBy(
                col("start_hour").as("window_start"),
                col("org"),
                col("gateway"),
                col("canonical_pipeline").as("pipeline"),
                col("canonical_model").as("model_id"))
            .agg(
                count(lit(1)).as("sessions"),
                total(indicator(requested)).as("requested_sessions"),
                total(indicator(requested.and(col("startup_class").equalTo("success"))))
                    .as("startup_success_sessions"),
                total(indicator(unexcused)).as("unexcused_failed_sessions"),
                total(indicator(requested.and(col("startup_class").equalTo("excused"))))
                    .as("excused_failed_sessions"),
                total(indicator(requested.and(col("selection_outcome").equalTo("no_orch"))))
                    .as("no_orch_sessions"),
                total(indicator(requested.and(col("swap_count").gt(0)))).as("swapped_sessions"),
                total(indicator(requested.and(col("loading_only")))).as("loading_only_sessions"),
                total(indicator(requested.and(col("zero_output_fps"))))
                    .as("zero_output_fps_sessions"),
                total(indicator(outputFailed)).as("output_failed_sessions"),
                total(indicator(unexcused.or(outputFailed))).as("effective_failed_sessions"),
                total(indicator(requested.and(col("ends_in_error"))))
                    .as("ending_in_error_sessions"),
                GoldWindows.total(col("duration_minutes").cast("double"))
                    .cast("double")
                    .as("usage_minutes"),
                max(col("last_seen")).as("last_seen_max"))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn(
                "is_settled",
                GoldWindows.hourSettled(col("window_start"), settledBefore)
                    .and(col("last_seen_max").lt(GoldWindows.instant(settledBefore))));
    return Projections.of(withRates(rows), GoldDemandTables.STREAMING_DEMAND_HOURLY);
  }

  /**
   * Demand over {@code [from, to)} from hourly rows: each key's primitives summed over the hours
   * and every rate recomputed from the sums (never an average of hourly rates). Columns: the
   * table's keys and measures, its rates, {@code window_start = from} and {@code window_end = to}.
   */
  public static Dataset<Row> overWindow(Dataset<Row> hourly, Instant from, Instant to) {
    return withRates(
        GoldWindows.rollUp(hourly, GoldDemandTables.STREAMING_DEMAND_HOURLY, from, to));
  }

  private static Dataset<Row> withRates(Dataset<Row> rows) {
    Column requested = col("requested_sessions");
    return rows.withColumn(
            "startup_success_rate", ratio(col("startup_success_sessions"), requested))
        .withColumn("unexcused_failure_rate", ratio(col("unexcused_failed_sessions"), requested))
        .withColumn("excused_failure_rate", ratio(col("excused_failed_sessions"), requested))
        .withColumn("no_orch_rate", ratio(col("no_orch_sessions"), requested))
        .withColumn("swap_rate", ratio(col("swapped_sessions"), requested))
        .withColumn("output_failure_rate", ratio(col("output_failed_sessions"), requested))
        .withColumn("effective_failure_rate", ratio(col("effective_failed_sessions"), requested))
        .withColumn("avg_session_minutes", ratio(col("usage_minutes"), col("sessions")));
  }
}
