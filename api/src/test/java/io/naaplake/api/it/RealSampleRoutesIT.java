package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The routes over the real sample (../shared/samples/streaming-events-2026-01-08.kafka-ui.json):
 * one live-video session of orchestrator 0xd003…3c7f on an RTX 5090, gateway cloudspe, in the hour
 * 2026-01-08T21:00Z, with six payment events. Every expected value is derived from those events in
 * the comments (the same derivations batch-jobs' GoldFixtureIT makes against the tables); here they
 * prove the API serves them unchanged, typed as documented, through Trino.
 */
class RealSampleRoutesIT {
  static final String ORCH = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";

  /** The sample's recipient as it appears in the events (mixed-case checksum form). */
  static final String ORCH_CHECKSUM = "0xd00354656922168815Fcd1e51CBddB9e359e3C7F";

  static final String GPU = "GPU-a8d13655-197b-2226-d09f-b4b81e07504b";
  static final String HOUR = "2026-01-08T21:00:00Z";

  private final ApiClient api = SharedApi.get().client();

  @Test
  void hourlySlaOfTheSampleSession() {
    // Default window: the 24 h before the as-of time 2026-01-09T01:00Z, which holds 21:00Z.
    JsonNode rows = api.get("/v1/streaming/sla?orchestrator=" + ORCH).data();
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("window_start").asText()).isEqualTo(HOUR);
    assertThat(row.get("org").asText()).isEqualTo("cloudspe");
    assertThat(row.get("pipeline").asText()).isEqualTo("live-video-to-video");
    assertThat(row.get("model_id").asText()).isEqualTo("streamdiffusion-sdxl-faceid");
    assertThat(row.get("gpu_id").asText()).isEqualTo(GPU);
    // One stream requested and started (its first playable status follows the start event).
    assertThat(row.get("requested_sessions").asLong()).isEqualTo(1);
    assertThat(row.get("startup_success_sessions").asLong()).isEqualTo(1);
    // 17 ai_stream_status events in the hour, every one with output FPS > 0; their mean
    // 271.9991760846937 / 17 = 15.999951534393 (GoldFixtureIT sums the same 17 values).
    assertThat(row.get("status_samples").asLong()).isEqualTo(17);
    assertThat(row.get("fps_positive_samples").asLong()).isEqualTo(17);
    assertThat(row.get("avg_output_fps").asDouble()).isCloseTo(15.999951534393, within(1e-9));
    // SLA score (quality-benchmark-v1): reliability 0.4 × 1 + 0.2 × 1 + 0.4 × 1 = 1 (started, no
    // swap, viable output); no benchmark history for the pipeline and model in the 7 days before
    // 2026-01-08, so every quality component is the neutral 0.5; coverage 1 (3 of 3 health
    // signals) => 100 × 1 × (0.7 × 1 + 0.3 × 0.5) = 85.0.
    assertThat(row.get("sla_score").asDouble()).isEqualTo(85.0);
    assertThat(row.get("sla_semantics_version").asText()).isEqualTo("quality-benchmark-v1");
    // The hour is newer than the lateness horizon before the as-of time: provisional.
    assertThat(row.get("is_settled").asBoolean()).isFalse();
  }

  @Test
  void dailySlaAndGpuMetricsAgreeWithTheHour() {
    JsonNode day = api.get("/v1/streaming/sla/daily?orchestrator=" + ORCH).data();
    assertThat(day).hasSize(1);
    // One scored hour on 2026-01-08, so the day is that hour's primitives re-scored: 85.0.
    assertThat(day.get(0).get("window_date").asText()).isEqualTo("2026-01-08");
    assertThat(day.get(0).get("scored_hours").asLong()).isEqualTo(1);
    assertThat(day.get(0).get("requested_sessions").asLong()).isEqualTo(1);
    assertThat(day.get(0).get("sla_score").asDouble()).isEqualTo(85.0);

    JsonNode gpu = api.get("/v1/streaming/gpu-metrics?gpu=" + GPU).data();
    assertThat(gpu).hasSize(1);
    assertThat(gpu.get(0).get("gpu_model_name").asText()).isEqualTo("NVIDIA GeForce RTX 5090");
    assertThat(gpu.get(0).get("avg_output_fps").asDouble())
        .isCloseTo(15.999951534393, within(1e-9));
    // E2E latency: the one e2e measurement of the session, 106 ms.
    assertThat(gpu.get(0).get("avg_e2e_latency_ms").asDouble()).isEqualTo(106.0);
    assertThat(gpu.get(0).get("sla_score").asDouble()).isEqualTo(85.0);
  }

  @Test
  void demandCountsTheSessionAtItsRequestHour() {
    JsonNode rows =
        api.get("/v1/streaming/demand?start=2026-01-08T21:00:00Z&end=2026-01-08T22:00:00Z").data();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("org").asText()).isEqualTo("cloudspe");
    assertThat(rows.get(0).get("requested_sessions").asLong()).isEqualTo(1);
    assertThat(rows.get(0).get("startup_success_sessions").asLong()).isEqualTo(1);
    assertThat(rows.get(0).get("no_orch_sessions").asLong()).isZero();
    assertThat(rows.get(0).get("startup_success_rate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void paymentsAreExactWeiStrings() {
    // Six create_new_payment events at 21:49-21:51Z to ORCH_CHECKSUM (lower-cased in the lake):
    //   tickets 2 + 1 + 1 + 1 + 1 + 1 = 7;
    //   face value Σ face × tickets = 2,402,400e12 × 2 + 2,402,400e12 + 4 × 2,400,000e12
    //     = 16,807,200,000,000,000 wei;
    //   expected value Σ face × winProb × tickets = 2 × 2,402,400e12 × 0.000999001
    //     + 2,402,400e12 × 0.000999001 + 4 × 2,400,000e12 × 0.001
    //     = 4,800,000,004,800 + 2,400,000,002,400 + 9,600,000,000,000 = 16,800,000,007,200 wei;
    //   every event's price is 1635.021 wei/pixel, so the ticket-weighted price is 1635.021.
    JsonNode rows =
        api.get("/v1/economics/payments?start=2026-01-08T00:00:00Z&end=2026-01-09T00:00:00Z")
            .data();
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("window_start").asText()).isEqualTo(HOUR);
    assertThat(row.get("group_by").asText()).isEqualTo("orchestrator");
    assertThat(row.get("group_value").asText()).isEqualTo(ORCH_CHECKSUM.toLowerCase());
    assertThat(row.get("payment_events").asLong()).isEqualTo(6);
    assertThat(row.get("tickets").asLong()).isEqualTo(7);
    assertThat(row.get("face_value_wei").isTextual()).isTrue();
    assertThat(row.get("face_value_wei").asText()).isEqualTo("16807200000000000");
    assertThat(row.get("expected_value_wei").asText()).isEqualTo("16800000007200");
    assertThat(row.get("price_wei_per_pixel").asText()).isEqualTo("1635.021");

    // The same events by day and by gateway: the events name no gateway, so the group is null.
    JsonNode daily =
        api.get(
                "/v1/economics/payments?granularity=day&group_by=gateway"
                    + "&start=2026-01-01T00:00:00Z&end=2026-01-09T00:00:00Z")
            .data();
    assertThat(daily).hasSize(1);
    assertThat(daily.get(0).get("window_start").asText()).isEqualTo("2026-01-08T00:00:00Z");
    assertThat(daily.get(0).get("group_value").isNull()).isTrue();
    assertThat(daily.get(0).get("expected_value_wei").asText()).isEqualTo("16800000007200");
  }

  @Test
  void dataQualityAccountsForEverySampleEventInItsHour() {
    // The real sample: 65 events of cloudspe between 21:00 and 22:00Z on 2026-01-08, counted in
    // the export file: 34 stream_ingest_metrics, 17 ai_stream_status, 6 create_new_payment, 6
    // stream_trace, 1 discovery_results, 1 network_capabilities. Each was delivered once and
    // accepted; none is late, ignored or quarantined.
    JsonNode rows =
        api.get(
                "/v1/network/data-quality?start=2026-01-08T21:00:00Z&end=2026-01-08T22:00:00Z"
                    + "&org=cloudspe")
            .data();
    Map<String, Long> accepted = new TreeMap<>();
    long delivered = 0;
    for (JsonNode row : rows) {
      accepted.put(row.get("family").asText(), row.get("accepted_events").asLong());
      delivered += row.get("bronze_rows").asLong();
      assertThat(row.get("duplicate_deliveries").asLong()).isZero();
      assertThat(row.get("quarantined_events").asLong()).isZero();
      assertThat(row.get("late_events").asLong()).isZero();
    }
    assertThat(accepted)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "stream_ingest_metrics", 34L,
                "ai_stream_status", 17L,
                "create_new_payment", 6L,
                "stream_trace", 6L,
                "discovery_results", 1L,
                "network_capabilities", 1L));
    assertThat(delivered).isEqualTo(65);
    JsonNode trace =
        api.get(
                "/v1/network/data-quality?start=2026-01-08T21:00:00Z&end=2026-01-08T22:00:00Z"
                    + "&family=stream_trace")
            .data();
    assertThat(trace).hasSize(1);
    assertThat(trace.get(0).get("accepted_events").asLong()).isEqualTo(6);
  }

  @Test
  void paymentsFollowTheOrgGatewayAndModelFilters() {
    // gold.payments_hourly on the scenario day 2025-11-10 (the fixture's simulated network): org
    // cloudspe has 14 rows, all without a gateway (its envelopes name none), whose expected fees
    // are 80,786,491,053,416 (streamdiffusion) + 379,988,118,122,992 (sdxl) + 270,975,634,092,632
    // (sdxl-faceid) + 122,802,034,600,000 (no model) = 854,552,277,869,040 wei in 22 + 138 + 83 +
    // 45 = 288 payment events.
    String day = "granularity=day&start=2025-11-10T00:00:00Z&end=2025-11-11T00:00:00Z";
    JsonNode cloudspe =
        api.get("/v1/economics/payments?" + day + "&group_by=gateway&org=cloudspe").data();
    assertThat(cloudspe).hasSize(1);
    assertThat(cloudspe.get(0).get("group_value").isNull()).isTrue();
    assertThat(cloudspe.get(0).get("expected_value_wei").asText()).isEqualTo("854552277869040");
    assertThat(cloudspe.get(0).get("payment_events").asLong()).isEqualTo(288);
    // One daydream gateway and one model: 6 hourly rows, 175 events, 531,967,860,040,562 wei. The
    // filter is spelt in the envelopes' checksum case; the lake keeps gateways lower-cased.
    JsonNode one =
        api.get(
                "/v1/economics/payments?"
                    + day
                    + "&group_by=gateway&gateway=0x8a69a765Cfa5a247852De15886101e5f551f743A"
                    + "&model=streamdiffusion-sdxl")
            .data();
    assertThat(one).hasSize(1);
    assertThat(one.get(0).get("group_value").asText())
        .isEqualTo("0x8a69a765cfa5a247852de15886101e5f551f743a");
    assertThat(one.get(0).get("expected_value_wei").asText()).isEqualTo("531967860040562");
    assertThat(one.get(0).get("payment_events").asLong()).isEqualTo(175);
    assertThat(api.get("/v1/economics/payments?" + day + "&org=no-such-org").data()).isEmpty();
  }

  @Test
  void orchestratorEconomicsSumTheSameEvents() {
    // Window: the 24 h before 2026-01-09T01:00Z touch the dates 2026-01-08 and 2026-01-09.
    JsonNode doc = api.get("/v1/economics/orchestrators/" + ORCH_CHECKSUM).data();
    assertThat(doc.get("orchestrator_address").asText()).isEqualTo(ORCH);
    assertThat(doc.get("from_date").asText()).isEqualTo("2026-01-08");
    assertThat(doc.get("to_date").asText()).isEqualTo("2026-01-09");
    assertThat(doc.get("tickets").asLong()).isEqualTo(7);
    assertThat(doc.get("face_value_wei").asText()).isEqualTo("16807200000000000");
    assertThat(doc.get("expected_value_wei").asText()).isEqualTo("16800000007200");
    assertThat(doc.get("daily")).hasSize(1);
    assertThat(doc.get("daily").get(0).get("window_date").asText()).isEqualTo("2026-01-08");
    // 16,800,000,007,200 wei = 0.0000168000000072 ETH.
    assertThat(doc.get("daily").get(0).get("expected_value_eth").asText())
        .isEqualTo("0.0000168000000072");
  }

  @Test
  void orchestratorProfileCarriesLatestSlaTrendAndFees() {
    JsonNode doc = api.get("/v1/orchestrators/" + ORCH).data();
    assertThat(doc.get("orchestrator_address").asText()).isEqualTo(ORCH);
    // The session's hour is the newest SLA hour of this orchestrator within 7 days.
    assertThat(doc.get("latest_sla")).hasSize(1);
    assertThat(doc.get("latest_sla").get(0).get("window_start").asText()).isEqualTo(HOUR);
    assertThat(doc.get("latest_sla").get(0).get("sla_score").asDouble()).isEqualTo(85.0);
    assertThat(doc.get("sla_trend")).hasSize(1);
    assertThat(doc.get("sla_trend").get(0).get("sla_score").asDouble()).isEqualTo(85.0);
    // The fee window is the 7 days before now: it holds the six payments.
    assertThat(doc.get("fees").get("tickets").asLong()).isEqualTo(7);
    assertThat(doc.get("fees").get("expected_value_wei").asText()).isEqualTo("16800000007200");
    // The sample session ended cleanly: no failure reasons.
    assertThat(doc.get("failure_reasons")).isEmpty();
  }

  @Test
  void networkSummaryHasTheSampleHourAndDeltasAgainstAnEmptyPriorDay() {
    JsonNode doc = api.get("/v1/network/summary").data();
    assertThat(doc.get("window_start").asText()).isEqualTo("2026-01-08T01:00:00Z");
    assertThat(doc.get("window_end").asText()).isEqualTo("2026-01-09T01:00:00Z");
    JsonNode current = doc.get("current");
    // The only fixture activity in the 24 h before the as-of time is the sample's hour.
    assertThat(current.get("hours").asLong()).isEqualTo(1);
    assertThat(current.get("requested_sessions").asLong()).isEqualTo(1);
    assertThat(current.get("payment_events").asLong()).isEqualTo(6);
    assertThat(current.get("expected_fees_wei").asText()).isEqualTo("16800000007200");
    assertThat(current.get("active_orchestrators").asLong()).isEqualTo(1);
    // Nothing in the day before: totals 0, gauges null, so their deltas are null.
    JsonNode prior = doc.get("prior");
    assertThat(prior.get("hours").asLong()).isZero();
    assertThat(prior.get("active_orchestrators").isNull()).isTrue();
    assertThat(doc.get("delta").get("requested_sessions").asLong()).isEqualTo(1);
    assertThat(doc.get("delta").get("expected_fees_wei").asText()).isEqualTo("16800000007200");
    assertThat(doc.get("delta").get("active_orchestrators").isNull()).isTrue();
  }

  @Test
  void leaderboardRanksTheOnlyActiveOrchestratorFirst() {
    JsonNode rows = api.get("/v1/leaderboard").data();
    // 24 h window before the newest snapshot (as of 01:00Z): only the sample's orchestrator
    // worked; alone among its peers every min-max component is 1, so its score is 100.
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("orchestrator_address").asText()).isEqualTo(ORCH);
    assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(rows.get(0).get("window_label").asText()).isEqualTo("24h");
    assertThat(rows.get(0).get("leaderboard_score").asDouble()).isEqualTo(100.0);
    assertThat(rows.get(0).get("sla_score").asDouble()).isEqualTo(85.0);
    assertThat(rows.get(0).get("methodology_version").asText()).isEqualTo("leaderboard-minmax-v1");
  }

  @Test
  void snapshotRoutesServeAnEarlierSnapshotAsOfAPastTime() {
    // The newest leaderboard snapshot at or before now (01:00Z; which ones exist depends on the
    // pipeline runs of the integration tests before, so T is read, not assumed).
    JsonNode latest = api.get("/v1/leaderboard").data();
    assertThat(latest).isNotEmpty();
    String t = latest.get(0).get("as_of").asText();
    // As of T itself: the same snapshot; after the server's now (2030): served as now.
    assertThat(api.get("/v1/leaderboard?as_of=" + t).data()).isEqualTo(latest);
    assertThat(api.get("/v1/leaderboard?as_of=2030-01-01T00:00:00Z").data()).isEqualTo(latest);
    // A second before T: never T's snapshot, only an older one (or none).
    java.time.Instant before = java.time.Instant.parse(t).minusSeconds(1);
    api.get("/v1/leaderboard?as_of=" + before)
        .data()
        .forEach(row -> assertThat(row.get("as_of").asText()).isLessThan(t));
    // Before the fixture's first pipeline run (2026-01-09T00:00Z) nothing was published.
    assertThat(api.get("/v1/leaderboard?as_of=2026-01-08T23:59:59Z").data()).isEmpty();
    assertThat(api.get("/v1/streaming/orchestrators?as_of=2026-01-08T23:59:59Z").data()).isEmpty();
    assertThat(api.get("/v1/leaderboard?as_of=yesterday").status()).isEqualTo(400);
  }
}
