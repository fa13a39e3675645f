package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {
  private static final String ORCHESTRATOR = "/v1/orchestrators/{address}";
  private static final String SLA = "/v1/streaming/sla";

  private final ApiMetrics metrics = new ApiMetrics();

  private static List<String> lines(String scrape) {
    return Arrays.asList(scrape.split("\n"));
  }

  @Test
  void requestsAreCountedByRouteAndStatusWithTheirDurations() {
    // Durations that are exact in binary, so the _sum lines compare as text.
    metrics.recordRequest(ORCHESTRATOR, 200, Duration.ofMillis(250));
    metrics.recordRequest(ORCHESTRATOR, 200, Duration.ofMillis(500));
    metrics.recordRequest(ORCHESTRATOR, 400, Duration.ofMillis(125));

    assertThat(lines(metrics.scrape()))
        .contains(
            "# TYPE naap_api_requests_total counter",
            "naap_api_requests_total{route=\"/v1/orchestrators/{address}\",status=\"200\"} 2.0",
            "naap_api_requests_total{route=\"/v1/orchestrators/{address}\",status=\"400\"} 1.0",
            "# TYPE naap_api_request_duration_seconds histogram",
            "naap_api_request_duration_seconds_count{route=\"/v1/orchestrators/{address}\"} 3",
            "naap_api_request_duration_seconds_sum{route=\"/v1/orchestrators/{address}\"} 0.875",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/orchestrators/{address}\","
                + "le=\"0.1\"} 0",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/orchestrators/{address}\","
                + "le=\"0.25\"} 2",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/orchestrators/{address}\","
                + "le=\"0.5\"} 3");
  }

  @Test
  void bucketsSpanOneMillisecondToThirtySeconds() {
    metrics.recordRequest(SLA, 200, Duration.ofSeconds(20));

    List<String> lines = lines(metrics.scrape());
    assertThat(lines)
        .contains(
            "naap_api_request_duration_seconds_bucket{route=\"/v1/streaming/sla\",le=\"0.001\"} 0",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/streaming/sla\",le=\"10.0\"} 0",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/streaming/sla\",le=\"30.0\"} 1",
            "naap_api_request_duration_seconds_bucket{route=\"/v1/streaming/sla\",le=\"+Inf\"} 1");
    assertThat(lines.stream().filter(l -> l.startsWith("naap_api_request_duration_seconds_bucket")))
        .hasSize(15);
  }

  @Test
  void nullAndBlankRoutesAreRecordedAsUnmatched() {
    metrics.recordRequest(null, 404, Duration.ofMillis(1));
    metrics.recordRequest("  ", 404, Duration.ofMillis(1));
    metrics.recordCache("", false);

    assertThat(lines(metrics.scrape()))
        .contains(
            "naap_api_requests_total{route=\"unmatched\",status=\"404\"} 2.0",
            "naap_api_cache_requests_total{result=\"miss\",route=\"unmatched\"} 1.0")
        .noneMatch(line -> line.contains("route=\"\"") || line.contains("route=\"  \""));
  }

  @Test
  void queriesAreTimedByOutcome() {
    metrics.recordQuery(SLA, Duration.ofMillis(250), "ok");
    metrics.recordQuery(SLA, Duration.ofMillis(750), "ok");
    metrics.recordQuery(SLA, Duration.ofSeconds(10), "timeout");
    metrics.recordQuery(ORCHESTRATOR, Duration.ofMillis(5), "unavailable");
    metrics.recordQuery(ORCHESTRATOR, Duration.ofMillis(5), "error");

    assertThat(lines(metrics.scrape()))
        .contains(
            "naap_api_trino_query_duration_seconds_count{outcome=\"ok\",route=\"/v1/streaming/sla\"} 2",
            "naap_api_trino_query_duration_seconds_sum{outcome=\"ok\",route=\"/v1/streaming/sla\"} 1.0",
            "naap_api_trino_query_duration_seconds_count{outcome=\"timeout\","
                + "route=\"/v1/streaming/sla\"} 1",
            "naap_api_trino_query_duration_seconds_sum{outcome=\"timeout\","
                + "route=\"/v1/streaming/sla\"} 10.0",
            "naap_api_trino_query_duration_seconds_count{outcome=\"unavailable\","
                + "route=\"/v1/orchestrators/{address}\"} 1",
            "naap_api_trino_query_duration_seconds_count{outcome=\"error\","
                + "route=\"/v1/orchestrators/{address}\"} 1");
  }

  @Test
  void unknownOutcomesStatusesAndNegativeDurationsAreRefused() {
    assertThatThrownBy(() -> metrics.recordQuery(SLA, Duration.ofMillis(1), "slow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slow");
    assertThatThrownBy(() -> metrics.recordQuery(SLA, Duration.ofMillis(1), "OK"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.recordQuery(SLA, Duration.ofMillis(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.recordRequest(SLA, 99, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.recordRequest(SLA, 600, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.recordRequest(SLA, 200, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(metrics.scrape()).doesNotContain("slow").doesNotContain("status=\"99\"");
  }

  @Test
  void cacheLookupsAreCountedAsHitsAndMisses() {
    metrics.recordCache(SLA, true);
    metrics.recordCache(SLA, true);
    metrics.recordCache(SLA, true);
    metrics.recordCache(SLA, false);

    assertThat(lines(metrics.scrape()))
        .contains(
            "# TYPE naap_api_cache_requests_total counter",
            "naap_api_cache_requests_total{result=\"hit\",route=\"/v1/streaming/sla\"} 3.0",
            "naap_api_cache_requests_total{result=\"miss\",route=\"/v1/streaming/sla\"} 1.0");
  }

  @Test
  void readinessStartsAtZeroAndFollowsSetReady() {
    assertThat(lines(metrics.scrape())).contains("naap_api_ready 0.0");
    metrics.setReady(true);
    assertThat(lines(metrics.scrape())).contains("naap_api_ready 1.0");
    metrics.setReady(false);
    assertThat(lines(metrics.scrape())).contains("naap_api_ready 0.0");
  }

  @Test
  void dataVersionAgeIsNanUntilKnownAndAgainWhenLost() {
    assertThat(lines(metrics.scrape())).contains("naap_api_data_version_age_seconds NaN");
    metrics.setDataVersionAge(Optional.of(Duration.ofMinutes(90).plusMillis(500)));
    assertThat(lines(metrics.scrape())).contains("naap_api_data_version_age_seconds 5400.5");
    metrics.setDataVersionAge(Optional.empty());
    assertThat(lines(metrics.scrape())).contains("naap_api_data_version_age_seconds NaN");
  }

  @Test
  void instancesDoNotShareCounts() {
    ApiMetrics other = new ApiMetrics();
    metrics.recordRequest(SLA, 200, Duration.ofMillis(1));
    metrics.recordRequest(SLA, 200, Duration.ofMillis(1));
    other.recordRequest(SLA, 200, Duration.ofMillis(1));

    assertThat(lines(metrics.scrape()))
        .contains("naap_api_requests_total{route=\"/v1/streaming/sla\",status=\"200\"} 2.0");
    assertThat(lines(other.scrape()))
        .contains("naap_api_requests_total{route=\"/v1/streaming/sla\",status=\"200\"} 1.0");
    assertThat(lines(new ApiMetrics().scrape()))
        .noneMatch(line -> line.startsWith("naap_api_requests_total{"));
  }

  @Test
  void contentTypeIsTheTextFormatVersion004() {
    assertThat(ApiMetrics.CONTENT_TYPE).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.scrape()).endsWith("\n").doesNotContain("_created");
  }
}
