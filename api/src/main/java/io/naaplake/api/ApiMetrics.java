package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The API's Prometheus metrics, served by {@code /metrics} in the text exposition format 0.0.4.
 * Thread-safe: handlers on any thread record into one instance.
 *
 * <p>Each instance owns its registry (never the process-wide default), so two servers in one JVM,
 * and every test, count separately.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><td>naap_api_requests_total</td><td>counter; route, status</td></tr>
 *   <tr><td>naap_api_request_duration_seconds</td><td>histogram; route</td></tr>
 *   <tr><td>naap_api_trino_query_duration_seconds</td><td>histogram; route, outcome (ok, timeout,
 *   unavailable, error)</td></tr>
 *   <tr><td>naap_api_cache_requests_total</td><td>counter; route, result (hit, miss)</td></tr>
 *   <tr><td>naap_api_ready</td><td>gauge; 1 when /readyz would answer ready, else 0 (0 at
 *   start)</td></tr>
 *   <tr><td>naap_api_data_version_age_seconds</td><td>gauge; age of the newest finished pipeline
 *   run, NaN while unknown (at start, or when the run table cannot be read)</td></tr>
 * </table>
 *
 * <p><b>Route labels.</b> Every {@code route} argument must be the route's path <em>template</em>
 * ({@code /v1/orchestrators/{address}}), never the request path: a label value per address or per
 * probed URL would grow the series without bound and exhaust Prometheus. A null or blank route (a
 * request no route matched: 404s, scanners) is recorded as {@value #UNMATCHED_ROUTE}.
 *
 * <p><b>Unknown data age.</b> The age gauge is NaN rather than absent while unknown, so the series
 * never disappears and reappears (which breaks {@code rate} windows and dashboards). An alert on
 * staleness ({@code naap_api_data_version_age_seconds > 10800}) does not fire on NaN, so pair it
 * with {@code naap_api_ready == 0}.
 */
public final class ApiMetrics {

  /** The Content-Type of {@link #scrape()}: the Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The route label of requests no route matched. */
  public static final String UNMATCHED_ROUTE = "unmatched";

  /** Trino query outcomes; a closed set so the label stays bounded. */
  public static final Set<String> QUERY_OUTCOMES = Set.of("ok", "timeout", "unavailable", "error");

  /**
   * Upper bounds from 1 ms (a cache hit) to 30 s (three times the default query timeout, so a
   * raised timeout still lands in a bucket rather than only in +Inf).
   */
  private static final double[] DURATION_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer =
      PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();

  private final Counter requests;
  private final Histogram requestDuration;
  private final Histogram queryDuration;
  private final Counter cacheRequests;
  private final Gauge ready;
  private final Gauge dataVersionAge;

  public ApiMetrics() {
    requests =
        Counter.builder()
            .name("naap_api_requests_total")
            .help("HTTP requests answered, by route template and status code.")
            .labelNames("route", "status")
            .withoutExemplars()
            .register(registry);
    requestDuration =
        durationHistogram("naap_api_request_duration_seconds", "Time to answer a request.")
            .labelNames("route")
            .register(registry);
    queryDuration =
        durationHistogram(
                "naap_api_trino_query_duration_seconds",
                "Time of one Trino query, by outcome (ok, timeout, unavailable, error).")
            .labelNames("route", "outcome")
            .register(registry);
    cacheRequests =
        Counter.builder()
            .name("naap_api_cache_requests_total")
            .help("Response cache lookups, by result (hit, miss).")
            .labelNames("route", "result")
            .withoutExemplars()
            .register(registry);
    ready =
        Gauge.builder()
            .name("naap_api_ready")
            .help("1 when the API is ready to serve (Trino reachable, gold fresh), else 0.")
            .withoutExemplars()
            .register(registry);
    dataVersionAge =
        Gauge.builder()
            .name("naap_api_data_version_age_seconds")
            .help("Age of the newest finished pipeline run; NaN while unknown.")
            .withoutExemplars()
            .register(registry);
    dataVersionAge.set(Double.NaN);
  }

  /**
   * Counts one answered request and its duration.
   *
   * @param route the route template, or null/blank when no route matched
   * @param status the HTTP status sent, 100..599
   * @param elapsed from receipt to the answer
   */
  public void recordRequest(String route, int status, Duration elapsed) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599: " + status);
    }
    String label = routeLabel(route);
    requests.labelValues(label, Integer.toString(status)).inc();
    requestDuration.labelValues(label).observe(seconds(elapsed));
  }

  /**
   * Records one Trino query.
   *
   * @param route the route template that ran it, or null/blank
   * @param outcome one of {@link #QUERY_OUTCOMES}; anything else is refused so a typo cannot create
   *     a new series
   */
  public void recordQuery(String route, Duration elapsed, String outcome) {
    if (outcome == null || !QUERY_OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(
          "outcome must be one of " + QUERY_OUTCOMES + ": " + outcome);
    }
    queryDuration.labelValues(routeLabel(route), outcome).observe(seconds(elapsed));
  }

  /** Counts one response-cache lookup for a route template (null/blank: unmatched). */
  public void recordCache(String route, boolean hit) {
    cacheRequests.labelValues(routeLabel(route), hit ? "hit" : "miss").inc();
  }

  public void setReady(boolean isReady) {
    ready.set(isReady ? 1 : 0);
  }

  /** The newest finished run's age, or empty when it is unknown (the gauge becomes NaN). */
  public void setDataVersionAge(Optional<Duration> age) {
    requireNonNull(age, "age is null");
    dataVersionAge.set(age.map(ApiMetrics::exactSeconds).orElse(Double.NaN));
  }

  /** Every metric in the Prometheus text format; serve it with {@link #CONTENT_TYPE}. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to memory", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Histogram.Builder durationHistogram(String name, String help) {
    // Classic buckets only: the 0.0.4 text format cannot carry native histograms, so keeping
    // them would cost memory on every observation for nothing.
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(DURATION_BUCKETS)
        .withoutExemplars();
  }

  private static String routeLabel(String route) {
    return route == null || route.isBlank() ? UNMATCHED_ROUTE : route;
  }

  private static double seconds(Duration elapsed) {
    requireNonNull(elapsed, "elapsed is null");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
    return exactSeconds(elapsed);
  }

  private static double exactSeconds(Duration duration) {
    // Not toNanos(): it overflows past 292 years, which a corrupt run time could produce.
    return duration.getSeconds() + duration.getNano() / 1e9;
  }
}
