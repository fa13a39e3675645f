package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The hourly fires a later fire already due makes redundant. After downtime, or when chains run
 * longer than the interval, the scheduler fires every missed time in order; each would run the
 * whole pipeline although the first one already reads every message, and the backlog of a day down
 * (288 fires at 5 minutes) would take hours. A fire is skipped, without Spark and without the lake,
 * when all of these hold:
 *
 * <ul>
 *   <li>it is the hourly chain, a scheduled or misfire catch-up fire (never a manual run or a
 *       retry);
 *   <li>its successor ({@code runTime + interval}) is already due, so the scheduler runs that one
 *       next, over the same and newer messages;
 *   <li>it is not the first fire of its UTC hour: that one closes the previous hour and always
 *       runs, so every hour is still closed, in order.
 * </ul>
 *
 * Gold depends only on silver and the run time's settlement horizon, so skipping loses nothing the
 * successor does not compute.
 */
final class RedundantFires {
  private final Duration hourlyInterval;

  RedundantFires(Duration hourlyInterval) {
    this.hourlyInterval = requireNonNull(hourlyInterval, "hourlyInterval is null");
  }

  /** Why {@code request} is skipped at {@code now}, or empty if it runs. */
  Optional<String> skipReason(ChainRequest request, Instant now) {
    if (!request.chain().equals(Chain.HOURLY.id())
        || request.kind() == TriggerKind.MANUAL
        || request.attempt() > 1) {
      return Optional.empty();
    }
    Instant runTime = request.runTime();
    Instant successor = runTime.plus(hourlyInterval);
    boolean closesAnHour =
        !runTime
            .truncatedTo(ChronoUnit.HOURS)
            .equals(runTime.minus(hourlyInterval).truncatedTo(ChronoUnit.HOURS));
    if (successor.isAfter(now) || closesAnHour) {
      return Optional.empty();
    }
    return Optional.of(
        "skipped: the fire of " + successor + " is already due and reads the same messages");
  }
}
