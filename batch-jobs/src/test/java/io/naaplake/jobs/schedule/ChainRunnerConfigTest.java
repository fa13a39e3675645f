package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainRunnerConfigTest {

  @Test
  void defaults() {
    assertThat(ChainRunnerConfig.from(Settings.of(Map.of())))
        .isEqualTo(new ChainRunnerConfig(Duration.ofMinutes(10), Duration.ofMinutes(1)));
  }

  @Test
  void explicitValues() {
    assertThat(
            ChainRunnerConfig.from(
                Settings.of(
                    Map.of(
                        "naap.scheduler.lease-wait", "0s",
                        "naap.scheduler.max-run-time-ahead", "5m"))))
        .isEqualTo(new ChainRunnerConfig(Duration.ZERO, Duration.ofMinutes(5)));
  }

  @Test
  void negativeDurationsAreRefused() {
    assertThatThrownBy(() -> new ChainRunnerConfig(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.lease-wait");
    assertThatThrownBy(() -> new ChainRunnerConfig(Duration.ZERO, Duration.ofSeconds(-1)))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.max-run-time-ahead");
  }
}
