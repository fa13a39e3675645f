package io.naaplake.jobs.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock milliseconds per stage of a run, in the order the stages ran: what a chain row records
 * in {@code ops.job_runs.stage_durations_ms}. A stage that failed is recorded too, with the time it
 * took to fail. Not thread-safe: one run, one thread.
 */
public final class StageTimings {
  private final Clock clock;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  public StageTimings(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code stage}, adding its duration under {@code name} (a repeated name accumulates). */
  public <T> T time(String name, Supplier<T> stage) {
    Instant start = clock.instant();
    try {
      return stage.get();
    } finally {
      millis.merge(name, Duration.between(start, clock.instant()).toMillis(), Long::sum);
    }
  }

  /** {@link #time} for a stage without a result. */
  public void run(String name, Runnable stage) {
    time(
        name,
        () -> {
          stage.run();
          return null;
        });
  }

  /** The stages so far, in order. */
  public Map<String, Long> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }
}
