package io.naaplake.jobs.gold.sla;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.session.SessionTransform;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Session-hour primitives per (hour, org, orchestrator, pipeline, model, GPU): status samples split
 * by the selection active when each was taken, and sessions credited once per credited hour under
 * the selection active at the hour's end (the rules are in {@link
 * io.naaplake.schema.GoldSlaTables}).
 *
 * <p>The three kinds of input row (a credited session-hour, a selection, a status sample) are laid
 * on one time line per session: a credited hour at its end instant, a selection at its
 * selection_ts, a sample at its event time. Ordered by (time, kind) with credited hours before
 * selections before samples, the selection in force for each row is the last selection seen up to
 * it (else the session's first): at or before a sample, strictly before an hour's end. One shuffle
 * per session, whatever the number of selections.
 */
final class SlaPrimitives {
  static final String WINDOW_START = "window_start";

  private static final List<String> RUNNING =
      List.of("ONLINE", "DEGRADED_INPUT", "DEGRADED_INFERENCE");
  private static final List<String> ATTRIBUTED = List.of("resolved", "hardware_less");
  private static final List<String> NAMES_ORCHESTRATOR =
      List.of("resolved", "hardware_less", "stale");

  private static final String KEY = "session_key";
  private static final String TIME = "_t";
  private static final String KIND = "_kind";
  private static final String SEQ = "_seq";
  private static final String ACTIVE = "_active_seq";
  private static final String HOUR = "_hour";
  private static final String CREDITED = "_credited";
  private static final String FPS = "_fps";
  private static final String STATE = "_state";
  private static final String ERROR = "_error";
  private static final String LATENCY = "_latency";
  private static final int CREDIT = 0;
  private static final int SELECTION = 1;
  private static final int SAMPLE = 2;

  private SlaPrimitives() {}

  static Dataset<Row> of(
      Dataset<Row> status,
      Dataset<Row> selections,
      Dataset<Row> sessions,
      Dataset<Row> sessionHours) {
    Dataset<Row> timeline =
        credits(sessions, sessionHours)
            .unionByName(selectionPoints(selections), true)
            .unionByName(samples(status), true);
    WindowSpec ordered =
        Window.partitionBy(col("org"), col(KEY)).orderBy(col(TIME), col(KIND), col(SEQ));
    WindowSpec upToHere = ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec whole =
        ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Dataset<Row> placed =
        timeline
            .withColumn(
                ACTIVE,
                coalesce(last(col(SEQ), true).over(upToHere), first(col(SEQ), true).over(whole)))
            .where(col(KIND).notEqual(SELECTION));
    Dataset<Row> identified =
        placed
            .join(
                segments(selections),
                col("org")
                    .equalTo(col("g_org"))
                    .and(col(KEY).equalTo(col("g_key")))
                    .and(col(ACTIVE).equalTo(col("g_seq"))),
                "left")
            .join(
                sessionFlags(sessions),
                col("org").equalTo(col("f_org")).and(col(KEY).equalTo(col("f_key"))),
                "left");
    return aggregate(identified);
  }

  /**
   * Credited session-hours and terminal tails: every status hour (credited unless a terminal tail
   * that is not the first status hour), and the start hour of sessions without status samples.
   */
  private static Dataset<Row> credits(Dataset<Row> sessions, Dataset<Row> sessionHours) {
    Dataset<Row> statusHours =
        sessionHours.select(
            col("org"),
            col(KEY),
            col("hour").as(HOUR),
            not(col("terminal_tail")).or(col("is_first_status_hour")).as(CREDITED));
    Dataset<Row> silent =
        sessions
            .where(col("status_samples").equalTo(0))
            .select(col("org"), col(KEY), col("start_hour").as(HOUR), lit(true).as(CREDITED));
    return statusHours
        .unionByName(silent)
        .withColumn(TIME, col(HOUR).plus(expr("INTERVAL 1 HOUR")))
        .withColumn(KIND, lit(CREDIT))
        .withColumn(SEQ, lit(null).cast(DataTypes.IntegerType));
  }

  private static Dataset<Row> selectionPoints(Dataset<Row> selections) {
    return selections.select(
        col("org"),
        col(KEY),
        col("selection_ts").as(TIME),
        lit(SELECTION).as(KIND),
        col("selection_seq").cast(DataTypes.IntegerType).as(SEQ));
  }

  /** Status samples of sessions with an event time (silver's session key and event time). */
  private static Dataset<Row> samples(Dataset<Row> status) {
    Column eventTime = coalesce(col("event_ts"), col("timestamp"));
    Column lastError = trim(col("inference_status_last_error"));
    return status
        .select(
            col("org"),
            SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id")).as(KEY),
            eventTime.as(TIME),
            lit(SAMPLE).as(KIND),
            lit(null).cast(DataTypes.IntegerType).as(SEQ),
            date_trunc("hour", eventTime).as(HOUR),
            col("inference_status_fps").cast(DataTypes.DoubleType).as(FPS),
            upper(trim(col("state"))).as(STATE),
            when(lastError.equalTo("").or(lower(lastError).equalTo("null")), lit(null))
                .otherwise(lastError)
                .as(ERROR),
            col("inference_status_latency_ms").cast(DataTypes.DoubleType).as(LATENCY))
        .where(col(KEY).isNotNull().and(col(TIME).isNotNull()));
  }

  /** The row identity of each selection. */
  private static Dataset<Row> segments(Dataset<Row> selections) {
    Column namesOrchestrator = col("attribution_status").isin(NAMES_ORCHESTRATOR.toArray());
    return selections.select(
        col("org").as("g_org"),
        col(KEY).as("g_key"),
        col("selection_seq").cast(DataTypes.IntegerType).as("g_seq"),
        col("attribution_status").as("g_status"),
        when(namesOrchestrator, col("attributed_orch_address")).as("g_orchestrator"),
        when(namesOrchestrator, col("attributed_gpu_id")).as("g_gpu"),
        when(namesOrchestrator, col("attributed_gpu_name")).as("g_gpu_name"),
        coalesce(col("attributed_pipeline"), col("pipeline_hint")).as("g_pipeline"),
        coalesce(col("attributed_model_id"), col("model_hint")).as("g_model"));
  }

  private static Dataset<Row> sessionFlags(Dataset<Row> sessions) {
    return sessions.select(
        col("org").as("f_org"),
        col(KEY).as("f_key"),
        col("requested").as("f_requested"),
        col("startup_class").as("f_class"),
        col("startup_outcome").as("f_outcome"),
        col("excusal_reason").as("f_excusal"),
        col("swap_count").as("f_swaps"),
        col("loading_only").as("f_loading_only"),
        col("zero_output_fps").as("f_zero_fps"),
        col("ends_in_error").as("f_ends_in_error"),
        col("health_signals_expected").as("f_expected"),
        col("health_signals_observed").as("f_observed"),
        col("startup_latency_ms").as("f_startup"),
        col("e2e_latency_ms").as("f_e2e"),
        col("prompt_to_first_frame_ms").as("f_ptff"),
        col("canonical_pipeline").as("f_pipeline"),
        col("canonical_model").as("f_model"),
        coalesce(col("first_status_hour"), col("start_hour")).as("f_first_hour"));
  }

  private static Dataset<Row> aggregate(Dataset<Row> rows) {
    Column credit = col(KIND).equalTo(CREDIT);
    Column credited = credit.and(col(CREDITED));
    Column requested = credited.and(coalesce(col("f_requested"), lit(false)));
    Column firstHour = requested.and(col(HOUR).equalTo(col("f_first_hour")));
    Column sample = col(KIND).equalTo(SAMPLE);
    Column fps = col(FPS);
    Column positive = sample.and(fps.gt(0));
    Column status = coalesce(col("g_status"), lit("no_selection"));
    Column loadingOnly = coalesce(col("f_loading_only"), lit(false));
    Column zeroFps = coalesce(col("f_zero_fps"), lit(false));
    Column unexcused = coalesce(col("f_class").equalTo("unexcused"), lit(false));
    Column latencyReported = sample.and(col(LATENCY).gt(0));

    List<Column> measures = new ArrayList<>();
    measures.add(count(credited).as("session_hours"));
    measures.add(count(requested).as("requested_sessions"));
    measures.add(
        count(requested.and(col("f_class").equalTo("success"))).as("startup_success_sessions"));
    measures.add(
        count(requested.and(col("f_class").equalTo("excused"))).as("startup_excused_sessions"));
    measures.add(count(requested.and(unexcused)).as("startup_unexcused_sessions"));
    measures.add(
        count(
                requested
                    .and(col("f_outcome").equalTo("failed"))
                    .and(col("f_excusal").equalTo("no_orch")))
            .as("no_orch_sessions"));
    measures.add(count(requested.and(col("f_swaps").gt(0))).as("swapped_sessions"));
    measures.add(count(requested.and(loadingOnly)).as("loading_only_sessions"));
    measures.add(count(requested.and(zeroFps)).as("zero_output_fps_sessions"));
    measures.add(count(requested.and(loadingOnly.or(zeroFps))).as("output_failed_sessions"));
    measures.add(
        count(requested.and(unexcused.or(loadingOnly).or(zeroFps)))
            .as("effective_failed_sessions"));
    measures.add(count(requested.and(col("f_ends_in_error"))).as("error_ending_sessions"));
    measures.add(total(requested, col("f_expected")).as("health_signals_expected"));
    measures.add(total(requested, col("f_observed")).as("health_signals_observed"));
    measures.add(count(credit.and(not(col(CREDITED)))).as("terminal_tail_sessions"));
    for (String value :
        List.of("resolved", "hardware_less", "stale", "ambiguous", "unresolved", "no_selection")) {
      measures.add(
          count(credited.and(status.equalTo(value))).as("attribution_" + value + "_sessions"));
    }
    measures.add(total(firstHour, col("f_startup")).as("startup_latency_sum_ms"));
    measures.add(count(firstHour.and(col("f_startup").isNotNull())).as("startup_latency_count"));
    measures.add(total(firstHour, col("f_e2e")).as("e2e_latency_sum_ms"));
    measures.add(count(firstHour.and(col("f_e2e").isNotNull())).as("e2e_latency_count"));
    measures.add(total(firstHour, col("f_ptff")).as("prompt_to_first_frame_sum_ms"));
    measures.add(count(firstHour.and(col("f_ptff").isNotNull())).as("prompt_to_first_frame_count"));
    measures.add(count(sample).as("status_samples"));
    measures.add(
        countDistinct(
                when(
                    sample,
                    concat_ws("|", col(KEY), coalesce(col(ACTIVE).cast("string"), lit("-")))))
            .as("status_sessions"));
    measures.add(count(positive).as("fps_positive_samples"));
    measures.add(totalDouble(positive, fps).as("output_fps_sum"));
    measures.add(totalDouble(positive, fps.multiply(fps)).as("output_fps_sum_squares"));
    measures.add(count(sample.and(col(STATE).isin(RUNNING.toArray()))).as("running_samples"));
    measures.add(count(sample.and(col(STATE).equalTo("ONLINE"))).as("online_samples"));
    measures.add(count(sample.and(col(ERROR).isNotNull())).as("error_samples"));
    measures.add(totalDouble(latencyReported, col(LATENCY)).as("status_latency_sum_ms"));
    measures.add(count(latencyReported).as("status_latency_samples"));
    measures.add(
        count(sample.and(status.isin(ATTRIBUTED.toArray()))).as("attributed_status_samples"));
    measures.add(percentile(when(positive, fps), lit(0.95)).as("p95_output_fps"));
    measures.add(max(col("g_gpu_name")).as("gpu_model_name"));

    return rows.withColumn(WINDOW_START, col(HOUR))
        .withColumn("orchestrator_address", col("g_orchestrator"))
        .withColumn("pipeline", coalesce(col("g_pipeline"), col("f_pipeline")))
        .withColumn("model_id", coalesce(col("g_model"), col("f_model")))
        .withColumn("gpu_id", col("g_gpu"))
        .groupBy(
            col("org"),
            col(WINDOW_START),
            col("orchestrator_address"),
            col("pipeline"),
            col("model_id"),
            col("gpu_id"))
        .agg(measures.get(0), measures.subList(1, measures.size()).toArray(new Column[0]))
        .withColumn("window_date", to_date(col(WINDOW_START)));
  }

  /** Rows where {@code condition} holds (null counts as false), as a bigint. */
  private static Column count(Column condition) {
    return coalesce(sum(when(condition, lit(1L)).otherwise(lit(0L))), lit(0L));
  }

  /** Sum of a bigint value over rows where {@code condition} holds and it is not null. */
  private static Column total(Column condition, Column value) {
    return coalesce(
        sum(
            when(condition.and(value.isNotNull()), value.cast(DataTypes.LongType))
                .otherwise(lit(0L))),
        lit(0L));
  }

  private static Column totalDouble(Column condition, Column value) {
    return coalesce(
        sum(when(condition, value.cast(DataTypes.DoubleType)).otherwise(lit(0.0))), lit(0.0));
  }
}
