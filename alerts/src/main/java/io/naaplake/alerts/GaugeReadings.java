package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Every lake gauge series computed for one as-of time: what {@code /metrics} exports and what
 * {@link AlertEvaluator} judges.
 *
 * @param asOf the time they describe
 * @param samples every series
 */
public record GaugeReadings(Instant asOf, List<GaugeSample> samples) {

  public GaugeReadings {
    requireNonNull(asOf, "asOf is null");
    samples = List.copyOf(samples);
  }

  /** The series of one gauge, by its metric name. */
  public List<GaugeSample> series(String metricName) {
    return samples.stream().filter(s -> s.metric().metricName().equals(metricName)).toList();
  }

  /** Readings that only say the lake could not be read (naap_lake_up 0). */
  public static GaugeReadings unreachable(Instant asOf) {
    return new GaugeReadings(
        asOf,
        List.of(
            GaugeSample.of(LakeMetric.UP, 0),
            GaugeSample.of(LakeMetric.AS_OF, asOf.toEpochMilli() / 1000.0)));
  }
}
