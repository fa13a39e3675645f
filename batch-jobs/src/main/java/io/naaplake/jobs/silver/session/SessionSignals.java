package io.naaplake.jobs.silver.session;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.events.EventFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The events of the three live families (stream_trace, ai_stream_status, ai_stream_events) in one
 * shape, one row per event, keyed by session and placed in time. Family-specific fields are null on
 * the other families' rows. Everything a session or a selection is derived from goes through here,
 * so the key, the event time and the order are defined once.
 */
final class SessionSignals {
  static final String TRACE = EventFamily.STREAM_TRACE.wireName();
  static final String STATUS = EventFamily.AI_STREAM_STATUS.wireName();
  static final String EVENTS = EventFamily.AI_STREAM_EVENTS.wireName();

  static final String ORG = "org";
  static final String SESSION_KEY = "session_key";
  static final String STREAM_ID = "stream_id";
  static final String REQUEST_ID = "request_id";
  static final String FAMILY = "signal_family";
  static final String FAMILY_PRIORITY = "family_priority";
  static final String HINT_PRIORITY = "hint_priority";
  static final String EVENT_ID = "event_id";
  static final String PAYLOAD_TS = "payload_ts";
  static final String EVENT_TIME = "event_time";
  static final String SUBTYPE = "subtype";
  static final String GATEWAY = "gateway";
  static final String OBSERVED_ADDRESS = "observed_address";
  static final String OBSERVED_URL = "observed_url";
  static final String PIPELINE_TEXT = "pipeline_text";
  static final String PIPELINE_ID_TEXT = "pipeline_id_text";
  static final String STATE = "state";
  static final String OUTPUT_FPS = "output_fps";
  static final String START_TIME = "start_time";
  static final String LAST_ERROR = "last_error";
  static final String PARAMS_HASH = "params_hash";
  static final String STATUS_LATENCY_MS = "status_latency_ms";
  static final String RESTART_COUNT = "restart_count";
  static final String MESSAGE = "message";

  /** Family-specific columns, null on rows of the other families. */
  private static final Map<String, DataType> SPECIFIC = specificColumns();

  private static Map<String, DataType> specificColumns() {
    Map<String, DataType> columns = new LinkedHashMap<>();
    columns.put(STATE, DataTypes.StringType);
    columns.put(OUTPUT_FPS, DataTypes.DoubleType);
    columns.put(START_TIME, DataTypes.TimestampType);
    columns.put(LAST_ERROR, DataTypes.StringType);
    columns.put(PARAMS_HASH, DataTypes.StringType);
    columns.put(STATUS_LATENCY_MS, DataTypes.DoubleType);
    columns.put(RESTART_COUNT, DataTypes.IntegerType);
    columns.put(MESSAGE, DataTypes.StringType);
    return columns;
  }

  private SessionSignals() {}

  /** Signals that belong to a session and have an event time. */
  static Dataset<Row> of(Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    return placed(unfiltered(trace, status, events));
  }

  /** Status samples that belong to a session and have an event time. */
  static Dataset<Row> statusSamples(Dataset<Row> status) {
    return placed(statusSignals(status));
  }

  /** Every event of the three families, including those without session or time. */
  static Dataset<Row> unfiltered(Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    return traceSignals(trace).unionByName(statusSignals(status)).unionByName(eventSignals(events));
  }

  /**
   * Session order: event time, payload timestamp, family (trace before status before events, so a
   * trace edge and a status at the same instant read in lifecycle order), event id.
   */
  static WindowSpec ordered() {
    return Window.partitionBy(col(ORG), col(SESSION_KEY)).orderBy(orderColumns());
  }

  /** The session order as a struct, for min_by/max_by. */
  static Column orderStruct() {
    return org.apache.spark.sql.functions.struct(orderColumns());
  }

  private static Column[] orderColumns() {
    return new Column[] {col(EVENT_TIME), col(PAYLOAD_TS), col(FAMILY_PRIORITY), col(EVENT_ID)};
  }

  /** Whether the row is a {@code family} event of subtype {@code subtype}. */
  static Column is(String family, String subtype) {
    return col(FAMILY).equalTo(family).and(coalesce(col(SUBTYPE).equalTo(subtype), lit(false)));
  }

  static Column isFamily(String family) {
    return col(FAMILY).equalTo(family);
  }

  private static Dataset<Row> placed(Dataset<Row> signals) {
    return signals.where(col(SESSION_KEY).isNotNull().and(col(EVENT_TIME).isNotNull()));
  }

  private static Dataset<Row> traceSignals(Dataset<Row> trace) {
    return shape(trace, TRACE, 1, 2, Map.of());
  }

  private static Dataset<Row> statusSignals(Dataset<Row> status) {
    Column lastError = trim(col("inference_status_last_error"));
    return shape(
        status,
        STATUS,
        2,
        1,
        Map.of(
            STATE, upper(trim(col("state"))),
            OUTPUT_FPS, col("inference_status_fps"),
            START_TIME, col("start_time"),
            // JSON null reads as null; producers also send "" and the text "null" for no error.
            LAST_ERROR,
                when(lastError.equalTo("").or(lower(lastError).equalTo("null")), null)
                    .otherwise(lastError),
            PARAMS_HASH, Identity.text(col("inference_status_last_params_hash")),
            STATUS_LATENCY_MS, col("inference_status_latency_ms"),
            RESTART_COUNT, col("inference_status_restart_count")));
  }

  private static Dataset<Row> eventSignals(Dataset<Row> events) {
    return shape(events, EVENTS, 3, 3, Map.of(MESSAGE, col("message")));
  }

  /**
   * The common columns plus the family's specific ones. {@code hintPriority}: the runner's status
   * reports the model it actually runs, so its hints are preferred over the gateway's.
   */
  private static Dataset<Row> shape(
      Dataset<Row> rows,
      String family,
      int familyPriority,
      int hintPriority,
      Map<String, Column> specific) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("org").as(ORG));
    columns.add(
        SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id"))
            .as(SESSION_KEY));
    columns.add(Identity.text(col("stream_id")).as(STREAM_ID));
    columns.add(Identity.text(col("request_id")).as(REQUEST_ID));
    columns.add(lit(family).as(FAMILY));
    columns.add(lit(familyPriority).as(FAMILY_PRIORITY));
    columns.add(lit(hintPriority).as(HINT_PRIORITY));
    columns.add(col("event_id").as(EVENT_ID));
    columns.add(col("timestamp").as(PAYLOAD_TS));
    columns.add(coalesce(col("event_ts"), col("timestamp")).as(EVENT_TIME));
    columns.add(lower(trim(col("type"))).as(SUBTYPE));
    columns.add(Identity.text(col("gateway")).as(GATEWAY));
    columns.add(Identity.address(col("orchestrator_info_address")).as(OBSERVED_ADDRESS));
    columns.add(Identity.uri(col("orchestrator_info_url")).as(OBSERVED_URL));
    columns.add(Identity.text(col("pipeline")).as(PIPELINE_TEXT));
    columns.add(Identity.text(col("pipeline_id")).as(PIPELINE_ID_TEXT));
    for (Map.Entry<String, DataType> column : SPECIFIC.entrySet()) {
      Column value = specific.getOrDefault(column.getKey(), lit(null));
      columns.add(value.cast(column.getValue()).as(column.getKey()));
    }
    return rows.select(columns.toArray(new Column[0]));
  }
}
