package io.naaplake.jobs.silver.session;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The session row's derived columns (reference §2.7) from a {@link SessionRollup}. */
final class SessionOutcomes {
  private static final double MICROS_PER_MINUTE = 60_000_000.0;

  private SessionOutcomes() {}

  static Dataset<Row> of(Dataset<Row> rollup) {
    return rollup
        .withColumn("requested", col("requested_at").isNotNull())
        .withColumn("playable", col("few_processed_at").isNotNull())
        .withColumn("completed", col("close_traces").gt(0))
        .withColumn("started_at", coalesce(col("requested_at"), col("first_seen")))
        .withColumn("start_hour", date_trunc("hour", col("started_at")))
        .withColumn("start_date", to_date(col("start_hour")))
        .withColumn("duration_minutes", durationMinutes(col("started_at"), col("last_seen")))
        .withColumn("selection_outcome", selectionOutcome())
        .withColumn("startup_outcome", startupOutcome())
        .withColumn("excusal_reason", excusalReason())
        .withColumn("startup_class", startupClass())
        .withColumn("loading_only", loadingOnly())
        .withColumn(
            "zero_output_fps",
            col("status_samples").gt(0).and(col("fps_positive_samples").equalTo(0)))
        .withColumn("ends_in_error", col("error_samples").gt(0))
        .withColumn(
            "startup_latency_ms", millisBetween(col("requested_at"), col("first_processed_at")))
        .withColumn(
            "e2e_latency_ms",
            millisBetween(col("first_ingest_at"), col("runner_first_processed_at")))
        .withColumn(
            "prompt_to_first_frame_ms",
            millisBetween(col("status_start_time"), col("few_processed_at")))
        .withColumn("health_signals_expected", when(col("requested"), 3).otherwise(0))
        .withColumn("health_signals_observed", healthSignalsObserved())
        .withColumn(
            "canonical_pipeline", ObservedHints.pipeline(col("pipeline_hint"), col("model_hint")))
        .withColumn("canonical_model", ObservedHints.model(col("pipeline_hint"), col("model_hint")))
        .withColumn("first_status_hour", date_trunc("hour", col("first_status_at")));
  }

  /** {@code end - start} in whole milliseconds; null when either is missing or it is negative. */
  static Column millisBetween(Column start, Column end) {
    Column millis = unix_millis(end).minus(unix_millis(start));
    return when(millis.geq(0), millis);
  }

  private static Column durationMinutes(Column start, Column end) {
    return greatest(
        lit(0.0), unix_micros(end).minus(unix_micros(start)).divide(lit(MICROS_PER_MINUTE)));
  }

  private static Column selectionOutcome() {
    return when(col("selection_count").gt(0), "selected")
        .when(col("no_orch_traces").gt(0), "no_orch")
        .otherwise("unknown");
  }

  private static Column startupOutcome() {
    return when(not(col("requested")), "unknown")
        .when(col("playable"), "success")
        .otherwise("failed");
  }

  private static Column excusalReason() {
    Column failed = col("startup_outcome").equalTo("failed");
    Column allErrorsExcusable =
        col("error_events").gt(0).and(col("error_events").equalTo(col("excusable_error_events")));
    return when(failed.and(col("selection_outcome").equalTo("no_orch")), "no_orch")
        .when(failed.and(allErrorsExcusable), "excusable_error")
        .otherwise("none");
  }

  private static Column startupClass() {
    return when(col("startup_outcome").equalTo("unknown"), "unknown")
        .when(col("startup_outcome").equalTo("success"), "success")
        .when(col("excusal_reason").notEqual("none"), "excused")
        .otherwise("unexcused");
  }

  /** Samples, but none running and none ONLINE (the reference's two conditions, kept both). */
  private static Column loadingOnly() {
    return col("status_samples")
        .gt(0)
        .and(col("running_samples").equalTo(0))
        .and(col("online_samples").equalTo(0));
  }

  private static Column healthSignalsObserved() {
    Column sampled = col("status_samples").gt(0);
    Column producedSomething = sampled.and(not(col("loading_only").and(col("zero_output_fps"))));
    return asInt(sampled).plus(asInt(col("playable"))).plus(asInt(producedSomething));
  }

  private static Column asInt(Column condition) {
    return when(condition, 1).otherwise(0);
  }
}
