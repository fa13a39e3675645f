package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of a chain, as recorded.
 *
 * @param chain the chain's name
 * @param kind why it ran (a retry keeps the kind of its first attempt)
 * @param scheduledTime the scheduled time of the first attempt, also the run time the chain used
 * @param attempt 1-based
 * @param status how it ended
 * @param errorCategory the failure's category; empty when it succeeded
 * @param message the chain's summary, or the error message
 * @param startedAt wall-clock start, UTC
 * @param duration how long the attempt took
 */
public record RunRecord(
    String chain,
    TriggerKind kind,
    Instant scheduledTime,
    int attempt,
    RunStatus status,
    Optional<ErrorCategory> errorCategory,
    String message,
    Instant startedAt,
    Duration duration) {

  public RunRecord {
    requireNonNull(chain, "chain is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(scheduledTime, "scheduledTime is null");
    requireNonNull(status, "status is null");
    requireNonNull(errorCategory, "errorCategory is null");
    requireNonNull(message, "message is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(duration, "duration is null");
    if (errorCategory.isPresent() == (status == RunStatus.SUCCEEDED)) {
      throw new IllegalArgumentException(
          "a failed or retrying run has an error category, a succeeded one none: " + status);
    }
  }
}
