package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.api.TokenBucketRateLimiter.Decision;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(123_456_789L);
  private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(10, 20, nanos::get);

  private void advanceMillis(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void burstThenRefusedThenRefilled() {
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1").allowed()).as("request %s", i).isTrue();
    }
    Decision refused = limiter.tryAcquire("10.0.0.1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);

    advanceMillis(100); // one token at 10 per second
    assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
    assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();

    advanceMillis(500); // five tokens
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
    }
    assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
  }

  @Test
  void refillIsCappedAtTheBurst() {
    advanceMillis(TimeUnit.HOURS.toMillis(1));
    int allowed = 0;
    while (limiter.tryAcquire("a").allowed()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(20);
  }

  @Test
  void anotherClientIsUnaffected() {
    while (limiter.tryAcquire("10.0.0.1").allowed()) {
      // drain
    }
    assertThat(limiter.tryAcquire("10.0.0.2").allowed()).isTrue();
  }

  @Test
  void retryAfterIsWholeSecondsUntilTheNextToken() {
    TokenBucketRateLimiter slow = new TokenBucketRateLimiter(1, 1, nanos::get);
    assertThat(slow.tryAcquire("c").allowed()).isTrue();
    assertThat(slow.tryAcquire("c").retryAfterSeconds()).isEqualTo(1);
    advanceMillis(999);
    assertThat(slow.tryAcquire("c").allowed()).isFalse();
    advanceMillis(1);
    assertThat(slow.tryAcquire("c").allowed()).isTrue();
  }

  @Test
  void idleClientsArePruned() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("b");
    limiter.pruneIdle();
    assertThat(limiter.trackedClients()).isEqualTo(2);
    advanceMillis(200);
    limiter.pruneIdle();
    assertThat(limiter.trackedClients()).isZero();
  }
}
