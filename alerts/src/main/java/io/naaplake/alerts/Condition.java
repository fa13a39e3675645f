package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

/**
 * One comparison of a metric's series with a threshold, e.g. {@code naap_lake_attribution_ratio <
 * 0.75}.
 *
 * @param metric the gauge's name
 * @param comparison how each series is compared
 * @param threshold the value it is compared with
 */
public record Condition(String metric, Comparison comparison, double threshold) {

  public Condition {
    requireNonNull(metric, "metric is null");
    requireNonNull(comparison, "comparison is null");
    if (!metric.matches("naap_[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a naap_ metric name: " + metric);
    }
    if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite: " + threshold);
    }
  }

  public boolean holds(double value) {
    return comparison.holds(value, threshold);
  }

  public Condition withThreshold(double value) {
    return new Condition(metric, comparison, value);
  }

  /**
   * The threshold as the PromQL expression prints it: no trailing ".0". The text that explains a
   * verdict formats its numbers with {@link HumanNumbers}.
   */
  public String thresholdText() {
    return number(threshold);
  }

  /**
   * A value as PromQL reads it: integers without ".0", others to 10 significant digits (a time
   * difference of doubles such as 11284.390000104904 prints as 11284.39).
   */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(10))
        .stripTrailingZeros()
        .toPlainString();
  }
}
