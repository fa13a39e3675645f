package io.naaplake.api.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of request latencies: the p-th percentile is the smallest
 * sample such that at least p% of the samples are at or below it, so it is always a latency that
 * was actually observed (no interpolation between two requests).
 */
public final class LatencyStats {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final long[] sortedNanos;

  private LatencyStats(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  /**
   * @param latenciesNanos one latency per answered request, in nanoseconds, in any order; copied
   * @throws IllegalArgumentException when empty: a percentile of nothing is not zero
   */
  public static LatencyStats ofNanos(long[] latenciesNanos) {
    if (latenciesNanos.length == 0) {
      throw new IllegalArgumentException("no latencies: percentiles need at least one sample");
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    return new LatencyStats(sorted);
  }

  public int count() {
    return sortedNanos.length;
  }

  /**
   * The nearest-rank percentile: the sample at rank ceil(percent / 100 * count), ranks counted from
   * 1.
   *
   * @param percent 1 to 100
   */
  public long percentileNanos(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be 1 to 100: " + percent);
    }
    // Integer ceiling: a double product such as 0.95 * 100 can land a hair above 95 and pick the
    // next rank.
    long rank = ((long) percent * sortedNanos.length + 99) / 100;
    return sortedNanos[(int) rank - 1];
  }

  public double p50Millis() {
    return millis(percentileNanos(50));
  }

  public double p95Millis() {
    return millis(percentileNanos(95));
  }

  public double p99Millis() {
    return millis(percentileNanos(99));
  }

  public double maxMillis() {
    return millis(sortedNanos[sortedNanos.length - 1]);
  }

  private static double millis(long nanos) {
    return nanos / NANOS_PER_MILLI;
  }
}
