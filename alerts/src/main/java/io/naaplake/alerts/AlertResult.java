package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One alert judged at one time.
 *
 * @param rule the alert
 * @param state firing, ok or unknown
 * @param series every series judged (empty when unknown)
 * @param reason why, in one line
 */
public record AlertResult(
    AlertRule rule, AlertState state, List<SeriesVerdict> series, String reason) {

  public AlertResult {
    requireNonNull(rule, "rule is null");
    requireNonNull(state, "state is null");
    series = List.copyOf(series);
    requireNonNull(reason, "reason is null");
  }
}
