package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the alerts and the lake gauges, read once from {@link Settings}. The scheduler's
 * metrics endpoint that serves the gauges has its own configuration in the scheduler module: the
 * API, which also judges these alerts, never reads it.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.alerts.trino-url</td><td>naap.trino.url, else jdbc:trino://127.0.0.1:18080</td></tr>
 *   <tr><td>naap.alerts.trino-catalog</td><td>naap.trino.catalog, else delta</td></tr>
 *   <tr><td>naap.alerts.trino-user</td><td>researcher: the read-only identity (never the
 *   pipeline's)</td></tr>
 *   <tr><td>naap.alerts.query-timeout</td><td>30s per gauge query</td></tr>
 *   <tr><td>naap.alerts.window</td><td>1h, whole hours: the rate gauges cover this many complete
 *   UTC hours before the as-of time's hour (the reference judges its ratios per hour)</td></tr>
 *   <tr><td>naap.alerts.as-of</td><td>none (the wall clock); an RFC 3339 instant judges a lake as
 *   of its own time, e.g. a fixture lake</td></tr>
 *   <tr><td>naap.alerts.thresholds</td><td>none: {@code Name:value,...} replaces catalog
 *   thresholds, e.g. {@code NaapEventsStale:900} (the shipped rule file keeps the defaults)</td></tr>
 * </table>
 */
public record AlertsConfig(
    String trinoUrl,
    String trinoCatalog,
    String trinoUser,
    Duration queryTimeout,
    Duration window,
    Optional<Instant> asOf,
    Map<String, Double> thresholds) {

  static final String PIPELINE_USER = "naap_pipeline";

  public AlertsConfig {
    requireNonNull(trinoUrl, "trinoUrl is null");
    requireNonNull(trinoCatalog, "trinoCatalog is null");
    requireNonNull(trinoUser, "trinoUser is null");
    requireNonNull(queryTimeout, "queryTimeout is null");
    requireNonNull(window, "window is null");
    requireNonNull(asOf, "asOf is null");
    thresholds = Map.copyOf(thresholds);
    if (!trinoUrl.startsWith("jdbc:trino://")) {
      throw LakeErrors.badConfiguration("naap.alerts.trino-url", trinoUrl, "a jdbc:trino:// URL");
    }
    if (!trinoCatalog.matches("[a-z][a-z0-9_]*")) {
      throw LakeErrors.badConfiguration(
          "naap.alerts.trino-catalog", trinoCatalog, "a lower-case name like delta");
    }
    if (trinoUser.isBlank() || trinoUser.equals(PIPELINE_USER)) {
      throw LakeErrors.badConfiguration(
          "naap.alerts.trino-user", trinoUser, "a read-only user, not the pipeline user");
    }
    requirePositive("naap.alerts.query-timeout", queryTimeout);
    if (window.isZero() || window.isNegative() || window.toSeconds() % 3600 != 0) {
      throw LakeErrors.badConfiguration(
          "naap.alerts.window", window.toString(), "whole hours, at least 1h");
    }
    // Refuses unknown alert names here rather than at the first evaluation.
    AlertCatalog.withThresholds(thresholds);
  }

  public static AlertsConfig from(Settings settings) {
    return new AlertsConfig(
        settings.string(
            "naap.alerts.trino-url",
            settings.string("naap.trino.url", "jdbc:trino://127.0.0.1:18080")),
        settings.string(
            "naap.alerts.trino-catalog", settings.string("naap.trino.catalog", "delta")),
        settings.string("naap.alerts.trino-user", "researcher"),
        settings.duration("naap.alerts.query-timeout", Duration.ofSeconds(30)),
        settings.duration("naap.alerts.window", Duration.ofHours(1)),
        settings.optionalString("naap.alerts.as-of").map(AlertsConfig::parseAsOf),
        thresholds(settings.pairs("naap.alerts.thresholds", Map.of())));
  }

  /** The alerts with the configured thresholds. */
  public List<AlertRule> rules() {
    return AlertCatalog.withThresholds(thresholds);
  }

  /**
   * The same alerts read through another Trino location and identity: the API judges them through
   * its own Trino settings, so its alerts and its other routes read the same lake.
   */
  public AlertsConfig readingThrough(String url, String catalog, String user, Duration timeout) {
    return new AlertsConfig(url, catalog, user, timeout, window, asOf, thresholds);
  }

  /**
   * End of the ratio window for an as-of time: the start of its hour, so the ratios cover complete
   * hours only.
   */
  public static Instant windowEnd(Instant asOf) {
    return asOf.truncatedTo(ChronoUnit.HOURS);
  }

  /** Start of the ratio window for an as-of time: {@link #window} before {@link #windowEnd}. */
  public Instant windowStart(Instant asOf) {
    return windowEnd(asOf).minus(window);
  }

  /** The as-of override, else the given wall-clock time. */
  public Instant asOfOr(Instant wallClock) {
    return asOf.orElse(wallClock);
  }

  private static Map<String, Double> thresholds(Map<String, String> pairs) {
    Map<String, Double> result = new LinkedHashMap<>();
    pairs.forEach(
        (name, value) -> {
          try {
            result.put(name, Double.parseDouble(value));
          } catch (NumberFormatException e) {
            throw LakeErrors.badConfiguration(
                "naap.alerts.thresholds", name + ":" + value, "a number per alert");
          }
        });
    return result;
  }

  private static Instant parseAsOf(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw LakeErrors.badConfiguration(
          "naap.alerts.as-of", text, "an RFC 3339 instant like 2026-01-09T01:00:00Z");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw LakeErrors.badConfiguration(key, value.toString(), "must be positive");
    }
  }
}
