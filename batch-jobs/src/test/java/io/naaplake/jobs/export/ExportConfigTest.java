package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportConfigTest {

  @Test
  void defaults() {
    ExportConfig config = ExportConfig.from(Settings.of(Map.of()));
    assertThat(config.exportsDir()).isEqualTo(Path.of(".run/exports").toAbsolutePath().normalize());
    assertThat(config.recurring()).isEmpty();
  }

  @Test
  void explicitMapping() {
    ExportConfig config =
        ExportConfig.from(
            Settings.of(
                Map.of(
                    "naap.exports.dir", "/data/exports",
                    "naap.exports.recurring",
                        "streaming_sla_hourly:csv, payments_hourly:parquet")));
    assertThat(config.exportsDir()).isEqualTo(Path.of("/data/exports"));
    assertThat(config.recurring())
        .containsExactly(
            new ExportConfig.Recurring("streaming_sla_hourly", ExportFormat.CSV),
            new ExportConfig.Recurring("payments_hourly", ExportFormat.PARQUET));
    assertThat(config.withExportsDir(Path.of("/tmp/x")).exportsDir()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void anUnknownRecurringDatasetOrFormatIsABadConfiguration() {
    assertThatThrownBy(
            () -> ExportConfig.from(Settings.of(Map.of("naap.exports.recurring", "sessions:csv"))))
        .hasMessageContaining("naap.exports.recurring")
        .hasMessageContaining("valid datasets: ")
        .hasMessageContaining("streaming_sla_hourly");
    assertThatThrownBy(
            () ->
                ExportConfig.from(
                    Settings.of(Map.of("naap.exports.recurring", "payments_hourly:xlsx"))))
        .hasMessageContaining("valid formats: csv, parquet");
    assertThatThrownBy(
            () ->
                ExportConfig.from(Settings.of(Map.of("naap.exports.recurring", "payments_hourly"))))
        .hasMessageContaining("dataset:format");
  }
}
