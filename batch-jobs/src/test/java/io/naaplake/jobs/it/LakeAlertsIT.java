package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.alerts.AlertEvaluator;
import io.naaplake.alerts.AlertResult;
import io.naaplake.alerts.AlertState;
import io.naaplake.alerts.AlertsConfig;
import io.naaplake.alerts.GaugeReadings;
import io.naaplake.alerts.GaugeSample;
import io.naaplake.alerts.LakeGauges;
import io.naaplake.alerts.LakeMetric;
import io.naaplake.config.Settings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's lake gauges and alerts (issue 7) on the fixture lake, read-only through Trino as
 * the researcher, as of the fixture's last run (2026-01-09T01:00:00Z). It lives here, not in the
 * scheduler module, because this module builds the fixture lake ({@link FixtureLake}).
 *
 * <p>Within the 7 days before the as-of time the fixture holds one scenario, the real sample (org
 * cloudspe, 65 envelopes between 2026-01-08T21:49:05Z and 21:51:55Z, samples/README.md); every
 * other scenario is dated November or December 2025. Expected values are computed from that file
 * and from the two build passes (at 00:00 and 01:00, both successful); each test also reads the
 * underlying rows through Trino only to check those hand figures still describe the lake.
 */
class LakeAlertsIT {
  private static final Instant AS_OF = FixtureLake.LATE_RUN_TIME;
  private static final double AS_OF_SECONDS = AS_OF.getEpochSecond();

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  private static AlertsConfig config(String window) {
    return AlertsConfig.from(
        Settings.of(
            Map.of(ItEnvironment.TRINO, ItEnvironment.trinoUrl(), "naap.alerts.window", window)));
  }

  private static Map<String, Double> series(GaugeReadings readings, LakeMetric metric) {
    Map<String, Double> values = new TreeMap<>();
    for (GaugeSample sample : readings.series(metric.metricName())) {
      values.put(String.join("/", sample.labels().values()), sample.value());
    }
    return values;
  }

  /** The gauge has one series, org cloudspe's, with this value. */
  private static void assertCloudspe(GaugeReadings readings, LakeMetric metric, double value) {
    assertThat(series(readings, metric))
        .as(metric.metricName())
        .containsExactly(Map.entry("cloudspe", value));
  }

  private static Map<String, AlertState> states(AlertsConfig config, GaugeReadings readings) {
    Map<String, AlertState> states = new LinkedHashMap<>();
    for (AlertResult result : AlertEvaluator.evaluate(config.rules(), readings)) {
      states.put(result.rule().name(), result.state());
    }
    return states;
  }

