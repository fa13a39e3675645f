package io.naaplake.scheduler.metrics;

import static java.util.Objects.requireNonNull;

import io.naaplake.alerts.GaugeReadings;
import io.naaplake.scheduler.RunRecord;
import io.naaplake.scheduler.RunStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The scheduler's Prometheus metrics: its own runs (fed by {@link ObservedRunRecorder}) and the
 * lake gauges ({@link io.naaplake.alerts.LakeMetric}, refreshed by {@link LakeGaugeRefresher}).
 * Each instance owns its registry, so tests count separately.
 *
 * <table>
 *   <caption>Scheduler metrics</caption>
 *   <tr><td>naap_scheduler_runs_total</td><td>counter; chain, status (succeeded, failed,
 *   retrying), trigger (scheduled, manual, misfire-catch-up): attempts recorded</td></tr>
 *   <tr><td>naap_scheduler_run_duration_seconds</td><td>histogram; chain: attempt
 *   durations</td></tr>
 *   <tr><td>naap_scheduler_failures_total</td><td>counter; chain, category (bad_data, retriable,
 *   fatal): failed or retrying attempts</td></tr>
 *   <tr><td>naap_scheduler_last_success_timestamp_seconds</td><td>gauge; chain: wall-clock end of
 *   its newest successful attempt (absent until one)</td></tr>
 * </table>
 */
public final class SchedulerMetrics {

  /** The Content-Type of {@link #scrape()}: the Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** From a no-op refresh (a second) to a long rebuild (two hours). */
  private static final double[] DURATION_BUCKETS = {
    1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer =
      PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();
  private final Counter runs;
  private final Histogram duration;
  private final Counter failures;
  private final Gauge lastSuccess;
  private final LakeGaugeCollector lake = new LakeGaugeCollector();

  public SchedulerMetrics() {
    runs =
        Counter.builder()
            .name("naap_scheduler_runs_total")
            .help("Chain attempts recorded, by chain, status and trigger.")
            .labelNames("chain", "status", "trigger")
            .withoutExemplars()
            .register(registry);
    duration =
        Histogram.builder()
            .name("naap_scheduler_run_duration_seconds")
            .help("Duration of one chain attempt.")
            .labelNames("chain")
            .classicOnly()
            .classicUpperBounds(DURATION_BUCKETS)
            .withoutExemplars()
            .register(registry);
    failures =
        Counter.builder()
            .name("naap_scheduler_failures_total")
            .help("Failed or retrying chain attempts, by chain and error category.")
            .labelNames("chain", "category")
            .withoutExemplars()
            .register(registry);
    lastSuccess =
        Gauge.builder()
            .name("naap_scheduler_last_success_timestamp_seconds")
            .help("Wall-clock end of the chain's newest successful attempt.")
            .labelNames("chain")
            .withoutExemplars()
            .register(registry);
    registry.register(lake);
  }

  /** Counts one recorded attempt. */
  public void record(RunRecord run) {
    requireNonNull(run, "run is null");
    runs.labelValues(run.chain(), run.status().label(), run.kind().label()).inc();
    duration.labelValues(run.chain()).observe(seconds(run.duration()));
    run.errorCategory()
        .ifPresent(
            category ->
                failures.labelValues(run.chain(), category.name().toLowerCase(Locale.ROOT)).inc());
    if (run.status() == RunStatus.SUCCEEDED) {
      Instant end = run.startedAt().plus(run.duration());
      lastSuccess.labelValues(run.chain()).set(end.getEpochSecond() + end.getNano() / 1e9);
    }
  }

  /** Replaces the exported lake gauges with these readings. */
  public void updateLake(GaugeReadings readings) {
    lake.update(requireNonNull(readings, "readings is null"));
  }

  /** Every metric in the text exposition format 0.0.4. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to memory", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static double seconds(Duration value) {
    return value.getSeconds() + value.getNano() / 1e9;
  }
}
