package io.naaplake.jobs.gold.sla;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Rates, 7-day benchmarks and the SLA score (reference §3.1, §3.2) from summed primitives: the same
 * arithmetic for an hourly row and for a daily row, so a longer window is always recomputed from
 * its sums.
 */
final class SlaScoring {
  /** Fewer benchmark rows than this over the 7 days: the component is the neutral 0.5. */
  static final long MIN_BENCHMARK_ROWS = 48;

  static final double PTFF_SAMPLES = 10;
  static final double E2E_SAMPLES = 10;
  static final double FPS_SAMPLES = 30;

  private SlaScoring() {}

  /** Adds every rate and average of the tables from the measures. */
  static Dataset<Row> rates(Dataset<Row> rows) {
    Column requested = col("requested_sessions");
    Column outputFailure = ratio(col("output_failed_sessions"), requested);
    Column swap = ratio(col("swapped_sessions"), requested);
    Column expected = col("health_signals_expected");
    Column fpsSamples = col("fps_positive_samples");
    Column mean = ratio(col("output_fps_sum"), fpsSamples);
    Column variance = ratio(col("output_fps_sum_squares"), fpsSamples).minus(mean.multiply(mean));
    return rows.withColumn(
            "startup_success_rate", ratio(col("startup_success_sessions"), requested))
        .withColumn("excused_failure_rate", ratio(col("startup_excused_sessions"), requested))
        .withColumn("unexcused_failure_rate", ratio(col("startup_unexcused_sessions"), requested))
        .withColumn("no_orch_rate", ratio(col("no_orch_sessions"), requested))
        .withColumn(
            "effective_success_rate",
            lit(1.0).minus(ratio(col("effective_failed_sessions"), requested)))
        .withColumn("output_failure_rate", outputFailure)
        .withColumn("output_viability_rate", lit(1.0).minus(outputFailure))
        .withColumn("swap_rate", swap)
        .withColumn("no_swap_rate", lit(1.0).minus(swap))
        .withColumn(
            "health_signal_coverage_ratio",
            when(expected.leq(0), lit(1.0))
                .otherwise(least(ratio(col("health_signals_observed"), expected), lit(1.0))))
        .withColumn("avg_output_fps", mean)
        .withColumn(
            "fps_jitter_coefficient",
            when(mean.gt(0), sqrt(greatest(variance, lit(0.0))).divide(mean)))
        .withColumn(
            "avg_startup_latency_ms",
            ratio(col("startup_latency_sum_ms"), col("startup_latency_count")))
        .withColumn(
            "avg_e2e_latency_ms", ratio(col("e2e_latency_sum_ms"), col("e2e_latency_count")))
        .withColumn(
            "avg_prompt_to_first_frame_ms",
            ratio(col("prompt_to_first_frame_sum_ms"), col("prompt_to_first_frame_count")))
        .withColumn(
            "avg_status_latency_ms",
            ratio(col("status_latency_sum_ms"), col("status_latency_samples")));
  }

  /**
   * Adds the 7-day benchmark columns: for each row's {@code window_date}, pipeline and model, the
   * row-weighted mean of each daily percentile over the cohort dates window_date - 7 ... - 1, and
   * the rows behind it. Rows without pipeline or model get no benchmark (0 rows).
   */
  static Dataset<Row> withBenchmarks(Dataset<Row> rows, Dataset<Row> benchmarkDays) {
    Dataset<Row> wanted =
        rows.select(
                col("window_date").as("w_date"),
                col("pipeline").as("w_pipeline"),
                col("model_id").as("w_model"))
            .where(col("w_pipeline").isNotNull().and(col("w_model").isNotNull()))
            .distinct();
    Dataset<Row> days =
        benchmarkDays.select(
            col("cohort_date").as("b_date"),
            col("pipeline").as("b_pipeline"),
            col("model_id").as("b_model"),
            col("ptff_p50_ms"),
            col("ptff_p90_ms"),
            col("ptff_rows"),
            col("e2e_p50_ms"),
            col("e2e_p90_ms"),
            col("e2e_rows"),
            col("fps_p10"),
            col("fps_p50"),
            col("fps_rows"));
    Dataset<Row> sevenDays =
        wanted
            .join(
                days,
                col("b_pipeline")
                    .equalTo(col("w_pipeline"))
                    .and(col("b_model").equalTo(col("w_model")))
                    .and(col("b_date").geq(date_sub(col("w_date"), 7)))
                    .and(col("b_date").leq(date_sub(col("w_date"), 1))))
            .groupBy(col("w_date"), col("w_pipeline"), col("w_model"))
            .agg(
                weighted("ptff_p50_ms", "ptff_rows").as("benchmark_ptff_p50_ms"),
                weighted("ptff_p90_ms", "ptff_rows").as("benchmark_ptff_p90_ms"),
                rowsOf("ptff_p50_ms", "ptff_rows").as("benchmark_ptff_rows"),
                weighted("e2e_p50_ms", "e2e_rows").as("benchmark_e2e_p50_ms"),
                weighted("e2e_p90_ms", "e2e_rows").as("benchmark_e2e_p90_ms"),
                rowsOf("e2e_p50_ms", "e2e_rows").as("benchmark_e2e_rows"),
                weighted("fps_p10", "fps_rows").as("benchmark_fps_p10"),
                weighted("fps_p50", "fps_rows").as("benchmark_fps_p50"),
                rowsOf("fps_p50", "fps_rows").as("benchmark_fps_rows"));
    return rows.join(
            sevenDays,
            col("window_date")
                .equalTo(col("w_date"))
                .and(col("pipeline").equalTo(col("w_pipeline")))
                .and(col("model_id").equalTo(col("w_model"))),
            "left")
        .drop("w_date", "w_pipeline", "w_model")
        .withColumn("benchmark_ptff_rows", coalesce(col("benchmark_ptff_rows"), lit(0L)))
        .withColumn("benchmark_e2e_rows", coalesce(col("benchmark_e2e_rows"), lit(0L)))
        .withColumn("benchmark_fps_rows", coalesce(col("benchmark_fps_rows"), lit(0L)));
  }

