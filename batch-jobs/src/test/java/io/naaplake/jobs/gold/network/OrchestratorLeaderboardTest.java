package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three orchestrators of live-video-to-video and one alone in another pipeline, over 24 h and 7 d
 * ending at 2026-01-08 12:00. A and B have identical last-24-hour primitives (a tie); A has an
 * older, better hour that only the 7-day window sees.
 */
class OrchestratorLeaderboardTest {
  private static final String LV2V = "live-video-to-video";
  private static final Instant AS_OF = at("2026-01-08T12:00:00Z");
  private static final String A = "0x000000000000000000000000000000000000000a";
  private static final String B = "0x000000000000000000000000000000000000000b";
  private static final String C = "0x000000000000000000000000000000000000000c";
  private static final String D = "0x000000000000000000000000000000000000000d";

  private static Map<String, Row> rows;

  /**
   * An hourly SLA row: sessions requested (= session hours unless changed), status samples (all
   * fps-positive and running), their output fps sum, online samples, E2E sum over 10 samples.
   */
  private static Map<String, Object> hour(
      String address,
      String windowStart,
      long sessions,
      long samples,
      double fpsSum,
      long online,
      long e2eSum,
      Double slaScore) {
    return row(
        "window_start",
        at(windowStart),
        "org",
        "acme",
        "orchestrator_address",
        address,
        "pipeline",
        LV2V,
        "requested_sessions",
        sessions,
        "session_hours",
        sessions,
        "status_samples",
        samples,
        "fps_positive_samples",
        samples,
        "output_fps_sum",
        fpsSum,
        "running_samples",
        samples,
        "online_samples",
        online,
        "e2e_latency_sum_ms",
        e2eSum,
        "e2e_latency_count",
        10,
        "sla_score",
        slaScore);
  }

  @BeforeAll
  static void compute() {
    Dataset<Row> hourly =
        SilverRows.of(
            GoldSlaTables.STREAMING_SLA_HOURLY,
            // A and B in the last 24 h: avg fps 2000/100 = 20, degraded (100-90)/100 = 0.1,
            // volume 10 session-hours, E2E 10000/10 = 1000 ms.
            hour(A, "2026-01-08T10:00:00Z", 10, 100, 2000, 90, 10_000, 90.0),
            hour(B, "2026-01-08T11:00:00Z", 10, 100, 2000, 90, 10_000, 80.0),
            // C: fps 500/50 = 10, degraded 25/50 = 0.5, volume 5, E2E 2000 ms, no SLA score.
            hour(C, "2026-01-08T11:00:00Z", 5, 50, 500, 25, 20_000, null),
            // A at 01-07 12:00 = as_of - 24 h exactly: outside 24 h, inside 7 d. 30
            // session-hours, fps 30, no degraded samples, E2E 500 ms, SLA 100.
            with(
                hour(A, "2026-01-07T12:00:00Z", 10, 100, 3000, 100, 5_000, 100.0),
                "session_hours",
                30),
            // B at as_of - 7 d exactly: outside both windows.
            hour(B, "2026-01-01T12:00:00Z", 1000, 1000, 1000, 0, 1, 0.0),
            // No orchestrator: not ranked.
            hour(null, "2026-01-08T11:00:00Z", 99, 99, 99, 0, 99, 50.0),
            // D, alone in its pipeline, one session-hour and no samples at all.
            with(
                hour(D, "2026-01-08T11:00:00Z", 1, 0, 0, 0, 0, null),
                "pipeline",
                "p2",
                "e2e_latency_count",
                0));
    Dataset<Row> result = OrchestratorLeaderboard.at(hourly, AS_OF, at("2026-01-09T00:00:00Z"));
    SilverRows.assertDeclared(result, GoldNetworkTables.ORCHESTRATOR_LEADERBOARD);
    rows = SilverRows.byKey(result, "window_label", "orchestrator_address");
  }

