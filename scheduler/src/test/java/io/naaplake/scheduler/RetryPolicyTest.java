package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(10));

  @Test
  void backoffDoublesFromTheInitialOne() {
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(480));
  }

  @Test
  void backoffIsCapped() {
    assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void attemptsStopAtTheMaximumFirstRunIncluded() {
    assertThat(policy.allowsAttemptAfter(1)).isTrue();
    assertThat(policy.allowsAttemptAfter(4)).isTrue();
    assertThat(policy.allowsAttemptAfter(5)).isFalse();
    RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(once.allowsAttemptAfter(1)).isFalse();
  }

  @Test
  void attemptsAreOneBased() {
    assertThatThrownBy(() -> policy.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
