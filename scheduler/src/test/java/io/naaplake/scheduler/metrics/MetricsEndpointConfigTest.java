package io.naaplake.scheduler.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsEndpointConfigTest {

  @Test
  void defaults() {
    MetricsEndpointConfig config = MetricsEndpointConfig.from(Settings.of(Map.of()));
    assertThat(config)
        .isEqualTo(new MetricsEndpointConfig(9464, "127.0.0.1", Duration.ofMinutes(1)));
    assertThat(config.disabled()).isFalse();
  }

  @Test
  void explicitMapping() {
    MetricsEndpointConfig config =
        MetricsEndpointConfig.from(
            Settings.of(
                Map.of(
                    "naap.scheduler.metrics-port", "0",
                    "naap.scheduler.metrics-bind", "0.0.0.0",
                    "naap.scheduler.metrics-refresh-interval", "15s")));
    assertThat(config.port()).isZero();
    assertThat(config.disabled()).isTrue();
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> from("naap.scheduler.metrics-port", "70000"))
        .hasMessageContaining("naap.scheduler.metrics-port")
        .hasMessageContaining("0..65535");
    assertThatThrownBy(() -> from("naap.scheduler.metrics-port", "-5"))
        .hasMessageContaining("0..65535");
    // Checked even when the endpoint is off, as before the keys left the alerts' configuration.
    assertThatThrownBy(
            () ->
                MetricsEndpointConfig.from(
                    Settings.of(
                        Map.of(
                            "naap.scheduler.metrics-port", "0",
                            "naap.scheduler.metrics-refresh-interval", "0s"))))
        .hasMessageContaining("naap.scheduler.metrics-refresh-interval")
        .hasMessageContaining("must be positive");
  }

  private static MetricsEndpointConfig from(String key, String value) {
    return MetricsEndpointConfig.from(Settings.of(Map.of(key, value)));
  }
}
