package io.naaplake.jobs.silver.session;

import static io.naaplake.jobs.silver.session.SessionSignals.EVENTS;
import static io.naaplake.jobs.silver.session.SessionSignals.EVENT_TIME;
import static io.naaplake.jobs.silver.session.SessionSignals.STATUS;
import static io.naaplake.jobs.silver.session.SessionSignals.TRACE;
import static io.naaplake.jobs.silver.session.SessionSignals.is;
import static io.naaplake.jobs.silver.session.SessionSignals.isFamily;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * One row per session of the evidence its signals hold: lifecycle edges, sample and error counts,
 * hints, selections. {@link SessionOutcomes} turns it into the session row.
 */
final class SessionRollup {

  /** Error-message fragments that excuse a failed startup (reference §2.7), lower case. */
  static final List<String> EXCUSABLE_ERRORS =
      List.of(
          "no orchestrators available",
          "mediamtx ingest disconnected",
          "whip disconnected",
          "missing video",
          "ice connection state failed",
          "user disconnected");

  /** States in which the runner is producing output (reference §1.4). */
  static final List<String> RUNNING_STATES =
      List.of("ONLINE", "DEGRADED_INPUT", "DEGRADED_INFERENCE");

  private static final String PARAMS_CHANGE = "_params_change";

  private SessionRollup() {}

  /** Evidence per (org, session_key) from selection-flagged signals. */
  static Dataset<Row> of(Dataset<Row> flaggedSignals) {
    Column previousHash =
        last(col(SessionSignals.PARAMS_HASH), true)
            .over(SessionSignals.ordered().rowsBetween(Window.unboundedPreceding(), -1));
    Column hash = col(SessionSignals.PARAMS_HASH);
    // Grouping on exactly the window's partition keys lets Spark reuse its shuffle.
    return flaggedSignals
        .withColumn(
            PARAMS_CHANGE,
            isFamily(STATUS)
                .and(hash.isNotNull())
                .and(previousHash.isNotNull())
                .and(hash.notEqual(previousHash)))
        .groupBy(col(SessionSignals.ORG), col(SessionSignals.SESSION_KEY))
        .agg(max(col(SessionSignals.STREAM_ID)).as("stream_id"), evidence());
  }

  private static Column[] evidence() {
    Column status = isFamily(STATUS);
    Column fps = col(SessionSignals.OUTPUT_FPS);
    Column state = col(SessionSignals.STATE);
    Column errorEvent = is(EVENTS, "error");
    return new Column[] {
      max(col(SessionSignals.REQUEST_ID)).as("request_id"),
      firstInOrder(col(SessionSignals.GATEWAY)).as("gateway"),
      min(col(EVENT_TIME)).as("first_seen"),
      max(col(EVENT_TIME)).as("last_seen"),
      firstTime(is(TRACE, "gateway_receive_stream_request")).as("requested_at"),
      firstTime(is(TRACE, "gateway_send_first_ingest_segment")).as("first_ingest_at"),
      firstTime(is(TRACE, "runner_send_first_processed_segment")).as("runner_first_processed_at"),
      firstTime(is(TRACE, "gateway_receive_first_processed_segment")).as("first_processed_at"),
      firstTime(is(TRACE, "gateway_receive_few_processed_segments")).as("few_processed_at"),
      countWhere(is(TRACE, "gateway_ingest_stream_closed")).as("close_traces"),
      countWhere(is(TRACE, "gateway_no_orchestrators_available")).as("no_orch_traces"),
      countWhere(is(TRACE, "orchestrator_swap")).as("swap_count"),
      countWhere(status).as("status_samples"),
      countWhere(status.and(fps.gt(0))).as("fps_positive_samples"),
      countWhere(status.and(state.isin(RUNNING_STATES.toArray()))).as("running_samples"),
      countWhere(status.and(state.equalTo("ONLINE"))).as("online_samples"),
      countWhere(status.and(col(SessionSignals.LAST_ERROR).isNotNull())).as("error_samples"),
      countWhere(errorEvent).as("error_events"),
      countWhere(errorEvent.and(excusable(col(SessionSignals.MESSAGE))))
          .as("excusable_error_events"),
      min(col(SessionSignals.START_TIME)).as("status_start_time"),
      firstTime(status).as("first_status_at"),
      firstHint(col(SessionSignals.PIPELINE_ID_TEXT)).as("pipeline_hint"),
      firstHint(col(SessionSignals.PIPELINE_TEXT)).as("model_hint"),
      countWhere(col(SelectionSignals.REASON).isNotNull()).as("selection_count"),
      countWhere(col(PARAMS_CHANGE)).as("params_updates")
    };
  }

  static Column excusable(Column message) {
    Column text = lower(message);
    Column any = lit(false);
    for (String fragment : EXCUSABLE_ERRORS) {
      any = any.or(text.contains(fragment));
    }
    return any;
  }

  private static Column countWhere(Column condition) {
    return count(when(condition, lit(true)));
  }

  private static Column firstTime(Column condition) {
    return min(when(condition, col(EVENT_TIME)));
  }

  /** The first non-null value in session order. */
  private static Column firstInOrder(Column value) {
    return min_by(value, when(value.isNotNull(), SessionSignals.orderStruct()));
  }

  /** The first non-null hint, status samples first (the runner knows its model), then in order. */
  private static Column firstHint(Column hint) {
    return min_by(
        hint,
        when(
            hint.isNotNull(),
            struct(col(SessionSignals.HINT_PRIORITY), SessionSignals.orderStruct())));
  }
}
