package io.naaplake.jobs.gold.diagnostics;

import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.GoldDiagnosticsTables;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.discovery_results to gold.discovery_latency_hourly: per UTC hour and candidate
 * orchestrator, how often discovery named it and how fast it answered. Percentiles are Spark's
 * exact {@code percentile} (linear interpolation between closest ranks), never an approximation. An
 * element is placed by its event's envelope timestamp (the payload carries none); elements without
 * one are left out.
 */
public final class DiscoveryLatency {
  private DiscoveryLatency() {}

  /**
   * The hourly rows of the discovery results given (pass every element of each hour to recompute).
   *
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(Dataset<Row> discoveryResults, Instant settledBefore) {
    Dataset<Row> rows =
        latencies(
                candidates(discoveryResults)
                    .withColumn("window_start", GoldWindows.hourOf(col("event_ts"))),
                col("window_start"))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(rows, GoldDiagnosticsTables.DISCOVERY_LATENCY_HOURLY);
  }

  /**
   * The same figures over {@code [from, to)}, recomputed from the discovery results (percentiles
   * are not additive: they cannot come from hourly rows). Columns: those of the hourly table
   * without window_date and is_settled, plus {@code window_end}.
   */
  public static Dataset<Row> overWindow(Dataset<Row> discoveryResults, Instant from, Instant to) {
    Dataset<Row> inWindow =
        candidates(discoveryResults)
            .where(
                col("event_ts")
                    .geq(GoldWindows.instant(from))
                    .and(col("event_ts").lt(GoldWindows.instant(to))));
    return latencies(
            inWindow.withColumn("window_start", GoldWindows.instant(from)), col("window_start"))
        .withColumn("window_end", GoldWindows.instant(to));
  }

  private static Dataset<Row> candidates(Dataset<Row> discoveryResults) {
    return discoveryResults
        .where(col("event_ts").isNotNull())
        .select(
            col("event_ts"),
            col("org"),
            Identity.address(col("address")).as("orchestrator_address"),
            Identity.uri(col("url")).as("orchestrator_url"),
            when(col("latency_ms").gt(0), col("latency_ms")).as("sample_ms"));
  }

  private static Dataset<Row> latencies(Dataset<Row> candidates, Column window) {
    Column sample = col("sample_ms");
    return candidates
        .groupBy(window, col("org"), col("orchestrator_address"), col("orchestrator_url"))
        .agg(
            count(lit(1)).as("candidates"),
            count(sample).as("latency_samples"),
            total(sample).as("latency_ms_sum"),
            percentile(sample.cast("double"), lit(0.5)).as("p50_latency_ms"),
            percentile(sample.cast("double"), lit(0.95)).as("p95_latency_ms"),
            percentile(sample.cast("double"), lit(0.99)).as("p99_latency_ms"),
            min(sample).as("min_latency_ms"),
            max(sample).as("max_latency_ms"))
        .withColumn("avg_latency_ms", ratio(col("latency_ms_sum"), col("latency_samples")));
  }
}
