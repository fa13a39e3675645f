package io.naaplake.api;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.util.Optional;

/**
 * The one mapping from failures to HTTP answers. Error categories map to statuses as follows, so
 * every handler can simply throw:
 *
 * <ul>
 *   <li>{@link BadParameter} and {@link ErrorCategory#BAD_DATA}: 400, the request is wrong;
 *   <li>{@link ErrorCategory#RETRIABLE}: 503 with {@code Retry-After} when Trino cannot be reached,
 *       504 with {@code Retry-After} when a query ran over the timeout; the same request may
 *       succeed soon;
 *   <li>{@link ErrorCategory#FATAL} and anything unexpected: 500 with a fixed detail. Messages of
 *       unexpected exceptions are logged, never sent: they may hold SQL, hosts or stack traces.
 * </ul>
 */
public final class Problems {

  /** How long a client should wait after a 503; a Trino restart takes tens of seconds. */
  public static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

  static final String TYPE_BAD_PARAMETER = "/problems/bad-parameter";
  static final String TYPE_BAD_REQUEST = "/problems/bad-request";
  static final String TYPE_UNAVAILABLE = "/problems/lake-unavailable";
  static final String TYPE_TIMEOUT = "/problems/lake-timeout";
  static final String TYPE_NOT_FOUND = "/problems/not-found";
  static final String QUERY_TIMEOUT_CODE = "TRINO_QUERY_TIMEOUT";
  static final String TYPE_RATE_LIMITED = "/problems/rate-limited";
  static final String BLANK = "about:blank";

  public static Problem badParameter(BadParameter error) {
    return new Problem(
        TYPE_BAD_PARAMETER,
        "Invalid request parameter",
        400,
        error.getMessage(),
        null,
        error.parameter(),
        null,
        Optional.empty());
  }

  public static Problem notFound() {
    return new Problem(
        BLANK,
        "Not Found",
        404,
        "No such route; see /openapi.json for the routes this API serves.",
        null,
        null,
        null,
        Optional.empty());
  }

  /** A well-formed request for something the lake does not hold (an unknown orchestrator). */
  public static Problem unknownResource(String what) {
    return new Problem(TYPE_NOT_FOUND, "Not Found", 404, what, null, null, null, Optional.empty());
  }

  public static Problem methodNotAllowed() {
    return new Problem(
        BLANK,
        "Method Not Allowed",
        405,
        "This API is read-only: only GET is served.",
        null,
        null,
        null,
        Optional.empty());
  }

  public static Problem rateLimited(long retryAfterSeconds) {
    return new Problem(
        TYPE_RATE_LIMITED,
        "Too many requests",
        429,
        "Request rate over the per-client limit; retry after the Retry-After seconds.",
        null,
        null,
        null,
        Optional.of(retryAfterSeconds));
  }

  /** The answer for any exception a handler throws. */
  public static Problem of(Throwable error) {
    if (error instanceof BadParameter badParameter) {
      return badParameter(badParameter);
    }
    if (error instanceof ResourceNotFound notFound) {
      return unknownResource(notFound.getMessage());
    }
    ErrorCategory category = NaapException.categoryOf(error);
    if (category == ErrorCategory.RETRIABLE && codeOf(error).equals(QUERY_TIMEOUT_CODE)) {
      return new Problem(
          TYPE_TIMEOUT,
          "Lake query timed out",
          504,
          "The query engine did not finish in time; retry after the Retry-After seconds.",
          null,
          null,
          null,
          Optional.of(RETRY_AFTER_UNAVAILABLE_SECONDS));
    }
    return switch (category) {
      case BAD_DATA ->
          new Problem(
              TYPE_BAD_REQUEST,
              "Bad request",
              400,
              error.getMessage(),
              null,
              null,
              null,
              Optional.empty());
      case RETRIABLE ->
          new Problem(
              TYPE_UNAVAILABLE,
              "Lake temporarily unavailable",
              503,
              "The query engine cannot be reached ("
                  + codeOf(error)
                  + "); retry after the Retry-After seconds.",
              null,
              null,
              null,
              Optional.of(RETRY_AFTER_UNAVAILABLE_SECONDS));
      case FATAL ->
          new Problem(
              BLANK,
              "Internal Server Error",
              500,
              "An internal error occurred; quote the request_id when reporting it.",
              null,
              null,
              null,
              Optional.empty());
    };
  }

  private static String codeOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NaapException naap) {
        return naap.code();
      }
    }
    return "UNAVAILABLE";
  }

  private Problems() {}
}
