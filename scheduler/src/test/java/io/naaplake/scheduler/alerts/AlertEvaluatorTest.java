package io.naaplake.scheduler.alerts;

import static io.naaplake.scheduler.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's alerts judged on explicit gauge values, at and around each threshold. */
class AlertEvaluatorTest {
  private static final Instant AS_OF = Instant.parse("2026-01-09T01:00:00Z");

  private static AlertState state(String alert, GaugeSample... samples) {
    AlertRule rule =
        AlertCatalog.DEFAULTS.stream().filter(r -> r.name().equals(alert)).findFirst().get();
    return AlertEvaluator.evaluate(rule, new GaugeReadings(AS_OF, List.of(samples))).state();
  }

  @Test
  void freshnessFiresAboveThreeHundredSecondsForTheFreshestFamilyOfAnOrg() {
    // Reference: raw freshness > 300 s. Strictly above: exactly 300 s is still fresh.
    assertThat(state("NaapEventsStale", of(LakeMetric.EVENT_FRESHNESS, 300, "a", "x")))
        .isEqualTo(AlertState.OK);
    assertThat(state("NaapEventsStale", of(LakeMetric.EVENT_FRESHNESS, 300.001, "a", "x")))
        .isEqualTo(AlertState.FIRING);
    // A rare family lagging does not make the org stale while another family is fresh...
    assertThat(
            state(
                "NaapEventsStale",
                of(LakeMetric.EVENT_FRESHNESS, 86_400, "a", "job_auth"),
                of(LakeMetric.EVENT_FRESHNESS, 12, "a", "ai_stream_status")))
        .isEqualTo(AlertState.OK);
    // ...but each org is judged on its own.
    assertThat(
            state(
                "NaapEventsStale",
                of(LakeMetric.EVENT_FRESHNESS, 12, "a", "ai_stream_status"),
                of(LakeMetric.EVENT_FRESHNESS, 301, "b", "ai_stream_status")))
        .isEqualTo(AlertState.FIRING);
  }

  @Test
  void attributionFiresBelowSeventyFivePercentWithAtLeastFiveHundredSamples() {
    assertThat(
            state(
                "NaapAttributionLow",
                of(LakeMetric.ATTRIBUTION_RATIO, 0.75, "a"),
                of(LakeMetric.STATUS_SAMPLES, 500, "a")))
        .isEqualTo(AlertState.OK);
    assertThat(
            state(
                "NaapAttributionLow",
                of(LakeMetric.ATTRIBUTION_RATIO, 0.7499, "a"),
                of(LakeMetric.STATUS_SAMPLES, 500, "a")))
        .isEqualTo(AlertState.FIRING);
    assertThat(
            state(
                "NaapAttributionLow",
                of(LakeMetric.ATTRIBUTION_RATIO, 0.1, "a"),
                of(LakeMetric.STATUS_SAMPLES, 499, "a")))
        .isEqualTo(AlertState.OK);
    // The guard is matched on the same org: another org's volume does not count.
    assertThat(
            state(
                "NaapAttributionLow",
                of(LakeMetric.ATTRIBUTION_RATIO, 0.1, "a"),
                of(LakeMetric.STATUS_SAMPLES, 5000, "b")))
        .isEqualTo(AlertState.OK);
  }

  @Test
  void unservedDemandFiresAboveFortyPercentWithAtLeastFiftySessions() {
    assertThat(
            state(
                "NaapUnservedDemandHigh",
                of(LakeMetric.UNSERVED_DEMAND_RATIO, 0.4, "a"),
                of(LakeMetric.REQUESTED_SESSIONS, 50, "a")))
        .isEqualTo(AlertState.OK);
    assertThat(
            state(
                "NaapUnservedDemandHigh",
                of(LakeMetric.UNSERVED_DEMAND_RATIO, 21.0 / 50, "a"),
                of(LakeMetric.REQUESTED_SESSIONS, 50, "a")))
        .isEqualTo(AlertState.FIRING);
    assertThat(
            state(
                "NaapUnservedDemandHigh",
                of(LakeMetric.UNSERVED_DEMAND_RATIO, 1, "a"),
                of(LakeMetric.REQUESTED_SESSIONS, 49, "a")))
        .isEqualTo(AlertState.OK);
  }

