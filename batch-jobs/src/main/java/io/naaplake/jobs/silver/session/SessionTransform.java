package io.naaplake.jobs.silver.session;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.SessionTables;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Live-video sessions and their status hours (reference §2.7) from the typed silver tables
 * stream_trace, ai_stream_status and ai_stream_events. Pure: every session present in the inputs is
 * recomputed from exactly those inputs, so callers pass all events of the sessions they recompute
 * (find them with {@link #sessionKey}). Input order is irrelevant.
 */
public final class SessionTransform {
  static final String MISSING_STREAM = "_missing_stream";
  static final String MISSING_REQUEST = "_missing_request";

  private SessionTransform() {}

  /**
   * The canonical session key (reference §1.5): {@code org|stream_id|request_id}, ids trimmed, a
   * missing (null or blank) id replaced by {@code _missing_stream} / {@code _missing_request}; null
   * when the org is blank or both ids are missing: such events are no session's.
   */
  public static Column sessionKey(Column org, Column streamId, Column requestId) {
    Column tenant = Identity.text(org);
    Column stream = Identity.text(streamId);
    Column request = Identity.text(requestId);
    return when(
        tenant.isNotNull().and(stream.isNotNull().or(request.isNotNull())),
        concat_ws(
            "|",
            tenant,
            coalesce(stream, lit(MISSING_STREAM)),
            coalesce(request, lit(MISSING_REQUEST))));
  }

  /** silver.sessions rows, one per session key found in the inputs. */
  public static Dataset<Row> sessions(
      Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    Dataset<Row> signals = SelectionSignals.flag(SessionSignals.of(trace, status, events));
    return io.naaplake.jobs.lake.Projections.of(
        SessionOutcomes.of(SessionRollup.of(signals)), SessionTables.SESSIONS.columns(), Map.of());
  }

  /** silver.session_hours rows of the sessions found in the inputs. */
  public static Dataset<Row> sessionHours(
      Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    return sessionHours(sessions(trace, status, events), status);
  }

  /**
   * silver.session_hours rows from already derived session rows (saves deriving them twice) and the
   * status samples of those sessions.
   */
  public static Dataset<Row> sessionHours(Dataset<Row> sessions, Dataset<Row> status) {
    return io.naaplake.jobs.lake.Projections.of(
        SessionHourRollup.of(sessions, status), SessionTables.SESSION_HOURS.columns(), Map.of());
  }

  /**
   * Events of the three families that belong to no session: no session key (blank org, or neither
   * stream nor request id) or no event time. Columns: org, event_id, signal_family, reason ({@code
   * no_session_ids} or {@code no_event_time}). They stay in their typed tables; this lets a job
   * count them.
   */
  public static Dataset<Row> unsessioned(
      Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    Column noKey = col(SessionSignals.SESSION_KEY).isNull();
    return SessionSignals.unfiltered(trace, status, events)
        .where(noKey.or(col(SessionSignals.EVENT_TIME).isNull()))
        .select(
            col(SessionSignals.ORG),
            col(SessionSignals.EVENT_ID),
            col(SessionSignals.FAMILY),
            when(noKey, lit("no_session_ids")).otherwise(lit("no_event_time")).as("reason"));
  }
}
