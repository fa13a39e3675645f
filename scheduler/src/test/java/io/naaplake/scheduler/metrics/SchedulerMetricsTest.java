package io.naaplake.scheduler.metrics;

import static io.naaplake.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.alerts.GaugeReadings;
import io.naaplake.alerts.LakeMetric;
import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.LakeErrors;
import io.naaplake.scheduler.RunRecord;
import io.naaplake.scheduler.RunStatus;
import io.naaplake.scheduler.TriggerKind;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerMetricsTest {
  private static final Instant T = Instant.parse("2026-01-15T12:05:00Z");

  private static RunRecord run(String chain, RunStatus status, Duration took) {
    return new RunRecord(
        chain,
        TriggerKind.SCHEDULED,
        T,
        1,
        status,
        status == RunStatus.SUCCEEDED ? Optional.empty() : Optional.of(ErrorCategory.RETRIABLE),
        "x",
        T.plusSeconds(1),
        took);
  }

  @Test
  void countsRecordedRuns() {
    SchedulerMetrics metrics = new SchedulerMetrics();
    // Two hourly successes (2 s and 40 s), one retrying attempt and one failed daily attempt.
    metrics.record(run("hourly", RunStatus.SUCCEEDED, Duration.ofSeconds(2)));
    metrics.record(run("hourly", RunStatus.RETRYING, Duration.ofMillis(500)));
    metrics.record(run("hourly", RunStatus.SUCCEEDED, Duration.ofSeconds(40)));
    metrics.record(run("daily", RunStatus.FAILED, Duration.ofSeconds(3)));
    String text = metrics.scrape();
    assertThat(text)
        .contains(
            "naap_scheduler_runs_total{chain=\"hourly\",status=\"succeeded\",trigger=\"scheduled\"}"
                + " 2.0")
        .contains(
            "naap_scheduler_runs_total{chain=\"hourly\",status=\"retrying\",trigger=\"scheduled\"}"
                + " 1.0")
        .contains("naap_scheduler_failures_total{category=\"retriable\",chain=\"daily\"} 1.0")
        .contains("naap_scheduler_failures_total{category=\"retriable\",chain=\"hourly\"} 1.0")
        // 0.5 s and 2 s are at most 5 s; 40 s is not; the sum is 42.5 s.
        .contains("naap_scheduler_run_duration_seconds_bucket{chain=\"hourly\",le=\"5.0\"} 2")
        .contains("naap_scheduler_run_duration_seconds_bucket{chain=\"hourly\",le=\"60.0\"} 3")
        .contains("naap_scheduler_run_duration_seconds_sum{chain=\"hourly\"} 42.5")
        // The newest success ended at started (T + 1 s) + 40 s.
        .contains(
            "naap_scheduler_last_success_timestamp_seconds{chain=\"hourly\"} "
                + (double) (T.getEpochSecond() + 41))
        .doesNotContain("naap_scheduler_last_success_timestamp_seconds{chain=\"daily\"}")
        .doesNotContain("naap_lake_"); // no lake series before the first refresh
  }

  @Test
  void observedRecorderCountsEvenWhenTheWrappedRecorderFails() {
    SchedulerMetrics metrics = new SchedulerMetrics();
    ObservedRunRecorder recorder =
        new ObservedRunRecorder(
            r -> {
              throw new IllegalStateException("disk full");
            },
            metrics);
    assertThatThrownBy(() -> recorder.record(run("hourly", RunStatus.SUCCEEDED, Duration.ZERO)))
        .hasMessage("disk full");
    assertThat(metrics.scrape())
        .contains(
            "naap_scheduler_runs_total{chain=\"hourly\",status=\"succeeded\",trigger=\"scheduled\"}"
                + " 1.0");
  }

  @Test
  void refresherExportsReadingsAndOnlyUpZeroWhenTheLakeIsDown() {
    SchedulerMetrics metrics = new SchedulerMetrics();
    AtomicInteger reads = new AtomicInteger();
    LakeGaugeRefresher refresher =
        new LakeGaugeRefresher(
            asOf -> {
              if (reads.incrementAndGet() > 1) {
                throw LakeErrors.trinoUnavailable("jdbc:trino://x", new java.io.IOException());
              }
              return new GaugeReadings(
                  asOf,
                  List.of(
                      of(LakeMetric.UP, 1),
                      of(LakeMetric.ATTRIBUTION_RATIO, 0.5, "daydream"),
                      of(LakeMetric.EVENT_FRESHNESS, 12, "daydream", "ai_stream_status")));
            },
            metrics,
            Clock.fixed(T, ZoneOffset.UTC),
            Optional.empty());
    assertThat(refresher.refresh()).isTrue();
    assertThat(metrics.scrape())
        .contains("naap_lake_up 1.0")
        .contains("naap_lake_attribution_ratio{org=\"daydream\"} 0.5")
        .contains(
            "naap_lake_event_freshness_seconds{family=\"ai_stream_status\",org=\"daydream\"}"
                + " 12.0");
    assertThat(refresher.refresh()).isFalse();
    assertThat(metrics.scrape())
        .contains("naap_lake_up 0.0")
        .contains("naap_lake_gauges_as_of_timestamp_seconds " + (double) T.getEpochSecond())
        .doesNotContain("naap_lake_attribution_ratio");
    refresher.close();
  }

  @Test
  void serverServesMetricsOverHttpAndPortZeroIsOff() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SchedulerMetrics metrics = new SchedulerMetrics();
    metrics.record(run("hourly", RunStatus.SUCCEEDED, Duration.ofSeconds(1)));
    MetricsEndpointConfig config =
        MetricsEndpointConfig.from(Settings.of(Map.of("naap.scheduler.metrics-port", "" + port)));
    try (MetricsServer server =
        MetricsServer.start(
            config,
            Optional.empty(),
            metrics,
            asOf -> new GaugeReadings(asOf, List.of(of(LakeMetric.UP, 1))),
            Clock.systemUTC())) {
      assertThat(server.port()).contains(port);
      // HttpURLConnection rather than HttpClient: it needs no selector thread (a faster test).
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
      assertThat(connection.getResponseCode()).isEqualTo(200);
      assertThat(connection.getContentType()).isEqualTo(SchedulerMetrics.CONTENT_TYPE);
      String body;
      try (var in = connection.getInputStream()) {
        body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      connection.disconnect();
      assertThat(body).contains("naap_scheduler_runs_total{chain=\"hourly\"");
    }
    MetricsEndpointConfig off =
        MetricsEndpointConfig.from(Settings.of(Map.of("naap.scheduler.metrics-port", "0")));
    try (MetricsServer server =
        MetricsServer.start(
            off,
            Optional.empty(),
            metrics,
            asOf -> {
              throw new AssertionError("a disabled server reads no gauges");
            },
            Clock.systemUTC())) {
      assertThat(server.port()).isEmpty();
    }
  }
}
