package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One alert as declared in {@link AlertCatalog}: what fires it and why it exists. The same value
 * renders the Prometheus rule ({@link #expression}) and drives {@link AlertEvaluator}, so the two
 * cannot disagree.
 *
 * <p>Semantics, identical in both: take the series of {@code condition.metric()} (first reduced to
 * their minimum per {@code minBy} labels when that is not empty); a series fires when it passes
 * {@code condition} and, when there is a {@code guard}, the guard metric's series with exactly the
 * same labels exists and passes the guard (PromQL {@code and}: the volume the reference requires
 * before a ratio means anything).
 *
 * @param name the alert name, e.g. {@code NaapAttributionLow}
 * @param severity its severity label
 * @param summary one line for people (the threshold is printed beside it, so not in it)
 * @param source the reference rule it implements, quoted with its section, or why it is ours
 * @param condition the comparison that fires it
 * @param minBy labels to reduce the metric over with {@code min by}; empty for none
 * @param guard the volume condition that must hold too, if any
 * @param forDuration how long Prometheus waits before a pending alert fires ({@code ./naap status}
 *     judges the instant)
 */
public record AlertRule(
    String name,
    Severity severity,
    String summary,
    String source,
    Condition condition,
    List<String> minBy,
    Optional<Condition> guard,
    Duration forDuration) {

  public AlertRule {
    requireNonNull(name, "name is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(source, "source is null");
    requireNonNull(condition, "condition is null");
    minBy = List.copyOf(minBy);
    requireNonNull(guard, "guard is null");
    requireNonNull(forDuration, "forDuration is null");
    if (!name.matches("Naap[A-Za-z]+")) {
      throw new IllegalArgumentException("alert names are Naap + CamelCase: " + name);
    }
    if (!minBy.isEmpty() && guard.isPresent()) {
      // The guard is matched on the series' own labels; an aggregated series has other labels.
      throw new IllegalArgumentException(name + ": minBy and a guard cannot be combined");
    }
    if (forDuration.isNegative() || forDuration.getNano() != 0) {
      throw new IllegalArgumentException(name + ": for must be whole seconds: " + forDuration);
    }
  }

  /** The PromQL expression of the rule. */
  public String expression() {
    String series =
        minBy.isEmpty()
            ? condition.metric()
            : "min by (" + String.join(", ", minBy) + ") (" + condition.metric() + ")";
    String expression = series + " " + comparisonText(condition);
    return guard
        .map(g -> expression + " and " + g.metric() + " " + comparisonText(g))
        .orElse(expression);
  }

  /** This rule with another threshold for its condition. */
  public AlertRule withThreshold(double threshold) {
    return new AlertRule(
        name,
        severity,
        summary,
        source,
        condition.withThreshold(threshold),
        minBy,
        guard,
        forDuration);
  }

  private static String comparisonText(Condition c) {
    return c.comparison().operator() + " " + c.thresholdText();
  }
}
