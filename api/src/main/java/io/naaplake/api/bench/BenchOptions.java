package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code ./naap bench api}.
 *
 * @param baseUrl the API server, loopback only, without a trailing slash
 * @param requestsPerRoute timed requests per route in the warm phase
 * @param concurrency parallel workers in the warm phase
 * @param budget the whole run stops once this much time has passed
 * @param routeFilter only routes whose path template starts with this prefix, if given
 */
public record BenchOptions(
    URI baseUrl,
    int requestsPerRoute,
    int concurrency,
    Duration budget,
    Optional<String> routeFilter) {

  public static final int DEFAULT_REQUESTS_PER_ROUTE = 200;
  public static final int DEFAULT_CONCURRENCY = 8;
  public static final int DEFAULT_MAX_SECONDS = 120;

  /** One thread per worker: more than this measures the bench's own scheduling. */
  public static final int MAX_CONCURRENCY = 256;

  /**
   * Literal names only, never resolved: a load driver pointed at a shared server is a denial of
   * service, and a name that resolves to loopback today may not tomorrow.
   */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1");

  public static final String USAGE =
      "usage: ./naap bench api --base-url http://127.0.0.1:PORT [--requests-per-route N"
          + " (default "
          + DEFAULT_REQUESTS_PER_ROUTE
          + ")] [--concurrency C (default "
          + DEFAULT_CONCURRENCY
          + ")] [--max-seconds S (default "
          + DEFAULT_MAX_SECONDS
          + ")] [--route-filter PREFIX]";

  public BenchOptions {
    requireNonNull(baseUrl, "baseUrl is null");
    requireLoopback(baseUrl);
    requireNonNull(budget, "budget is null");
    requireNonNull(routeFilter, "routeFilter is null");
    if (requestsPerRoute < 1) {
      throw new IllegalArgumentException("--requests-per-route must be at least 1");
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("--concurrency must be 1 to " + MAX_CONCURRENCY);
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("--max-seconds must be at least 1");
    }
  }

  /**
   * Reads {@code --name value} pairs.
   *
   * @throws IllegalArgumentException with a message for the user: unknown or repeated option,
   *     missing value, a number out of range, or a base URL that is not loopback
   */
  public static BenchOptions parse(String[] args) {
    String baseUrl = null;
    int requestsPerRoute = DEFAULT_REQUESTS_PER_ROUTE;
    int concurrency = DEFAULT_CONCURRENCY;
    int maxSeconds = DEFAULT_MAX_SECONDS;
    String routeFilter = null;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--base-url" -> baseUrl = value;
        case "--requests-per-route" -> requestsPerRoute = number(name, value);
        case "--concurrency" -> concurrency = number(name, value);
        case "--max-seconds" -> maxSeconds = number(name, value);
        case "--route-filter" -> routeFilter = value;
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (baseUrl == null) {
      throw new IllegalArgumentException("--base-url is required");
    }
    return new BenchOptions(
        baseUri(baseUrl),
        requestsPerRoute,
        concurrency,
        Duration.ofSeconds(maxSeconds),
        Optional.ofNullable(routeFilter));
  }

  /** The URI of a path under the base URL. */
  public URI resolve(String path) {
    return URI.create(baseUrl + path);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
    }
  }

  private static URI baseUri(String text) {
    String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    try {
      return new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--base-url is not a URL (expected http://127.0.0.1:PORT): " + text, e);
    }
  }

  private static void requireLoopback(URI url) {
    String scheme = url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getQuery() != null
        || url.getFragment() != null) {
      throw new IllegalArgumentException(
          "--base-url must be http://HOST:PORT (no query or fragment): " + url);
    }
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    // URI keeps the brackets of an IPv6 literal: http://[::1]:8080 has host "[::1]".
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!LOOPBACK_HOSTS.contains(bare)) {
      throw new IllegalArgumentException(
          "refusing to benchmark "
              + url
              + ": the API bench only targets a server on this machine (host 127.0.0.1,"
              + " localhost or [::1])");
    }
  }
}
