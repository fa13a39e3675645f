package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * Configuration of the scheduler's chains as the Spark side runs them ({@link SparkChainRunner}),
 * read once from {@link Settings}. When the chains run is the scheduler module's configuration
 * (SchedulerConfig).
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.scheduler.lease-wait</td><td>10m: how long a chain waits for another writer of
 *   the lake (a ./naap run, a backfill) to finish before it fails with LAKE_WRITER_BUSY, which is
 *   retriable: the scheduler retries it with backoff</td></tr>
 *   <tr><td>naap.scheduler.max-run-time-ahead</td><td>1m: a chain asked to run for a time further
 *   ahead of this machine's clock is refused as bad input and not retried (gold would stamp as-of
 *   rows and settle windows at a time that has not come yet); covers clock skew between the
 *   machine of ./naap jobs run and the scheduler's</td></tr>
 *   <tr><td>naap.scheduler.stop-timeout</td><td>10m: on SIGTERM or Ctrl-C, how long the
 *   scheduler waits for the running chain to finish before Spark stops under it (a chain cut
 *   short loses nothing: the next one redoes it)</td></tr>
 * </table>
 */
public record ChainRunnerConfig(
    Duration leaseWait, Duration maxRunTimeAhead, Duration stopTimeout) {

  public ChainRunnerConfig {
    requireNonNull(leaseWait, "leaseWait is null");
    requireNonNull(maxRunTimeAhead, "maxRunTimeAhead is null");
    requireNonNull(stopTimeout, "stopTimeout is null");
    if (stopTimeout.isNegative() || stopTimeout.isZero()) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.stop-timeout", stopTimeout.toString(), "a positive duration");
    }
    if (leaseWait.isNegative()) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.lease-wait", leaseWait.toString(), "zero or a positive duration");
    }
    if (maxRunTimeAhead.isNegative()) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.max-run-time-ahead",
          maxRunTimeAhead.toString(),
          "zero or a positive duration");
    }
  }

  public static ChainRunnerConfig from(Settings settings) {
    return new ChainRunnerConfig(
        settings.duration("naap.scheduler.lease-wait", Duration.ofMinutes(10)),
        settings.duration("naap.scheduler.max-run-time-ahead", Duration.ofMinutes(1)),
        settings.duration("naap.scheduler.stop-timeout", Duration.ofMinutes(10)));
  }
}
