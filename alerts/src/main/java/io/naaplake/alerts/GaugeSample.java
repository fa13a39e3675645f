package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of a lake gauge at one time.
 *
 * @param metric which gauge
 * @param labels its label values, in the gauge's label order
 * @param value the value
 */
public record GaugeSample(LakeMetric metric, Map<String, String> labels, double value) {

  public GaugeSample {
    requireNonNull(metric, "metric is null");
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    if (!List.copyOf(labels.keySet()).equals(metric.labels())) {
      throw new IllegalArgumentException(
          metric.metricName() + " has labels " + metric.labels() + ", not " + labels.keySet());
    }
  }

  /** A series with label values given in the gauge's label order. */
  public static GaugeSample of(LakeMetric metric, double value, String... labelValues) {
    if (labelValues.length != metric.labels().size()) {
      throw new IllegalArgumentException(
          metric.metricName() + " needs label values for " + metric.labels());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < labelValues.length; i++) {
      labels.put(metric.labels().get(i), requireNonNull(labelValues[i], "label value is null"));
    }
    return new GaugeSample(metric, labels, value);
  }
}
