package io.naaplake.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  private static final long MS = 1_000_000L;

  private static long[] millis(long... values) {
    return LongStream.of(values).map(v -> v * MS).toArray();
  }

  @Test
  void oneToOneHundredMillisecondsInAnyOrder() {
    long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * MS).toArray();
    LatencyStats stats = LatencyStats.ofNanos(shuffled);
    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.p50Millis()).isEqualTo(50.0);
    assertThat(stats.p95Millis()).isEqualTo(95.0);
    assertThat(stats.p99Millis()).isEqualTo(99.0);
    assertThat(stats.maxMillis()).isEqualTo(100.0);
    assertThat(stats.percentileNanos(1)).isEqualTo(1 * MS);
    assertThat(stats.percentileNanos(100)).isEqualTo(100 * MS);
  }

  @Test
  void nearestRankRoundsTheRankUp() {
    // Ten samples: p50 is rank 5, p95 rank ceil(9.5) = 10, p99 rank ceil(9.9) = 10.
    LatencyStats stats = LatencyStats.ofNanos(millis(10, 20, 30, 40, 50, 60, 70, 80, 90, 100));
    assertThat(stats.p50Millis()).isEqualTo(50.0);
    assertThat(stats.p95Millis()).isEqualTo(100.0);
    assertThat(stats.p99Millis()).isEqualTo(100.0);
    // Three samples: p50 is rank ceil(1.5) = 2, never an interpolated 2.5.
    LatencyStats three = LatencyStats.ofNanos(millis(3, 1, 2));
    assertThat(three.p50Millis()).isEqualTo(2.0);
    assertThat(three.percentileNanos(33)).isEqualTo(1 * MS);
    assertThat(three.percentileNanos(34)).isEqualTo(2 * MS);
  }

  @Test
  void singleValueIsEveryPercentile() {
    LatencyStats stats = LatencyStats.ofNanos(new long[] {1_234_567});
    assertThat(stats.p50Millis()).isEqualTo(1.234567);
    assertThat(stats.p95Millis()).isEqualTo(1.234567);
    assertThat(stats.p99Millis()).isEqualTo(1.234567);
    assertThat(stats.maxMillis()).isEqualTo(1.234567);
  }

  @Test
  void inputIsCopiedNotSortedInPlace() {
    long[] input = millis(3, 1, 2);
    LatencyStats.ofNanos(input);
    assertThat(input).containsExactly(3 * MS, 1 * MS, 2 * MS);
  }

  @Test
  void emptyAndOutOfRangePercentRefused() {
    assertThatThrownBy(() -> LatencyStats.ofNanos(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one sample");
    LatencyStats stats = LatencyStats.ofNanos(millis(1));
    assertThatThrownBy(() -> stats.percentileNanos(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats.percentileNanos(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
