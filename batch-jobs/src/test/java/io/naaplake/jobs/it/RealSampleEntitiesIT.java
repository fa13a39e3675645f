package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The derived silver entities of the two real samples, read through Trino: the live session of the
 * Kafka export ({@link RealSampleScenario}: org cloudspe, 2026-01-08) with its attribution and
 * payments, and the capability inventory of the real /getNetworkCapabilities response ({@link
 * RealCapabilitiesScenario}: event realcaps-1, org daydream, 2025-12-20). Every query is limited to
 * those rows; the expected figures are counted in the sample files (issue 4, "Must show").
 */
class RealSampleEntitiesIT {
  private static final String SESSION = "cloudspe|stream-o5s73x-mk5zc8fy|db936fab";
  private static final String SAMPLE_SESSION =
      " WHERE org = 'cloudspe' AND session_key = '" + SESSION + "'";
  private static final String SAMPLE_PAYMENTS =
      " FROM delta.silver.payment_links WHERE org = 'cloudspe' AND payment_date = DATE '2026-01-08'";
  private static final String REALCAPS =
      " WHERE org = '"
          + RealCapabilitiesScenario.ORG
          + "' AND event_date = DATE '"
          + RealCapabilitiesScenario.DATE
          + "' AND event_id = '"
          + RealCapabilitiesScenario.EVENT_ID
          + "'";

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  private static List<Map<String, Object>> rows(String sql) throws Exception {
    return SessionScenariosIT.rows(sql);
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void sampleSessionIsPlayableWithItsLatencies() throws Exception {
    // Envelope times in the export: request 21:49:05.298, first processed 21:49:07.953 (startup
    // 2,655 ms); first ingest 21:49:07.583, runner first processed 21:49:07.689 (E2E 106 ms);
    // status start_time 21:49:05.607, few processed 21:49:12.042 (PTFF 6,435 ms). 17 status
    // samples, every inference_status.fps > 0. No close trace, no swap.
    assertThat(
            rows(
                "SELECT requested, playable, completed, startup_outcome, swap_count,"
                    + " startup_latency_ms, e2e_latency_ms, prompt_to_first_frame_ms,"
                    + " status_samples, fps_positive_samples, selection_count"
                    + " FROM delta.silver.sessions"
                    + SAMPLE_SESSION
                    + " AND start_date = DATE '2026-01-08'"))
        .containsExactly(
            row(
                "requested", true,
                "playable", true,
                "completed", false,
                "startup_outcome", "success",
                "swap_count", 0L,
                "startup_latency_ms", 2_655L,
                "e2e_latency_ms", 106L,
                "prompt_to_first_frame_ms", 6_435L,
                "status_samples", 17L,
                "fps_positive_samples", 17L,
                "selection_count", 1L));
  }

  @Test
  void sampleSessionIsAttributedToItsOrchestratorAndGpu() throws Exception {
    // One selection: the first event naming the orchestrator (gateway_send_first_ingest_segment,
    // 21:49:07.583, url https://rtav-orch2.xodeapp.xyz:28935). The export's only
    // network_capabilities event (e89def1c-..., 21:50:21.590) came 74,007 ms later, inside the
    // 5-minute future skew: resolved, future_skew, to its address and its only GPU.
    assertThat(
            rows(
                "SELECT selection_seq, selection_reason, attribution_status, attribution_reason,"
                    + " attributed_orch_address, attributed_orch_uri, attributed_gpu_id,"
                    + " attributed_gpu_name, snapshot_event_id,"
                    + " CAST(to_unixtime(snapshot_ts) * 1000 AS bigint)"
                    + " - CAST(to_unixtime(selection_ts) * 1000 AS bigint) AS skew_ms"
                    + " FROM delta.silver.session_selections"
                    + SAMPLE_SESSION))
        .containsExactly(
            row(
                "selection_seq", 0L,
                "selection_reason", "initial",
                "attribution_status", "resolved",
                "attribution_reason", "future_skew",
                "attributed_orch_address", "0xd00354656922168815fcd1e51cbddb9e359e3c7f",
                "attributed_orch_uri", "https://rtav-orch2.xodeapp.xyz:28935",
                "attributed_gpu_id", "GPU-a8d13655-197b-2226-d09f-b4b81e07504b",
                "attributed_gpu_name", "NVIDIA GeForce RTX 5090",
                "snapshot_event_id", "e89def1c-7a3c-40aa-a51a-ad490a305112",
                "skew_ms", 74_007L));
  }

  @Test
  void samplePaymentsAreLinkedByRequestIdOnly() throws Exception {
    // Six create_new_payment events: faceValue "2402400000000000 WEI" on two and
    // "2400000000000000 WEI" on four; requestID db936fab on exactly one, "" on the others (their
    // manifestID and sessionID must not link them).
    assertThat(
            rows(
                "SELECT face_value_wei, count(*) AS payments"
                    + SAMPLE_PAYMENTS
                    + " GROUP BY 1 ORDER BY 1"))
        .containsExactly(
            row("face_value_wei", new BigDecimal("2400000000000000"), "payments", 4L),
            row("face_value_wei", new BigDecimal("2402400000000000"), "payments", 2L));
    assertThat(
            rows(
                "SELECT link_status, link_method, linked_session_key, count(*) AS payments"
                    + SAMPLE_PAYMENTS
                    + " GROUP BY 1, 2, 3 ORDER BY 1"))
        .containsExactly(
            row(
                "link_status",
                "resolved",
                "link_method",
                "request_id",
                "linked_session_key",
                SESSION,
                "payments",
                1L),
            row(
                "link_status",
                "unresolved",
                "link_method",
                "none",
                "linked_session_key",
                null,
                "payments",
                5L));
  }

  @Test
  void realCapabilitiesListFiftyTwoOrchestrators() throws Exception {
    // 53 entries in the response's orchestrators array, one address (0x733da28b...) listed twice.
    assertThat(
            rows(
                "SELECT count(*) AS announcements, count(DISTINCT orch_address) AS addresses"
                    + " FROM delta.silver.orchestrator_snapshots"
                    + REALCAPS))
        .containsExactly(row("announcements", 53L, "addresses", 52L));
    // Nothing in the response breaks the contract (gpu_info absent on three llm entries included).
    assertThat(count("SELECT count(*) FROM delta.silver.quarantine" + REALCAPS)).isZero();
  }

  @Test
  void realCapabilitiesHardwareAndGpus() throws Exception {
    // 15 addresses send a non-empty hardware list; 12 of them list GPUs (3 only an llm entry
    // without gpu_info).
    assertThat(
            count(
                "SELECT count(DISTINCT address) FROM delta.silver.network_capabilities"
                    + REALCAPS
                    + " AND cardinality(hardware) > 0"))
        .isEqualTo(15);
    assertThat(
            count(
                "SELECT count(DISTINCT orch_address) FROM delta.silver.orchestrator_snapshots"
                    + REALCAPS
                    + " AND hardware_present"))
        .isEqualTo(12);
    // 19 distinct (orchestrator, GPU UUID) pairs, by model name as counted in the file.
    Map<String, Long> byName = new LinkedHashMap<>();
    for (Map<String, Object> r :
        rows(
            "SELECT gpu_name, count(DISTINCT orch_address || '|' || gpu_uuid) AS gpus"
                + " FROM delta.silver.gpu_hardware"
                + REALCAPS
                + " GROUP BY 1")) {
      byName.put((String) r.get("gpu_name"), (Long) r.get("gpus"));
    }
    assertThat(byName)
        .containsOnly(
            Map.entry("NVIDIA GeForce RTX 5090", 6L),
            Map.entry("NVIDIA GeForce RTX 4090", 5L),
            Map.entry("NVIDIA GeForce RTX 4070 Ti SUPER", 2L),
            Map.entry("NVIDIA GeForce RTX 3090", 2L),
            Map.entry("Tesla P4", 1L),
            Map.entry("NVIDIA RTX A4000", 1L),
            Map.entry("NVIDIA RTX 6000 Ada Generation", 1L),
            Map.entry("NVIDIA A100-SXM4-40GB", 1L));
    assertThat(byName.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(19);
  }

  @Test
  void realCapabilitiesGiveNineteenPhysicalGpus() throws Exception {
    // One snapshot: every distinct UUID of a surface is its own physical GPU, so the 19 pairs are
    // 19 physical GPUs (several orchestrators hold several identical cards). physical_gpus has no
    // event id: limited to the surfaces (address, URI) this event announced.
    assertThat(
            count(
                "SELECT count(*) FROM delta.silver.physical_gpus p WHERE EXISTS (SELECT 1 FROM"
                    + " delta.silver.orchestrator_snapshots s WHERE s.org = '"
                    + RealCapabilitiesScenario.ORG
                    + "' AND s.event_date = DATE '"
                    + RealCapabilitiesScenario.DATE
                    + "' AND s.event_id = '"
                    + RealCapabilitiesScenario.EVENT_ID
                    + "' AND s.orch_address = p.orch_address"
                    // physical_gpus writes a missing URI as ''
                    + " AND coalesce(s.orch_uri, '') = p.orch_uri)"))
        .isEqualTo(19);
  }

  @Test
  void realCapabilitiesModelsAndPrices() throws Exception {
    // 16 addresses declare PerCapability models; 16 send capabilities_prices (no price_info in
    // the response carries a pricePerUnit, so there are no global quotes).
    assertThat(
            count(
                "SELECT count(DISTINCT orch_address) FROM delta.silver.capability_offers"
                    + REALCAPS
                    + " AND contains(split(offer_source, '+'), 'per_capability')"))
        .isEqualTo(16);
    assertThat(
            count(
                "SELECT count(DISTINCT orch_address) FROM delta.silver.capability_prices"
                    + REALCAPS
                    + " AND price_source = 'capability'"))
        .isEqualTo(16);
    assertThat(
            count(
                "SELECT count(*) FROM delta.silver.capability_prices"
                    + REALCAPS
                    + " AND price_source = 'global'"))
        .isZero();
  }

  private static long count(String sql) throws Exception {
    return TrinoClient.count(sql);
  }
}