  @Test
  void freshnessRunsAndGoldAgeAsOfTheLastRun() throws Exception {
    GaugeReadings readings = new LakeGauges(config("1h")).read(AS_OF);
    assertThat(series(readings, LakeMetric.UP)).containsEntry("", 1.0);

    // Newest envelope timestamp per family in the real sample (max of "timestamp" by type), as
    // seconds before 2026-01-09T01:00:00Z (epoch 1767920400): e.g. the last ai_stream_status is
    // 1767909115610 ms, so 1767920400 - 1767909115.610 = 11284.390 s.
    Map<String, Double> freshness = series(readings, LakeMetric.EVENT_FRESHNESS);
    assertThat(freshness.keySet())
        .containsExactly(
            "cloudspe/ai_stream_status",
            "cloudspe/create_new_payment",
            "cloudspe/discovery_results",
            "cloudspe/network_capabilities",
            "cloudspe/stream_ingest_metrics",
            "cloudspe/stream_trace");
    assertThat(freshness.get("cloudspe/ai_stream_status")).isCloseTo(11284.390, within(1e-3));
    assertThat(freshness.get("cloudspe/create_new_payment")).isCloseTo(11286.393, within(1e-3));
    assertThat(freshness.get("cloudspe/discovery_results")).isCloseTo(11454.441, within(1e-3));
    assertThat(freshness.get("cloudspe/network_capabilities")).isCloseTo(11378.410, within(1e-3));
    assertThat(freshness.get("cloudspe/stream_ingest_metrics")).isCloseTo(11284.392, within(1e-3));
    assertThat(freshness.get("cloudspe/stream_trace")).isCloseTo(11447.958, within(1e-3));
    // Cross-check: the newest event of the sample as gold stores it.
    assertThat(
            TrinoClient.query(
                    TrinoClient.READER_USER,
                    "SELECT to_unixtime(max(latest_event_ts)) FROM delta.gold.data_quality_hourly"
                        + " WHERE org = 'cloudspe' AND window_date = DATE '2026-01-08'")
                .get(0)
                .get(0))
        .isEqualTo(1767909115.610);

    // Both build passes succeeded, the second at 01:00: every job last ran at the as-of time,
    // nothing failed, and gold is exactly as old as the as-of time (0 s).
    List<String> jobs =
        TrinoClient.query(
                TrinoClient.READER_USER,
                "SELECT DISTINCT job FROM delta.ops.job_runs WHERE run_time <= TIMESTAMP"
                    + " '2026-01-09 01:00:00 UTC' ORDER BY job")
            .stream()
            .map(row -> (String) row.get(0))
            .toList();
    assertThat(jobs).contains("bronze_ingest", "gold");
    Map<String, Double> expectedLastRun =
        jobs.stream()
            .collect(Collectors.toMap(j -> j, j -> AS_OF_SECONDS, (a, b) -> a, TreeMap::new));
    Map<String, Double> zero =
        jobs.stream().collect(Collectors.toMap(j -> j, j -> 0.0, (a, b) -> a, TreeMap::new));
    assertThat(series(readings, LakeMetric.JOB_LAST_RUN)).isEqualTo(expectedLastRun);
    assertThat(series(readings, LakeMetric.JOB_LAST_RUN_FAILED)).isEqualTo(zero);
    assertThat(series(readings, LakeMetric.JOB_UNSUCCESSFUL)).isEqualTo(zero);
    assertThat(series(readings, LakeMetric.JOB_FAILED_RUNS_LAST_HOUR)).isEqualTo(zero);
    assertThat(series(readings, LakeMetric.GOLD_AGE)).containsExactly(Map.entry("", 0.0));

    // The default window is the hour before 01:00, which holds no events: no ratio has evidence.
    assertThat(series(readings, LakeMetric.ATTRIBUTION_RATIO)).isEmpty();
    assertThat(series(readings, LakeMetric.BRONZE_ROWS)).isEmpty();

    Map<String, AlertState> states = states(config("1h"), readings);
    assertThat(states)
        .containsExactly(
            Map.entry("NaapLakeUnreachable", AlertState.OK),
            // The sample's freshest family is 11284 s old, above 300 s.
            Map.entry("NaapEventsStale", AlertState.FIRING),
            Map.entry("NaapGoldStale", AlertState.OK),
            Map.entry("NaapJobFailing", AlertState.OK),
            Map.entry("NaapJobRunsFailed", AlertState.OK),
            Map.entry("NaapAttributionLow", AlertState.UNKNOWN),
            Map.entry("NaapDuplicateJobRows", AlertState.UNKNOWN),
            Map.entry("NaapQuarantineSpike", AlertState.UNKNOWN),
            Map.entry("NaapUnservedDemandHigh", AlertState.UNKNOWN),
            Map.entry("NaapSlaCoverageLow", AlertState.UNKNOWN));
  }

