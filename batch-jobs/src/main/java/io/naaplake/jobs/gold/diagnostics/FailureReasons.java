package io.naaplake.jobs.gold.diagnostics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.GoldDiagnosticsTables;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Live-session failure signals to gold.failure_reasons_hourly. Event signals (swap traces, error
 * events, restart-count increases) are credited to the UTC hour of their event time (envelope
 * timestamp, else payload timestamp) and to the orchestrator of the session's latest selection at
 * or before them; session signals (no orchestrator, loading only, zero output fps) to the session's
 * start hour and last selection, for requested sessions, as streaming demand counts them; like
 * demand, such a row stays unsettled while one of its sessions was last seen at or after the
 * settlement instant (the session may still change).
 */
public final class FailureReasons {
  static final String SWAP = "swap";
  static final String ERROR = "error";
  static final String RESTART = "restart";
  static final String NO_ORCH = "no_orch";
  static final String LOADING_ONLY = "loading_only";
  static final String ZERO_OUTPUT_FPS = "zero_output_fps";

  private FailureReasons() {}

  /**
   * The hourly failure reasons of the sessions given. Pass, for each session to recompute, all its
   * rows: its silver.sessions row, its silver.session_selections, and all its stream_trace,
   * ai_stream_status and ai_stream_events rows (a restart is an increase over the session's
   * previous sample, which may lie in an earlier hour). Events of sessions not in {@code sessions}
   * are left out. Every hour the inputs touch gets rows; keep those of the hours being recomputed.
   *
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(
      Dataset<Row> sessions,
      Dataset<Row> selections,
      Dataset<Row> trace,
      Dataset<Row> status,
      Dataset<Row> events,
      Instant settledBefore) {
    Dataset<Row> sessionKeys =
        sessions.select(
            col("org").as("s_org"),
            col("session_key").as("s_session_key"),
            col("canonical_pipeline"),
            col("canonical_model"));
    Dataset<Row> eventSignals =
        messageSignals(trace, "orchestrator_swap", SWAP)
            .unionByName(messageSignals(events, "error", ERROR))
            .unionByName(restartSignals(status));
    Dataset<Row> placed =
        withServingOrchestrator(
                eventSignals.join(
                    sessionKeys,
                    col("org")
                        .equalTo(col("s_org"))
                        .and(col("session_key").equalTo(col("s_session_key")))),
                selections)
            .unionByName(sessionSignals(sessions, selections));
    Dataset<Row> rows =
        placed
            .groupBy(
                col("window_start"),
                col("org"),
                col("attributed_orch_address").as("orchestrator_address"),
                col("canonical_pipeline").as("pipeline"),
                col("canonical_model").as("model_id"),
                col("category"),
                col("reason"))
            .agg(
                sum(col("occurrences")).as("occurrences"),
                count_distinct(col("session_key")).as("sessions"),
                min(col("message")).as("example_message"),
                max(col("session_last_seen")).as("session_last_seen_max"))
            .withColumn(
                "excusable",
                when(col("category").equalTo(ERROR), MessageClasses.excusable(col("reason"))))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn(
                "is_settled",
                GoldWindows.hourSettled(col("window_start"), settledBefore)
                    .and(
                        col("session_last_seen_max")
                            .isNull()
                            .or(
                                col("session_last_seen_max")
                                    .lt(GoldWindows.instant(settledBefore)))));
    return Projections.of(rows, GoldDiagnosticsTables.FAILURE_REASONS_HOURLY);
  }

  /**
   * Failure reasons over {@code [from, to)} from hourly rows: occurrences summed per key; the
   * distinct session counts and example messages need the source rows and are not carried.
   */
  public static Dataset<Row> overWindow(Dataset<Row> hourly, Instant from, Instant to) {
    return GoldWindows.rollUp(hourly, GoldDiagnosticsTables.FAILURE_REASONS_HOURLY, from, to);
  }

  private static Column eventTime() {
    return coalesce(col("event_ts"), col("timestamp"));
  }

  private static Column sessionKey() {
    return SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id"));
  }

  /** One signal per event of the subtype, its message classified. */
  private static Dataset<Row> messageSignals(Dataset<Row> rows, String subtype, String category) {
    return rows.where(lower(trim(col("type"))).equalTo(subtype))
        .select(
            col("org"),
            sessionKey().as("session_key"),
            col("event_id").as("signal_id"),
            eventTime().as("signal_time"),
            lit(category).as("category"),
            MessageClasses.classify(col("message")).as("reason"),
            Identity.text(col("message")).as("message"),
            lit(1L).as("occurrences"))
        .where(col("session_key").isNotNull().and(col("signal_time").isNotNull()));
  }

