package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.naaplake.api.dashboards.Dashboards;
import io.naaplake.api.lake.LakeStatus;
import io.naaplake.api.routes.DocsPage;
import io.naaplake.api.routes.OpenApiDocument;
import io.naaplake.api.routes.Payload;
import io.naaplake.api.routes.Route;
import io.naaplake.api.serve.ApiService;
import io.naaplake.api.serve.ProblemErrorHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP shell: request ids, the per-client rate limit, CORS for GET, gzip, the access log,
 * problem+json answers, the service routes ({@code /healthz}, {@code /readyz}, {@code /metrics})
 * and one GET route per {@link Route}. It holds no query logic: data routes go through {@link
 * ApiService#answer}.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("naap.api.access");

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID = "naap.request-id";
  private static final String ROUTE = "naap.route";
  private static final String JSON = "application/json";

  /** A client-supplied request id is reused only when it is short and plain (it is logged). */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Request line plus headers; see {@link #configure}. */
  public static final int MAX_REQUEST_HEADER_BYTES = 256 * 1024;

  private ApiServer() {}

  /** The app with only the service routes (no lake behind it): the HTTP shell's own tests. */
  public static Javalin create(TokenBucketRateLimiter limiter) {
    requireNonNull(limiter, "limiter is null");
    return Javalin.create(config -> configure(config, limiter, Optional.empty()));
  }

  /** The full app over a service, not yet started. */
  public static Javalin create(ApiService service, TokenBucketRateLimiter limiter) {
    requireNonNull(service, "service is null");
    requireNonNull(limiter, "limiter is null");
    return Javalin.create(config -> configure(config, limiter, Optional.of(service)));
  }

  /** Starts the full app on the configured address. */
  public static Javalin start(ApiService service) {
    ApiConfig config = service.config();
    return create(service, TokenBucketRateLimiter.of(config))
        .start(config.bindAddress(), config.port());
  }

  private static void configure(
      JavalinConfig config, TokenBucketRateLimiter limiter, Optional<ApiService> service) {
    config.http.compressionStrategy = CompressionStrategy.GZIP;
    // Long enough that every oversized parameter reaches the application and is refused there as a
    // 400 naming it; longer request lines are refused by Jetty (431, as problem+json).
    config.jetty.modifyHttpConfiguration(
        http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    config.http.prefer405over404 = false;
    config.bundledPlugins.enableCors(
        cors ->
            cors.addRule(
                rule -> {
                  rule.anyHost();
                  rule.exposeHeader(REQUEST_ID_HEADER);
                  rule.exposeHeader("ETag");
                  rule.exposeHeader("Retry-After");
                }));
    config.requestLogger.http((ctx, millis) -> logAccess(ctx, millis, service));
    config.routes.before(ctx -> beforeEach(ctx, limiter));
    get(config, "/healthz", ctx -> ctx.json(Map.of("status", "ok")));
    service.ifPresent(s -> installServiceRoutes(config, s));
    config.routes.error(
        404,
        ctx -> {
          if (!ctx.res().isCommitted() && !isProblem(ctx)) {
            writeProblem(ctx, Problems.notFound());
          }
        });
    config.routes.error(405, ctx -> writeProblem(ctx, Problems.methodNotAllowed()));
    config.routes.exception(RateLimited.class, (e, ctx) -> writeProblem(ctx, e.problem));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          Problem problem = Problems.of(e);
          if (problem.status() == 500) {
            // The client gets a fixed text; the details go to the log with the request id.
            LOG.warn("request {} {} failed", requestId(ctx), ctx.path(), e);
          } else if (problem.status() > 500) {
            LOG.info("request {} {}: {}", requestId(ctx), ctx.path(), e.getMessage());
          }
          writeProblem(ctx, problem);
        });
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }

  /** The version of the published API document (the routes' contract, not the build). */
  public static final String API_VERSION = "1.0.0";

  private static void installServiceRoutes(JavalinConfig config, ApiService service) {
    String openApi =
        OpenApiDocument.build(service.routes().stream().map(Route::doc).toList(), API_VERSION)
            .toString();
    config.routes.get(DocsPage.SPEC_PATH, ctx -> ctx.contentType(JSON).result(openApi));
    DocsPage.install(config);
    Dashboards.install(config, service::now, service.config().asOf());
    get(config, "/readyz", ctx -> readiness(ctx, service));
    get(
        config,
        "/metrics",
        ctx -> ctx.contentType(ApiMetrics.CONTENT_TYPE).result(service.metrics().scrape()));
    for (Route route : service.routes()) {
      get(config, route.doc().path(), ctx -> serve(ctx, service, route));
    }
  }

  /** A GET route that records its template for the access log and the request metrics. */
  private static void get(JavalinConfig config, String path, io.javalin.http.Handler handler) {
    config.routes.get(
        path,
        ctx -> {
          ctx.attribute(ROUTE, path);
          handler.handle(ctx);
        });
  }

  private static void serve(Context ctx, ApiService service, Route route) throws Exception {
    ApiService.Answer answer =
        service.answer(
            route,
            ctx.queryParamMap(),
            ctx.pathParamMap(),
            Optional.ofNullable(ctx.header("If-None-Match")),
            requestId(ctx));
    answer.etag().ifPresent(tag -> ctx.header("ETag", tag));
    ctx.header(
        "Cache-Control",
        "public, max-age=" + Math.max(1, service.config().refreshInterval().toSeconds()));
    if (answer.status() == 304) {
      ctx.status(304);
      return;
    }
    if (answer.file().isPresent()) {
      sendFile(ctx, answer.file().get());
      return;
    }
    ctx.contentType(JSON).result(ApiJson.MAPPER.writeValueAsString(answer.body()));
  }

  /**
   * An artifact file's bytes. Reports are HTML served from the API's origin, so they get a policy
   * that allows their inline styles and SVG but no script or remote resource.
   */
  private static void sendFile(Context ctx, Payload.File file) throws IOException {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    String name = file.path().getFileName().toString();
    ctx.header(
        "Content-Disposition",
        (file.attachment() ? "attachment" : "inline") + "; filename=\"" + name + "\"");
    ctx.contentType(file.mediaType()).result(Files.newInputStream(file.path()));
  }

  private static void readiness(Context ctx, ApiService service) throws JsonProcessingException {
    Instant now = service.clock().instant();
    LakeStatus status = service.lakeStatus();
    Duration maxAge = service.config().readinessMaxGoldAge();
    boolean ready = status.ready(now, maxAge);
    service.metrics().setReady(ready);
    service.metrics().setDataVersionAge(status.goldAge(now));
    Map<String, Object> trino = new LinkedHashMap<>();
    trino.put("reachable", status.reachable());
    trino.put("detail", status.detail().orElse(null));
    Map<String, Object> gold = new LinkedHashMap<>();
    gold.put("data_version", status.dataVersion().orElse(null));
    gold.put("last_run_time", status.goldRunTime().orElse(null));
    gold.put("age_seconds", status.goldAge(now).map(Duration::toSeconds).orElse(null));
    gold.put("max_age_seconds", maxAge.toSeconds());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not_ready");
    body.put("trino", trino);
    body.put("gold", gold);
    ctx.status(ready ? 200 : 503)
        .header("Cache-Control", "no-store")
        .contentType(JSON)
        .result(ApiJson.MAPPER.writeValueAsString(body));
  }

  private static void beforeEach(Context ctx, TokenBucketRateLimiter limiter) {
    String given = ctx.header(REQUEST_ID_HEADER);
    String id =
        given != null && SAFE_REQUEST_ID.matcher(given).matches()
            ? given
            : UUID.randomUUID().toString();
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID_HEADER, id);
    TokenBucketRateLimiter.Decision decision = limiter.tryAcquire(ctx.ip());
    if (!decision.allowed()) {
      throw new RateLimited(Problems.rateLimited(decision.retryAfterSeconds()));
    }
  }

  private static void logAccess(Context ctx, float millis, Optional<ApiService> service) {
    String route = routeTemplate(ctx);
    service.ifPresent(
        s ->
            s.metrics()
                .recordRequest(route, ctx.statusCode(), Duration.ofNanos((long) (millis * 1e6))));
    ACCESS.info(
        "{} {} {} {} {}ms route={} request_id={}",
        ctx.ip(),
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        String.format(java.util.Locale.ROOT, "%.1f", millis),
        route,
        requestId(ctx));
  }

  /**
   * The matched route template, never the raw path: metric labels must stay bounded. Requests no
   * route matched (404s, static files, refusals before routing) are "unmatched".
   */
  private static String routeTemplate(Context ctx) {
    String route = ctx.attribute(ROUTE);
    return route == null ? "unmatched" : route;
  }

  private static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id == null ? "unknown" : id;
  }

  private static void writeProblem(Context ctx, Problem problem) {
    Problem tagged = problem.withRequest(ctx.path(), requestId(ctx));
    tagged
        .retryAfterSeconds()
        .ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
    try {
      ctx.status(tagged.status())
          .contentType(Problem.CONTENT_TYPE)
          .result(ApiJson.MAPPER.writeValueAsString(tagged));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem document", e);
    }
  }

  /** Thrown by the rate limit so the answer goes through the one problem writer. */
  private static final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    RateLimited(Problem problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }
}
