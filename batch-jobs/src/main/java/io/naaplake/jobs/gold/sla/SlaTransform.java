package io.naaplake.jobs.gold.sla;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldSlaTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The streaming SLA tables (gold.streaming_sla_hourly, gold.sla_benchmark_daily,
 * gold.streaming_sla_daily; reference §3.1 and §3.2, version {@code quality-benchmark-v1}) as pure
 * transforms. A run uses them in this order:
 *
 * <ol>
 *   <li>{@link #hourlyPrimitives} for the dirty hours, from silver;
 *   <li>{@link #benchmarks} for every UTC day whose hourly rows changed (a day's benchmark needs
 *       all of that day's primitives, the other hours read back from gold);
 *   <li>{@link #score} for the dirty hours and for every hour of the 7 days after a day whose
 *       benchmark changed, and for the hour after each dirty hour (its degradation flag);
 *   <li>{@link #daily} for every day with a re-scored hour.
 * </ol>
 *
 * Every output is projected on its declaration; all times are UTC; nothing reads the clock.
 */
public final class SlaTransform {

  /** Columns of {@link #hourlyPrimitives}: the hourly table's keys, measures and p95. */
  public static final List<io.naaplake.schema.Column> PRIMITIVE_COLUMNS = primitiveColumns();

  private SlaTransform() {}

  private static List<io.naaplake.schema.Column> primitiveColumns() {
    Set<String> names =
        Set.of(
            "window_start",
            "window_date",
            "org",
            "orchestrator_address",
            "pipeline",
            "model_id",
            "gpu_id",
            "gpu_model_name",
            "p95_output_fps");
    List<io.naaplake.schema.Column> columns = new ArrayList<>();
    for (io.naaplake.schema.Column column : GoldSlaTables.STREAMING_SLA_HOURLY.columns()) {
      if (names.contains(column.name()) || GoldSlaTables.MEASURES.contains(column)) {
        columns.add(column);
      }
    }
    return List.copyOf(columns);
  }

  /**
   * The session-hour primitives (columns {@link #PRIMITIVE_COLUMNS}) of the hours present in the
   * inputs, per (window_start, org, orchestrator_address, pipeline, model_id, gpu_id).
   *
   * <p>Status samples are attributed to the selection active when each was taken (the latest at or
   * before its event time; before the first selection, the first), so a swap mid-hour splits the
   * hour's samples between orchestrators. Each session is credited once per credited hour (every
   * status hour, except a terminal tail that is not its first status hour; the start hour when it
   * has no status samples) under the selection made last before the hour ends, so the session
   * counts of an hour sum to its distinct sessions over all rows, as in the simulator's truth
   * (credited to the last serving segment). Latencies are credited on the first credited hour.
   *
   * <p>Rows come out for every hour the inputs reach (a selection made before the hours creates
   * none by itself; a sample or a credited hour does): callers keep the hours they recompute. p95
   * output FPS is exact over the row's fps-positive samples of the hour.
   *
   * @param status silver.ai_stream_status rows of the hours to compute (of any session)
   * @param selections silver.session_selections rows of those samples' sessions, every selection of
   *     each (those before the hours too: a selection made earlier is still active)
   * @param sessions silver.sessions rows of those sessions and of the sessions without status
   *     samples that started in the hours
   * @param sessionHours silver.session_hours rows of those sessions in the hours
   */
  public static Dataset<Row> hourlyPrimitives(
      Dataset<Row> status,
      Dataset<Row> selections,
      Dataset<Row> sessions,
      Dataset<Row> sessionHours) {
    return Projections.of(
        SlaPrimitives.of(status, selections, sessions, sessionHours), PRIMITIVE_COLUMNS, Map.of());
  }

  /**
   * gold.sla_benchmark_daily rows of the days present in {@code hourlyRows}: per (cohort_date,
   * pipeline, model_id), exact percentiles (linear interpolation between closest ranks) over the
   * per-row averages, each row with the average counting once. Rows without pipeline or model are
   * left out.
   *
   * @param hourlyRows streaming_sla_hourly rows (or {@link #hourlyPrimitives}) of whole UTC days
   * @param settledBefore the instant before which hours can no longer change (the run's as-of time
   *     minus the lateness horizon)
   */
  public static Dataset<Row> benchmarks(Dataset<Row> hourlyRows, Instant settledBefore) {
    Column ptff =
        SlaScoring.ratio(col("prompt_to_first_frame_sum_ms"), col("prompt_to_first_frame_count"));
    Column e2e = SlaScoring.ratio(col("e2e_latency_sum_ms"), col("e2e_latency_count"));
    Column fps = SlaScoring.ratio(col("output_fps_sum"), col("fps_positive_samples"));
    Dataset<Row> days =
        hourlyRows
            .where(col("pipeline").isNotNull().and(col("model_id").isNotNull()))
            .select(
                col("window_date").as("cohort_date"),
                col("pipeline"),
                col("model_id"),
                ptff.as("_ptff"),
                e2e.as("_e2e"),
                fps.as("_fps"))
            .groupBy(col("cohort_date"), col("pipeline"), col("model_id"))
            .agg(
                count(lit(1)).as("scored_rows"),
                percentile(col("_ptff"), lit(0.5)).as("ptff_p50_ms"),
                percentile(col("_ptff"), lit(0.9)).as("ptff_p90_ms"),
                count(col("_ptff")).as("ptff_rows"),
                percentile(col("_e2e"), lit(0.5)).as("e2e_p50_ms"),
                percentile(col("_e2e"), lit(0.9)).as("e2e_p90_ms"),
                count(col("_e2e")).as("e2e_rows"),
                percentile(col("_fps"), lit(0.1)).as("fps_p10"),
                percentile(col("_fps"), lit(0.5)).as("fps_p50"),
                count(col("_fps")).as("fps_rows"))
            .withColumn("sla_semantics_version", lit(GoldSlaTables.SEMANTICS_VERSION))
            .withColumn("is_settled", settled(date_add(col("cohort_date"), 1), settledBefore));
    return Projections.of(days, GoldSlaTables.SLA_BENCHMARK_DAILY);
  }

  /**
   * gold.streaming_sla_hourly rows: the primitives with every rate, the degradation flag, the 7-day
   * benchmarks and the score.
   *
   * @param hourlyPrimitives {@link #hourlyPrimitives} rows (or stored hourly rows) of the hours to
   *     score
   * @param benchmarkDays sla_benchmark_daily rows covering, for each hour's date D, the cohort
   *     dates D - 7 ... D - 1 (more days are ignored)
   * @param priorHourRows stored hourly rows of the hour before each scored hour that is not itself
   *     among the scored hours (the degradation flag compares with it); hours present in {@code
   *     hourlyPrimitives} are taken from there
   * @param settledBefore rows whose hour ends at or before this instant are settled
   */
  public static Dataset<Row> score(
      Dataset<Row> hourlyPrimitives,
      Dataset<Row> benchmarkDays,
      Dataset<Row> priorHourRows,
      Instant settledBefore) {
    Dataset<Row> rows = SlaScoring.rates(primitivesOf(hourlyPrimitives));
    Dataset<Row> flagged =
        SlaScoring.withBenchmarks(degradation(rows, priorHourRows), benchmarkDays);
    Dataset<Row> scored =
        SlaScoring.score(flagged)
            .withColumn("sla_semantics_version", lit(GoldSlaTables.SEMANTICS_VERSION))
            .withColumn(
                "is_settled",
                settled(col("window_start").plus(expr("INTERVAL 1 HOUR")), settledBefore));
    return Projections.of(scored, GoldSlaTables.STREAMING_SLA_HOURLY);
  }

  /**
   * gold.streaming_sla_daily rows: the hourly measures summed per (window_date,
   * orchestrator_address, pipeline, model_id) over hours, orgs and GPUs, and every rate and the
   * score recomputed from the sums with the date's 7-day benchmarks.
   *
   * @param hourly streaming_sla_hourly rows of whole UTC days (scored: fps_degraded is counted)
   * @param benchmarkDays sla_benchmark_daily rows covering each date's 7 prior days
   * @param settledBefore a day is settled when it ends at or before this instant
   */
  public static Dataset<Row> daily(
      Dataset<Row> hourly, Dataset<Row> benchmarkDays, Instant settledBefore) {
    List<Column> sums = new ArrayList<>();
    sums.add(count(lit(1)).as("scored_hours"));
    sums.add(countDistinct(when(col("fps_degraded"), col("window_start"))).as("degraded_hours"));
    for (io.naaplake.schema.Column measure : GoldSlaTables.MEASURES) {
      sums.add(sum(col(measure.name())).as(measure.name()));
    }
    Dataset<Row> summed =
        hourly
            .groupBy(
                col("window_date"), col("orchestrator_address"), col("pipeline"), col("model_id"))
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    Dataset<Row> scored =
        SlaScoring.score(SlaScoring.withBenchmarks(SlaScoring.rates(summed), benchmarkDays))
            .withColumn("sla_semantics_version", lit(GoldSlaTables.SEMANTICS_VERSION))
            .withColumn("is_settled", settled(date_add(col("window_date"), 1), settledBefore));
    return Projections.of(scored, GoldSlaTables.STREAMING_SLA_DAILY);
  }

  /**
   * The degradation flag (reference §3.1: average output FPS down by 20 % or more on the prior
   * hour, same orchestrator, pipeline and model): both hours' averages are taken over all orgs and
   * GPUs of the orchestrator (0-fps samples excluded), from the summed primitives.
   */
  private static Dataset<Row> degradation(Dataset<Row> rows, Dataset<Row> priorHourRows) {
    List<String> fpsColumns =
        List.of(
            "window_start",
            "orchestrator_address",
            "pipeline",
            "model_id",
            "output_fps_sum",
            "fps_positive_samples");
    Dataset<Row> current = rows.selectExpr(fpsColumns.toArray(new String[0]));
    Dataset<Row> prior =
        priorHourRows
            .selectExpr(fpsColumns.toArray(new String[0]))
            .join(
                current.select("window_start").distinct(),
                new String[] {"window_start"},
                "left_anti");
    Dataset<Row> orchestratorHours =
        current
            .unionByName(prior)
            .where(col("orchestrator_address").isNotNull())
            .groupBy(
                col("window_start"), col("orchestrator_address"), col("pipeline"), col("model_id"))
            .agg(
                SlaScoring.ratio(sum(col("output_fps_sum")), sum(col("fps_positive_samples")))
                    .as("_avg"));
    Dataset<Row> now =
        orchestratorHours.select(
            col("window_start").as("n_start"),
            col("orchestrator_address").as("n_orchestrator"),
            col("pipeline").as("n_pipeline"),
            col("model_id").as("n_model"),
            col("_avg").as("orchestrator_avg_output_fps"));
    Dataset<Row> before =
        orchestratorHours.select(
            col("window_start").plus(expr("INTERVAL 1 HOUR")).as("p_start"),
            col("orchestrator_address").as("p_orchestrator"),
            col("pipeline").as("p_pipeline"),
            col("model_id").as("p_model"),
            col("_avg").as("prior_hour_avg_output_fps"));
    Column current0 = col("orchestrator_avg_output_fps");
    Column prior0 = col("prior_hour_avg_output_fps");
    return rows.join(now, sameOrchestratorHour("n"), "left")
        .join(before, sameOrchestratorHour("p"), "left")
        .withColumn(
            "fps_degraded",
            when(current0.isNotNull().and(prior0.gt(0)), current0.divide(prior0).leq(0.8)))
        .drop(
            "n_start",
            "n_orchestrator",
            "n_pipeline",
            "n_model",
            "p_start",
            "p_orchestrator",
            "p_pipeline",
            "p_model");
  }

  private static Column sameOrchestratorHour(String prefix) {
    return col("window_start")
        .equalTo(col(prefix + "_start"))
        .and(col("orchestrator_address").equalTo(col(prefix + "_orchestrator")))
        .and(col("pipeline").eqNullSafe(col(prefix + "_pipeline")))
        .and(col("model_id").eqNullSafe(col(prefix + "_model")));
  }

  /** The primitive columns of hourly rows, whatever else they carry. */
  private static Dataset<Row> primitivesOf(Dataset<Row> rows) {
    return Projections.of(rows, PRIMITIVE_COLUMNS, Map.of());
  }

  /** {@code end <= settledBefore}. */
  private static Column settled(Column end, Instant settledBefore) {
    Objects.requireNonNull(settledBefore, "settledBefore is null");
    return end.cast(DataTypes.TimestampType).leq(lit(Timestamp.from(settledBefore)));
  }
}
