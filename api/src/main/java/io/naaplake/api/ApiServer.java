package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP shell: request ids, the per-client rate limit, the problem+json answers and the routes.
 * It holds no query logic; routes will call the Trino executor (not written yet). Built by {@link
 * #create} so tests start it on port 0 with their own limiter.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID = "naap.request-id";

  /** A client-supplied request id is reused only when it is short and plain (it is logged). */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private ApiServer() {}

  /** The app, not yet started. */
  public static Javalin create(TokenBucketRateLimiter limiter) {
    requireNonNull(limiter, "limiter is null");
    return Javalin.create(
        config -> {
          config.routes.before(ctx -> beforeEach(ctx, limiter));
          config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
          config.routes.error(404, ctx -> writeProblem(ctx, Problems.notFound()));
          config.routes.exception(RateLimited.class, (e, ctx) -> writeProblem(ctx, e.problem));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                Problem problem = Problems.of(e);
                if (problem.status() >= 500) {
                  // The client gets a fixed text; the details go to the log with the request id.
                  LOG.warn("request {} {} failed", requestId(ctx), ctx.path(), e);
                }
                writeProblem(ctx, problem);
              });
        });
  }

  /** Starts the app on the configured address. */
  public static Javalin start(ApiConfig config) {
    return create(TokenBucketRateLimiter.of(config)).start(config.bindAddress(), config.port());
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