  @Test
  void ratiosOverTheDayBeforeTheLastRun() throws Exception {
    // A 24 h window (2026-01-08T01:00Z to 2026-01-09T00:00Z) holds the real sample's hour.
    AlertsConfig config = config("24h");
    GaugeReadings readings = new LakeGauges(config).read(AS_OF);
    // Deliveries per family: the sample's counts by type (samples/README.md), no duplicates.
    assertThat(series(readings, LakeMetric.BRONZE_ROWS))
        .containsExactly(
            Map.entry("cloudspe/ai_stream_status", 17.0),
            Map.entry("cloudspe/create_new_payment", 6.0),
            Map.entry("cloudspe/discovery_results", 1.0),
            Map.entry("cloudspe/network_capabilities", 1.0),
            Map.entry("cloudspe/stream_ingest_metrics", 34.0),
            Map.entry("cloudspe/stream_trace", 6.0));
    assertCloudspe(readings, LakeMetric.DUPLICATE_DELIVERY_RATIO, 0.0);
    // Every one of the 65 envelopes is of a known family and stored typed: 65 contract-checked
    // events, none quarantined, none late.
    assertCloudspe(readings, LakeMetric.CONTRACT_EVENTS, 65.0);
    assertCloudspe(readings, LakeMetric.QUARANTINE_RATIO, 0.0);
    // One live session (stream-o5s73x-mk5zc8fy), requested, started and attributed to one
    // orchestrator and GPU: 1 of 1 selections attributed, 17 status samples, 1 requested
    // session-hour with all 3 health signals observed, no effective failure.
    assertCloudspe(readings, LakeMetric.ATTRIBUTION_RATIO, 1.0);
    assertCloudspe(readings, LakeMetric.STATUS_SAMPLES, 17.0);
    // Cross-check in silver: the day's selections (all attributed) and status events.
    String day =
        " WHERE org = 'cloudspe' AND %s >= TIMESTAMP '2026-01-08 01:00:00 UTC'"
            + " AND %s < TIMESTAMP '2026-01-09 00:00:00 UTC'";
    assertThat(
            TrinoClient.query(
                    TrinoClient.READER_USER,
                    "SELECT count(*), count_if(attribution_status IN ('resolved', 'hardware_less'))"
                        + " FROM delta.silver.session_selections"
                        + day.formatted("selection_ts", "selection_ts"))
                .get(0))
        .containsExactly(1L, 1L);
    assertThat(
            TrinoClient.count(
                "SELECT count(*) FROM delta.silver.ai_stream_status"
                    + day.formatted("event_ts", "event_ts")))
        .isEqualTo(17L);
    assertCloudspe(readings, LakeMetric.REQUESTED_SESSION_HOURS, 1.0);
    assertCloudspe(readings, LakeMetric.SLA_COVERAGE_RATIO, 1.0);
    assertCloudspe(readings, LakeMetric.REQUESTED_SESSIONS, 1.0);
    assertCloudspe(readings, LakeMetric.UNSERVED_DEMAND_RATIO, 0.0);
    assertCloudspe(readings, LakeMetric.LATE_RATIO, 0.0);
    // No request/response jobs on that day.
    assertThat(series(readings, LakeMetric.DUPLICATE_JOB_ROWS)).isEmpty();

    Map<String, AlertState> states = states(config, readings);
    assertThat(states)
        .containsEntry("NaapEventsStale", AlertState.FIRING)
        // 100 % attributed, and 17 samples are below the 500 the reference requires anyway.
        .containsEntry("NaapAttributionLow", AlertState.OK)
        .containsEntry("NaapQuarantineSpike", AlertState.OK)
        // 1 requested session: below the 50 the reference requires before judging the rate.
        .containsEntry("NaapUnservedDemandHigh", AlertState.OK)
        .containsEntry("NaapSlaCoverageLow", AlertState.OK)
        .containsEntry("NaapDuplicateJobRows", AlertState.UNKNOWN);
    // Lowering the attribution threshold above the lake's 100 % still cannot fire it: the
    // reference's volume guard (≥ 500 samples) holds it back.
    AlertsConfig stricter =
        AlertsConfig.from(
            Settings.of(
                Map.of(
                    ItEnvironment.TRINO,
                    ItEnvironment.trinoUrl(),
                    "naap.alerts.window",
                    "24h",
                    "naap.alerts.thresholds",
                    "NaapAttributionLow:1.5")));
    assertThat(states(stricter, readings)).containsEntry("NaapAttributionLow", AlertState.OK);
  }
}
