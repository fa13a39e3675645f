package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of one request: an answer (any status) or a transport failure.
 *
 * @param status the HTTP status; 0 when the request got no answer
 * @param latencyNanos from just before sending to the last byte of the body (or the failure)
 * @param etag the {@code ETag} response header, if any
 * @param failure what went wrong at the transport level (connection refused, timeout), if it did
 */
public record Sample(
    int status, long latencyNanos, Optional<String> etag, Optional<String> failure) {
  public Sample {
    requireNonNull(etag, "etag is null");
    requireNonNull(failure, "failure is null");
    if (failure.isPresent() == (status != 0)) {
      throw new IllegalArgumentException("a sample has either a status or a failure");
    }
  }

  public static Sample answered(int status, long latencyNanos, Optional<String> etag) {
    return new Sample(status, latencyNanos, etag, Optional.empty());
  }

  public static Sample failed(long latencyNanos, String failure) {
    return new Sample(0, latencyNanos, Optional.empty(), Optional.of(failure));
  }

  public boolean isAnswered() {
    return failure.isEmpty();
  }
}
