package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed silver events of the fixture lake, read through Trino. */
class SilverEventsIT {
  private static final String SAMPLE = "org = 'cloudspe' AND event_date = DATE '2026-01-08'";

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  private static List<List<Object>> query(String sql) throws Exception {
    return TrinoClient.query(TrinoClient.READER_USER, sql);
  }

  @Test
  void samplePaymentsAreExactWei() throws Exception {
    // The sample's six create_new_payment events: faceValue "2402400000000000 WEI" twice and
    // "2400000000000000 WEI" four times; requestID set (db936fab) on exactly one.
    assertThat(
            query(
                "SELECT face_value, count(*) FROM delta.silver.create_new_payment WHERE "
                    + SAMPLE
                    + " GROUP BY 1 ORDER BY 1"))
        .containsExactly(
            List.of(new BigDecimal("2400000000000000"), 4L),
            List.of(new BigDecimal("2402400000000000"), 2L));
    assertThat(
            query(
                "SELECT count(*) FROM delta.silver.create_new_payment WHERE "
                    + SAMPLE
                    + " AND request_id = 'db936fab'"))
        .containsExactly(List.of(1L));
    assertThat(
            query("SELECT DISTINCT recipient FROM delta.silver.create_new_payment WHERE " + SAMPLE))
        .containsExactly(List.of("0xd00354656922168815fcd1e51cbddb9e359e3c7f"));
  }

  @Test
  void sampleStatusSamplesAllHaveOutputFps() throws Exception {
    // 17 ai_stream_status events in the export, every one with inference_status.fps > 0.
    assertThat(
            query(
                "SELECT count(*), count_if(inference_status_fps > 0), min(start_time) = max(start_time)"
                    + " FROM delta.silver.ai_stream_status WHERE "
                    + SAMPLE
                    + " AND stream_id = 'stream-o5s73x-mk5zc8fy'"))
        .containsExactly(List.of(17L, 17L, true));
  }

  @Test
  void sampleCapabilitiesCarryTheRtx5090() throws Exception {
    assertThat(
            query(
                "SELECT address, orch_uri, hardware[1].gpu_info[1].id, hardware[1].gpu_info[1].name"
                    + " FROM delta.silver.network_capabilities WHERE "
                    + SAMPLE))
        .containsExactly(
            List.of(
                "0xd00354656922168815fcd1e51cbddb9e359e3c7f",
                "https://rtav-orch2.xodeapp.xyz:28935",
                "GPU-a8d13655-197b-2226-d09f-b4b81e07504b",
                "NVIDIA GeForce RTX 5090"));
  }

  @Test
  void duplicateDeliveryIsStoredOnce() throws Exception {
    assertThat(
            query(
                "SELECT count(*) FROM delta.silver.stream_trace WHERE event_id = '"
                    + SilverQuirksScenario.DUPLICATED_ID
                    + "'"))
        .containsExactly(List.of(1L));
    assertThat(
            query(
                "SELECT count(*) FROM delta.bronze.raw_events WHERE event_id = '"
                    + SilverQuirksScenario.DUPLICATED_ID
                    + "'"))
        .containsExactly(List.of(2L));
  }

  @Test
  void ignoredEventsCarryTheRuleThatMatched() throws Exception {
    assertThat(
            query(
                "SELECT event_id, ignore_reason FROM delta.silver.ignored_events"
                    + " WHERE event_id LIKE 'quirk-%' ORDER BY event_id"))
        .containsExactly(
            List.of("quirk-app-trace", "ignored_stream_trace_non_core_app"),
            List.of("quirk-other-trace", "unsupported_stream_trace_type"),
            List.of("quirk-scope-trace", "ignored_stream_trace_scope_client_noise"),
            List.of("quirk-unknown-family", "unsupported_event_family"));
  }

  @Test
  void brokenElementIsQuarantinedAndItsSiblingsKept() throws Exception {
    assertThat(
            query(
                "SELECT event_id, element_index, field, reason FROM delta.silver.quarantine"
                    + " WHERE event_id LIKE 'quirk-%' ORDER BY event_id"))
        .containsExactly(
            List.of(SilverQuirksScenario.BAD_PAYMENT_ID, -1, "data.faceValue", "unparseable_value"),
            List.of(
                SilverQuirksScenario.PARTIAL_CAPABILITIES_ID,
                1,
                "data[1].address",
                "missing_required_field"));
    assertThat(
            query(
                "SELECT element_index, address FROM delta.silver.network_capabilities WHERE"
                    + " event_id = '"
                    + SilverQuirksScenario.PARTIAL_CAPABILITIES_ID
                    + "' ORDER BY 1"))
        .containsExactly(List.of(0, "0xquirk1"), List.of(2, "0xquirk3"));
  }

  @Test
  void everyBronzeEventIsAccountedForPerType() throws Exception {
    // bronze = typed + duplicates + ignored + quarantined, per event type, over all runs.
    assertThat(
            query(
                "SELECT event_type FROM delta.ops.silver_reconciliation GROUP BY event_type"
                    + " HAVING sum(bronze_rows) <> sum(typed_events + duplicates + ignored +"
                    + " quarantined)"))
        .isEmpty();
    assertThat(
            query(
                "SELECT (SELECT count(*) FROM delta.bronze.raw_events),"
                    + " (SELECT sum(bronze_rows) FROM delta.ops.silver_reconciliation)"))
        .allSatisfy(row -> assertThat(row.get(0)).isEqualTo(row.get(1)));
  }
}
