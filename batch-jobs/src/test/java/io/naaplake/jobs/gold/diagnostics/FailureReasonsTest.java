package io.naaplake.jobs.gold.diagnostics;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three requested sessions of one pipeline and model: sA served by orchestrator A, then (swap at
 * 10:20) by B, with errors and restarts; sB found no orchestrator; sC never left LOADING on C.
 */
class FailureReasonsTest {
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");
  private static final String A = "0xaaaa00000000000000000000000000000000000a";
  private static final String B = "0xbbbb00000000000000000000000000000000000b";
  private static final String C = "0xcccc00000000000000000000000000000000000c";

  private static Dataset<Row> hourly;
  private static Map<String, Row> rows;
  private static int nextId;

  @BeforeAll
  static void derive() {
    Dataset<Row> sessions =
        SilverRows.of(
            SessionTables.SESSIONS,
            session("sa", "selected", false),
            session("sb", "no_orch", false),
            // sC was still sending at 11:30, after the settlement instant 11:00.
            with(
                session("sc", "selected", true),
                "zero_output_fps",
                true,
                "last_seen",
                at("2026-01-08T11:30:00Z")),
            // Not requested: its loading-only flag is not demand's failure, nor here.
            with(session("sd", "selected", true), "requested", false));
    Dataset<Row> selections =
        SilverRows.of(
            SelectionTables.SESSION_SELECTIONS,
            selection("sa", 0, "2026-01-08T10:01:00Z", A),
            selection("sa", 1, "2026-01-08T10:20:00Z", B),
            selection("sc", 0, "2026-01-08T10:02:00Z", C));
    Dataset<Row> trace =
        SilverRows.of(
            SilverTables.of(EventFamily.STREAM_TRACE),
            event("sa", "2026-01-08T10:00:00Z", "type", "gateway_receive_stream_request"),
            // Swap at 10:19:50: the abandoned orchestrator is A (latest selection at or before).
            event(
                "sa",
                "2026-01-08T10:19:50Z",
                "type",
                "orchestrator_swap",
                "message",
                "trickle subscribe error, swapping: EOF"),
            event(
                "sa",
                "2026-01-08T11:30:00Z",
                "type",
                "orchestrator_swap",
                "message",
                "no output segments received for 10s, swapping"));
    Dataset<Row> events =
        SilverRows.of(
            SilverTables.of(EventFamily.AI_STREAM_EVENTS),
            error("sa", "2026-01-08T10:10:00Z", "CUDA out of memory. Tried to allocate 2.00 GiB"),
            error("sa", "2026-01-08T10:25:00Z", "whip disconnected"),
            error("sa", "2026-01-08T10:26:00Z", "WHIP disconnected: EOF"),
            error("sb", "2026-01-08T10:00:30Z", "No orchestrators available"),
            error("sc", "2026-01-08T10:03:00Z", null),
            event("sa", "2026-01-08T10:30:00Z", "type", "params_update"),
            // An error of a session not given: left out.
            error("zz", "2026-01-08T10:30:00Z", "CUDA out of memory"));
    Dataset<Row> status =
        SilverRows.of(
            SilverTables.of(EventFamily.AI_STREAM_STATUS),
            // restart_count 0, 1, 1, 3, then 1 after a new runner: +1 at 10:15 (on A), +2 at 10:35
            // (on B), +1 at 11:05 (a drop from 3 to 1 is a new counter; on B).
            restarts("sa", "2026-01-08T10:05:00Z", 0),
            restarts("sa", "2026-01-08T10:15:00Z", 1),
            restarts("sa", "2026-01-08T10:25:00Z", 1),
            restarts("sa", "2026-01-08T10:35:00Z", 3),
            restarts("sa", "2026-01-08T11:05:00Z", 1),
            restarts("sc", "2026-01-08T10:05:00Z", null));
    hourly = FailureReasons.hourly(sessions, selections, trace, status, events, H11).cache();
    rows = SilverRows.byKey(hourly, "window_start", "orchestrator_address", "category", "reason");
  }

