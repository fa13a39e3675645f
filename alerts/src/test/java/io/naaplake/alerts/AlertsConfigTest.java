package io.naaplake.scheduler.alerts;

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
                Map.of(),
                9464,
                "127.0.0.1",
                Duration.ofMinutes(1)));
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
                    "naap.alerts.thresholds", "NaapEventsStale:900,NaapAttributionLow:0.8",
                    "naap.scheduler.metrics-port", "0",
                    "naap.scheduler.metrics-refresh-interval", "15s")));
    assertThat(config.trinoUrl()).isEqualTo("jdbc:trino://127.0.0.1:38080");
    assertThat(config.window()).isEqualTo(Duration.ofHours(24));
    assertThat(config.asOfOr(Instant.EPOCH)).isEqualTo(Instant.parse("2026-01-09T01:00:00Z"));
    assertThat(config.metricsPort()).isZero();
    assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.rules().get(1).expression())
        .isEqualTo("min by (org) (naap_lake_event_freshness_seconds) > 900");
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
    assertThatThrownBy(() -> from("naap.scheduler.metrics-port", "70000"))
        .hasMessageContaining("0..65535");
  }

  private static AlertsConfig from(String key, String value) {
    return AlertsConfig.from(Settings.of(Map.of(key, value)));
  }
}
