package io.naaplake.alerts;

import static io.naaplake.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's alerts judged on explicit gauge values, at and around each threshold. */
class AlertEvaluatorTest {
  private static final Instant AS_OF = Instant.parse("2026-01-09T01:00:00Z");

  private static AlertRule rule(String alert) {
    return AlertCatalog.DEFAULTS.stream().filter(r -> r.name().equals(alert)).findFirst().get();
  }

  private static AlertState state(String alert, GaugeSample... samples) {
    return AlertEvaluator.evaluate(rule(alert), new GaugeReadings(AS_OF, List.of(samples))).state();
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

  /** The state of a guarded alert with one org's ratio and volume. */
  private static AlertState guarded(
      String alert, LakeMetric ratio, double value, LakeMetric volume, double volumeValue) {
    return state(alert, of(ratio, value, "a"), of(volume, volumeValue, "a"));
  }

  @Test
  void attributionFiresBelowSeventyFivePercentWithAtLeastFiveHundredSamples() {
    String alert = "NaapAttributionLow";
    LakeMetric ratio = LakeMetric.ATTRIBUTION_RATIO;
    LakeMetric samples = LakeMetric.STATUS_SAMPLES;
    assertThat(guarded(alert, ratio, 0.75, samples, 500)).isEqualTo(AlertState.OK);
    assertThat(guarded(alert, ratio, 0.7499, samples, 500)).isEqualTo(AlertState.FIRING);
    assertThat(guarded(alert, ratio, 0.1, samples, 499)).isEqualTo(AlertState.OK);
    // The guard is matched on the same org: another org's volume does not count.
    assertThat(state(alert, of(ratio, 0.1, "a"), of(samples, 5000, "b"))).isEqualTo(AlertState.OK);
  }

  @Test
  void unservedDemandFiresAboveFortyPercentWithAtLeastFiftySessions() {
    String alert = "NaapUnservedDemandHigh";
    LakeMetric ratio = LakeMetric.UNSERVED_DEMAND_RATIO;
    LakeMetric sessions = LakeMetric.REQUESTED_SESSIONS;
    assertThat(guarded(alert, ratio, 0.4, sessions, 50)).isEqualTo(AlertState.OK);
    assertThat(guarded(alert, ratio, 21.0 / 50, sessions, 50)).isEqualTo(AlertState.FIRING);
    assertThat(guarded(alert, ratio, 1, sessions, 49)).isEqualTo(AlertState.OK);
  }

  @Test
  void slaCoverageFiresBelowSixtyPercentWithAtLeastFiftySessions() {
    String alert = "NaapSlaCoverageLow";
    LakeMetric ratio = LakeMetric.SLA_COVERAGE_RATIO;
    LakeMetric hours = LakeMetric.REQUESTED_SESSION_HOURS;
    assertThat(guarded(alert, ratio, 0.6, hours, 50)).isEqualTo(AlertState.OK);
    assertThat(guarded(alert, ratio, 0.59, hours, 50)).isEqualTo(AlertState.FIRING);
  }

  @Test
  void quarantineFiresWhenCoverageDropsBelowNinetyEightPercentOfTwentyEvents() {
    String alert = "NaapQuarantineSpike";
    LakeMetric ratio = LakeMetric.QUARANTINE_RATIO;
    LakeMetric events = LakeMetric.CONTRACT_EVENTS;
    // 1 of 50 quarantined: coverage 98 %, not below it.
    assertThat(guarded(alert, ratio, 1.0 / 50, events, 50)).isEqualTo(AlertState.OK);
    assertThat(guarded(alert, ratio, 1.0 / 20, events, 20)).isEqualTo(AlertState.FIRING);
    assertThat(guarded(alert, ratio, 1, events, 19)).isEqualTo(AlertState.OK);
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
    AlertRule rule = rule("NaapAttributionLow");
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

  @Test
  void verdictsSayWhyWithNumbersRoundedForPeopleButValuesKeptExact() {
    AlertRule rule = rule("NaapEventsStale").withThreshold(299.99999);
    AlertResult result =
        AlertEvaluator.evaluate(
            rule,
            new GaugeReadings(
                AS_OF,
                List.of(
                    of(LakeMetric.EVENT_FRESHNESS, 399.4449999, "a", "x"),
                    of(LakeMetric.EVENT_FRESHNESS, 12, "b", "x"))));
    assertThat(result.series())
        .extracting(SeriesVerdict::why)
        .containsExactly("399.445 > 300", "12 not > 300");
    // Only the text is rounded: the value and the PromQL threshold are not.
    assertThat(result.series().get(0).value()).isEqualTo(399.4449999);
    assertThat(rule.expression())
        .isEqualTo("min by (org) (naap_lake_event_freshness_seconds) > 299.99999");
  }

  @Test
  void theGuardsVolumeAndThresholdAreRoundedTheSameWay() {
    AlertRule rule = rule("NaapAttributionLow");
    AlertResult result =
        AlertEvaluator.evaluate(
            rule,
            new GaugeReadings(
                AS_OF,
                List.of(
                    of(LakeMetric.ATTRIBUTION_RATIO, 0.6666666666666666, "a"),
                    of(LakeMetric.STATUS_SAMPLES, 620.0004, "a"))));
    assertThat(result.series().get(0).why())
        .isEqualTo("0.667 < 0.75, naap_lake_status_samples 620 >= 500");
  }
}
