package io.naaplake.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertsConfigTest {

  @Test
  void defaults() {
    AlertsConfig config = AlertsConfig.from(Settings.of(Map.of()));
    assertThat(config)
        .isEqualTo(
            new AlertsConfig(
                "jdbc:trino://127.0.0.1:18080",
                "delta",
                "researcher",
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Optional.empty(),
                Map.of()));
    assertThat(config.rules()).isEqualTo(AlertCatalog.DEFAULTS);
  }

  @Test
  void explicitMappingAndTheSharedTrinoKeys() {
    AlertsConfig config =
        AlertsConfig.from(
            Settings.of(
                Map.of(
                    "naap.trino.url", "jdbc:trino://127.0.0.1:38080",
                    "naap.alerts.window", "24h",
                    "naap.alerts.as-of", "2026-01-09T01:00:00Z",
                    "naap.alerts.thresholds", "NaapEventsStale:900,NaapAttributionLow:0.8")));
    assertThat(config.trinoUrl()).isEqualTo("jdbc:trino://127.0.0.1:38080");
    assertThat(config.window()).isEqualTo(Duration.ofHours(24));
    assertThat(config.asOfOr(Instant.EPOCH)).isEqualTo(Instant.parse("2026-01-09T01:00:00Z"));
    assertThat(config.rules().get(1).expression())
        .isEqualTo("min by (org) (naap_lake_event_freshness_seconds) > 900");
  }

  @Test
  void theRatioWindowIsTheWholeHoursBeforeTheAsOfTimesHour() {
    AlertsConfig config = AlertsConfig.from(Settings.of(Map.of("naap.alerts.window", "3h")));
    Instant asOf = Instant.parse("2026-01-09T01:59:59Z");
    assertThat(AlertsConfig.windowEnd(asOf)).isEqualTo(Instant.parse("2026-01-09T01:00:00Z"));
    assertThat(config.windowStart(asOf)).isEqualTo(Instant.parse("2026-01-08T22:00:00Z"));
    // On the hour, that hour has only begun: it is not in the window.
    Instant onTheHour = Instant.parse("2026-01-09T01:00:00Z");
    assertThat(AlertsConfig.windowEnd(onTheHour)).isEqualTo(onTheHour);
  }

  @Test
  void readingThroughAnotherTrinoKeepsTheRulesAndTheWindow() {
    AlertsConfig config =
        AlertsConfig.from(
            Settings.of(
                Map.of("naap.alerts.window", "2h", "naap.alerts.thresholds", "NaapGoldStale:60")));
    AlertsConfig api =
        config.readingThrough("jdbc:trino://api:8080", "lake", "api_reader", Duration.ofSeconds(5));
    assertThat(api.trinoUrl()).isEqualTo("jdbc:trino://api:8080");
    assertThat(api.trinoCatalog()).isEqualTo("lake");
    assertThat(api.trinoUser()).isEqualTo("api_reader");
    assertThat(api.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(api.window()).isEqualTo(Duration.ofHours(2));
    assertThat(api.rules()).isEqualTo(config.rules());
    // The other Trino is checked as strictly: never the pipeline's writer identity.
    assertThatThrownBy(
            () ->
                config.readingThrough(
                    "jdbc:trino://api:8080", "lake", "naap_pipeline", Duration.ofSeconds(5)))
        .hasMessageContaining("naap.alerts.trino-user");
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> from("naap.alerts.window", "90m")).hasMessageContaining("whole hours");
    assertThatThrownBy(() -> from("naap.alerts.trino-user", "naap_pipeline"))
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> from("naap.alerts.thresholds", "NaapNope:1"))
        .hasMessageContaining("NaapNope");
    assertThatThrownBy(() -> from("naap.alerts.thresholds", "NaapEventsStale:soon"))
        .hasMessageContaining("a number");
    assertThatThrownBy(() -> from("naap.alerts.as-of", "yesterday"))
        .hasMessageContaining("RFC 3339");
  }

  @Test
  void theSchedulersMetricsEndpointKeysAreNotTheAlerts() {
    // The API judges these alerts but opens no metrics port: a bad one must not stop its start.
    assertThat(
            AlertsConfig.from(
                Settings.of(
                    Map.of(
                        "naap.scheduler.metrics-port", "-5",
                        "naap.scheduler.metrics-refresh-interval", "0s"))))
        .isEqualTo(AlertsConfig.from(Settings.of(Map.of())));
  }

  private static AlertsConfig from(String key, String value) {
    return AlertsConfig.from(Settings.of(Map.of(key, value)));
  }
}
