package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * How retriable failures are retried: exponential backoff, {@code initialBackoff × 2^(attempt-1)}
 * after the failed attempt, capped at {@code maxBackoff}, for at most {@code maxAttempts} attempts
 * in all (the first run included).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public RetryPolicy {
    requireNonNull(initialBackoff, "initialBackoff is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    if (maxAttempts < 1) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.retry.max-attempts", Integer.toString(maxAttempts), "at least 1");
    }
    SchedulerConfig.requirePositive("naap.scheduler.retry.initial-backoff", initialBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.retry.max-backoff",
          maxBackoff.toString(),
          "at least naap.scheduler.retry.initial-backoff (" + initialBackoff + ")");
    }
  }

  /** Whether a retriable failure of attempt {@code failedAttempt} gets another attempt. */
  public boolean allowsAttemptAfter(int failedAttempt) {
    return failedAttempt < maxAttempts;
  }

  /** How long to wait after attempt {@code failedAttempt} (1-based) failed. */
  public Duration backoffAfter(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("attempts are 1-based: " + failedAttempt);
    }
    // Doubling step by step stops at the cap, so large attempt numbers cannot overflow.
    Duration backoff = initialBackoff;
    for (int attempt = 1; attempt < failedAttempt && backoff.compareTo(maxBackoff) < 0; attempt++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
