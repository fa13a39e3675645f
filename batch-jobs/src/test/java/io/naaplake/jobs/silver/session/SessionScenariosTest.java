package io.naaplake.jobs.silver.session;

import static io.naaplake.jobs.silver.session.LiveEnvelopes.A;
import static io.naaplake.jobs.silver.session.LiveEnvelopes.B;
import static io.naaplake.jobs.silver.session.LiveEnvelopes.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.schema.Column;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hand-written session per scenario of issue 4, all derived in one pass (so Spark runs once):
 * each test asserts its own session's row, hours or selections.
 */
class SessionScenariosTest {
  private static final String ORG = "testorg";
  private static final Instant T0 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant BEFORE_ELEVEN = Instant.parse("2026-01-08T10:58:00Z");
  private static final Instant TEN_TO_ELEVEN = Instant.parse("2026-01-08T10:59:50Z");
  private static final long MINUTE = 60_000;

  private static final Map<String, Row> SESSIONS = new HashMap<>();
  private static final Map<String, List<Row>> HOURS = new HashMap<>();
  private static final Map<String, List<Row>> SELECTIONS = new HashMap<>();
  private static List<Row> unsessioned;
  private static List<String> sessionColumns;

  @BeforeAll
  static void derive() {
    SparkSession spark = LocalSpark.get();
    List<String> envelopes = new ArrayList<>();
    envelopes.addAll(clean("clean").envelopes());
    List<String> shuffled = new ArrayList<>(clean("shuffled").envelopes());
    Collections.shuffle(shuffled, new Random(7));
    envelopes.addAll(shuffled);
    for (LiveEnvelopes session : scenarios()) {
      envelopes.addAll(session.envelopes());
    }
    // An event naming neither stream nor request: no session's.
    envelopes.addAll(
        new LiveEnvelopes("", "", T0).trace(0, "gateway_receive_stream_request", NONE).envelopes());
    Dataset<Row> trace = TypedEvents.typed(spark, EventFamily.STREAM_TRACE, ORG, envelopes);
    Dataset<Row> status = TypedEvents.typed(spark, EventFamily.AI_STREAM_STATUS, ORG, envelopes);
    Dataset<Row> events = TypedEvents.typed(spark, EventFamily.AI_STREAM_EVENTS, ORG, envelopes);
    Dataset<Row> sessions = SessionTransform.sessions(trace, status, events).cache();
    sessionColumns = List.of(sessions.columns());
    for (Row row : sessions.collectAsList()) {
      SESSIONS.put(row.getAs("session_key"), row);
    }
    for (Row row :
        SessionTransform.sessionHours(sessions, status).orderBy("hour").collectAsList()) {
      HOURS.computeIfAbsent(row.getAs("session_key"), k -> new ArrayList<>()).add(row);
    }
    for (Row row :
        SelectionSignals.selections(trace, status, events)
            .orderBy("selection_seq")
            .collectAsList()) {
      SELECTIONS.computeIfAbsent(row.getAs("session_key"), k -> new ArrayList<>()).add(row);
    }
    unsessioned = SessionTransform.unsessioned(trace, status, events).collectAsList();
  }

  /** A clean start: request, first segment out, processed segments back, two ONLINE samples. */
  private static LiveEnvelopes clean(String stream) {
    return new LiveEnvelopes(stream, "r-" + stream, T0)
        .runnerStartAt(1_000)
        .trace(0, "gateway_receive_stream_request", NONE)
        .trace(2_000, "gateway_send_first_ingest_segment", A)
        .trace(2_000, "runner_receive_first_ingest_segment", A)
        .trace(2_100, "runner_send_first_processed_segment", A)
        .trace(2_500, "gateway_receive_first_processed_segment", A)
        .trace(6_000, "gateway_receive_few_processed_segments", A)
        .status(10_000, "ONLINE", 20.0, A, "h1")
        .status(20_000, "ONLINE", 18.0, A, "h1");
  }

