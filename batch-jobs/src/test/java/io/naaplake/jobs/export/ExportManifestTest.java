package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExportManifestTest {

  static ExportManifest manifest(Map<String, Long> versions) {
    return new ExportManifest(
        "streaming_sla_hourly_2026-01-08_2026-01-09_csv_ab029f63b111",
        "streaming_sla_hourly",
        "gold.streaming_sla_hourly",
        new ExportManifest.Window(
            LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-09"), "window_date", true),
        ExportFormat.CSV,
        "SELECT `a` FROM gold.streaming_sla_hourly VERSION AS OF 12",
        new TreeMap<>(versions),
        2,
        List.of(new ExportManifest.FileEntry("streaming_sla_hourly.csv", 40, 2, "ab12")),
        "sla=quality-benchmark-v1",
        "naap-export-v1 spark-4.2.0");
  }

  @Test
  void jsonHasTheContractsKeysInFixedOrderAndNoClockField() {
    String json =
        new String(
            manifest(Map.of("gold.streaming_sla_hourly", 12L)).toJson(), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            """
            {
              "export_id" : "streaming_sla_hourly_2026-01-08_2026-01-09_csv_ab029f63b111",
              "dataset" : "streaming_sla_hourly",
              "table" : "gold.streaming_sla_hourly",
              "window" : {
                "from" : "2026-01-08",
                "to" : "2026-01-09",
                "column" : "window_date",
                "end_exclusive" : true
              },
              "format" : "csv",
              "query" : "SELECT `a` FROM gold.streaming_sla_hourly VERSION AS OF 12",
              "table_versions" : {
                "gold.streaming_sla_hourly" : 12
              },
              "row_count" : 2,
              "files" : [
                {
                  "name" : "streaming_sla_hourly.csv",
                  "bytes" : 40,
                  "rows" : 2,
                  "sha256" : "ab12"
                }
              ],
              "methodology_version" : "sla=quality-benchmark-v1",
              "generator_version" : "naap-export-v1 spark-4.2.0"
            }
            """);
  }

  @Test
  void sameContentSameBytesWhateverTheVersionMapOrder() {
    Map<String, Long> one = new java.util.LinkedHashMap<>();
    one.put("gold.b", 1L);
    one.put("gold.a", 2L);
    Map<String, Long> other = new java.util.LinkedHashMap<>();
    other.put("gold.a", 2L);
    other.put("gold.b", 1L);
    assertThat(manifest(one).toJson()).isEqualTo(manifest(other).toJson());
    assertThat(new String(manifest(one).toJson(), StandardCharsets.UTF_8))
        .contains("\"gold.a\" : 2,\n    \"gold.b\" : 1");
  }

  @Test
  void parseReadsBackWhatToJsonWrote() {
    ExportManifest written = manifest(Map.of("gold.streaming_sla_hourly", 12L));
    assertThat(ExportManifest.parse(written.toJson(), "test")).isEqualTo(written);
  }

  @Test
  void aWholeTableExportHasANullWindowColumn() {
    ExportManifest whole =
        new ExportManifest(
            "t",
            "t",
            "gold.t",
            new ExportManifest.Window(
                LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-09"), null, true),
            ExportFormat.PARQUET,
            "SELECT `a` FROM gold.t VERSION AS OF 0",
            Map.of("gold.t", 0L),
            0,
            List.of(),
            "m",
            "g");
    assertThat(new String(whole.toJson(), StandardCharsets.UTF_8)).contains("\"column\" : null");
    assertThat(ExportManifest.parse(whole.toJson(), "test")).isEqualTo(whole);
  }

  @Test
  void aManifestMissingAFieldIsBadData() {
    String json =
        new String(
                manifest(Map.of("gold.streaming_sla_hourly", 12L)).toJson(), StandardCharsets.UTF_8)
            .replace("\"row_count\" : 2,", "");
    assertThatThrownBy(() -> ExportManifest.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining("m.json")
        .hasMessageContaining("row_count");
  }
}
