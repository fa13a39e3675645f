package io.naaplake.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers in the text people read about an alert (a series' {@link SeriesVerdict#why()}): the one
 * place that text formats a value or a threshold. The values themselves, in JSON and in the
 * metrics, stay exact; PromQL prints thresholds with {@link Condition#thresholdText()}.
 */
final class HumanNumbers {
  private static final int DECIMALS = 3;
  private static final MathContext SIGNIFICANT = new MathContext(DECIMALS, RoundingMode.HALF_UP);

  private HumanNumbers() {}

  /**
   * A value with at most 3 decimals (below 1: 3 significant digits, so a small ratio does not read
   * as 0), half up, no trailing zeros, in plain notation, independent of the default locale: {@code
   * 399.4449999} → {@code 399.445}, {@code 11284.390000104904} → {@code 11284.39}, {@code 0.25} →
   * {@code 0.25}, {@code 12.0} → {@code 12}. Only magnitudes beyond 1e15 or below 1e-6 use
   * scientific notation; NaN and infinities print as Java does.
   */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    // Double.toString's shortest decimal, not the binary expansion: 1.0005 rounds up to 1.001.
    BigDecimal exact = BigDecimal.valueOf(value);
    double magnitude = Math.abs(value);
    if (magnitude >= 1e15 || magnitude < 1e-6) {
      return exact.round(SIGNIFICANT).stripTrailingZeros().toString();
    }
    BigDecimal rounded =
        magnitude < 1 ? exact.round(SIGNIFICANT) : exact.setScale(DECIMALS, RoundingMode.HALF_UP);
    return rounded.stripTrailingZeros().toPlainString();
  }
}
