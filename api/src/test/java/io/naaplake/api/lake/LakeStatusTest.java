package io.naaplake.api.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LakeStatusTest {
  private static final Instant NOW = Instant.parse("2026-01-09T04:00:00Z");
  private static final Duration MAX = Duration.ofHours(3);

  private static LakeStatus reachable(Instant goldRunTime) {
    return new LakeStatus(
        true, Optional.empty(), Optional.of("run-1"), Optional.ofNullable(goldRunTime), NOW);
  }

  @Test
  void readyWhenReachableAndGoldIsAtMostTheMaximumAgeOld() {
    assertThat(reachable(NOW.minus(MAX)).ready(NOW, MAX)).isTrue();
    assertThat(reachable(NOW.minus(MAX).minusSeconds(1)).ready(NOW, MAX)).isFalse();
    assertThat(reachable(NOW.minus(MAX)).goldAge(NOW)).contains(MAX);
  }

  @Test
  void notReadyWithoutGoldOrWithoutTrino() {
    assertThat(reachable(null).ready(NOW, MAX)).isFalse();
    LakeStatus down = reachable(NOW).unreachable("stopped");
    assertThat(down.ready(NOW, MAX)).isFalse();
    assertThat(down.detail()).contains("stopped");
    // What was known is kept: the data version stays for the meta of the next good answer.
    assertThat(down.dataVersion()).contains("run-1");
    assertThat(LakeStatus.unknown(NOW).ready(NOW, MAX)).isFalse();
  }
}
