package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How long one retention class keeps its data and its history.
 *
 * @param dataRetention rows whose date partition ended longer ago than this are deleted; empty
 *     keeps rows forever
 * @param timeTravel how far back earlier versions stay readable: Delta's {@code
 *     delta.logRetentionDuration} and {@code delta.deletedFileRetentionDuration}, and the VACUUM
 *     retention; whole hours
 */
public record RetentionPolicy(Optional<Duration> dataRetention, Duration timeTravel) {

  public RetentionPolicy {
    requireNonNull(dataRetention, "dataRetention is null");
    requireNonNull(timeTravel, "timeTravel is null");
  }

  public static RetentionPolicy keepData(Duration timeTravel) {
    return new RetentionPolicy(Optional.empty(), timeTravel);
  }

  public static RetentionPolicy deleteDataAfter(Duration dataRetention, Duration timeTravel) {
    return new RetentionPolicy(Optional.of(dataRetention), timeTravel);
  }

  /**
   * The time travel as a Delta interval, e.g. {@code interval 7 days} or {@code interval 36 hours}.
   */
  public String timeTravelInterval() {
    long hours = timeTravel.toHours();
    return hours % 24 == 0 ? "interval " + hours / 24 + " days" : "interval " + hours + " hours";
  }
}
