package io.naaplake.jobs.gold.network;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.GoldNetworkTables;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * silver.sessions, silver.session_selections and silver.ai_stream_status to gold.active_sessions:
 * the live-video sessions live at the as-of time, with the orchestrator of their latest selection
 * and the state and FPS of their latest status sample, both at or before as_of (later rows are
 * ignored, so a rerun for a past as_of sees what was known of that instant).
 *
 * <p>Live at as_of: started by then, and either seen after it (its events span as_of: a chain
 * always reads Kafka some seconds to minutes after its run time, so every streaming session has
 * events past it) or last seen in the {@link GoldNetworkTables#LIVE_SECONDS} before it and not
 * closed. Silver keeps one completed flag per session, so a close only counts once nothing of the
 * session follows as_of.
 */
public final class ActiveSessions {
  private ActiveSessions() {}

  /**
   * The sessions live at {@code asOf}.
   *
   * @param sessions silver.sessions rows (those last seen at or after as_of minus 2 minutes
   *     suffice)
   * @param selections silver.session_selections rows of those sessions
   * @param status silver.ai_stream_status rows of those sessions (the as_of date and the day before
   *     suffice: a live session's latest sample is recent unless it has none)
   * @param asOf the run's as-of time
   * @param settledBefore the run's settlement instant
   */
  public static Dataset<Row> at(
      Dataset<Row> sessions,
      Dataset<Row> selections,
      Dataset<Row> status,
      Instant asOf,
      Instant settledBefore) {
    Column asOfTime = GoldWindows.instant(asOf);
    Column liveSince = GoldWindows.instant(asOf.minusSeconds(GoldNetworkTables.LIVE_SECONDS));
    Dataset<Row> live =
        sessions.where(
            col("stream_id")
                .isNotNull()
                .and(col("first_seen").leq(asOfTime))
                .and(col("last_seen").geq(liveSince))
                .and(col("last_seen").gt(asOfTime).or(col("completed").equalTo(false))));
    Dataset<Row> rows =
        live.join(latestSelection(selections, asOfTime), keys(live, "sel_"), "left")
            .join(latestSample(status, asOfTime), keys(live, "st_"), "left")
            .withColumn("orchestrator_address", col("attributed_orch_address"))
            .withColumn("orch_uri", coalesce(col("attributed_orch_uri"), col("observed_url")))
            .withColumn(
                "pipeline",
                coalesce(
                    col("attributed_pipeline"),
                    col("sel_pipeline_hint"),
                    col("canonical_pipeline")))
            .withColumn(
                "model_id",
                coalesce(col("attributed_model_id"), col("sel_model_hint"), col("canonical_model")))
            .withColumn("gpu_id", col("attributed_gpu_id"));
    return Projections.of(
        NetworkRows.stamped(rows, asOf, settledBefore), GoldNetworkTables.ACTIVE_SESSIONS);
  }

  /** Each session's latest selection at or before as_of, its key columns prefixed {@code sel_}. */
  private static Dataset<Row> latestSelection(Dataset<Row> selections, Column asOfTime) {
    return latest(
            selections.where(col("selection_ts").leq(asOfTime)),
            col("selection_ts").desc(),
            col("selection_seq").desc())
        .select(
            col("org").as("sel_org"),
            col("session_key").as("sel_session_key"),
            col("pipeline_hint").as("sel_pipeline_hint"),
            col("model_hint").as("sel_model_hint"),
            col("observed_url"),
            col("attribution_status"),
            col("attributed_orch_address"),
            col("attributed_orch_uri"),
            col("attributed_gpu_id"),
            col("attributed_pipeline"),
            col("attributed_model_id"));
  }

  /** Each session's latest status sample at or before as_of, keys prefixed {@code st_}. */
  private static Dataset<Row> latestSample(Dataset<Row> status, Column asOfTime) {
    Dataset<Row> samples =
        status
            .withColumn("sample_time", coalesce(col("event_ts"), col("timestamp")))
            .withColumn(
                "session_key",
                SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id")))
            .where(col("sample_time").leq(asOfTime));
    return latest(samples, col("sample_time").desc(), col("event_id").desc())
        .select(
            col("org").as("st_org"),
            col("session_key").as("st_session_key"),
            col("state"),
            col("sample_time").as("last_status_at"),
            col("input_status_fps").cast("double").as("input_fps"),
            col("inference_status_fps").cast("double").as("output_fps"));
  }

  /** The first row per (org, session_key) in the given order. */
  private static Dataset<Row> latest(Dataset<Row> rows, Column... order) {
    return rows.withColumn(
            "latest_rank",
            row_number().over(Window.partitionBy(col("org"), col("session_key")).orderBy(order)))
        .where(col("latest_rank").equalTo(1))
        .drop("latest_rank");
  }

  /** (org, session_key) of the sessions equal to the prefixed columns. */
  private static Column keys(Dataset<Row> live, String prefix) {
    return live.col("org")
        .equalTo(col(prefix + "org"))
        .and(live.col("session_key").equalTo(col(prefix + "session_key")));
  }
}
