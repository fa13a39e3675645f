package io.naaplake.alerts;

import static io.naaplake.alerts.Comparison.ABOVE;
import static io.naaplake.alerts.Comparison.AT_LEAST;
import static io.naaplake.alerts.Comparison.BELOW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts, declared once: {@link AlertRulesFile} renders them as the Prometheus rule file
 * shipped in {@code infra/prometheus/naap-alerts.yml}, and {@link AlertEvaluator} judges them for
 * {@code ./naap status} and the API. Thresholds, volume guards and for-durations are the
 * reference's (§3.1, §2.8, §3.6 and the alert list of §5, "Alerting"); where the reference has no
 * rule, the source says what ours is based on. Comparisons are strict or inclusive exactly as the
 * reference writes them ("&gt; 300 s", "below 75 %", "≥ 500 samples").
 */
public final class AlertCatalog {

  /** The thresholds shipped; {@code naap.alerts.threshold.<name>} overrides one. */
  public static final List<AlertRule> DEFAULTS =
      List.of(
          new AlertRule(
              "NaapLakeUnreachable",
              Severity.CRITICAL,
              "The lake gauges cannot be read from Trino",
              "reference §5 Alerting: scrape target down (2 m)",
              new Condition(LakeMetric.UP.metricName(), BELOW, 1),
              List.of(),
              Optional.empty(),
              Duration.ofMinutes(2)),
          new AlertRule(
              "NaapEventsStale",
              Severity.CRITICAL,
              "No new events from an org: its freshest event family is older than the threshold"
                  + " (seconds)",
              "reference §5 Alerting: raw freshness > 300 s (5 m); per org, its freshest family,"
                  + " as the health document's ingest lag",
              new Condition(LakeMetric.EVENT_FRESHNESS.metricName(), ABOVE, 300),
              List.of("org"),
              Optional.empty(),
              Duration.ofMinutes(5)),
          new AlertRule(
              "NaapGoldStale",
              Severity.WARNING,
              "Gold has not been rebuilt for longer than the threshold (seconds)",
              "ours: the API's readiness limit naap.api.readiness.max-gold-age (3 h, two missed"
                  + " hourly rebuilds); the reference's nearest is dirty-scan lag > 300 s",
              new Condition(LakeMetric.GOLD_AGE.metricName(), ABOVE, 10800),
              List.of(),
              Optional.empty(),
              Duration.ZERO),
          new AlertRule(
              "NaapJobFailing",
              Severity.CRITICAL,
              "A pipeline job's newest run failed and it has not finished a run for longer than"
                  + " the threshold (seconds)",
              "reference §5 Alerting: tail not successful > 900 s",
              new Condition(LakeMetric.JOB_UNSUCCESSFUL.metricName(), ABOVE, 900),
              List.of(),
              Optional.empty(),
              Duration.ZERO),
          new AlertRule(
              "NaapJobRunsFailed",
              Severity.WARNING,
              "A pipeline job had more failed runs in the last hour than the threshold",
              "ours (issue 7, failed runs): any failed run in ops.job_runs, including one a retry"
                  + " recovered",
              new Condition(LakeMetric.JOB_FAILED_RUNS_LAST_HOUR.metricName(), ABOVE, 0),
              List.of(),
              Optional.empty(),
              Duration.ZERO),
          new AlertRule(
              "NaapAttributionLow",
              Severity.WARNING,
              "Share of orchestrator selections attributed (resolved or hardware_less) is below"
                  + " the threshold",
              "reference §2.8: alert below 75 % attributed (≥ 500 status samples/h); §5 Alerting:"
                  + " attribution < 75 %",
              new Condition(LakeMetric.ATTRIBUTION_RATIO.metricName(), BELOW, 0.75),
              List.of(),
              Optional.of(new Condition(LakeMetric.STATUS_SAMPLES.metricName(), AT_LEAST, 500)),
              Duration.ZERO),
          new AlertRule(
              "NaapDuplicateJobRows",
              Severity.WARNING,
              "gold.request_jobs holds more rows than job keys",
              "reference §3.6: duplicate alert, count − distinct job key > 0; §5 Alerting:"
                  + " duplicate jobs > 0",
              new Condition(LakeMetric.DUPLICATE_JOB_ROWS.metricName(), ABOVE, 0),
              List.of(),
              Optional.empty(),
              Duration.ZERO),
          new AlertRule(
              "NaapQuarantineSpike",
              Severity.WARNING,
              "Share of contract-checked events quarantined is above the threshold",
              "reference §3.6: canonical coverage < 98 % (≥ 20 source jobs); quarantined share"
                  + " above 2 % is coverage below 98 %",
              new Condition(LakeMetric.QUARANTINE_RATIO.metricName(), ABOVE, 0.02),
              List.of(),
              Optional.of(new Condition(LakeMetric.CONTRACT_EVENTS.metricName(), AT_LEAST, 20)),
              Duration.ZERO),
          new AlertRule(
              "NaapUnservedDemandHigh",
              Severity.WARNING,
              "Share of requested sessions that effectively failed (unmet demand) is above the"
                  + " threshold",
              "reference §3.1: alert if failure > 40 % (≥ 50 sessions); §3.4: unmet demand rate"
                  + " = effective_failed / requested; §5 Alerting: unserved > 40 %",
              new Condition(LakeMetric.UNSERVED_DEMAND_RATIO.metricName(), ABOVE, 0.4),
              List.of(),
              Optional.of(new Condition(LakeMetric.REQUESTED_SESSIONS.metricName(), AT_LEAST, 50)),
              Duration.ZERO),
          new AlertRule(
              "NaapSlaCoverageLow",
              Severity.WARNING,
              "Health-signal coverage (the SLA score's coverage multiplier) is below the"
                  + " threshold",
              "reference §3.1: health_signal_coverage_ratio alert < 60 % (≥ 50 sessions); §5"
                  + " Alerting: health coverage < 60 %",
              new Condition(LakeMetric.SLA_COVERAGE_RATIO.metricName(), BELOW, 0.6),
              List.of(),
              Optional.of(
                  new Condition(LakeMetric.REQUESTED_SESSION_HOURS.metricName(), AT_LEAST, 50)),
              Duration.ZERO));

  /**
   * The catalog with some thresholds replaced.
   *
   * @param thresholds alert name to threshold; a name not in the catalog is refused
   */
  public static List<AlertRule> withThresholds(Map<String, Double> thresholds) {
    for (String name : thresholds.keySet()) {
      if (DEFAULTS.stream().noneMatch(rule -> rule.name().equals(name))) {
        throw new IllegalArgumentException("no alert named " + name);
      }
    }
    List<AlertRule> rules = new ArrayList<>();
    for (AlertRule rule : DEFAULTS) {
      Double threshold = thresholds.get(rule.name());
      rules.add(threshold == null ? rule : rule.withThreshold(threshold));
    }
    return List.copyOf(rules);
  }

  private AlertCatalog() {}
}
