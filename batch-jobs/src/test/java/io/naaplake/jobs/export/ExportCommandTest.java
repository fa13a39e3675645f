package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportCommandTest {

  @Test
  void anExportWithEveryOption() {
    ExportCommand command =
        ExportCommand.parse(
            new String[] {
              "--dataset", "payments_hourly",
              "--from", "2026-01-08",
              "--to", "2026-01-09",
              "--format", "parquet",
              "--out", "/tmp/out",
              "--version-of", "payments_hourly=4"
            });
    assertThat(command.isVerify()).isFalse();
    assertThat(command.request())
        .isEqualTo(
            new DatasetExporter.Request(
                "payments_hourly",
                LocalDate.parse("2026-01-08"),
                LocalDate.parse("2026-01-09"),
                ExportFormat.PARQUET,
                Map.of("gold.payments_hourly", 4L)));
    assertThat(command.out()).contains(Path.of("/tmp/out"));
  }

  @Test
  void verifyTakesAManifest() {
    ExportCommand command = ExportCommand.parse(new String[] {"verify", "/x/manifest.json"});
    assertThat(command.isVerify()).isTrue();
    assertThat(command.verify()).isEqualTo(Path.of("/x/manifest.json"));
  }

  @Test
  void badArgumentsAreBadDataNamingTheArgument() {
    assertBad(
        "--from '2026-13-01'",
        "--dataset",
        "payments_hourly",
        "--from",
        "2026-13-01",
        "--to",
        "2026-01-09",
        "--format",
        "csv");
    assertBad(
        "valid datasets: ",
        "--dataset",
        "payment_hourly",
        "--from",
        "2026-01-08",
        "--to",
        "2026-01-09",
        "--format",
        "csv");
    assertBad(
        "valid formats: csv, parquet",
        "--dataset",
        "payments_hourly",
        "--from",
        "2026-01-08",
        "--to",
        "2026-01-09",
        "--format",
        "json");
    assertBad("--to: is required", "--dataset", "payments_hourly", "--from", "2026-01-08");
    assertBad("--bogus: unknown option", "--bogus", "1");
    assertBad("expected TABLE=VERSION", "--version-of", "payments_hourly");
  }

  private static void assertBad(String message, String... args) {
    assertThatThrownBy(() -> ExportCommand.parse(args))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining(message);
  }
}
