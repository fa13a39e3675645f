package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldNetworkTables;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * gold.streaming_sla_hourly to gold.orchestrator_leaderboard (reference §3.3): per window (24 h and
 * 7 d ending at as_of), orchestrator and pipeline, the hourly primitives summed over hours, orgs,
 * models and GPUs, the four score inputs recomputed from the sums, each min-max normalised across
 * the orchestrators of the same window and pipeline, and the weighted score ranked.
 */
public final class OrchestratorLeaderboard {
  private OrchestratorLeaderboard() {}

  /**
   * The leaderboard at {@code asOf} for both windows.
   *
   * @param slaHourly gold.streaming_sla_hourly rows covering the 7 days before as_of
   * @param asOf the run's as-of time: hours with window_start in (as_of - window, as_of] count
   * @param settledBefore the run's settlement instant
   */
  public static Dataset<Row> at(Dataset<Row> slaHourly, Instant asOf, Instant settledBefore) {
    Dataset<Row> rows =
        window(slaHourly, "24h", asOf.minus(Duration.ofHours(24)), asOf)
            .unionByName(window(slaHourly, "7d", asOf.minus(Duration.ofDays(7)), asOf));
    return Projections.of(
        NetworkRows.stamped(rows, asOf, settledBefore), GoldNetworkTables.ORCHESTRATOR_LEADERBOARD);
  }

  private static Dataset<Row> window(
      Dataset<Row> slaHourly, String label, Instant from, Instant to) {
    Column scored = col("sla_score").isNotNull();
    Dataset<Row> sums =
        slaHourly
            .where(
                col("orchestrator_address")
                    .isNotNull()
                    .and(col("window_start").gt(GoldWindows.instant(from)))
                    .and(col("window_start").leq(GoldWindows.instant(to))))
            .groupBy(col("orchestrator_address"), col("pipeline"))
            .agg(
                count(lit(1)).as("hourly_rows"),
                total(col("requested_sessions")).as("requested_sessions"),
                total(col("session_hours")).as("session_hours"),
                total(col("status_samples")).as("status_samples"),
                total(col("fps_positive_samples")).as("fps_positive_samples"),
                total(col("output_fps_sum")).cast("double").as("output_fps_sum"),
                total(col("running_samples")).as("running_samples"),
                total(col("online_samples")).as("online_samples"),
                total(col("e2e_latency_sum_ms")).as("e2e_latency_sum_ms"),
                total(col("e2e_latency_count")).as("e2e_latency_count"),
                total(when(scored, col("sla_score").multiply(col("requested_sessions"))))
                    .cast("double")
                    .as("weighted_sla_sum"),
                total(when(scored, col("requested_sessions"))).as("weighted_sla_sessions"))
            .withColumn("avg_output_fps", ratio(col("output_fps_sum"), col("fps_positive_samples")))
            .withColumn(
                "degraded_rate",
                ratio(col("running_samples").minus(col("online_samples")), col("status_samples")))
            .withColumn(
                "avg_e2e_latency_ms", ratio(col("e2e_latency_sum_ms"), col("e2e_latency_count")))
            .withColumn("sla_score", ratio(col("weighted_sla_sum"), col("weighted_sla_sessions")));
    WindowSpec peers = Window.partitionBy(col("pipeline"));
    Dataset<Row> scoredRows =
        sums.withColumn("fps_component", normalised("avg_output_fps", peers, false))
            .withColumn("degraded_component", normalised("degraded_rate", peers, true))
            .withColumn("volume_component", normalised("session_hours", peers, false))
            .withColumn("latency_component", normalised("avg_e2e_latency_ms", peers, true))
            .withColumn(
                "leaderboard_score",
                lit(100.0)
                    .multiply(
                        col("fps_component")
                            .multiply(0.30)
                            .plus(col("degraded_component").multiply(0.30))
                            .plus(col("volume_component").multiply(0.20))
                            .plus(col("latency_component").multiply(0.20))));
    return scoredRows
        .withColumn(
            "rank",
            row_number()
                .over(
                    peers.orderBy(
                        col("leaderboard_score").desc(), col("orchestrator_address").asc())))
        .withColumn("window_label", lit(label))
        .withColumn("window_start", GoldWindows.instant(from))
        .withColumn("window_end", GoldWindows.instant(to))
        .withColumn("methodology_version", lit(GoldNetworkTables.LEADERBOARD_METHODOLOGY));
  }

  /**
   * The value min-max normalised over the peers, inverted (1 - x) when lower is better: 1.0 when
   * every peer with a value has the same one, 0 for a null (no evidence earns nothing).
   */
  private static Column normalised(String name, WindowSpec peers, boolean lowerIsBetter) {
    Column value = col(name).cast("double");
    Column low = min(value).over(peers);
    Column high = max(value).over(peers);
    Column scaled = ratio(value.minus(low), high.minus(low));
    Column term = lowerIsBetter ? lit(1.0).minus(scaled) : scaled;
    return coalesce(
        when(value.isNotNull().and(high.equalTo(low)), lit(1.0)).otherwise(term), lit(0.0));
  }
}
