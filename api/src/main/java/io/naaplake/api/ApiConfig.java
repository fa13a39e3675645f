package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import io.naaplake.alerts.AlertsConfig;
import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Configuration of the API server, read once from {@link Settings}. No other API class reads the
 * environment.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.api.port</td><td>8080 (0 picks a free port, for tests)</td></tr>
 *   <tr><td>naap.api.bind</td><td>127.0.0.1: loopback unless deliberately exposed</td></tr>
 *   <tr><td>naap.api.trino-url</td><td>naap.trino.url, else jdbc:trino://127.0.0.1:18080 (the
 *   Trino the jobs register tables in)</td></tr>
 *   <tr><td>naap.api.trino-catalog</td><td>naap.trino.catalog, else delta</td></tr>
 *   <tr><td>naap.api.trino-user</td><td>researcher: a read-only identity (infra/trino rules.json
 *   gives every user but the pipeline user read-only access); never the pipeline user</td></tr>
 *   <tr><td>naap.api.trino-connect-timeout</td><td>2s: an unreachable Trino answers 503 fast</td></tr>
 *   <tr><td>naap.api.query-timeout</td><td>10s: cold queries after a Trino restart take several
 *   seconds, so lower values turn a slow start into errors</td></tr>
 *   <tr><td>naap.api.rate-limit.rps</td><td>100 requests per second per client IP (sustained)</td></tr>
 *   <tr><td>naap.api.rate-limit.burst</td><td>200 requests (bucket size)</td></tr>
 *   <tr><td>naap.api.limit.default</td><td>50 rows per page</td></tr>
 *   <tr><td>naap.api.limit.max</td><td>1000 rows per page (the response size cap)</td></tr>
 *   <tr><td>naap.api.cache.max-entries</td><td>2000 cached responses</td></tr>
 *   <tr><td>naap.api.refresh-interval</td><td>5s between polls for a new pipeline run</td></tr>
 *   <tr><td>naap.api.readiness.max-gold-age</td><td>3h: gold is rebuilt hourly, so two missed
 *   runs plus slack make /readyz fail</td></tr>
 *   <tr><td>naap.api.as-of</td><td>none (the wall clock); an RFC 3339 instant serves a fixture
 *   lake as of its time ({@code ./naap serve --as-of})</td></tr>
 *   <tr><td>naap.reports.dir</td><td>.run/reports: the network reports the pipeline writes,
 *   served at /v1/reports (the launcher passes $NAAP_RUN_DIR/reports)</td></tr>
 *   <tr><td>naap.exports.dir</td><td>.run/exports: the governance exports, served at
 *   /v1/exports (the launcher passes $NAAP_RUN_DIR/exports)</td></tr>
 *   <tr><td>naap.api.cursor-key</td><td>none: a random key per process, so cursors stop working
 *   (400) after a restart; set it (16+ characters) when several replicas serve one client</td></tr>
 *   <tr><td>naap.alerts.*</td><td>the alerts of /v1/network/alerts: window and thresholds as
 *   {@link AlertsConfig} reads them; they read the lake through the API's Trino URL, catalog, user
 *   and query timeout, whatever naap.alerts.trino-* say</td></tr>
 * </table>
 */
