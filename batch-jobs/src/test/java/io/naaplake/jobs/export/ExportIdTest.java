package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportIdTest {
  private static final LocalDate FROM = LocalDate.parse("2026-01-08");
  private static final LocalDate TO = LocalDate.parse("2026-01-09");

  @Test
  void idIsDatasetWindowFormatAndTheVersionsHash() {
    // printf '%s' '{"gold.streaming_sla_hourly":12}' | sha256sum
    //   = ab029f63b1117fb11fe601efda8a10bd13da5c617529e7c374dba0f2922639fe
    assertThat(
            ExportId.of(
                "streaming_sla_hourly",
                FROM,
                TO,
                ExportFormat.CSV,
                Map.of("gold.streaming_sla_hourly", 12L)))
        .isEqualTo("streaming_sla_hourly_2026-01-08_2026-01-09_csv_ab029f63b111")
        .matches(ExportId.PATTERN);
  }

  @Test
  void versionsAreHashedWithSortedKeysWhateverTheMapOrder() {
    Map<String, Long> unsorted = new LinkedHashMap<>();
    unsorted.put("gold.b", 10L);
    unsorted.put("gold.a", 3L);
    assertThat(ExportId.versionsJson(unsorted)).isEqualTo("{\"gold.a\":3,\"gold.b\":10}");
    // printf '%s' '{"gold.a":3,"gold.b":10}' | sha256sum = b015f8955d5b42cb...
    assertThat(ExportId.of("x", FROM, TO, ExportFormat.PARQUET, unsorted))
        .isEqualTo("x_2026-01-08_2026-01-09_parquet_b015f8955d5b");
  }

  @Test
  void anotherVersionOrFormatIsAnotherId() {
    String v12 = ExportId.of("d", FROM, TO, ExportFormat.CSV, Map.of("gold.d", 12L));
    assertThat(ExportId.of("d", FROM, TO, ExportFormat.CSV, Map.of("gold.d", 13L)))
        .isNotEqualTo(v12);
    assertThat(ExportId.of("d", FROM, TO, ExportFormat.PARQUET, Map.of("gold.d", 12L)))
        .isNotEqualTo(v12);
  }
}