  /** Adds the score components and sla_score (needs {@link #rates} and the benchmark columns). */
  static Dataset<Row> score(Dataset<Row> rows) {
    Column requested = col("requested_sessions").gt(0);
    Column reliability =
        clamp01(
            lit(0.4)
                .multiply(col("startup_success_rate"))
                .plus(lit(0.2).multiply(col("no_swap_rate")))
                .plus(lit(0.4).multiply(col("output_viability_rate"))));
    Column sla =
        least(
            greatest(
                lit(100.0)
                    .multiply(col("health_signal_coverage_ratio"))
                    .multiply(
                        lit(0.7)
                            .multiply(col("reliability_score"))
                            .plus(lit(0.3).multiply(col("quality_score")))),
                lit(0.0)),
            lit(100.0));
    return rows.withColumn(
            "ptff_raw_score",
            lowerIsBetter(
                col("avg_prompt_to_first_frame_ms"),
                col("benchmark_ptff_p50_ms"),
                col("benchmark_ptff_p90_ms"),
                col("benchmark_ptff_rows")))
        .withColumn(
            "e2e_raw_score",
            lowerIsBetter(
                col("avg_e2e_latency_ms"),
                col("benchmark_e2e_p50_ms"),
                col("benchmark_e2e_p90_ms"),
                col("benchmark_e2e_rows")))
        .withColumn(
            "fps_raw_score",
            higherIsBetter(
                col("avg_output_fps"),
                col("benchmark_fps_p10"),
                col("benchmark_fps_p50"),
                col("benchmark_fps_rows")))
        .withColumn(
            "ptff_score",
            shrink(col("ptff_raw_score"), col("prompt_to_first_frame_count"), PTFF_SAMPLES))
        .withColumn(
            "e2e_score", shrink(col("e2e_raw_score"), col("e2e_latency_count"), E2E_SAMPLES))
        .withColumn(
            "fps_score", shrink(col("fps_raw_score"), col("fps_positive_samples"), FPS_SAMPLES))
        .withColumn(
            "latency_score",
            lit(0.6).multiply(col("ptff_score")).plus(lit(0.4).multiply(col("e2e_score"))))
        .withColumn(
            "quality_score",
            lit(0.6).multiply(col("latency_score")).plus(lit(0.4).multiply(col("fps_score"))))
        .withColumn("reliability_score", when(requested, reliability))
        .withColumn("sla_score", when(requested, sla));
  }

  /** PTFF and E2E: 1 at or below p50, 0 at or above p90, linear between. */
  private static Column lowerIsBetter(Column value, Column p50, Column p90, Column benchmarkRows) {
    return when(neutral(value, p50, p90, benchmarkRows), lit(0.5))
        .when(p90.leq(p50), when(value.leq(p50), lit(1.0)).otherwise(lit(0.0)))
        .when(value.leq(p50), lit(1.0))
        .when(value.geq(p90), lit(0.0))
        .otherwise(lit(1.0).minus(value.minus(p50).divide(p90.minus(p50))));
  }

  /** FPS: 1 at or above p50, 0 at or below p10, linear between. */
  private static Column higherIsBetter(Column value, Column p10, Column p50, Column benchmarkRows) {
    return when(neutral(value, p10, p50, benchmarkRows), lit(0.5))
        .when(p50.leq(p10), when(value.geq(p50), lit(1.0)).otherwise(lit(0.0)))
        .when(value.geq(p50), lit(1.0))
        .when(value.leq(p10), lit(0.0))
        .otherwise(value.minus(p10).divide(p50.minus(p10)));
  }

  private static Column neutral(Column value, Column low, Column high, Column benchmarkRows) {
    return value
        .isNull()
        .or(low.isNull())
        .or(high.isNull())
        .or(benchmarkRows.lt(MIN_BENCHMARK_ROWS));
  }

  /** clamp01(0.5 + min(n / N, 1) * (raw - 0.5)). */
  private static Column shrink(Column raw, Column samples, double fullEvidence) {
    Column weight = least(samples.cast(DataTypes.DoubleType).divide(lit(fullEvidence)), lit(1.0));
    return clamp01(lit(0.5).plus(weight.multiply(raw.minus(lit(0.5)))));
  }

  private static Column clamp01(Column value) {
    return least(greatest(value, lit(0.0)), lit(1.0));
  }

  /** numerator / denominator as a double; null when the denominator is 0 or null. */
  static Column ratio(Column numerator, Column denominator) {
    return when(
        denominator.gt(0),
        numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)));
  }

  /** Σ percentile × rows / Σ rows over the days that have the percentile. */
  private static Column weighted(String percentile, String rows) {
    Column has = col(percentile).isNotNull().and(col(rows).gt(0));
    Column weight = col(rows).cast(DataTypes.DoubleType);
    return sum(when(has, col(percentile).multiply(weight))).divide(sum(when(has, weight)));
  }

  private static Column rowsOf(String percentile, String rows) {
    return coalesce(
        sum(when(col(percentile).isNotNull(), col(rows).cast(DataTypes.LongType))), lit(0L));
  }
}
