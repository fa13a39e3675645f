package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class StreamingDemandTest {
  private static final String LV2V = "live-video-to-video";
  private static final String SDXL = "streamdiffusion-sdxl-faceid";
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");
  private static final Instant H13 = at("2026-01-08T13:00:00Z");
  private static final Instant H14 = at("2026-01-08T14:00:00Z");

  /** Late data can no longer change silver before 11:30. */
  private static final Instant SETTLED_BEFORE = at("2026-01-08T11:30:00Z");

  /** A requested, successful session of gateway gw-1 starting at {@code start}. */
  private static Map<String, Object> session(String key, Instant start, double minutes) {
    return row(
        "org",
        "acme",
        "session_key",
        key,
        "gateway",
        "gw-1",
        "started_at",
        start,
        "start_hour",
        Instant.ofEpochSecond(start.getEpochSecond() / 3600 * 3600),
        "last_seen",
        start.plusMillis((long) (minutes * 60_000)),
        "duration_minutes",
        minutes,
        "requested",
        true,
        "playable",
        true,
        "selection_outcome",
        "selected",
        "startup_outcome",
        "success",
        "excusal_reason",
        "none",
        "startup_class",
        "success",
        "canonical_pipeline",
        LV2V,
        "canonical_model",
        SDXL);
  }

  @Test
  void aSessionCrossingAnHourCountsInItsStartHourOnlyWithItsWholeDuration() {
    // One session through the real silver transform: request at 10:50, playable at 10:50:06,
    // status samples at 10:55, 11:05 and 11:15, closed at 11:20.
    Map<String, Object> ids =
        row("org", "acme", "stream_id", "s-cross", "request_id", "r-cross", "gateway", "gw-1");
    Dataset<Row> trace =
        SilverRows.of(
            SilverTables.of(EventFamily.STREAM_TRACE),
            trace(ids, "t1", "gateway_receive_stream_request", at("2026-01-08T10:50:00Z")),
            trace(ids, "t2", "gateway_receive_few_processed_segments", at("2026-01-08T10:50:06Z")),
            trace(ids, "t3", "gateway_ingest_stream_closed", at("2026-01-08T11:20:00Z")));
    Dataset<Row> status =
        SilverRows.of(
            SilverTables.of(EventFamily.AI_STREAM_STATUS),
            status(ids, "u1", at("2026-01-08T10:55:00Z")),
            status(ids, "u2", at("2026-01-08T11:05:00Z")),
            status(ids, "u3", at("2026-01-08T11:15:00Z")));
    Dataset<Row> events = SilverRows.of(SilverTables.of(EventFamily.AI_STREAM_EVENTS), List.of());
    Dataset<Row> sessions = SessionTransform.sessions(trace, status, events).cache();

    List<Row> demand = StreamingDemand.hourly(sessions, SETTLED_BEFORE).collectAsList();
    List<Row> statusHours =
        SessionTransform.sessionHours(sessions, status).orderBy("hour").collectAsList();

    // Demand: one row, at the start hour 10:00, with the whole duration 11:20 - 10:50 = 30 min.
    assertThat(demand).hasSize(1);
    Row row = demand.get(0);
    assertThat(row.<Timestamp>getAs("window_start").toInstant()).isEqualTo(H10);
    assertThat(row.<String>getAs("pipeline")).isEqualTo(LV2V);
    assertThat(row.<String>getAs("model_id")).isEqualTo(SDXL);
    assertThat(row.<Long>getAs("requested_sessions")).isEqualTo(1L);
    assertThat(row.<Long>getAs("startup_success_sessions")).isEqualTo(1L);
    assertThat(row.<Double>getAs("usage_minutes")).isEqualTo(30.0);
    // The SLA's status hours are 10:00 (1 sample) and 11:00 (2 samples): the session is in both.
    assertThat(statusHours)
        .extracting(hour -> hour.<Timestamp>getAs("hour").toInstant())
        .containsExactly(H10, H11);
    assertThat(statusHours)
        .extracting(hour -> hour.<Long>getAs("status_samples"))
        .containsExactly(1L, 2L);
    // Hour 10 ended at 11:00 <= 11:30, but the session was last seen at 11:20 < 11:30: settled.
    assertThat(row.<Boolean>getAs("is_settled")).isTrue();
  }

  private static Map<String, Object> trace(
      Map<String, Object> ids, String id, String type, Instant time) {
    return with(ids, "event_id", id, "event_ts", time, "timestamp", time, "type", type);
  }

  private static Map<String, Object> status(Map<String, Object> ids, String id, Instant time) {
    return with(
        ids,
        "event_id",
        id,
        "event_ts",
        time,
        "timestamp",
        time,
        "type",
        "status",
        "pipeline",
        SDXL,
        "state",
        "ONLINE",
        "inference_status_fps",
        16.0,
        "orchestrator_info_address",
        "0xAaAa00000000000000000000000000000000000A",
        "orchestrator_info_url",
        "https://orch-a.example:8935");
  }

  @Test
  void everyPrimitiveAndRateOfOneHourByHand() {
    Instant t = at("2026-01-08T10:05:00Z");
    Dataset<Row> sessions =
        SilverRows.of(
            SessionTables.SESSIONS,
            // s1: success after one swap, 12.5 min.
            with(session("s1", t, 12.5), "swap_count", 1),
            // s2: unexcused startup failure, loading only and zero fps (one output failure), 2 min.
            with(
                session("s2", t, 2.0),
                "playable",
                false,
                "startup_outcome",
                "failed",
                "startup_class",
                "unexcused",
                "loading_only",
                true,
                "zero_output_fps",
                true),
            // s3: no orchestrator: an excused failure, 0.5 min.
            with(
                session("s3", t, 0.5),
                "playable",
                false,
                "selection_outcome",
                "no_orch",
                "startup_outcome",
                "failed",
                "excusal_reason",
                "no_orch",
                "startup_class",
                "excused"),
            // s4: playable, but zero output fps and a last_error, 5 min.
            with(session("s4", t, 5.0), "zero_output_fps", true, "ends_in_error", true),
            // s5: request trace never seen: not demand, but 3 min of usage.
            with(
                session("s5", t, 3.0),
                "requested",
                false,
                "startup_outcome",
                "unknown",
                "startup_class",
                "unknown"),
            // s6: another gateway (unknown) and a session still running past the settlement.
            with(session("s6", t, 100.0), "gateway", null),
            // s7: next hour.
            session("s7", at("2026-01-08T11:10:00Z"), 1.0));

    Map<String, Row> rows =
        SilverRows.byKey(
            StreamingDemand.hourly(sessions, SETTLED_BEFORE), "window_start", "gateway");
    assertThat(rows).hasSize(3);
    Row hour = rows.get(Timestamp.from(H10) + "|gw-1");
    // sessions s1..s5 = 5; requested s1..s4 = 4; success s1, s4 = 2; unexcused s2 = 1; excused s3 =
    // 1;
    // no_orch s3 = 1; swapped s1 = 1; loading only s2 = 1; zero fps s2, s4 = 2;
    // output failed = {s2} ∪ {s2, s4} = 2 (s2 once); effective failed = {s2} ∪ {s2, s4} = 2;
    // ending in error s4 = 1; usage 12.5 + 2 + 0.5 + 5 + 3 = 23.0 minutes.
    assertThat(longs(hour)).containsExactly(5L, 4L, 2L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 1L);
    assertThat(hour.<Double>getAs("usage_minutes")).isEqualTo(23.0);
    // Rates over 4 requested: 2/4, 1/4, 1/4, 1/4, 1/4, 2/4, 2/4; minutes per session 23 / 5.
    assertThat(hour.<Double>getAs("startup_success_rate")).isEqualTo(0.5);
    assertThat(hour.<Double>getAs("unexcused_failure_rate")).isEqualTo(0.25);
    assertThat(hour.<Double>getAs("excused_failure_rate")).isEqualTo(0.25);
    assertThat(hour.<Double>getAs("no_orch_rate")).isEqualTo(0.25);
    assertThat(hour.<Double>getAs("swap_rate")).isEqualTo(0.25);
    assertThat(hour.<Double>getAs("output_failure_rate")).isEqualTo(0.5);
    assertThat(hour.<Double>getAs("effective_failure_rate")).isEqualTo(0.5);
    assertThat(hour.<Double>getAs("avg_session_minutes")).isEqualTo(4.6);
    assertThat(hour.<Boolean>getAs("is_settled")).as("ended 11:00, all seen by 10:17").isTrue();
    assertThat(hour.<java.sql.Date>getAs("window_date").toString()).isEqualTo("2026-01-08");

    // s6: gateway unknown is null, in the key too; last seen 10:05 + 100 min = 11:45 >= 11:30:
    // unsettled.
    Row unknownGateway = rows.get(Timestamp.from(H10) + "|null");
    assertThat(unknownGateway.<Long>getAs("sessions")).isEqualTo(1L);
    assertThat(unknownGateway.<Boolean>getAs("is_settled")).isFalse();
    // s7: hour 11 ends at 12:00 > 11:30: unsettled.
    assertThat(rows.get(Timestamp.from(H11) + "|gw-1").<Boolean>getAs("is_settled")).isFalse();
  }

  private static List<Long> longs(Row row) {
    List<Long> values = new ArrayList<>();
    for (String column :
        List.of(
            "sessions",
            "requested_sessions",
            "startup_success_sessions",
            "unexcused_failed_sessions",
            "excused_failed_sessions",
            "no_orch_sessions",
            "swapped_sessions",
            "loading_only_sessions",
            "zero_output_fps_sessions",
            "output_failed_sessions",
            "effective_failed_sessions",
            "ending_in_error_sessions")) {
      values.add(row.getAs(column));
    }
    return values;
  }

  @Test
  void oneAndNinetyNineSessionsGiveNinetyNinePercentNotAnAverageOfAverages() {
    List<Map<String, Object>> rows = new ArrayList<>();
    // 12:00: one requested session, an unexcused failure (success rate 0).
    rows.add(
        with(
            session("fail", at("2026-01-08T12:10:00Z"), 1.0),
            "playable",
            false,
            "startup_outcome",
            "failed",
            "startup_class",
            "unexcused"));
    // 13:00: 99 successful sessions (success rate 1), 0.25 min each.
    for (int i = 0; i < 99; i++) {
      rows.add(session("ok-" + i, at("2026-01-08T13:00:00Z").plusSeconds(i), 0.25));
    }
    Dataset<Row> hourly = StreamingDemand.hourly(SilverRows.of(SessionTables.SESSIONS, rows), H14);
    Dataset<Row> window = StreamingDemand.overWindow(hourly, H12, H14);

    Map<String, Row> hours = SilverRows.byKey(hourly, "window_start");
    assertThat(hours.get(Timestamp.from(H12) + "").<Double>getAs("startup_success_rate"))
        .isEqualTo(0.0);
    assertThat(hours.get(Timestamp.from(H13) + "").<Double>getAs("startup_success_rate"))
        .isEqualTo(1.0);
    List<Row> windowRows = window.collectAsList();
    assertThat(windowRows).hasSize(1);
    Row total = windowRows.get(0);
    // Σ requested = 1 + 99 = 100, Σ success = 0 + 99 = 99: 99 / 100 = 0.99, not (0 + 1) / 2 = 0.5.
    assertThat(total.<Long>getAs("requested_sessions")).isEqualTo(100L);
    assertThat(total.<Long>getAs("startup_success_sessions")).isEqualTo(99L);
    assertThat(total.<Double>getAs("startup_success_rate")).isEqualTo(0.99);
    // Σ failures 1 / 100; usage 1 + 99 × 0.25 = 25.75 min over 100 sessions.
    assertThat(total.<Double>getAs("effective_failure_rate")).isEqualTo(0.01);
    assertThat(total.<Double>getAs("usage_minutes")).isEqualTo(25.75);
    assertThat(total.<Double>getAs("avg_session_minutes")).isEqualTo(0.2575);
    SilverRows.assertAdditive(GoldDemandTables.STREAMING_DEMAND_HOURLY, hourly, window, H12, H14);
  }

  @Test
  void outputIsTheDeclaredTable() {
    Dataset<Row> empty = SilverRows.of(SessionTables.SESSIONS, List.of());
    SilverRows.assertDeclared(
        StreamingDemand.hourly(empty, H10), GoldDemandTables.STREAMING_DEMAND_HOURLY);
  }
}
