package io.naaplake.api.serve;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiMetrics;
import io.naaplake.api.Cursor;
import io.naaplake.api.QueryParams;
import io.naaplake.api.ResourceNotFound;
import io.naaplake.api.lake.LakeStatus;
import io.naaplake.api.lake.LakeStatusRefresher;
import io.naaplake.api.lake.TrinoLake;
import io.naaplake.api.routes.Payload;
import io.naaplake.api.routes.Route;
import io.naaplake.api.routes.RouteContext;
import io.naaplake.api.routes.RouteRequest;
import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API's moving parts behind the HTTP shell: the lake, its status refresher, the response cache,
 * the metrics and the routes. {@link #answer} is the whole request path of a data route: validate
 * parameter names, fail fast when the lake is down, answer a matching conditional GET with 304,
 * serve from cache or compute, and wrap the payload with this request's {@code meta}.
 */
public final class ApiService implements AutoCloseable {
  private final ApiConfig config;
  private final Clock clock;
  private final TrinoLake lake;
  private final LakeStatusRefresher status;
  private final ResponseCache cache;
  private final ApiMetrics metrics;
  private final List<Route> routes;
  private final RouteContext context;
  private final ThreadLocal<String> currentRoute = new ThreadLocal<>();

  public ApiService(ApiConfig config, Function<ApiConfig, List<Route>> routeCatalog) {
    this.config = requireNonNull(config, "config is null");
    this.clock = config.clock();
    this.lake = new TrinoLake(config);
    this.status = new LakeStatusRefresher(lake, clock);
    this.cache = new ResponseCache(config.cacheMaxEntries());
    this.metrics = new ApiMetrics();
    this.context = new RouteContext(lake, Cursor.of(config), config);
    this.routes = List.copyOf(routeCatalog.apply(config));
    lake.setListener(
        (elapsed, outcome) ->
            metrics.recordQuery(
                Optional.ofNullable(currentRoute.get()).orElse("status"),
                elapsed,
                outcome.name().toLowerCase(java.util.Locale.ROOT)));
  }

  /** Polls the lake once, then keeps polling in the background. */
  public void start() {
    status.start(config.refreshInterval());
  }

  public List<Route> routes() {
    return routes;
  }

  public ApiConfig config() {
    return config;
  }

  public ApiMetrics metrics() {
    return metrics;
  }

  public Clock clock() {
    return clock;
  }

  /** The "now" routes answer as of: see {@link #now(Instant)}. */
  public Instant now() {
    return now(clock.instant());
  }

  /**
   * A fixed as-of time is served exactly; the wall clock is truncated to the minute so that
   * requests within a minute share cache entries and agree with each other.
   */
  private Instant now(Instant wall) {
    return config.asOf().isPresent() ? wall : wall.truncatedTo(ChronoUnit.MINUTES);
  }

  public LakeStatus lakeStatus() {
    return status.current();
  }

  /** Polls now (tests use it instead of waiting for the timer). */
  public void refreshStatus() {
    status.refresh();
  }

  /**
   * An answer to one request of a data route.
   *
   * @param status 200 or 304
   * @param etag the weak ETag of the data, when the lake has a data version
   * @param body the JSON document (null for 304 and for files)
   * @param file the artifact file to send as the body, for file routes
   */
  public record Answer(
      int status, Optional<String> etag, Map<String, Object> body, Optional<Payload.File> file) {
    Answer(int status, Optional<String> etag, Map<String, Object> body) {
      this(status, etag, body, Optional.empty());
    }
  }

  public Answer answer(
      Route route,
      Map<String, List<String>> query,
      Map<String, String> pathParams,
      Optional<String> ifNoneMatch,
      String requestId) {
    Instant wall = clock.instant();
    Instant now = now(wall);
    String template = route.doc().path();
    QueryParams params = QueryParams.of(query, route.queryParameterNames());
    if (!route.readsLake()) {
      return artifactAnswer(route, params, query, pathParams, now, ifNoneMatch, wall, requestId);
    }
    LakeStatus lakeStatus = status.current();
    if (!lakeStatus.reachable()) {
      throw LakeErrors.trinoUnavailable(
          config.trinoUrl(), new IOException(lakeStatus.detail().orElse("unreachable")));
    }
    Optional<String> version = lakeStatus.dataVersion();
    CacheKey key = CacheKey.of(template, pathParams, query, now, version.orElse(""));
    Optional<String> etag = version.map(v -> key.etag());
    if (etag.isPresent() && ifNoneMatch.map(h -> matches(h, etag.get())).orElse(false)) {
      metrics.recordCache(template, true);
      return new Answer(304, etag, null);
    }
    Optional<Payload> cached = version.isPresent() ? cache.get(key.text()) : Optional.empty();
    metrics.recordCache(template, cached.isPresent());
    Payload payload = cached.orElseGet(() -> compute(route, params, query, pathParams, now));
    if (cached.isEmpty() && version.isPresent()) {
      cache.put(key.text(), payload);
    }
    if (payload instanceof Payload.Missing missing) {
      throw new ResourceNotFound(missing.detail());
    }
    return new Answer(200, etag, body(payload, wall, requestId, version.orElse(null)));
  }

  /**
   * The answer of a route over the artifact directories: computed on every request (a listing is a
   * directory read, and a new report must show at once), never failed by Trino's state. A file's
   * ETag is its SHA-256 (strong: the bytes are fixed); JSON answers carry none.
   */
  private Answer artifactAnswer(
      Route route,
      QueryParams params,
      Map<String, List<String>> query,
      Map<String, String> pathParams,
      Instant now,
      Optional<String> ifNoneMatch,
      Instant wall,
      String requestId) {
    Payload payload = compute(route, params, query, pathParams, now);
    if (payload instanceof Payload.Missing missing) {
      throw new ResourceNotFound(missing.detail());
    }
    if (payload instanceof Payload.File file) {
      String etag = "\"" + file.sha256() + "\"";
      if (ifNoneMatch.map(h -> matches(h, etag)).orElse(false)) {
        return new Answer(304, Optional.of(etag), null, Optional.empty());
      }
      return new Answer(200, Optional.of(etag), null, Optional.of(file));
    }
    return new Answer(
        200, Optional.empty(), body(payload, wall, requestId, null), Optional.empty());
  }

  private Payload compute(
      Route route,
      QueryParams params,
      Map<String, List<String>> query,
      Map<String, String> pathParams,
      Instant now) {
    currentRoute.set(route.doc().path());
    try {
      return route
          .handler()
          .handle(new RouteRequest(route.doc().path(), params, pathParams, query, now, context));
    } catch (ResourceNotFound e) {
      return new Payload.Missing(e.getMessage());
    } catch (NaapException e) {
      if (e.code().equals("TRINO_UNAVAILABLE")) {
        status.markUnreachable("Trino did not answer a query");
      }
      throw e;
    } finally {
      currentRoute.remove();
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.trim();
      // Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
      if (trimmed.equals("*") || strip(trimmed).equals(strip(etag))) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static Map<String, Object> body(
      Payload payload, Instant generatedAt, String requestId, String dataVersion) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (payload instanceof Payload.Page page) {
      body.put("data", page.rows());
      Map<String, Object> pagination = new LinkedHashMap<>();
      pagination.put("next_cursor", page.nextCursor());
      pagination.put("has_more", page.hasMore());
      pagination.put("page_size", page.pageSize());
      body.put("pagination", pagination);
    } else if (payload instanceof Payload.Rows rows) {
      body.put("data", rows.rows());
    } else {
      body.put("data", ((Payload.Document) payload).fields());
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("generated_at", generatedAt);
    meta.put("request_id", requestId);
    meta.put("data_version", dataVersion);
    body.put("meta", meta);
    return body;
  }

  @Override
  public void close() {
    status.close();
    lake.close();
  }
}
