package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of table maintenance ({@link MaintenanceJob}), read once from {@link Settings}.
 * Retention is per {@link RetentionClass} ({@code <class>} is {@code bronze}, {@code quarantine},
 * {@code silver}, {@code gold} or {@code ops}).
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.maintenance.&lt;class&gt;.data-retention</td><td>bronze and quarantine: 90d
 *   (rows of date partitions that ended longer ago are deleted); silver, gold, ops: none (kept
 *   forever). A duration of at least 1d, or none</td></tr>
 *   <tr><td>naap.maintenance.&lt;class&gt;.time-travel</td><td>bronze, quarantine, silver, ops: 7d;
 *   gold: 400d, so an export's verify can still read the gold version it was made from. Sets
 *   delta.logRetentionDuration and delta.deletedFileRetentionDuration and is the VACUUM retention;
 *   whole hours, 0h allowed (no time travel)</td></tr>
 *   <tr><td>naap.maintenance.optimize.lookback</td><td>2d: date partitions from the UTC date of
 *   (run time - lookback) on are compacted</td></tr>
 *   <tr><td>naap.maintenance.optimize.min-files</td><td>10: a partition (or an unpartitioned
 *   table) is compacted when it has at least this many files; at least 2</td></tr>
 * </table>
 *
 * @param policies the retention policy of every class
 * @param optimizeLookback how far back from the run time date partitions count as recently written
 * @param optimizeMinFiles files a partition needs before it is compacted
 */
public record MaintenanceConfig(
    Map<RetentionClass, RetentionPolicy> policies,
    Duration optimizeLookback,
    int optimizeMinFiles) {

  private static final String PREFIX = "naap.maintenance.";
  private static final String KEEP_FOREVER = "none";
  private static final Duration DEFAULT_DATA_RETENTION = Duration.ofDays(90);
  private static final Duration SHORT_TIME_TRAVEL = Duration.ofDays(7);
  private static final Duration GOLD_TIME_TRAVEL = Duration.ofDays(400);

  public static final MaintenanceConfig DEFAULTS =
      new MaintenanceConfig(defaultPolicies(), Duration.ofDays(2), 10);

  public MaintenanceConfig {
    requireNonNull(policies, "policies is null");
    requireNonNull(optimizeLookback, "optimizeLookback is null");
    policies = Map.copyOf(policies);
    for (RetentionClass retentionClass : RetentionClass.values()) {
      RetentionPolicy policy = policies.get(retentionClass);
      if (policy == null) {
        throw new IllegalArgumentException("no retention policy for " + retentionClass);
      }
      validate(retentionClass, policy);
    }
    if (optimizeLookback.isNegative() || optimizeLookback.isZero()) {
      throw LakeErrors.badConfiguration(
          PREFIX + "optimize.lookback", optimizeLookback.toString(), "must be positive");
    }
    if (optimizeMinFiles < 2) {
      throw LakeErrors.badConfiguration(
          PREFIX + "optimize.min-files",
          Integer.toString(optimizeMinFiles),
          "must be at least 2 (compacting one file gains nothing)");
    }
  }

  public static MaintenanceConfig from(Settings settings) {
    Map<RetentionClass, RetentionPolicy> policies = new EnumMap<>(RetentionClass.class);
    for (RetentionClass retentionClass : RetentionClass.values()) {
      RetentionPolicy fallback = DEFAULTS.policy(retentionClass);
      policies.put(
          retentionClass,
          new RetentionPolicy(
              dataRetention(settings, retentionClass, fallback.dataRetention()),
              settings.duration(timeTravelKey(retentionClass), fallback.timeTravel())));
    }
    return new MaintenanceConfig(
        policies,
        settings.duration(PREFIX + "optimize.lookback", DEFAULTS.optimizeLookback()),
        settings.integer(PREFIX + "optimize.min-files", DEFAULTS.optimizeMinFiles()));
  }

  public RetentionPolicy policy(RetentionClass retentionClass) {
    return policies.get(retentionClass);
  }

  private static Optional<Duration> dataRetention(
      Settings settings, RetentionClass retentionClass, Optional<Duration> fallback) {
    String key = dataRetentionKey(retentionClass);
    Optional<String> value = settings.optionalString(key);
    if (value.isEmpty()) {
      return fallback;
    }
    if (value.get().toLowerCase(Locale.ROOT).equals(KEEP_FOREVER)) {
      return Optional.empty();
    }
    return Optional.of(settings.duration(key, Duration.ZERO));
  }

  private static void validate(RetentionClass retentionClass, RetentionPolicy policy) {
    Optional<Duration> data = policy.dataRetention();
    if (data.isPresent() && data.get().compareTo(Duration.ofDays(1)) < 0) {
      throw LakeErrors.badConfiguration(
          dataRetentionKey(retentionClass),
          data.get().toString(),
          "must be at least 1d (data is deleted by whole UTC date partitions), or " + KEEP_FOREVER);
    }
    Duration timeTravel = policy.timeTravel();
    if (timeTravel.isNegative() || !timeTravel.equals(Duration.ofHours(timeTravel.toHours()))) {
      throw LakeErrors.badConfiguration(
          timeTravelKey(retentionClass),
          timeTravel.toString(),
          "must be whole hours, zero or more (Delta retention intervals and VACUUM use hours)");
    }
  }

  private static String dataRetentionKey(RetentionClass retentionClass) {
    return PREFIX + retentionClass.key() + ".data-retention";
  }

  private static String timeTravelKey(RetentionClass retentionClass) {
    return PREFIX + retentionClass.key() + ".time-travel";
  }

  private static Map<RetentionClass, RetentionPolicy> defaultPolicies() {
    Map<RetentionClass, RetentionPolicy> policies = new EnumMap<>(RetentionClass.class);
    policies.put(
        RetentionClass.BRONZE,
        RetentionPolicy.deleteDataAfter(DEFAULT_DATA_RETENTION, SHORT_TIME_TRAVEL));
    policies.put(
        RetentionClass.QUARANTINE,
        RetentionPolicy.deleteDataAfter(DEFAULT_DATA_RETENTION, SHORT_TIME_TRAVEL));
    policies.put(RetentionClass.SILVER, RetentionPolicy.keepData(SHORT_TIME_TRAVEL));
    policies.put(RetentionClass.GOLD, RetentionPolicy.keepData(GOLD_TIME_TRAVEL));
    policies.put(RetentionClass.OPS, RetentionPolicy.keepData(SHORT_TIME_TRAVEL));
    return policies;
  }
}
