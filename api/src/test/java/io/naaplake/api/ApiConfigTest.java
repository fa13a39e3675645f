package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.alerts.AlertsConfig;
import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void defaults() {
    ApiConfig config = ApiConfig.from(Settings.of(Map.of()));
    assertThat(config)
        .isEqualTo(
            new ApiConfig(
                8080,
                "127.0.0.1",
                "jdbc:trino://127.0.0.1:18080",
                "delta",
                "researcher",
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                100,
                200,
                50,
                1000,
                2000,
                Duration.ofSeconds(5),
                Duration.ofHours(3),
                Optional.empty(),
                Optional.empty(),
                Path.of(".run/reports").toAbsolutePath(),
                Path.of(".run/exports").toAbsolutePath(),
                AlertsConfig.from(Settings.of(Map.of()))));
    assertThat(config.clock().getZone()).isEqualTo(Clock.systemUTC().getZone());
  }

  @Test
  void explicitMapping() {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("naap.api.port", "0"),
            Map.entry("naap.api.bind", "0.0.0.0"),
            Map.entry("naap.api.trino-url", "jdbc:trino://trino:8443?SSL=true"),
            Map.entry("naap.api.trino-catalog", "lake"),
            Map.entry("naap.api.trino-user", "api_reader"),
            Map.entry("naap.api.trino-connect-timeout", "500ms"),
            Map.entry("naap.api.query-timeout", "30s"),
            Map.entry("naap.api.rate-limit.rps", "5"),
            Map.entry("naap.api.rate-limit.burst", "7"),
            Map.entry("naap.api.limit.default", "10"),
            Map.entry("naap.api.limit.max", "20"),
            Map.entry("naap.api.cache.max-entries", "3"),
            Map.entry("naap.api.refresh-interval", "1s"),
            Map.entry("naap.api.readiness.max-gold-age", "90m"),
            Map.entry("naap.api.as-of", "2026-01-15T12:00:00+01:00"),
            Map.entry("naap.api.cursor-key", "0123456789abcdef-secret"),
            Map.entry("naap.reports.dir", "/srv/naap/reports/../reports"),
            Map.entry("naap.exports.dir", "/srv/naap/exports"));
    assertThat(ApiConfig.from(Settings.of(values)))
        .isEqualTo(
            new ApiConfig(
                0,
                "0.0.0.0",
                "jdbc:trino://trino:8443?SSL=true",
                "lake",
                "api_reader",
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                5,
                7,
                10,
                20,
                3,
                Duration.ofSeconds(1),
                Duration.ofMinutes(90),
                Optional.of(Instant.parse("2026-01-15T11:00:00Z")),
                Optional.of("0123456789abcdef-secret"),
                Path.of("/srv/naap/reports"),
                Path.of("/srv/naap/exports"),
                AlertsConfig.from(Settings.of(Map.of()))));
  }

  @Test
  void trinoLocationFallsBackToTheJobsSettings() {
    ApiConfig config =
        ApiConfig.from(
            Settings.of(
                Map.of("naap.trino.url", "jdbc:trino://shared:18080", "naap.trino.catalog", "d2")));
    assertThat(config.trinoUrl()).isEqualTo("jdbc:trino://shared:18080");
    assertThat(config.trinoCatalog()).isEqualTo("d2");
  }

  @Test
  void alertsReadThroughTheApisTrinoWithTheirOwnWindowAndThresholds() {
    ApiConfig config =
        ApiConfig.from(
            Settings.of(
                Map.of(
                    "naap.api.trino-url", "jdbc:trino://api-trino:8080",
                    "naap.api.trino-catalog", "lake",
                    "naap.api.trino-user", "api_reader",
                    "naap.api.query-timeout", "20s",
                    "naap.alerts.trino-url", "jdbc:trino://scheduler-trino:8080",
                    "naap.alerts.window", "24h",
                    "naap.alerts.thresholds", "NaapEventsStale:900")));
    assertThat(config.alerts().trinoUrl()).isEqualTo("jdbc:trino://api-trino:8080");
    assertThat(config.alerts().trinoCatalog()).isEqualTo("lake");
    assertThat(config.alerts().trinoUser()).isEqualTo("api_reader");
    assertThat(config.alerts().queryTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.alerts().window()).isEqualTo(Duration.ofHours(24));
    assertThat(config.alerts().thresholds()).containsExactly(Map.entry("NaapEventsStale", 900.0));
  }

  @Test
  void asOfFixesTheClock() {
    ApiConfig config =
        ApiConfig.from(Settings.of(Map.of("naap.api.as-of", "2026-01-15T12:00:00Z")));
    assertThat(config.clock().instant()).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
  }

  @Test
  void invalidValuesAreFatalConfigurationErrors() {
    assertInvalid("naap.api.port", "70000");
    assertInvalid("naap.api.trino-url", "jdbc:mysql://x");
    assertInvalid("naap.api.trino-catalog", "delta; DROP");
    assertInvalid("naap.api.trino-user", "naap_pipeline");
    assertInvalid("naap.api.query-timeout", "0s");
    assertInvalid("naap.api.rate-limit.rps", "0");
    assertInvalid("naap.api.limit.default", "1001");
    assertInvalid("naap.api.limit.max", "-1");
    assertInvalid("naap.api.as-of", "yesterday");
    assertInvalid("naap.api.cursor-key", "short");
    assertInvalid("naap.alerts.window", "90m");
  }

  @Test
  void theSchedulersMetricsEndpointKeysDoNotConcernTheApi() {
    // The API opens no metrics port: a value only the scheduler would refuse does not stop it.
    assertThat(
            ApiConfig.from(
                Settings.of(
                    Map.of(
                        "naap.scheduler.metrics-port", "-5",
                        "naap.scheduler.metrics-refresh-interval", "0s"))))
        .isEqualTo(ApiConfig.from(Settings.of(Map.of())));
  }

  private static void assertInvalid(String key, String value) {
    assertThatThrownBy(() -> ApiConfig.from(Settings.of(Map.of(key, value))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining(key)
        .satisfies(e -> assertThat(((NaapException) e).category()).isEqualTo(ErrorCategory.FATAL));
  }
}