  @Test
  void slaCoverageFiresBelowSixtyPercentWithAtLeastFiftySessions() {
    assertThat(
            state(
                "NaapSlaCoverageLow",
                of(LakeMetric.SLA_COVERAGE_RATIO, 0.6, "a"),
                of(LakeMetric.REQUESTED_SESSION_HOURS, 50, "a")))
        .isEqualTo(AlertState.OK);
    assertThat(
            state(
                "NaapSlaCoverageLow",
                of(LakeMetric.SLA_COVERAGE_RATIO, 0.59, "a"),
                of(LakeMetric.REQUESTED_SESSION_HOURS, 50, "a")))
        .isEqualTo(AlertState.FIRING);
  }

  @Test
  void quarantineFiresWhenCoverageDropsBelowNinetyEightPercentOfTwentyEvents() {
    // 1 of 50 quarantined: coverage 98 %, not below it.
    assertThat(
            state(
                "NaapQuarantineSpike",
                of(LakeMetric.QUARANTINE_RATIO, 1.0 / 50, "a"),
                of(LakeMetric.CONTRACT_EVENTS, 50, "a")))
        .isEqualTo(AlertState.OK);
    assertThat(
            state(
                "NaapQuarantineSpike",
                of(LakeMetric.QUARANTINE_RATIO, 1.0 / 20, "a"),
                of(LakeMetric.CONTRACT_EVENTS, 20, "a")))
        .isEqualTo(AlertState.FIRING);
    assertThat(
            state(
                "NaapQuarantineSpike",
                of(LakeMetric.QUARANTINE_RATIO, 1, "a"),
                of(LakeMetric.CONTRACT_EVENTS, 19, "a")))
        .isEqualTo(AlertState.OK);
  }

  @Test
  void duplicatesAndFailuresFireOnAnyAndJobsAfterFifteenMinutes() {
    assertThat(state("NaapDuplicateJobRows", of(LakeMetric.DUPLICATE_JOB_ROWS, 0, "a")))
        .isEqualTo(AlertState.OK);
    assertThat(state("NaapDuplicateJobRows", of(LakeMetric.DUPLICATE_JOB_ROWS, 1, "a")))
        .isEqualTo(AlertState.FIRING);
    assertThat(state("NaapJobRunsFailed", of(LakeMetric.JOB_FAILED_RUNS_LAST_HOUR, 1, "gold")))
        .isEqualTo(AlertState.FIRING);
    assertThat(state("NaapJobFailing", of(LakeMetric.JOB_UNSUCCESSFUL, 900, "gold")))
        .isEqualTo(AlertState.OK);
    assertThat(state("NaapJobFailing", of(LakeMetric.JOB_UNSUCCESSFUL, 901, "gold")))
        .isEqualTo(AlertState.FIRING);
    assertThat(state("NaapGoldStale", of(LakeMetric.GOLD_AGE, 10_801)))
        .isEqualTo(AlertState.FIRING);
  }

  @Test
  void noSeriesIsUnknownAndAnUnreachableLakeFiresOnlyItsOwnAlert() {
    List<AlertResult> results =
        AlertEvaluator.evaluate(AlertCatalog.DEFAULTS, GaugeReadings.unreachable(AS_OF));
    assertThat(results)
        .allSatisfy(
            r ->
                assertThat(r.state())
                    .isEqualTo(
                        r.rule().name().equals("NaapLakeUnreachable")
                            ? AlertState.FIRING
                            : AlertState.UNKNOWN));
    assertThat(results.get(1).reason())
        .isEqualTo("no naap_lake_event_freshness_seconds series (no data)");
  }

  @Test
  void verdictsSayWhy() {
    AlertRule rule =
        AlertCatalog.DEFAULTS.stream()
            .filter(r -> r.name().equals("NaapAttributionLow"))
            .findFirst()
            .get();
    AlertResult result =
        AlertEvaluator.evaluate(
            rule,
            new GaugeReadings(
                AS_OF,
                List.of(
                    of(LakeMetric.ATTRIBUTION_RATIO, 0.5, "a"),
                    of(LakeMetric.STATUS_SAMPLES, 20, "a"))));
    assertThat(result.series().get(0).why())
        .isEqualTo("0.5 < 0.75, but too little volume: naap_lake_status_samples 20 not >= 500");
  }
}
