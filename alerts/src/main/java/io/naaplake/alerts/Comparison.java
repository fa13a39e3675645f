package io.naaplake.alerts;

/** How a value is compared with a threshold; each renders as the PromQL operator it means. */
public enum Comparison {
  ABOVE(">"),
  BELOW("<"),
  AT_LEAST(">=");

  private final String operator;

  Comparison(String operator) {
    this.operator = operator;
  }

  /** The PromQL comparison operator. */
  public String operator() {
    return operator;
  }

  /** Whether {@code value} passes; NaN never does (as in PromQL, where NaN compares false). */
  public boolean holds(double value, double threshold) {
    switch (this) {
      case ABOVE:
        return value > threshold;
      case BELOW:
        return value < threshold;
      case AT_LEAST:
        return value >= threshold;
      default:
        throw new IllegalStateException("unknown comparison " + this);
    }
  }
}
