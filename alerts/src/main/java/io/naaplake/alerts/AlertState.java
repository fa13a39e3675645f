package io.naaplake.alerts;

/** What {@link AlertEvaluator} concluded about one alert. */
public enum AlertState {
  /** At least one series passes the condition (and its guard). */
  FIRING,
  /** Every series was judged and none fires. */
  OK,
  /** The metric has no series: no data to judge (Prometheus would not fire either). */
  UNKNOWN
}