  /**
   * Restarts: per session, the increase of restart_count over the previous sample reporting one
   * (samples in event-time order); a value below the previous one is a new counter (a new runner)
   * and counts in full, as does the first sample's.
   */
  private static Dataset<Row> restartSignals(Dataset<Row> status) {
    WindowSpec bySession =
        Window.partitionBy(col("org"), col("session_key"))
            .orderBy(col("signal_time"), col("payload_ts"), col("signal_id"));
    Column previous = lag(col("restart_count"), 1).over(bySession);
    Column count = col("restart_count").cast("bigint");
    return status
        .select(
            col("org"),
            sessionKey().as("session_key"),
            col("event_id").as("signal_id"),
            eventTime().as("signal_time"),
            col("timestamp").as("payload_ts"),
            col("inference_status_restart_count").as("restart_count"))
        .where(
            col("session_key")
                .isNotNull()
                .and(col("signal_time").isNotNull())
                .and(col("restart_count").isNotNull()))
        .withColumn(
            "occurrences",
            when(previous.isNull().or(count.lt(previous)), count).otherwise(count.minus(previous)))
        .where(col("occurrences").gt(0))
        .select(
            col("org"),
            col("session_key"),
            col("signal_id"),
            col("signal_time"),
            lit(RESTART).as("category"),
            lit(RESTART).as("reason"),
            lit(null).cast("string").as("message"),
            col("occurrences"));
  }

  /**
   * Signals joined to the attributed orchestrator of the session's latest selection at or before
   * the signal (none: null), placed in the signal's hour.
   */
  private static Dataset<Row> withServingOrchestrator(
      Dataset<Row> signals, Dataset<Row> selections) {
    Dataset<Row> candidates =
        selections.select(
            col("org").as("sel_org"),
            col("session_key").as("sel_session_key"),
            col("selection_ts"),
            col("selection_seq"),
            col("attributed_orch_address"));
    WindowSpec latest =
        Window.partitionBy(col("org"), col("session_key"), col("category"), col("signal_id"))
            .orderBy(col("selection_ts").desc_nulls_last(), col("selection_seq").desc());
    return signals
        .join(
            candidates,
            col("org")
                .equalTo(col("sel_org"))
                .and(col("session_key").equalTo(col("sel_session_key")))
                .and(col("selection_ts").leq(col("signal_time"))),
            "left")
        .withColumn("rank", row_number().over(latest))
        .where(col("rank").equalTo(1))
        .select(
            GoldWindows.hourOf(col("signal_time")).as("window_start"),
            col("org"),
            col("session_key"),
            col("attributed_orch_address"),
            col("canonical_pipeline"),
            col("canonical_model"),
            col("category"),
            col("reason"),
            col("message"),
            col("occurrences"),
            lit(null).cast("timestamp").as("session_last_seen"));
  }

  /** no_orch, loading_only and zero_output_fps of requested sessions, at their start hour. */
  private static Dataset<Row> sessionSignals(Dataset<Row> sessions, Dataset<Row> selections) {
    WindowSpec bySession =
        Window.partitionBy(col("org"), col("session_key")).orderBy(col("selection_seq").desc());
    Dataset<Row> lastSelection =
        selections
            .withColumn("rank", row_number().over(bySession))
            .where(col("rank").equalTo(1))
            .select(
                col("org").as("sel_org"),
                col("session_key").as("sel_session_key"),
                col("attributed_orch_address"));
    Dataset<Row> requested =
        sessions
            .where(col("requested"))
            .join(
                lastSelection,
                col("org")
                    .equalTo(col("sel_org"))
                    .and(col("session_key").equalTo(col("sel_session_key"))),
                "left");
    return flagged(requested, col("selection_outcome").equalTo("no_orch"), NO_ORCH)
        .unionByName(flagged(requested, col("loading_only"), LOADING_ONLY))
        .unionByName(flagged(requested, col("zero_output_fps"), ZERO_OUTPUT_FPS));
  }

  private static Dataset<Row> flagged(Dataset<Row> sessions, Column flag, String category) {
    return sessions
        .where(flag)
        .select(
            col("start_hour").as("window_start"),
            col("org"),
            col("session_key"),
            col("attributed_orch_address"),
            col("canonical_pipeline"),
            col("canonical_model"),
            lit(category).as("category"),
            lit(category).as("reason"),
            lit(null).cast("string").as("message"),
            lit(1L).as("occurrences"),
            col("last_seen").as("session_last_seen"));
  }
}
