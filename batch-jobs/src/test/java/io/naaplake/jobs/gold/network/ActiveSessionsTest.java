package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ActiveSessionsTest {
  private static final String LV2V = "live-video-to-video";
  private static final String SDXL = "streamdiffusion-sdxl";
  private static final Instant AS_OF = at("2026-01-08T12:00:00Z");
  private static final Instant SETTLED_BEFORE = at("2026-01-08T11:30:00Z");
  private static final String A = "0x000000000000000000000000000000000000000a";
  private static final String B = "0x000000000000000000000000000000000000000b";
  private static final String C = "0x000000000000000000000000000000000000000c";

  private static Map<String, Object> session(String stream, String firstSeen, String lastSeen) {
    return row(
        "org",
        "acme",
        "session_key",
        "acme|" + stream + "|r-" + stream,
        "stream_id",
        stream,
        "request_id",
        "r-" + stream,
        "gateway",
        "gw-1",
        "first_seen",
        at(firstSeen),
        "last_seen",
        at(lastSeen),
        "playable",
        true,
        "canonical_pipeline",
        LV2V,
        "canonical_model",
        SDXL);
  }

  private static Map<String, Object> selection(
      String stream, int seq, String time, String status, String address) {
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
        status,
        "attributed_orch_address",
        address,
        "attributed_orch_uri",
        "https://" + address.substring(address.length() - 1) + ".example:8935");
  }

  private static Map<String, Object> sample(
      String stream, String id, String time, String state, double outputFps) {
    return row(
        "org",
        "acme",
        "event_id",
        id,
        "event_ts",
        at(time),
        "stream_id",
        stream,
        "request_id",
        "r-" + stream,
        "state",
        state,
        "inference_status_fps",
        outputFps,
        "input_status_fps",
        30.0);
  }

  @Test
  void liveSessionsWithTheirLatestSelectionAndSampleAtAsOf() {
    Dataset<Row> sessions =
        SilverRows.of(
            SessionTables.SESSIONS,
            // live: last seen 11:59 >= 12:00 - 2 min.
            session("live", "2026-01-08T11:30:00Z", "2026-01-08T11:59:00Z"),
            // edge: last seen exactly 11:58:00 = 12:00 - 2 min, still live; no selection, no
            // sample.
            session("edge", "2026-01-08T11:50:00Z", "2026-01-08T11:58:00Z"),
            // stale: last seen 11:57:59, one second too early.
            session("stale", "2026-01-08T11:00:00Z", "2026-01-08T11:57:59Z"),
            // closed: a close trace was seen.
            with(
                session("closed", "2026-01-08T11:00:00Z", "2026-01-08T11:59:30Z"),
                "completed",
                true),
            // no stream id: not a stream.
            with(
                session("nostream", "2026-01-08T11:00:00Z", "2026-01-08T11:59:30Z"),
                "stream_id",
                null),
            // future: first seen after as_of.
            session("future", "2026-01-08T12:00:10Z", "2026-01-08T12:00:20Z"),
            // ongoing: seen after as_of too (a chain reads Kafka after its run time), so its events
            // span 12:00: live.
            session("ongoing", "2026-01-08T11:40:00Z", "2026-01-08T12:03:00Z"),
            // closed later: its close came at 12:01, after as_of: still live at 12:00.
            with(
                session("closed-later", "2026-01-08T11:40:00Z", "2026-01-08T12:01:00Z"),
                "completed",
                true));
    Dataset<Row> selections =
        SilverRows.of(
            SelectionTables.SESSION_SELECTIONS,
            with(
                selection("live", 0, "2026-01-08T11:30:00Z", "resolved", A),
                "attributed_gpu_id",
                "GPU-1",
                "attributed_pipeline",
                LV2V,
                "attributed_model_id",
                SDXL),
            // The latest at or before 12:00: hardware-less, so no attributed offer; the hints
            // name the pipeline and model.
            with(
                selection("live", 1, "2026-01-08T11:50:00Z", "hardware_less", B),
                "pipeline_hint",
                LV2V,
                "model_hint",
                "other-model"),
            // After as_of: not yet known at 12:00.
            selection("live", 2, "2026-01-08T12:00:30Z", "resolved", C));
    Dataset<Row> status =
        SilverRows.of(
            SilverTables.of(EventFamily.AI_STREAM_STATUS),
            sample("live", "u1", "2026-01-08T11:58:00Z", "ONLINE", 20.0),
            sample("live", "u2", "2026-01-08T11:59:00Z", "DEGRADED_INFERENCE", 12.5),
            sample("live", "u3", "2026-01-08T12:00:30Z", "OFFLINE", 0.0));

    Dataset<Row> result = ActiveSessions.at(sessions, selections, status, AS_OF, SETTLED_BEFORE);

    SilverRows.assertDeclared(result, GoldNetworkTables.ACTIVE_SESSIONS);
    Map<String, Row> rows = SilverRows.byKey(result, "stream_id");
    assertThat(rows.keySet()).containsExactlyInAnyOrder("live", "edge", "ongoing", "closed-later");

    Row live = rows.get("live");
    assertThat(live.<Timestamp>getAs("as_of").toInstant()).isEqualTo(AS_OF);
    assertThat(live.<Date>getAs("as_of_date").toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 8));
    assertThat(live.<String>getAs("session_key")).isEqualTo("acme|live|r-live");
    assertThat(live.<String>getAs("orchestrator_address")).isEqualTo(B);
    assertThat(live.<String>getAs("orch_uri")).isEqualTo("https://b.example:8935");
    assertThat(live.<String>getAs("attribution_status")).isEqualTo("hardware_less");
    assertThat(live.<String>getAs("pipeline")).isEqualTo(LV2V);
    assertThat(live.<String>getAs("model_id")).isEqualTo("other-model");
    assertThat(live.<String>getAs("gpu_id")).isNull();
    // Latest sample at or before 12:00 is u2 (11:59); u3 at 12:00:30 is after as_of.
    assertThat(live.<String>getAs("state")).isEqualTo("DEGRADED_INFERENCE");
    assertThat(live.<Timestamp>getAs("last_status_at").toInstant())
        .isEqualTo(at("2026-01-08T11:59:00Z"));
    assertThat(live.<Double>getAs("output_fps")).isEqualTo(12.5);
    assertThat(live.<Double>getAs("input_fps")).isEqualTo(30.0);
    assertThat(live.<Boolean>getAs("playable")).isTrue();
    // as_of 12:00 is after the settlement instant 11:30.
    assertThat(live.<Boolean>getAs("is_settled")).isFalse();

    Row edge = rows.get("edge");
    assertThat(edge.<String>getAs("orchestrator_address")).isNull();
    assertThat(edge.<String>getAs("attribution_status")).isNull();
    assertThat(edge.<String>getAs("state")).isNull();
    // Without a selection, pipeline and model are the session's.
    assertThat(edge.<String>getAs("pipeline")).isEqualTo(LV2V);
    assertThat(edge.<String>getAs("model_id")).isEqualTo(SDXL);
  }
}