  private static Map<String, Object> session(String stream, String outcome, boolean loading) {
    return row(
        "org",
        "acme",
        "session_key",
        "acme|" + stream + "|r-" + stream,
        "start_hour",
        H10,
        "requested",
        true,
        "selection_outcome",
        outcome,
        "loading_only",
        loading,
        "canonical_pipeline",
        "live-video-to-video",
        "canonical_model",
        "streamdiffusion-sdxl-faceid");
  }

  private static Map<String, Object> selection(
      String stream, int seq, String time, String orchestrator) {
    return row(
        "org",
        "acme",
        "session_key",
        "acme|" + stream + "|r-" + stream,
        "selection_seq",
        seq,
        "selection_ts",
        at(time),
        "attribution_status",
        "resolved",
        "attributed_orch_address",
        orchestrator);
  }

  private static Map<String, Object> event(String stream, String time, Object... values) {
    Instant at = at(time);
    return with(
        row(
            "org",
            "acme",
            "event_id",
            "ev-" + nextId++,
            "event_ts",
            at,
            "timestamp",
            at,
            "stream_id",
            stream,
            "request_id",
            "r-" + stream),
        values);
  }

  private static Map<String, Object> error(String stream, String time, String message) {
    return event(stream, time, "type", "error", "message", message);
  }

  private static Map<String, Object> restarts(String stream, String time, Integer count) {
    return event(stream, time, "type", "status", "inference_status_restart_count", count);
  }

  private static Row get(Instant hour, String orchestrator, String category, String reason) {
    Row row = rows.get(Timestamp.from(hour) + "|" + orchestrator + "|" + category + "|" + reason);
    assertThat(row).as(orchestrator + " " + category + " " + reason).isNotNull();
    return row;
  }

  @Test
  void everySignalByHand() {
    SilverRows.assertDeclared(hourly, GoldDiagnosticsTables.FAILURE_REASONS_HOURLY);
    // 12 groups: 2 swaps, 4 error classes, 3 restart groups, no_orch, loading_only, zero fps.
    assertThat(rows).hasSize(12);
    assertThat(hourly.collectAsList())
        .allSatisfy(
            row -> {
              assertThat(row.<String>getAs("pipeline")).isEqualTo("live-video-to-video");
              assertThat(row.<String>getAs("model_id")).isEqualTo("streamdiffusion-sdxl-faceid");
            });

    Row swap = get(H10, A, "swap", "trickle_transport");
    assertThat(swap.<Long>getAs("occurrences")).isEqualTo(1L);
    assertThat(swap.<String>getAs("example_message"))
        .isEqualTo("trickle subscribe error, swapping: EOF");
    assertThat(swap.<Boolean>getAs("excusable")).as("not an error").isNull();
    assertThat(get(H11, B, "swap", "no_output").<Long>getAs("occurrences")).isEqualTo(1L);

    Row memory = get(H10, A, "error", "out_of_memory");
    assertThat(memory.<Long>getAs("occurrences")).isEqualTo(1L);
    assertThat(memory.<Boolean>getAs("excusable")).isFalse();
    // Two whip errors after the swap: B, 2 occurrences, 1 session; smallest message first
    // ("WHIP..." < "whip..." in code points).
    Row whip = get(H10, B, "error", "whip_disconnected");
    assertThat(whip.<Long>getAs("occurrences")).isEqualTo(2L);
    assertThat(whip.<Long>getAs("sessions")).isEqualTo(1L);
    assertThat(whip.<Boolean>getAs("excusable")).isTrue();
    assertThat(whip.<String>getAs("example_message")).isEqualTo("WHIP disconnected: EOF");
    // sB never had an orchestrator: null.
    Row noOrchestrators = get(H10, null, "error", "no_orchestrators");
    assertThat(noOrchestrators.<Boolean>getAs("excusable")).isTrue();
    assertThat(get(H10, C, "error", "no_message").<String>getAs("example_message")).isNull();

    assertThat(get(H10, A, "restart", "restart").<Long>getAs("occurrences")).isEqualTo(1L);
    assertThat(get(H10, B, "restart", "restart").<Long>getAs("occurrences")).isEqualTo(2L);
    assertThat(get(H11, B, "restart", "restart").<Long>getAs("occurrences")).isEqualTo(1L);

    assertThat(get(H10, null, "no_orch", "no_orch").<Long>getAs("occurrences")).isEqualTo(1L);
    assertThat(get(H10, C, "loading_only", "loading_only").<Long>getAs("occurrences"))
        .isEqualTo(1L);
    assertThat(get(H10, C, "zero_output_fps", "zero_output_fps").<Long>getAs("sessions"))
        .isEqualTo(1L);
    // Settled before 11:00: hour 10 is, hour 11 is not; but sC's session rows stay unsettled while
    // sC (last seen 11:30) may still change, unlike sB's (last seen 10:40).
    assertThat(get(H10, A, "restart", "restart").<Boolean>getAs("is_settled")).isTrue();
    assertThat(get(H10, null, "no_orch", "no_orch").<Boolean>getAs("is_settled")).isTrue();
    assertThat(get(H10, C, "loading_only", "loading_only").<Boolean>getAs("is_settled")).isFalse();
    assertThat(get(H11, B, "restart", "restart").<Boolean>getAs("is_settled")).isFalse();
  }

