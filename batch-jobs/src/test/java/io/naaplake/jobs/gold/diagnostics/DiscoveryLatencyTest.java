package io.naaplake.jobs.gold.diagnostics;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact percentiles, linear between closest ranks: with n sorted samples x0..x(n-1), the p-th
 * percentile is at rank r = p × (n - 1): x(floor r) + (r - floor r) × (x(floor r + 1) - x(floor
 * r)).
 */
class DiscoveryLatencyTest {
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");
  private static final String X = "0xabc0000000000000000000000000000000000001";
  private static final String X_URL = "https://orch-x.example:8935";
  private static final double EXACT = 1e-9;

  private static Dataset<Row> discovery;
  private static Map<String, Row> rows;

  @BeforeAll
  static void derive() {
    List<Map<String, Object>> elements = new ArrayList<>();
    // Hour 10, orchestrator X (checksum case and a trailing slash as sent): 10, 20, 30, 40, 100 ms,
    // plus a 0 and a missing latency (candidates without a measurement).
    Long[] hour10 = {40L, 10L, 100L, 30L, 20L, 0L, null};
    for (int i = 0; i < hour10.length; i++) {
      elements.add(candidate("d10-" + i, "2026-01-08T10:0" + i + ":00Z", hour10[i]));
    }
    // Hour 11: 50 and 200 ms.
    elements.add(candidate("d11-0", "2026-01-08T11:10:00Z", 50L));
    elements.add(candidate("d11-1", "2026-01-08T11:20:00Z", 200L));
    // Another orchestrator, no URL.
    elements.add(
        row(
            "org",
            "acme",
            "event_id",
            "d10-y",
            "element_index",
            1,
            "event_ts",
            at("2026-01-08T10:30:00Z"),
            "address",
            "0xDEF0000000000000000000000000000000000002",
            "latency_ms",
            77L));
    discovery = SilverRows.of(SilverTables.of(EventFamily.DISCOVERY_RESULTS), elements).cache();
    rows =
        SilverRows.byKey(
            DiscoveryLatency.hourly(discovery, H12), "window_start", "orchestrator_address");
  }

  private static Map<String, Object> candidate(String event, String time, Long latency) {
    return row(
        "org",
        "acme",
        "event_id",
        event,
        "element_index",
        0,
        "event_ts",
        at(time),
        "address",
        "0xABC0000000000000000000000000000000000001",
        "url",
        "https://Orch-X.example:8935/",
        "latency_ms",
        latency);
  }

  @Test
  void hourTenByHand() {
    Row x = rows.get(Timestamp.from(H10) + "|" + X);
    assertThat(x.<String>getAs("orchestrator_url")).isEqualTo(X_URL);
    // 7 candidates, 5 samples (> 0): 10 + 20 + 30 + 40 + 100 = 200, mean 40.
    assertThat(x.<Long>getAs("candidates")).isEqualTo(7L);
    assertThat(x.<Long>getAs("latency_samples")).isEqualTo(5L);
    assertThat(x.<Long>getAs("latency_ms_sum")).isEqualTo(200L);
    assertThat(x.<Double>getAs("avg_latency_ms")).isEqualTo(40.0);
    // n = 5: p50 at rank 2 = 30; p95 at rank 3.8 = 40 + 0.8 × (100 - 40) = 88;
    // p99 at rank 3.96 = 40 + 0.96 × 60 = 97.6.
    assertThat(x.<Double>getAs("p50_latency_ms")).isCloseTo(30.0, within(EXACT));
    assertThat(x.<Double>getAs("p95_latency_ms")).isCloseTo(88.0, within(EXACT));
    assertThat(x.<Double>getAs("p99_latency_ms")).isCloseTo(97.6, within(EXACT));
    assertThat(x.<Long>getAs("min_latency_ms")).isEqualTo(10L);
    assertThat(x.<Long>getAs("max_latency_ms")).isEqualTo(100L);
    assertThat(x.<Boolean>getAs("is_settled")).isTrue();

    Row y = rows.get(Timestamp.from(H10) + "|0xdef0000000000000000000000000000000000002");
    assertThat(y.<String>getAs("orchestrator_url")).as("unknown, in a key column too").isNull();
    assertThat(y.<Double>getAs("p99_latency_ms")).isCloseTo(77.0, within(EXACT));
  }

  @Test
  void hourElevenByHand() {
    Row x = rows.get(Timestamp.from(H11) + "|" + X);
    // n = 2 (50, 200): p50 at rank 0.5 = 125; p95 at 0.95 = 50 + 0.95 × 150 = 192.5;
    // p99 = 50 + 0.99 × 150 = 198.5.
    assertThat(x.<Double>getAs("p50_latency_ms")).isCloseTo(125.0, within(EXACT));
    assertThat(x.<Double>getAs("p95_latency_ms")).isCloseTo(192.5, within(EXACT));
    assertThat(x.<Double>getAs("p99_latency_ms")).isCloseTo(198.5, within(EXACT));
    // The hour ends at 12:00, settled before 12:00: settled.
    assertThat(x.<Boolean>getAs("is_settled")).isTrue();
  }

  @Test
  void aTwoHourWindowRecomputesPercentilesFromTheSamplesAndAddsTheCounts() {
    Dataset<Row> windowRows = DiscoveryLatency.overWindow(discovery, H10, H12);
    SilverRows.assertAdditive(
        GoldDiagnosticsTables.DISCOVERY_LATENCY_HOURLY,
        DiscoveryLatency.hourly(discovery, H12),
        windowRows,
        H10,
        H12);
    Map<String, Row> window = SilverRows.byKey(windowRows, "orchestrator_address");
    Row x = window.get(X);
    // Counts add: 7 + 2 candidates, 5 + 2 samples, 200 + 250 = 450 ms; mean 450 / 7.
    assertThat(x.<Long>getAs("candidates")).isEqualTo(9L);
    assertThat(x.<Long>getAs("latency_samples")).isEqualTo(7L);
    assertThat(x.<Long>getAs("latency_ms_sum")).isEqualTo(450L);
    assertThat(x.<Double>getAs("avg_latency_ms")).isEqualTo(450.0 / 7.0);
    // Sorted 10, 20, 30, 40, 50, 100, 200 (n = 7): p50 at rank 3 = 40; p95 at 5.7 = 100 + 0.7 ×
    // 100 = 170; p99 at 5.94 = 194. Neither hour's percentiles (30 / 88 and 125 / 192.5) give
    // these.
    assertThat(x.<Double>getAs("p50_latency_ms")).isCloseTo(40.0, within(EXACT));
    assertThat(x.<Double>getAs("p95_latency_ms")).isCloseTo(170.0, within(EXACT));
    assertThat(x.<Double>getAs("p99_latency_ms")).isCloseTo(194.0, within(EXACT));
    assertThat(x.<Timestamp>getAs("window_end").toInstant()).isEqualTo(H12);
  }

  @Test
  void outputIsTheDeclaredTable() {
    SilverRows.assertDeclared(
        DiscoveryLatency.hourly(discovery, H10), GoldDiagnosticsTables.DISCOVERY_LATENCY_HOURLY);
  }
}
