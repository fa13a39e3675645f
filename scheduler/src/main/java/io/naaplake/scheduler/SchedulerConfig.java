package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Configuration of the scheduler, read once from {@link Settings}. No other scheduler class reads
 * the environment.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.scheduler.dir</td><td>.run/scheduler (made absolute): the job store file, the run
 *   log runs.jsonl and the lock that keeps a second scheduler off the same store</td></tr>
 *   <tr><td>naap.scheduler.store</td><td>jdbc:h2:file:&lt;dir&gt;/quartz;AUTO_SERVER=TRUE, the
 *   Quartz JDBC job store. Only H2 URLs are accepted. AUTO_SERVER lets {@code ./naap jobs}, a
 *   second process, open the file while the scheduler holds it</td></tr>
 *   <tr><td>naap.scheduler.hourly.interval</td><td>5m between refreshes of the open hour (at least
 *   1s; the first fire is aligned to a multiple of it since the epoch)</td></tr>
 *   <tr><td>naap.scheduler.daily.at</td><td>00:30, the UTC time of day of the daily chain: after
 *   the hourly chain has closed the last hour of the day</td></tr>
 *   <tr><td>naap.scheduler.retry.max-attempts</td><td>5 attempts in all for a retriable
 *   failure</td></tr>
 *   <tr><td>naap.scheduler.retry.initial-backoff</td><td>30s before the first retry, doubled for
 *   each further one</td></tr>
 *   <tr><td>naap.scheduler.retry.max-backoff</td><td>10m, the cap on that doubling</td></tr>
 *   <tr><td>naap.scheduler.misfire-threshold</td><td>1m: a fire later than this after its
 *   scheduled time is recorded as a misfire catch-up (every missed fire still runs)</td></tr>
 *   <tr><td>naap.scheduler.threads</td><td>1: one chain at a time, because the lake has one
 *   writer</td></tr>
 *   <tr><td>naap.scheduler.poll-interval</td><td>5s (at least 1s): how long the scheduler waits
 *   between looks at the store when nothing is due, so how soon it sees a run, pause or resume
 *   that {@code ./naap jobs} wrote from another process</td></tr>
 * </table>
 */
public record SchedulerConfig(
    Path dir,
    String storeUrl,
    Duration hourlyInterval,
    LocalTime dailyAt,
    RetryPolicy retry,
    Duration misfireThreshold,
    int threads,
    Duration pollInterval) {

  public SchedulerConfig {
    requireNonNull(dir, "dir is null");
    requireNonNull(storeUrl, "storeUrl is null");
    requireNonNull(hourlyInterval, "hourlyInterval is null");
    requireNonNull(dailyAt, "dailyAt is null");
    requireNonNull(retry, "retry is null");
    requireNonNull(misfireThreshold, "misfireThreshold is null");
    requireNonNull(pollInterval, "pollInterval is null");
    if (!storeUrl.startsWith("jdbc:h2:")) {
      // Quartz's tables and connection pool here are H2's; another database needs both.
      throw LakeErrors.badConfiguration(
          "naap.scheduler.store", storeUrl, "a jdbc:h2: URL (the embedded job store)");
    }
    requireAtLeastOneSecond("naap.scheduler.hourly.interval", hourlyInterval);
    requirePositive("naap.scheduler.misfire-threshold", misfireThreshold);
    Settings.requirePositive("naap.scheduler.threads", threads);
    // Quartz refuses an idle wait below one second.
    requireAtLeastOneSecond("naap.scheduler.poll-interval", pollInterval);
  }

  public static SchedulerConfig from(Settings settings) {
    Path dir = Path.of(settings.string("naap.scheduler.dir", ".run/scheduler"));
    dir = dir.toAbsolutePath().normalize();
    return new SchedulerConfig(
        dir,
        settings.string("naap.scheduler.store", defaultStoreUrl(dir)),
        settings.duration("naap.scheduler.hourly.interval", Duration.ofMinutes(5)),
        timeOfDay(settings.string("naap.scheduler.daily.at", "00:30")),
        new RetryPolicy(
            settings.integer("naap.scheduler.retry.max-attempts", 5),
            settings.duration("naap.scheduler.retry.initial-backoff", Duration.ofSeconds(30)),
            settings.duration("naap.scheduler.retry.max-backoff", Duration.ofMinutes(10))),
        settings.duration("naap.scheduler.misfire-threshold", Duration.ofMinutes(1)),
        settings.integer("naap.scheduler.threads", 1),
        settings.duration("naap.scheduler.poll-interval", Duration.ofSeconds(5)));
  }

  /**
   * The default job store: an H2 file in {@code dir}. H2 refuses relative paths, so {@code dir}
   * must be absolute.
   */
  public static String defaultStoreUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("quartz") + ";AUTO_SERVER=TRUE";
  }

  /** The JSON-lines log of every chain attempt, read back by {@code ./naap jobs}. */
  public Path runLog() {
    return dir.resolve("runs.jsonl");
  }

  /**
   * The Quartz cron expression of the daily chain (seconds first), evaluated in UTC, e.g. {@code 0
   * 30 0 * * ?} for 00:30.
   */
  public String dailyCron() {
    return dailyAt.getSecond() + " " + dailyAt.getMinute() + " " + dailyAt.getHour() + " * * ?";
  }

  private static LocalTime timeOfDay(String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.daily.at", text, "a UTC time of day like 00:30");
    }
  }

  static void requirePositive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw LakeErrors.badConfiguration(key, value.toString(), "must be positive");
    }
  }

  private static void requireAtLeastOneSecond(String key, Duration value) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw LakeErrors.badConfiguration(key, value.toString(), "at least 1s");
    }
  }
}