  private static List<LiveEnvelopes> scenarios() {
    return List.of(
        new LiveEnvelopes("no-orch", "r1", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(1_500, "gateway_no_orchestrators_available", NONE)
            .error(1_600, "No orchestrators available for LiveVideoToVideo"),
        new LiveEnvelopes("swap", "r2", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .trace(2_500, "gateway_receive_first_processed_segment", A)
            .status(10_000, "ONLINE", 15.0, A, "h1")
            .swap(15_000, A, "trickle subscribe error, swapping: EOF")
            .status(20_000, "ONLINE", 16.0, B, "h1")
            .trace(25_000, "gateway_receive_few_processed_segments", B),
        new LiveEnvelopes("excusable", "r3", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .error(5_000, "WHIP disconnected by client")
            .error(6_000, "User Disconnected"),
        new LiveEnvelopes("unexcused", "r4", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .error(5_000, "whip disconnected")
            .error(6_000, "runner crashed: CUDA out of memory"),
        new LiveEnvelopes("loading", "r5", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(10_000, "LOADING", 0.0, A, null)
            .status(20_000, "LOADING", 0.0, A, null)
            .status(30_000, "LOADING", 0.0, A, null),
        new LiveEnvelopes("zero-fps", "r6", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .trace(6_000, "gateway_receive_few_processed_segments", A)
            .status(10_000, "ONLINE", 0.0, A, "h1")
            .status(20_000, "ONLINE", 0.0, A, "h1"),
        new LiveEnvelopes("params", "r7", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(10_000, "ONLINE", 20.0, A, "h1")
            .paramsUpdate(12_000, A)
            .status(20_000, "DEGRADED_INFERENCE", 12.0, A, "h2")
            .status(30_000, "ONLINE", 20.0, A, "h2"),
        new LiveEnvelopes("closed", "r8", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .trace(6_000, "gateway_receive_few_processed_segments", A)
            .trace(MINUTE, "gateway_ingest_stream_closed", A),
        new LiveEnvelopes("tail", "r9", BEFORE_ELEVEN)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(MINUTE, "LOADING", 0.0, A, null)
            .status(2 * MINUTE + 5_000, "OFFLINE", 0.0, A, null)
            .trace(2 * MINUTE + 10_000, "gateway_ingest_stream_closed", A),
        new LiveEnvelopes("tail-after-output", "r10", BEFORE_ELEVEN)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(MINUTE, "ONLINE", 20.0, A, "h1")
            .status(2 * MINUTE + 5_000, "OFFLINE", 0.0, A, "h1")
            .trace(2 * MINUTE + 10_000, "gateway_ingest_stream_closed", A),
        new LiveEnvelopes("late-status", "r11", TEN_TO_ELEVEN)
            .runnerStartAt(1_000)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .trace(2_100, "runner_send_first_processed_segment", A)
            .trace(3_000, "gateway_receive_first_processed_segment", A)
            .trace(8_000, "gateway_receive_few_processed_segments", A)
            .status(15_000, "ONLINE", 20.0, A, "h1")
            .status(30 * MINUTE, "ONLINE", 20.0, A, "h1")
            .status(60 * MINUTE + 20_000, "ONLINE", 20.0, A, "h1"),
        new LiveEnvelopes("span", "r12", TEN_TO_ELEVEN)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(8_000, "ONLINE", 10.0, A, "h1")
            .status(18_000, "ONLINE", 20.0, A, "h1")
            .status(28_000, "DEGRADED_INFERENCE", 12.0, A, "h1"),
        new LiveEnvelopes("fallback", "r13", T0)
            .trace(0, "gateway_receive_stream_request", NONE)
            .trace(2_000, "gateway_send_first_ingest_segment", A)
            .status(10_000, "ONLINE", 20.0, A, "h1")
            .status(20_000, "ONLINE", 20.0, B, "h1"),
        new LiveEnvelopes("url-only", "r14", T0)
            .model("pip_SDXL-turbo")
            .trace(0, "gateway_receive_stream_request", NONE)
            .status(10_000, "ONLINE", 20.0, new LiveEnvelopes.Orch("", A.url() + "/"), "h1"),
        new LiveEnvelopes("status-only", "", T0).status(10_000, "ONLINE", 20.0, NONE, "h1"));
  }

  private static Row session(String stream, String request) {
    String key = ORG + "|" + stream + "|" + request;
    assertThat(SESSIONS).containsKey(key);
    return SESSIONS.get(key);
  }

  private static Instant instant(Row row, String column) {
    Timestamp value = row.getAs(column);
    return value == null ? null : value.toInstant();
  }

  @Test
  void sessionRowsHaveTheDeclaredColumnsInOrder() {
    List<String> declared = SessionTables.SESSIONS.columns().stream().map(Column::name).toList();
    assertThat(sessionColumns).isEqualTo(declared);
  }

  @Test
  void cleanSuccess() {
    Row row = session("clean", "r-clean");
    assertThat((boolean) row.getAs("requested")).isTrue();
    assertThat((boolean) row.getAs("playable")).isTrue();
    assertThat((boolean) row.getAs("completed")).isFalse();
    assertThat((String) row.getAs("startup_class")).isEqualTo("success");
    assertThat((String) row.getAs("selection_outcome")).isEqualTo("selected");
    // startup: first processed at +2,500 - request at 0; E2E: runner processed at +2,100 -
    // first ingest at +2,000; PTFF: few processed at +6,000 - runner start_time at +1,000.
    assertThat((Long) row.getAs("startup_latency_ms")).isEqualTo(2_500L);
    assertThat((Long) row.getAs("e2e_latency_ms")).isEqualTo(100L);
    assertThat((Long) row.getAs("prompt_to_first_frame_ms")).isEqualTo(5_000L);
    // Two ONLINE samples at 20 and 18 fps.
    assertThat((Long) row.getAs("status_samples")).isEqualTo(2L);
    assertThat((Long) row.getAs("fps_positive_samples")).isEqualTo(2L);
    assertThat((Long) row.getAs("running_samples")).isEqualTo(2L);
    // Request at 10:00:00, last sample at 10:00:20: 20 s = 1/3 minute.
    assertThat(instant(row, "started_at")).isEqualTo(T0);
    assertThat(instant(row, "last_seen")).isEqualTo(T0.plusSeconds(20));
    assertThat((Double) row.getAs("duration_minutes")).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(instant(row, "start_hour")).isEqualTo(T0);
    // Status samples, playable, and output: all three health signals.
    assertThat((Integer) row.getAs("health_signals_expected")).isEqualTo(3);
    assertThat((Integer) row.getAs("health_signals_observed")).isEqualTo(3);
    assertThat((Integer) row.getAs("selection_count")).isEqualTo(1);
    assertThat((String) row.getAs("model_hint")).isEqualTo("streamdiffusion-sdxl-faceid");
    assertThat((String) row.getAs("canonical_pipeline")).isEqualTo("live-video-to-video");
    assertThat((String) row.getAs("canonical_model")).isEqualTo("streamdiffusion-sdxl-faceid");
    // The envelopes' checksum-case gateway, lower-cased by silver (as payment senders are).
    assertThat((String) row.getAs("gateway"))
        .isEqualTo("0x5ae4c0ffee000000000000000000000000003d0b")
        .isEqualToIgnoringCase(LiveEnvelopes.GATEWAY);
  }

  @Test
  void eventsWithoutStreamAndRequestAreNoSessionButAreCounted() {
    // clean, shuffled and the 15 other scenarios; the id-less request trace is none of them.
    assertThat(SESSIONS).hasSize(17);
    assertThat(unsessioned).hasSize(1);
    assertThat((String) unsessioned.get(0).getAs("event_id")).isEqualTo("anon-00");
    assertThat((String) unsessioned.get(0).getAs("reason")).isEqualTo("no_session_ids");
  }

  @Test
  void missingRequestIdUsesTheFallbackKey() {
    Row row = session("status-only", "_missing_request");
    assertThat((String) row.getAs("request_id")).isNull();
    // No request trace: not demand, outcome unknown, no health signals expected.
    assertThat((boolean) row.getAs("requested")).isFalse();
    assertThat((String) row.getAs("startup_class")).isEqualTo("unknown");
    assertThat((Integer) row.getAs("health_signals_expected")).isZero();
    // Not requested, so started_at falls back to the first event (the sample at +10 s).
    assertThat(instant(row, "started_at")).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void noOrchestratorsIsExcused() {
    Row row = session("no-orch", "r1");
    assertThat((String) row.getAs("selection_outcome")).isEqualTo("no_orch");
    assertThat((String) row.getAs("startup_outcome")).isEqualTo("failed");
    assertThat((String) row.getAs("excusal_reason")).isEqualTo("no_orch");
    assertThat((String) row.getAs("startup_class")).isEqualTo("excused");
    assertThat((Integer) row.getAs("selection_count")).isZero();
    // No status, not playable: none of the three signals.
    assertThat((Integer) row.getAs("health_signals_observed")).isZero();
    assertThat((Long) row.getAs("startup_latency_ms")).isNull();
    assertThat(SELECTIONS).doesNotContainKey(ORG + "|no-orch|r1");
  }

  @Test
  void swapCountsOnceAndStartsASecondSelection() {
    Row row = session("swap", "r2");
    assertThat((Integer) row.getAs("swap_count")).isEqualTo(1);
    assertThat((Integer) row.getAs("selection_count")).isEqualTo(2);
    assertThat((String) row.getAs("startup_class")).isEqualTo("success");
    List<Row> selections = SELECTIONS.get(ORG + "|swap|r2");
    assertThat(selections).hasSize(2);
    // Initial: the first ingest trace naming A; swap: the first sample after the swap trace,
    // naming B (the swap trace itself names A, the orchestrator abandoned).
    assertSelection(selections.get(0), 0, "initial", A, T0.plusMillis(2_000), "stream_trace");
    assertSelection(selections.get(1), 1, "swap", B, T0.plusMillis(20_000), "ai_stream_status");
  }

  @Test
  void orchestratorChangeWithoutSwapTraceIsAFallbackSelection() {
    Row row = session("fallback", "r13");
    assertThat((Integer) row.getAs("swap_count")).isZero();
    List<Row> selections = SELECTIONS.get(ORG + "|fallback|r13");
    assertThat(selections).hasSize(2);
    assertSelection(
        selections.get(1), 1, "orch_change_fallback", B, T0.plusMillis(20_000), "ai_stream_status");
  }

  @Test
  void urlIdentifiesWhenTheAddressIsEmpty() {
    List<Row> selections = SELECTIONS.get(ORG + "|url-only|r14");
    assertThat(selections).hasSize(1);
    Row selection = selections.get(0);
    assertThat((String) selection.getAs("observed_address")).isNull();
    // Trailing slash dropped by Identity.uri.
    assertThat((String) selection.getAs("observed_url")).isEqualTo("https://orch-a.example:8935");
    // pip_SDXL-turbo is a Daydream alias of streamdiffusion-sdxl.
    assertThat((String) selection.getAs("pipeline_hint")).isEqualTo("live-video-to-video");
    assertThat((String) selection.getAs("model_hint")).isEqualTo("streamdiffusion-sdxl");
  }

  @Test
  void excusableErrorsExcuseAFailedStartup() {
    Row row = session("excusable", "r3");
    // "WHIP disconnected by client" and "User Disconnected": both excusable, case ignored.
    assertThat((Long) row.getAs("error_events")).isEqualTo(2L);
    assertThat((Long) row.getAs("excusable_error_events")).isEqualTo(2L);
    assertThat((String) row.getAs("startup_outcome")).isEqualTo("failed");
    assertThat((String) row.getAs("excusal_reason")).isEqualTo("excusable_error");
    assertThat((String) row.getAs("startup_class")).isEqualTo("excused");
  }

  @Test
  void oneInexcusableErrorMakesTheFailureUnexcused() {
    Row row = session("unexcused", "r4");
    // "whip disconnected" is excusable, "runner crashed: CUDA out of memory" is not.
    assertThat((Long) row.getAs("error_events")).isEqualTo(2L);
    assertThat((Long) row.getAs("excusable_error_events")).isEqualTo(1L);
    assertThat((String) row.getAs("excusal_reason")).isEqualTo("none");
    assertThat((String) row.getAs("startup_class")).isEqualTo("unexcused");
    assertThat((String) row.getAs("selection_outcome")).isEqualTo("selected");
  }

  @Test
  void loadingOnly() {
    Row row = session("loading", "r5");
    // Three LOADING samples at 0 fps: none running, none positive.
    assertThat((Long) row.getAs("status_samples")).isEqualTo(3L);
    assertThat((Long) row.getAs("running_samples")).isZero();
    assertThat((boolean) row.getAs("loading_only")).isTrue();
    assertThat((boolean) row.getAs("zero_output_fps")).isTrue();
    assertThat((String) row.getAs("startup_class")).isEqualTo("unexcused");
    // Only "has status samples": not playable, and loading-only with zero output.
    assertThat((Integer) row.getAs("health_signals_observed")).isEqualTo(1);
  }

  @Test
  void zeroOutputFps() {
    Row row = session("zero-fps", "r6");
    // Two ONLINE samples at 0 fps: running but producing nothing.
    assertThat((boolean) row.getAs("zero_output_fps")).isTrue();
    assertThat((boolean) row.getAs("loading_only")).isFalse();
    assertThat((Long) row.getAs("running_samples")).isEqualTo(2L);
    assertThat((Long) row.getAs("fps_positive_samples")).isZero();
    assertThat((String) row.getAs("startup_class")).isEqualTo("success");
    // Samples + playable + (not loading-only, so the output signal holds).
    assertThat((Integer) row.getAs("health_signals_observed")).isEqualTo(3);
  }

  @Test
  void paramsUpdateIsNoNewSelection() {
    Row row = session("params", "r7");
    // Hashes h1, h2, h2: one change. The params_update event names A again: no selection.
    assertThat((Integer) row.getAs("params_updates")).isEqualTo(1);
    assertThat((Integer) row.getAs("selection_count")).isEqualTo(1);
    assertThat(SELECTIONS.get(ORG + "|params|r7")).hasSize(1);
    // ONLINE, DEGRADED_INFERENCE, ONLINE: all three running, two ONLINE.
    assertThat((Long) row.getAs("running_samples")).isEqualTo(3L);
    assertThat((Long) row.getAs("online_samples")).isEqualTo(2L);
  }

  @Test
  void closedStreamIsCompleted() {
    Row row = session("closed", "r8");
    assertThat((boolean) row.getAs("completed")).isTrue();
    // Request at 0, close at +60 s.
    assertThat((Double) row.getAs("duration_minutes")).isCloseTo(1.0, within(1e-9));
    assertThat((String) row.getAs("startup_class")).isEqualTo("success");
  }

  @Test
  void inputOrderIsIrrelevant() {
    Row clean = session("clean", "r-clean");
    Row shuffled = session("shuffled", "r-shuffled");
    for (String column : sessionColumns) {
      if (!List.of("session_key", "stream_id", "request_id").contains(column)) {
        assertThat((Object) shuffled.getAs(column)).as(column).isEqualTo(clean.getAs(column));
      }
    }
    List<Row> selections = SELECTIONS.get(ORG + "|shuffled|r-shuffled");
    assertThat(selections).hasSize(1);
    assertThat((String) selections.get(0).getAs("signal_event_id")).isEqualTo("shuffled-01");
  }

  @Test
  void terminalTailHourIsFlagged() {
    List<Row> hours = HOURS.get(ORG + "|tail|r9");
    assertThat(hours).hasSize(2);
    // 10:00: the session started in it (10:58), so it is no tail.
    assertThat((boolean) hours.get(0).getAs("terminal_tail")).isFalse();
    // 11:00: started before, ended in it (close at 11:00:10), one OFFLINE 0-fps sample, and the
    // previous hour had one LOADING 0-fps sample.
    assertThat(instant(hours.get(1), "hour")).isEqualTo(Instant.parse("2026-01-08T11:00:00Z"));
    assertThat((boolean) hours.get(1).getAs("terminal_tail")).isTrue();
  }

  @Test
  void tailAfterAHourWithOutputIsNotFlagged() {
    List<Row> hours = HOURS.get(ORG + "|tail-after-output|r10");
    // Same as the tail, but 10:00's sample was ONLINE at 20 fps.
    assertThat(hours).hasSize(2);
    assertThat((boolean) hours.get(1).getAs("terminal_tail")).isFalse();
  }

  @Test
  void sessionLatenciesOnlyOnTheFirstStatusHour() {
    Row row = session("late-status", "r11");
    // Started 10:59:50 (start hour 10:00), first sample 11:00:05.
    assertThat(instant(row, "start_hour")).isEqualTo(Instant.parse("2026-01-08T10:00:00Z"));
    assertThat(instant(row, "first_status_hour")).isEqualTo(Instant.parse("2026-01-08T11:00:00Z"));
    List<Row> hours = HOURS.get(ORG + "|late-status|r11");
    assertThat(hours).hasSize(2);
    Row first = hours.get(0);
    assertThat((boolean) first.getAs("is_first_status_hour")).isTrue();
    // startup 3,000 - 0; E2E 2,100 - 2,000; PTFF 8,000 - 1,000.
    assertThat((Long) first.getAs("startup_latency_ms")).isEqualTo(3_000L);
    assertThat((Long) first.getAs("e2e_latency_ms")).isEqualTo(100L);
    assertThat((Long) first.getAs("prompt_to_first_frame_ms")).isEqualTo(7_000L);
    Row second = hours.get(1);
    assertThat(instant(second, "hour")).isEqualTo(Instant.parse("2026-01-08T12:00:00Z"));
    assertThat((boolean) second.getAs("is_first_status_hour")).isFalse();
    assertThat((Long) second.getAs("startup_latency_ms")).isNull();
    assertThat((Long) second.getAs("e2e_latency_ms")).isNull();
    assertThat((Long) second.getAs("prompt_to_first_frame_ms")).isNull();
  }

  @Test
  void sessionSpanningTwoHours() {
    List<Row> hours = HOURS.get(ORG + "|span|r12");
    assertThat(hours).hasSize(2);
    Row ten = hours.get(0);
    // 10:59:58: one ONLINE sample at 10 fps.
    assertThat((Long) ten.getAs("status_samples")).isEqualTo(1L);
    assertThat((Double) ten.getAs("output_fps_sum")).isCloseTo(10.0, within(1e-9));
    assertThat((Double) ten.getAs("output_fps_sum_squares")).isCloseTo(100.0, within(1e-9));
    Row eleven = hours.get(1);
    // 11:00:08 ONLINE 20 fps, 11:00:18 DEGRADED_INFERENCE 12 fps: sum 32, squares 400 + 144.
    assertThat((Long) eleven.getAs("status_samples")).isEqualTo(2L);
    assertThat((Long) eleven.getAs("running_samples")).isEqualTo(2L);
    assertThat((Long) eleven.getAs("online_samples")).isEqualTo(1L);
    assertThat((Double) eleven.getAs("output_fps_sum")).isCloseTo(32.0, within(1e-9));
    assertThat((Double) eleven.getAs("output_fps_sum_squares")).isCloseTo(544.0, within(1e-9));
    assertThat((boolean) eleven.getAs("terminal_tail")).isFalse();
    // The whole session, 10:59:50 to 11:00:18 (28 s), is credited to its start hour.
    Row row = session("span", "r12");
    assertThat(instant(row, "start_hour")).isEqualTo(Instant.parse("2026-01-08T10:00:00Z"));
    assertThat((Double) row.getAs("duration_minutes")).isCloseTo(28.0 / 60, within(1e-9));
    assertThat((Long) row.getAs("status_samples")).isEqualTo(3L);
  }

  private static void assertSelection(
      Row selection, int seq, String reason, LiveEnvelopes.Orch orch, Instant at, String family) {
    assertThat((Integer) selection.getAs("selection_seq")).isEqualTo(seq);
    assertThat((String) selection.getAs("selection_reason")).isEqualTo(reason);
    assertThat((String) selection.getAs("observed_address"))
        .isEqualTo(orch.address().toLowerCase(Locale.ROOT));
    assertThat((String) selection.getAs("observed_url")).isEqualTo(orch.url());
    assertThat(instant(selection, "selection_ts")).isEqualTo(at);
    assertThat((String) selection.getAs("signal_family")).isEqualTo(family);
  }
}