  @Test
  void hoursAddUpToTheWindow() {
    Dataset<Row> window = FailureReasons.overWindow(hourly, H10, H12);
    SilverRows.assertAdditive(
        GoldDiagnosticsTables.FAILURE_REASONS_HOURLY, hourly, window, H10, H12);
    // Restarts on B: 2 at 10:35 + 1 at 11:05 = 3.
    Row restartsOnB =
        SilverRows.byKey(window, "orchestrator_address", "category").get(B + "|restart");
    assertThat(restartsOnB.<Long>getAs("occurrences")).isEqualTo(3L);
  }

  @Test
  void theClassifierRules() {
    List<String> messages =
        List.of(
            "No orchestrators available for LiveVideoToVideo",
            "mediamtx ingest disconnected: EOF",
            "missing video frames for 30s",
            "ICE connection state failed",
            "User disconnected",
            "CUDA out of memory. Tried to allocate 2.00 GiB",
            "inference failed: context deadline exceeded",
            "trickle subscribe error, swapping: context deadline exceeded",
            "orchestrator returned 503: insufficient capacity, swapping",
            "trickle publish error: unexpected EOF",
            "failed to load model weights: checksum mismatch",
            "pipeline process exited unexpectedly: signal: killed",
            "something new",
            "  ");
    Dataset<Row> classified =
        LocalSpark.get()
            .createDataset(messages, org.apache.spark.sql.Encoders.STRING())
            .toDF("message")
            .select(MessageClasses.classify(org.apache.spark.sql.functions.col("message")).as("c"));
    Dataset<Row> excusable =
        classified.select(MessageClasses.excusable(org.apache.spark.sql.functions.col("c")));
    assertThat(classified.collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly(
            "no_orchestrators",
            "ingest_disconnected",
            "missing_video",
            "ice_connection_failed",
            "user_disconnected",
            "out_of_memory",
            "timeout",
            // The timeout rule comes before the trickle rule.
            "timeout",
            "orchestrator_capacity",
            "trickle_transport",
            "model_load",
            "process_exit",
            "other",
            "no_message");
    assertThat(excusable.collectAsList())
        .extracting(row -> row.getBoolean(0))
        .containsExactly(
            true, true, true, true, true, false, false, false, false, false, false, false, false,
            false);
  }
}
