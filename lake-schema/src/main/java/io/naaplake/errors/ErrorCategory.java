package io.naaplake.errors;

/**
 * What a failure means for whoever handles it. The scheduler maps categories to retries and the API
 * maps them to HTTP status codes, so every thrown {@link NaapException} carries one.
 */
public enum ErrorCategory {
  /** The input is wrong; retrying the same input fails again. Quarantine or reject it. */
  BAD_DATA,
  /** A dependency was unavailable or busy; the same call may succeed later. */
  RETRIABLE,
  /** A bug, a misconfiguration or a broken invariant; a human must act. */
  FATAL
}
