package io.naaplake.scheduler.metrics;

import io.naaplake.alerts.GaugeReadings;
import io.naaplake.alerts.GaugeSample;
import io.naaplake.alerts.LakeMetric;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports the latest {@link GaugeReadings} as Prometheus gauges. A scrape sees one whole set of
 * readings (swapped atomically), never half an old and half a new one, and a series that left the
 * lake (an org without data in the window) leaves the scrape with it.
 */
final class LakeGaugeCollector implements MultiCollector {
  private final AtomicReference<GaugeReadings> latest = new AtomicReference<>();

  void update(GaugeReadings readings) {
    latest.set(readings);
  }

  @Override
  public MetricSnapshots collect() {
    GaugeReadings readings = latest.get();
    if (readings == null) {
      return new MetricSnapshots(); // not read yet: no lake series rather than invented ones
    }
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (LakeMetric metric : LakeMetric.values()) {
      List<GaugeSample> series = readings.series(metric.metricName());
      if (series.isEmpty()) {
        continue;
      }
      GaugeSnapshot.Builder gauge =
          GaugeSnapshot.builder().name(metric.metricName()).help(metric.help());
      for (GaugeSample sample : series) {
        gauge.dataPoint(
            GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(
                    Labels.of(
                        List.copyOf(sample.labels().keySet()),
                        List.copyOf(sample.labels().values())))
                .value(sample.value())
                .build());
      }
      snapshots.add(gauge.build());
    }
    return new MetricSnapshots(snapshots);
  }

  @Override
  public List<String> getPrometheusNames() {
    return java.util.Arrays.stream(LakeMetric.values()).map(LakeMetric::metricName).toList();
  }
}
