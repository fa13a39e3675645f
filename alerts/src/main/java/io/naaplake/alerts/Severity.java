package io.naaplake.alerts;

import java.util.Locale;

/**
 * How urgent an alert is. The reference routes warnings to its chat channel and critical alerts to
 * the on-call channel as well (reference §5, "Alerting").
 */
public enum Severity {
  WARNING,
  CRITICAL;

  /** The value of the rule's {@code severity} label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
