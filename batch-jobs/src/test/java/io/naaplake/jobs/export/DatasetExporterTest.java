package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.TableDeclaration;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of a tiny private gold.network_summary_hourly with hand-written rows: the window, the row
 * order, version pinning, idempotent re-runs and what happens when an export directory was changed.
 */
class DatasetExporterTest {
  private static final TableDeclaration TABLE = GoldNetworkTables.NETWORK_SUMMARY_HOURLY;
  private static final LocalDate FROM = LocalDate.parse("2026-01-08");
  private static final LocalDate TO = LocalDate.parse("2026-01-09");

  @TempDir static Path lake;

  private static SparkSession spark;
  private static JobsConfig jobs;

  /** Version 1: two hours of 2026-01-08 and one on each neighbouring day; version 2 adds 05:00. */
  @BeforeAll
  static void lake() {
    spark = LocalSpark.get();
    jobs = LocalSpark.lakeAt(lake);
    LakeTables tables = new LakeTables(spark, jobs);
    tables.ensure(TABLE);
    append(
        tables,
        hour("2026-01-08T21:00:00Z", 1.0, "16800000007200.0000000000"),
        hour("2026-01-07T23:00:00Z", 0.5, "1"),
        hour("2026-01-08T03:00:00Z", null, "0"),
        hour("2026-01-09T00:00:00Z", 1.0, "2"));
    append(tables, hour("2026-01-08T05:00:00Z", 0.25, "3.5"));
  }

  private static Row hour(String start, Double rate, String fees) {
    Instant instant = Instant.parse(start);
    return RowFactory.create(
        Timestamp.from(instant),
        Date.valueOf(LocalDate.ofInstant(instant, ZoneOffset.UTC)),
        1L,
        2L,
        3L,
        4L,
        rate == null ? 0L : 4L,
        rate,
        12.5,
        new BigDecimal(fees),
        6L,
        0L,
        false);
  }

  private static void append(LakeTables tables, Row... rows) {
    DeltaWrites.append(
        spark.createDataFrame(List.of(rows), SparkSchemas.structType(TABLE)), tables.path(TABLE));
  }

  private static DatasetExporter exporter(Path exportsDir) {
    return new DatasetExporter(
        spark, jobs, new ExportConfig(exportsDir, List.of()), System.out::println);
  }

  private static DatasetExporter.Request request(ExportFormat format, Map<String, Long> versions) {
    return new DatasetExporter.Request(TABLE.name(), FROM, TO, format, versions);
  }

  @Test
  void csvOfThePinnedVersionVerifiesIsLeftAloneOnRerunAndTamperingIsNamed(@TempDir Path out)
      throws IOException {
    DatasetExporter exporter = exporter(out);
    DatasetExporter.Request pinned =
        request(ExportFormat.CSV, Map.of("gold.network_summary_hourly", 1L));
    DatasetExporter.Result result = exporter.export(pinned);

    // Version 1 has two hours on 2026-01-08 (03:00, 21:00); the 2026-01-07 and 2026-01-09 rows
    // are outside [from, to). Rows in window_start order; the null rate is an empty field.
    Path csv = result.directory().resolve("network_summary_hourly.csv");
    assertThat(Files.readString(csv))
        .isEqualTo(
            "window_start,window_date,active_orchestrators,physical_gpus,reported_gpu_uuids,"
                + "requested_sessions,startup_success_sessions,startup_success_rate,"
                + "usage_minutes,expected_fees_wei,payment_events,jobs,is_settled\r\n"
                + "2026-01-08T03:00:00Z,2026-01-08,1,2,3,4,0,,12.5,0,6,0,false\r\n"
                + "2026-01-08T21:00:00Z,2026-01-08,1,2,3,4,4,1.0,12.5,16800000007200,6,0,false\r\n");
    ExportManifest manifest = result.manifest();
    assertThat(manifest.rowCount()).isEqualTo(2);
    assertThat(manifest.tableVersions()).containsExactly(Map.entry(TABLE.qualifiedName(), 1L));
    assertThat(manifest.window().column()).isEqualTo("window_date");
    assertThat(result.directory().getFileName().toString()).isEqualTo(manifest.exportId());
    assertThat(Files.readAllBytes(result.directory().resolve("manifest.json")))
        .isEqualTo(manifest.toJson());
    // Nothing else is left in the exports directory but the (empty) staging area.
    try (var entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(manifest.exportId(), ".staging");
    }

    ExportVerifier verifier = new ExportVerifier(exporter);
    assertThat(verifier.verify(result.directory().resolve("manifest.json")).problems()).isEmpty();

    // The same export again finds the directory, checks it and leaves it as it is.
    long modified = Files.getLastModifiedTime(csv).toMillis();
    DatasetExporter.Result rerun = exporter.export(pinned);
    assertThat(rerun.written()).isFalse();
    assertThat(rerun.manifest()).isEqualTo(manifest);
    assertThat(Files.getLastModifiedTime(csv).toMillis()).isEqualTo(modified);

    // A changed data file: verify names it; a re-run refuses to paper over it and leaves it.
    String tampered = Files.readString(csv).replace(",1.0,", ",1.1,");
    Files.writeString(csv, tampered, StandardCharsets.UTF_8);
    assertThat(verifier.verify(result.directory().resolve("manifest.json")).problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("network_summary_hourly.csv: SHA-256 ");
    assertThatThrownBy(() -> exporter.export(pinned))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.code()).isEqualTo("EXPORT_MISMATCH"))
        .hasMessageContaining("network_summary_hourly.csv: SHA-256 ");
    assertThat(Files.readString(csv)).isEqualTo(tampered);
  }

  @Test
  void theLatestVersionByDefaultWithItsOwnId(@TempDir Path out) {
    ExportManifest latest = exporter(out).export(request(ExportFormat.CSV, Map.of())).manifest();
    assertThat(latest.tableVersions()).containsExactly(Map.entry(TABLE.qualifiedName(), 2L));
    // Version 2 added 05:00 on the window's day.
    assertThat(latest.rowCount()).isEqualTo(3);
    assertThat(latest.exportId())
        .isEqualTo(
            ExportId.of(
                TABLE.name(), FROM, TO, ExportFormat.CSV, Map.of(TABLE.qualifiedName(), 2L)))
        .isNotEqualTo(
            ExportId.of(
                TABLE.name(), FROM, TO, ExportFormat.CSV, Map.of(TABLE.qualifiedName(), 1L)));
  }

  @Test
  void badRequestsAreBadData(@TempDir Path out) {
    DatasetExporter exporter = exporter(out);
    List<DatasetExporter.Request> bad = new ArrayList<>();
    bad.add(new DatasetExporter.Request(TABLE.name(), TO, FROM, ExportFormat.CSV, Map.of()));
    bad.add(request(ExportFormat.CSV, Map.of("gold.network_summary_hourly", 9L)));
    bad.add(request(ExportFormat.CSV, Map.of("gold.payments_hourly", 1L)));
    for (DatasetExporter.Request request : bad) {
      assertThatThrownBy(() -> exporter.export(request))
          .isInstanceOfSatisfying(
              NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA));
    }
    assertThatThrownBy(
            () ->
                exporter.export(
                    request(ExportFormat.CSV, Map.of("gold.network_summary_hourly", 9L))))
        .hasMessageContaining("the table has versions 0 to 2");
  }
}
