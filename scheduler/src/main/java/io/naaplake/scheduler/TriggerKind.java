package io.naaplake.scheduler;

import java.util.Locale;

/** Why a chain runs. */
public enum TriggerKind {
  /** Its recurring trigger fired on time. */
  SCHEDULED,
  /** An operator asked for it ({@code ./naap jobs run NAME}). */
  MANUAL,
  /**
   * Its recurring trigger fired late, more than the misfire threshold after its scheduled time: the
   * scheduler was down or busy, and the run catches up the time it missed.
   */
  MISFIRE_CATCH_UP;

  /** The lower-case, dashed name recorded with each run, e.g. {@code misfire-catch-up}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind whose {@link #label} is {@code label}. */
  public static TriggerKind fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
