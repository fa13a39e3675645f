package io.naaplake.alerts;

import java.util.List;

/**
 * The gauges {@link LakeGauges} computes from the lake, as exported on {@code /metrics} and judged
 * by the alerts. "The window" is {@code naap.alerts.window} of whole UTC hours ending at the start
 * of the as-of time's hour (the newest complete hours, as the reference's hourly alerts use).
 */
public enum LakeMetric {
  UP("naap_lake_up", List.of(), "1 when the lake gauges were read from Trino, 0 when it failed."),
  AS_OF(
      "naap_lake_gauges_as_of_timestamp_seconds",
      List.of(),
      "The as-of time the lake gauges were computed for."),
  EVENT_FRESHNESS(
      "naap_lake_event_freshness_seconds",
      List.of("org", "family"),
      "As-of time minus the newest accepted event time (gold.data_quality_hourly, last 7 days)."),
  GOLD_AGE(
      "naap_lake_gold_age_seconds",
      List.of(),
      "As-of time minus the run time of the newest finished gold run at or before it."),
  JOB_LAST_RUN(
      "naap_job_last_run_timestamp_seconds",
      List.of("job"),
      "Run time of the job's newest run at or before the as-of time (ops.job_runs)."),
  JOB_LAST_RUN_FAILED(
      "naap_job_last_run_failed", List.of("job"), "1 when the job's newest run failed, else 0."),
  JOB_UNSUCCESSFUL(
      "naap_job_unsuccessful_seconds",
      List.of("job"),
      "0 when the job's newest run finished; else the time since its newest finished run (or its"
          + " first failed run when it never finished)."),
  JOB_FAILED_RUNS_LAST_HOUR(
      "naap_job_failed_runs_last_hour",
      List.of("job"),
      "Failed runs whose run time is in the hour before the as-of time."),
  BRONZE_ROWS(
      "naap_lake_bronze_rows",
      List.of("org", "family"),
      "Bronze deliveries of readable envelopes with event time in the window."),
  DUPLICATE_DELIVERY_RATIO(
      "naap_lake_duplicate_delivery_ratio",
      List.of("org"),
      "Duplicate Kafka deliveries / bronze rows in the window (silver drops them)."),
  CONTRACT_EVENTS(
      "naap_lake_contract_events",
      List.of("org"),
      "Accepted + quarantined events in the window: events of known families judged by a"
          + " contract."),
  QUARANTINE_RATIO(
      "naap_lake_quarantine_ratio",
      List.of("org"),
      "Quarantined events / (accepted + quarantined events) in the window: 1 - canonical"
          + " coverage."),
  LATE_RATIO(
      "naap_lake_late_ratio",
      List.of("org"),
      "Late events / accepted events in the window (as the health document's late_rate)."),
  STATUS_SAMPLES(
      "naap_lake_status_samples",
      List.of("org"),
      "Live-video status samples in the window (gold.streaming_sla_hourly)."),
  ATTRIBUTION_RATIO(
      "naap_lake_attribution_ratio",
      List.of("org"),
      "(resolved + hardware_less) / orchestrator selections in the window."),
  REQUESTED_SESSIONS(
      "naap_lake_requested_sessions",
      List.of("org"),
      "Requested live-video sessions that started in the window (gold.streaming_demand_hourly)."),
  UNSERVED_DEMAND_RATIO(
      "naap_lake_unserved_demand_ratio",
      List.of("org"),
      "Effective failed / requested sessions that started in the window (unmet demand rate)."),
  REQUESTED_SESSION_HOURS(
      "naap_lake_requested_session_hours",
      List.of("org"),
      "Requested session-hours in the window (gold.streaming_sla_hourly)."),
  SLA_COVERAGE_RATIO(
      "naap_lake_sla_coverage_ratio",
      List.of("org"),
      "min(health signals observed / expected, 1) in the window; 1 when none were expected."),
  DUPLICATE_JOB_ROWS(
      "naap_lake_duplicate_job_rows",
      List.of("org"),
      "gold.request_jobs rows in the window beyond one per job key (should always be 0).");

  private final String metricName;
  private final List<String> labels;
  private final String help;

  LakeMetric(String metricName, List<String> labels, String help) {
    this.metricName = metricName;
    this.labels = labels;
    this.help = help;
  }

  public String metricName() {
    return metricName;
  }

  /** The label names of every series, in order. */
  public List<String> labels() {
    return labels;
  }

  public String help() {
    return help;
  }
}
