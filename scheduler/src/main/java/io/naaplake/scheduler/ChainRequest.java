package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One run of a chain, as the scheduler asks for it.
 *
 * @param chain the chain's name, e.g. {@code hourly}
 * @param kind why it runs
 * @param scheduledTime when the trigger was due; for a retry, the first attempt's scheduled time
 * @param runTime the run time the chain's jobs compute their windows from. It is the scheduled
 *     time, never the wall clock, so a run that catches up a misfire or retries an hour later
 *     computes the window it was scheduled for
 * @param attempt 1 for the first attempt, 2 for the first retry, and so on
 */
public record ChainRequest(
    String chain, TriggerKind kind, Instant scheduledTime, Instant runTime, int attempt) {

  public ChainRequest {
    requireNonNull(chain, "chain is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(scheduledTime, "scheduledTime is null");
    requireNonNull(runTime, "runTime is null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
  }

  /** A request whose run time is its scheduled time (every request the scheduler makes). */
  public static ChainRequest at(Chain chain, TriggerKind kind, Instant scheduledTime, int attempt) {
    return new ChainRequest(chain.id(), kind, scheduledTime, scheduledTime, attempt);
  }
}
