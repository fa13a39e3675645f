package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the client IP): each bucket holds up to {@code burst} tokens and
 * refills at {@code ratePerSecond}; a request takes one token or is refused with the whole seconds
 * until one is available (the {@code Retry-After} value of the 429).
 *
 * <p>Time comes from an injected monotonic nanosecond source, so tests drive it by hand. Buckets
 * that have refilled completely carry no state worth keeping; {@link #pruneIdle} drops them so a
 * scan from many addresses does not grow the map without bound.
 */
public final class TokenBucketRateLimiter {

  /** One token, in the integer units buckets count in (exact arithmetic, no float drift). */
  private static final long TOKEN = TimeUnit.SECONDS.toNanos(1);

  private final long ratePerSecond;
  private final long capacity;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBucketRateLimiter(int ratePerSecond, int burst, LongSupplier nanoTime) {
    if (ratePerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.ratePerSecond = ratePerSecond;
    this.capacity = burst * TOKEN;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  public static TokenBucketRateLimiter of(ApiConfig config) {
    return new TokenBucketRateLimiter(
        config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime);
  }

  /** Takes a token for the client: {@link Decision#allowed()} or how long to wait. */
  public Decision tryAcquire(String clientKey) {
    requireNonNull(clientKey, "clientKey is null");
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(clientKey, key -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.refill(now, ratePerSecond, capacity);
      if (bucket.units >= TOKEN) {
        bucket.units -= TOKEN;
        return Decision.ALLOWED;
      }
      // Units refill at ratePerSecond per nanosecond; round the wait up to whole seconds.
      long nanosUntilToken = ceilDiv(TOKEN - bucket.units, ratePerSecond);
      return new Decision(false, Math.max(1, ceilDiv(nanosUntilToken, TOKEN)));
    }
  }

  /** Drops buckets that are full again (idle clients); call periodically. */
  public void pruneIdle() {
    long now = nanoTime.getAsLong();
    buckets
        .entrySet()
        .removeIf(
            entry -> {
              Bucket bucket = entry.getValue();
              synchronized (bucket) {
                bucket.refill(now, ratePerSecond, capacity);
                return bucket.units >= capacity;
              }
            });
  }

  int trackedClients() {
    return buckets.size();
  }

  /**
   * The outcome of one request.
   *
   * @param allowed whether the request may proceed
   * @param retryAfterSeconds when refused, whole seconds (at least 1) until a token is available
   */
  public record Decision(boolean allowed, long retryAfterSeconds) {
    static final Decision ALLOWED = new Decision(true, 0);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }

  /** Tokens in units of 1/10^9 token: one nanosecond refills {@code ratePerSecond} units. */
  private static final class Bucket {
    private long units;
    private long updatedNanos;

    Bucket(long units, long updatedNanos) {
      this.units = units;
      this.updatedNanos = updatedNanos;
    }

    void refill(long now, long ratePerSecond, long capacity) {
      // nanoTime differences, not comparisons, are what is monotonic (overflow-safe).
      long elapsed = now - updatedNanos;
      if (elapsed > 0) {
        // Capping the elapsed time first keeps elapsed * rate far from overflow.
        long needed = capacity - units;
        long fill = elapsed >= needed / ratePerSecond + 1 ? needed : elapsed * ratePerSecond;
        units = Math.min(capacity, units + fill);
        updatedNanos = now;
      }
    }
  }
}
