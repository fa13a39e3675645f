package io.naaplake.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenanceConfigTest {

  @Test
  void defaults() {
    MaintenanceConfig config = MaintenanceConfig.from(Settings.of(Map.of()));
    assertThat(config).isEqualTo(MaintenanceConfig.DEFAULTS);
    assertThat(config.policy(RetentionClass.BRONZE))
        .isEqualTo(new RetentionPolicy(Optional.of(Duration.ofDays(90)), Duration.ofDays(7)));
    assertThat(config.policy(RetentionClass.QUARANTINE))
        .isEqualTo(new RetentionPolicy(Optional.of(Duration.ofDays(90)), Duration.ofDays(7)));
    assertThat(config.policy(RetentionClass.SILVER))
        .isEqualTo(new RetentionPolicy(Optional.empty(), Duration.ofDays(7)));
    assertThat(config.policy(RetentionClass.GOLD))
        .isEqualTo(new RetentionPolicy(Optional.empty(), Duration.ofDays(400)));
    assertThat(config.policy(RetentionClass.OPS))
        .isEqualTo(new RetentionPolicy(Optional.empty(), Duration.ofDays(7)));
    assertThat(config.optimizeLookback()).isEqualTo(Duration.ofDays(2));
    assertThat(config.optimizeMinFiles()).isEqualTo(10);
    assertThat(config.policy(RetentionClass.GOLD).timeTravelInterval())
        .isEqualTo("interval 400 days");
  }

  @Test
  void explicitMapping() {
    MaintenanceConfig config =
        MaintenanceConfig.from(
            Settings.of(
                Map.of(
                    "naap.maintenance.bronze.data-retention", "none",
                    "naap.maintenance.quarantine.data-retention", "30d",
                    "naap.maintenance.silver.data-retention", "365d",
                    "naap.maintenance.gold.time-travel", "36h",
                    "naap.maintenance.ops.time-travel", "0h",
                    "naap.maintenance.optimize.lookback", "3d",
                    "naap.maintenance.optimize.min-files", "4")));
    assertThat(config.policy(RetentionClass.BRONZE).dataRetention()).isEmpty();
    assertThat(config.policy(RetentionClass.QUARANTINE).dataRetention())
        .contains(Duration.ofDays(30));
    assertThat(config.policy(RetentionClass.SILVER).dataRetention()).contains(Duration.ofDays(365));
    assertThat(config.policy(RetentionClass.GOLD).timeTravelInterval())
        .isEqualTo("interval 36 hours");
    assertThat(config.policy(RetentionClass.OPS).timeTravel()).isZero();
    assertThat(config.optimizeLookback()).isEqualTo(Duration.ofDays(3));
    assertThat(config.optimizeMinFiles()).isEqualTo(4);
  }

  @Test
  void badValuesNameTheirKey() {
    assertBad("naap.maintenance.bronze.data-retention", "12h");
    assertBad("naap.maintenance.bronze.data-retention", "forever");
    assertBad("naap.maintenance.gold.time-travel", "90m");
    assertBad("naap.maintenance.silver.time-travel", "seven days");
    assertBad("naap.maintenance.optimize.lookback", "0s");
    assertBad("naap.maintenance.optimize.min-files", "1");
  }

  private static void assertBad(String key, String value) {
    assertThatThrownBy(() -> MaintenanceConfig.from(Settings.of(Map.of(key, value))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining(key)
        .extracting(e -> ((NaapException) e).code())
        .isEqualTo("BAD_CONFIGURATION");
  }
}
