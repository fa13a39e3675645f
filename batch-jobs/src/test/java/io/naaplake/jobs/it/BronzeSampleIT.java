package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real sample, replayed to the real broker and ingested, read back through Trino. */
class BronzeSampleIT {
  private static final String SAMPLE_ROWS =
      "FROM delta.bronze.raw_events WHERE org = 'cloudspe' AND event_date = DATE '2026-01-08'";

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  @Test
  void everySampleEventLandsOnceInBronze() throws Exception {
    List<Object> counts =
        TrinoClient.query(
                TrinoClient.READER_USER, "SELECT count(*), count(DISTINCT event_id) " + SAMPLE_ROWS)
            .get(0);
    // 65 envelopes in the export (samples/README.md), each with its own id.
    assertThat(counts).containsExactly(65L, 65L);
  }

  @Test
  void perTypeCountsMatchTheExport() throws Exception {
    Map<String, Long> byType = new LinkedHashMap<>();
    for (List<Object> row :
        TrinoClient.query(
            TrinoClient.READER_USER,
            "SELECT event_type, count(*) " + SAMPLE_ROWS + " GROUP BY 1 ORDER BY 2 DESC, 1")) {
      byType.put((String) row.get(0), (Long) row.get(1));
    }
    // Counted in the export by envelope type (samples/README.md).
    assertThat(byType)
        .containsExactly(
            Map.entry("stream_ingest_metrics", 34L),
            Map.entry("ai_stream_status", 17L),
            Map.entry("create_new_payment", 6L),
            Map.entry("stream_trace", 6L),
            Map.entry("discovery_results", 1L),
            Map.entry("network_capabilities", 1L));
  }

  @Test
  void envelopeFieldsAreParsed() throws Exception {
    List<Object> row =
        TrinoClient.query(
                TrinoClient.READER_USER,
                "SELECT event_subtype, CAST(event_ts AS varchar), gateway, value_bytes > 0,"
                    + " length(payload_hash) "
                    + SAMPLE_ROWS
                    + " AND event_id = '59485235-8460-472f-a894-3b84f37ee9bb'")
            .get(0);
    // The export's first event: stream_trace gateway_receive_stream_request at "1767908945298"
    // (2026-01-08 21:49:05.298 UTC), gateway "" in the cloudspe sample.
    assertThat(row.get(0)).isEqualTo("gateway_receive_stream_request");
    assertThat((String) row.get(1)).startsWith("2026-01-08 21:49:05.298");
    assertThat(row.get(2)).isEqualTo("");
    assertThat(row.get(3)).isEqualTo(true);
    assertThat(row.get(4)).isEqualTo(64L);
  }
}
