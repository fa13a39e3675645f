package io.naaplake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportConfigTest {

  @Test
  void defaults() {
    ReportConfig config = ReportConfig.from(Settings.of(Map.of()));
    assertThat(config.reportsDir()).isEqualTo(Path.of(".run/reports").toAbsolutePath().normalize());
    assertThat(config.slaThreshold()).isEqualTo(95.0);
    assertThat(config.leagueSize()).isEqualTo(10);
    assertThat(config.failureReasons()).isEqualTo(3);
  }

  @Test
  void explicitMapping() {
    ReportConfig config =
        ReportConfig.from(
            Settings.of(
                Map.of(
                    "naap.reports.dir", "/srv/reports",
                    "naap.reports.sla-threshold", "90.5",
                    "naap.reports.league-size", "5",
                    "naap.reports.failure-reasons", "2")));
    assertThat(config).isEqualTo(new ReportConfig(Path.of("/srv/reports"), 90.5, 5, 2));
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(
            () -> ReportConfig.from(Settings.of(Map.of("naap.reports.sla-threshold", "high"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.reports.sla-threshold");
    assertThatThrownBy(
            () -> ReportConfig.from(Settings.of(Map.of("naap.reports.sla-threshold", "101"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.reports.sla-threshold");
    assertThatThrownBy(
            () -> ReportConfig.from(Settings.of(Map.of("naap.reports.league-size", "0"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.reports.league-size");
  }
}