public record ApiConfig(
    int port,
    String bindAddress,
    String trinoUrl,
    String trinoCatalog,
    String trinoUser,
    Duration trinoConnectTimeout,
    Duration queryTimeout,
    int rateLimitPerSecond,
    int rateLimitBurst,
    int defaultLimit,
    int maxLimit,
    int cacheMaxEntries,
    Duration refreshInterval,
    Duration readinessMaxGoldAge,
    Optional<Instant> asOf,
    Optional<String> cursorKey,
    Path reportsDir,
    Path exportsDir,
    AlertsConfig alerts) {

  public static final String DEFAULT_TRINO_URL = "jdbc:trino://127.0.0.1:18080";

  /** The user Trino's access rules keep read-only (see infra/trino-access-check.sh). */
  public static final String DEFAULT_TRINO_USER = "researcher";

  /** The job's writer identity; the API must never run as it. */
  private static final String PIPELINE_USER = "naap_pipeline";

  private static final Pattern CATALOG = Pattern.compile("[a-z][a-z0-9_]*");

  public ApiConfig {
    requireNonNull(bindAddress, "bindAddress is null");
    requireNonNull(trinoUrl, "trinoUrl is null");
    requireNonNull(trinoCatalog, "trinoCatalog is null");
    requireNonNull(trinoUser, "trinoUser is null");
    requireNonNull(trinoConnectTimeout, "trinoConnectTimeout is null");
    requireNonNull(queryTimeout, "queryTimeout is null");
    requireNonNull(refreshInterval, "refreshInterval is null");
    requireNonNull(readinessMaxGoldAge, "readinessMaxGoldAge is null");
    requireNonNull(asOf, "asOf is null");
    requireNonNull(cursorKey, "cursorKey is null");
    requireNonNull(reportsDir, "reportsDir is null");
    requireNonNull(exportsDir, "exportsDir is null");
    requireNonNull(alerts, "alerts is null");
    if (port < 0 || port > 65535) {
      throw LakeErrors.badConfiguration("naap.api.port", Integer.toString(port), "0..65535");
    }
    if (!trinoUrl.startsWith("jdbc:trino://")) {
      throw LakeErrors.badConfiguration("naap.api.trino-url", trinoUrl, "a jdbc:trino:// URL");
    }
    // The catalog is written into SQL text as an identifier, so it must be a plain name.
    if (!CATALOG.matcher(trinoCatalog).matches()) {
      throw LakeErrors.badConfiguration(
          "naap.api.trino-catalog", trinoCatalog, "a lower-case name like delta");
    }
    if (trinoUser.isBlank() || trinoUser.equals(PIPELINE_USER)) {
      throw LakeErrors.badConfiguration(
          "naap.api.trino-user", trinoUser, "a read-only user, not the pipeline user");
    }
    requirePositive("naap.api.trino-connect-timeout", trinoConnectTimeout);
    requirePositive("naap.api.query-timeout", queryTimeout);
    requirePositive("naap.api.refresh-interval", refreshInterval);
    requirePositive("naap.api.readiness.max-gold-age", readinessMaxGoldAge);
    Settings.requirePositive("naap.api.rate-limit.rps", rateLimitPerSecond);
    Settings.requirePositive("naap.api.rate-limit.burst", rateLimitBurst);
    Settings.requirePositive("naap.api.limit.max", maxLimit);
    Settings.requirePositive("naap.api.cache.max-entries", cacheMaxEntries);
    if (defaultLimit < 1 || defaultLimit > maxLimit) {
      throw LakeErrors.badConfiguration(
          "naap.api.limit.default", Integer.toString(defaultLimit), "1..naap.api.limit.max");
    }
    if (cursorKey.isPresent() && cursorKey.get().length() < 16) {
      throw LakeErrors.badConfiguration(
          "naap.api.cursor-key", "(hidden)", "at least 16 characters");
    }
    // After the checks above: the alerts read the same lake as the other routes, as the same
    // read-only identity, within the same query timeout.
    alerts = alerts.readingThrough(trinoUrl, trinoCatalog, trinoUser, queryTimeout);
  }

  public static ApiConfig from(Settings settings) {
    return new ApiConfig(
        settings.integer("naap.api.port", 8080),
        settings.string("naap.api.bind", "127.0.0.1"),
        settings.string("naap.api.trino-url", settings.string("naap.trino.url", DEFAULT_TRINO_URL)),
        settings.string("naap.api.trino-catalog", settings.string("naap.trino.catalog", "delta")),
        settings.string("naap.api.trino-user", DEFAULT_TRINO_USER),
        settings.duration("naap.api.trino-connect-timeout", Duration.ofSeconds(2)),
        settings.duration("naap.api.query-timeout", Duration.ofSeconds(10)),
        settings.integer("naap.api.rate-limit.rps", 100),
        settings.integer("naap.api.rate-limit.burst", 200),
        settings.integer("naap.api.limit.default", 50),
        settings.integer("naap.api.limit.max", 1000),
        settings.integer("naap.api.cache.max-entries", 2000),
        settings.duration("naap.api.refresh-interval", Duration.ofSeconds(5)),
        settings.duration("naap.api.readiness.max-gold-age", Duration.ofHours(3)),
        settings.optionalString("naap.api.as-of").map(ApiConfig::parseAsOf),
        settings.optionalString("naap.api.cursor-key"),
        directory(settings, "naap.reports.dir", ".run/reports"),
        directory(settings, "naap.exports.dir", ".run/exports"),
        AlertsConfig.from(settings));
  }

  /** A local directory; relative paths resolve against the working directory, like the lake's. */
  private static Path directory(Settings settings, String key, String defaultValue) {
    return Path.of(settings.string(key, defaultValue)).toAbsolutePath().normalize();
  }

  /**
   * The clock every request reads "now" from: fixed at {@link #asOf} when set, so a fixture lake
   * answers the same on every run; the UTC wall clock otherwise.
   */
  public Clock clock() {
    return asOf.map(instant -> Clock.fixed(instant, ZoneOffset.UTC)).orElse(Clock.systemUTC());
  }

  private static Instant parseAsOf(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw LakeErrors.badConfiguration(
          "naap.api.as-of", text, "an RFC 3339 instant like 2026-01-15T12:00:00Z");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw LakeErrors.badConfiguration(key, value.toString(), "must be positive");
    }
  }
}
