package io.naaplake.jobs.gold.diagnostics;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestQualityTest {
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");

  private static Dataset<Row> hourly;
  private static Map<String, Row> rows;
  private static int nextId;

  @BeforeAll
  static void derive() {
    Dataset<Row> sessions =
        SilverRows.of(
            SessionTables.SESSIONS,
            row(
                "org",
                "acme",
                "session_key",
                "acme|s1|r1",
                "canonical_pipeline",
                "live-video-to-video"));
    Dataset<Row> metrics =
        SilverRows.of(
            SilverTables.of(EventFamily.STREAM_INGEST_METRICS),
            sample(
                "s1",
                "2026-01-08T10:00:05Z",
                "good",
                track("video", 10.0, 0.5, 40.0),
                track("audio", 2.0, 0.0, 40.0)),
            // The second audio track is not read: the first of each type only.
            sample(
                "s1",
                "2026-01-08T10:00:10Z",
                "bad",
                track("audio", 4.0, 1.0, null),
                track("video", 30.0, 1.5, 60.0),
                track("audio", 100.0, 50.0, 500.0)),
            // No video track, no rating.
            sample("s1", "2026-01-08T10:00:15Z", null, track("audio", 6.0, null, null)),
            // A stream with no session row: pipeline null. Rating sent as "Bad ".
            sample("s9", "2026-01-08T10:30:00Z", "Bad ", track("video", 12.0, 3.0, 80.0)),
            // Hour 11.
            sample("s1", "2026-01-08T11:00:00Z", "good", track("video", 20.0, 0.0, 50.0)));
    hourly = IngestQuality.hourly(metrics, sessions, H11).cache();
    rows = SilverRows.byKey(hourly, "window_start", "pipeline");
  }

  private static Map<String, Object> track(String type, Double jitter, Double loss, Double rtt) {
    return row("type", type, "jitter", jitter, "packet_loss_pct", loss, "rtt", rtt);
  }

  @SafeVarargs
  private static Map<String, Object> sample(
      String stream, String time, String quality, Map<String, Object>... tracks) {
    Instant at = at(time);
    return row(
        "org",
        "acme",
        "event_id",
        "m-" + nextId++,
        "event_ts",
        at,
        "timestamp",
        at,
        "gateway",
        "gw-1",
        "stream_id",
        stream,
        "request_id",
        "r" + stream.substring(1),
        "stats_conn_quality",
        quality,
        "stats_track_stats",
        Arrays.asList((Object[]) tracks));
  }

  @Test
  void hourTenByHand() {
    SilverRows.assertDeclared(hourly, GoldDiagnosticsTables.INGEST_QUALITY_HOURLY);
    Row known = rows.get(Timestamp.from(H10) + "|live-video-to-video");
    assertThat(known.<String>getAs("gateway")).isEqualTo("gw-1");
    // 3 samples, 2 rated (good, bad), 1 bad: share 1 / 2.
    assertThat(known.<Long>getAs("samples")).isEqualTo(3L);
    assertThat(known.<Long>getAs("quality_rated_samples")).isEqualTo(2L);
    assertThat(known.<Long>getAs("bad_quality_samples")).isEqualTo(1L);
    assertThat(known.<Double>getAs("bad_quality_share")).isEqualTo(0.5);
    // Video (samples 1, 2): jitter 10 + 30 = 40 / 2 = 20; loss 0.5 + 1.5 = 2 / 2 = 1; RTT 40 + 60
    // = 100 / 2 = 50.
    assertThat(known.<Double>getAs("video_jitter_sum")).isEqualTo(40.0);
    assertThat(known.<Long>getAs("video_jitter_samples")).isEqualTo(2L);
    assertThat(known.<Double>getAs("avg_video_jitter")).isEqualTo(20.0);
    assertThat(known.<Double>getAs("avg_video_packet_loss_pct")).isEqualTo(1.0);
    assertThat(known.<Double>getAs("avg_video_rtt")).isEqualTo(50.0);
    // Audio, first audio track of each sample: jitter 2 + 4 + 6 = 12 / 3 = 4 (not 100); loss 0 + 1
    // = 1 / 2 = 0.5; RTT 40 / 1.
    assertThat(known.<Double>getAs("audio_jitter_sum")).isEqualTo(12.0);
    assertThat(known.<Long>getAs("audio_jitter_samples")).isEqualTo(3L);
    assertThat(known.<Double>getAs("avg_audio_jitter")).isEqualTo(4.0);
    assertThat(known.<Long>getAs("audio_packet_loss_samples")).isEqualTo(2L);
    assertThat(known.<Double>getAs("avg_audio_packet_loss_pct")).isEqualTo(0.5);
    assertThat(known.<Long>getAs("audio_rtt_samples")).isEqualTo(1L);
    assertThat(known.<Double>getAs("avg_audio_rtt")).isEqualTo(40.0);
    assertThat(known.<Long>getAs("streams")).isEqualTo(1L);
    assertThat(known.<Boolean>getAs("is_settled")).isTrue();

    Row unknown = rows.get(Timestamp.from(H10) + "|null");
    assertThat(unknown.<Long>getAs("bad_quality_samples")).isEqualTo(1L);
    assertThat(unknown.<Double>getAs("bad_quality_share")).isEqualTo(1.0);
    assertThat(unknown.<Long>getAs("audio_jitter_samples")).isZero();
    assertThat(unknown.<Double>getAs("avg_audio_jitter")).as("no evidence").isNull();
  }

  @Test
  void hoursAddUpToTheWindow() {
    Dataset<Row> window = IngestQuality.overWindow(hourly, H10, H12);
    SilverRows.assertAdditive(
        GoldDiagnosticsTables.INGEST_QUALITY_HOURLY, hourly, window, H10, H12);
    Row known = SilverRows.byKey(window, "pipeline").get("live-video-to-video");
    // Video jitter 10 + 30 + 20 = 60 over 3 = 20; rated 2 + 1 = 3, bad 1: share 1 / 3.
    assertThat(known.<Double>getAs("avg_video_jitter")).isEqualTo(20.0);
    assertThat(known.<Double>getAs("bad_quality_share")).isEqualTo(1.0 / 3.0);
    assertThat(
            SilverRows.byKey(hourly, "window_start", "pipeline")
                .get(Timestamp.from(H11) + "|live-video-to-video")
                .<Boolean>getAs("is_settled"))
        .isFalse();
  }
}
