package io.naaplake.scheduler;

import java.util.Locale;

/** How one attempt of a chain ended. */
public enum RunStatus {
  SUCCEEDED,
  /** Failed for good: bad data, a fatal error, or a retriable one with no attempts left. */
  FAILED,
  /** Failed retriably; another attempt is scheduled. */
  RETRYING;

  /** The lower-case name recorded, as in ops.job_runs.status. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
