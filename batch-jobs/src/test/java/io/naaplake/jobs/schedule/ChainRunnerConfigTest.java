package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainRunnerConfigTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void defaults() {
    assertThat(ChainRunnerConfig.from(Settings.of(Map.of())))
        .isEqualTo(
            new ChainRunnerConfig(
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(10)));
  }

  @Test
  void explicitValues() {
    assertThat(
            ChainRunnerConfig.from(
                Settings.of(
                    Map.of(
                        "naap.scheduler.lease-wait", "0s",
                        "naap.scheduler.max-run-time-ahead", "5m",
                        "naap.scheduler.stop-timeout", "90s"))))
        .isEqualTo(
            new ChainRunnerConfig(Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(90)));
  }

  @Test
  void negativeDurationsAreRefused() {
    assertThatThrownBy(() -> new ChainRunnerConfig(Duration.ofSeconds(-1), Duration.ZERO, MINUTE))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.lease-wait");
    assertThatThrownBy(() -> new ChainRunnerConfig(Duration.ZERO, Duration.ofSeconds(-1), MINUTE))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.max-run-time-ahead");
    assertThatThrownBy(() -> new ChainRunnerConfig(Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.stop-timeout");
  }
}