  @Test
  void aTieIsBrokenByAddressAndTheLast24HoursAreRanked() {
    assertThat(rows).hasSize(8);
    // 24 h, live-video-to-video: fps 20, 20, 10 -> 1, 1, 0; degraded 0.1, 0.1, 0.5 -> 1 - 0 = 1,
    // 1, 1 - 1 = 0; volume 10, 10, 5 -> 1, 1, 0; E2E 1000, 1000, 2000 -> 1, 1, 0.
    // A = B = 100 * (0.3 + 0.3 + 0.2 + 0.2) = 100; C = 0. The tie goes to the lower address.
    Row a = rows.get("24h|" + A);
    Row b = rows.get("24h|" + B);
    Row c = rows.get("24h|" + C);
    assertThat(a.<Double>getAs("leaderboard_score")).isCloseTo(100.0, within(1e-9));
    assertThat(b.<Double>getAs("leaderboard_score")).isCloseTo(100.0, within(1e-9));
    assertThat(c.<Double>getAs("leaderboard_score")).isCloseTo(0.0, within(1e-9));
    assertThat(a.<Integer>getAs("rank")).isEqualTo(1);
    assertThat(b.<Integer>getAs("rank")).isEqualTo(2);
    assertThat(c.<Integer>getAs("rank")).isEqualTo(3);
    assertThat(a.<Double>getAs("avg_output_fps")).isEqualTo(20.0);
    assertThat(a.<Double>getAs("degraded_rate")).isCloseTo(0.1, within(1e-12));
    assertThat(a.<Double>getAs("avg_e2e_latency_ms")).isEqualTo(1000.0);
    // Session-weighted SLA: A's only 24 h row 90 x 10 / 10; C has no scored row.
    assertThat(a.<Double>getAs("sla_score")).isEqualTo(90.0);
    assertThat(c.<Double>getAs("sla_score")).isNull();
    assertThat(a.<Long>getAs("hourly_rows")).isEqualTo(1L);
    assertThat(a.<Long>getAs("requested_sessions")).isEqualTo(10L);
    assertThat(a.<String>getAs("methodology_version"))
        .isEqualTo(GoldNetworkTables.LEADERBOARD_METHODOLOGY);
    assertThat(a.<Boolean>getAs("is_settled")).isTrue();
  }

  @Test
  void theSevenDayWindowSumsOlderHoursBeforeNormalising() {
    // A over 7 d: two rows. requested 20, session-hours 10 + 30 = 40, fps (2000 + 3000) / 200 =
    // 25, degraded 10 / 200 = 0.05, E2E 15000 / 20 = 750, SLA (90 x 10 + 100 x 10) / 20 = 95.
    Row a = rows.get("7d|" + A);
    assertThat(a.<Long>getAs("session_hours")).isEqualTo(40L);
    assertThat(a.<Double>getAs("avg_output_fps")).isEqualTo(25.0);
    assertThat(a.<Double>getAs("degraded_rate")).isCloseTo(0.05, within(1e-12));
    assertThat(a.<Double>getAs("avg_e2e_latency_ms")).isEqualTo(750.0);
    assertThat(a.<Double>getAs("sla_score")).isEqualTo(95.0);
    assertThat(a.<Double>getAs("leaderboard_score")).isCloseTo(100.0, within(1e-9));
    assertThat(a.<Integer>getAs("rank")).isEqualTo(1);
    // B over 7 d (its 01-01 12:00 row is excluded): fps (20 - 10) / (25 - 10) = 2/3; degraded
    // 1 - (0.1 - 0.05) / (0.5 - 0.05) = 8/9; volume (10 - 5) / (40 - 5) = 1/7; E2E
    // 1 - (1000 - 750) / (2000 - 750) = 0.8.
    // 100 x (0.3 x 2/3 + 0.3 x 8/9 + 0.2 x 1/7 + 0.2 x 0.8) = 65.5238095...
    Row b = rows.get("7d|" + B);
    assertThat(b.<Double>getAs("fps_component")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(b.<Double>getAs("degraded_component")).isCloseTo(8.0 / 9, within(1e-12));
    assertThat(b.<Double>getAs("volume_component")).isCloseTo(1.0 / 7, within(1e-12));
    assertThat(b.<Double>getAs("latency_component")).isCloseTo(0.8, within(1e-12));
    assertThat(b.<Double>getAs("leaderboard_score"))
        .isCloseTo(100 * (0.2 + 0.8 / 3 + 0.2 / 7 + 0.16), within(1e-9));
    assertThat(b.<Integer>getAs("rank")).isEqualTo(2);
    assertThat(rows.get("7d|" + C).<Integer>getAs("rank")).isEqualTo(3);
    assertThat(b.<java.sql.Timestamp>getAs("window_start").toInstant())
        .isEqualTo(at("2026-01-01T12:00:00Z"));
  }

  @Test
  void anOrchestratorAloneInItsPipelineScoresOnlyWhatItHasEvidenceFor() {
    // D is all-equal with itself on volume (1.0) but has no fps, samples or E2E: those terms are
    // 0 (null). 100 x 0.2 x 1 = 20, rank 1 in pipeline p2.
    Row d = rows.get("24h|" + D);
    assertThat(d.<String>getAs("pipeline")).isEqualTo("p2");
    assertThat(d.<Double>getAs("avg_output_fps")).isNull();
    assertThat(d.<Double>getAs("degraded_rate")).isNull();
    assertThat(d.<Double>getAs("leaderboard_score")).isCloseTo(20.0, within(1e-9));
    assertThat(d.<Integer>getAs("rank")).isEqualTo(1);
  }
}
