package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.export.DatasetExporter;
import io.naaplake.jobs.export.ExportConfig;
import io.naaplake.jobs.export.ExportFormat;
import io.naaplake.jobs.export.ExportManifest;
import io.naaplake.jobs.export.ExportVerifier;
import io.naaplake.jobs.export.RecurringExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, "Must show": an export run twice is byte-identical; {@code export verify} passes, and
 * fails on a tampered file. On the fixture lake (read only: exports go to a temporary directory),
 * for the real sample's day 2026-01-08, in CSV and Parquet. Each export's duration is printed.
 */
class GovernanceExportIT {
  private static final LocalDate FROM = LocalDate.parse("2026-01-08");
  private static final LocalDate TO = LocalDate.parse("2026-01-09");
  private static final String ORCH = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
  private static final String SAMPLE_HOUR = "2026-01-08T21:00:00Z";

  @TempDir static Path out;

  private static SparkSession spark;
  private static JobsConfig jobs;
  private static DatasetExporter.Result csvA;
  private static DatasetExporter.Result csvB;

  @BeforeAll
  static void exportTheSampleDayTwice() {
    spark = SharedSpark.get();
    jobs = fixtureLake();
    csvA = exporter("a").export(request("streaming_sla_hourly", ExportFormat.CSV));
    csvB = exporter("b").export(request("streaming_sla_hourly", ExportFormat.CSV));
  }

  /**
   * The fixture lake, only read: when its gold tables exist already (built by an earlier IT of this
   * run, or beforehand and shared), it is used as it is; otherwise {@link FixtureLake#get} builds
   * it. (FixtureLake.get() itself always publishes and runs the pipeline on first use.)
   */
  private static JobsConfig fixtureLake() {
    JobsConfig config = FixtureLake.config();
    if (DeltaTable.isDeltaTable(spark, config.tablePath("gold/streaming_sla_hourly"))) {
      return config;
    }
    return FixtureLake.get().jobsConfig();
  }

  private static DatasetExporter exporter(String dir) {
    return new DatasetExporter(
        spark,
        jobs,
        new ExportConfig(out.resolve(dir), List.of()),
        line -> System.out.println("[export-it] " + line));
  }

  private static DatasetExporter.Request request(String dataset, ExportFormat format) {
    return new DatasetExporter.Request(dataset, FROM, TO, format, Map.of());
  }

  private static Path dataFile(DatasetExporter.Result result) {
    return result.directory().resolve(result.manifest().files().get(0).name());
  }

  @Test
  void csvRunTwiceIsByteIdenticalAndHoldsTheSampleHour() throws IOException {
    assertThat(csvB.manifest().exportId()).isEqualTo(csvA.manifest().exportId());
    assertThat(Files.readAllBytes(dataFile(csvB))).isEqualTo(Files.readAllBytes(dataFile(csvA)));
    assertThat(Files.readAllBytes(csvB.directory().resolve("manifest.json")))
        .isEqualTo(Files.readAllBytes(csvA.directory().resolve("manifest.json")));

    // The file holds exactly the rows of the pinned version in the window.
    ExportManifest manifest = csvA.manifest();
    long version = manifest.tableVersions().get("gold.streaming_sla_hourly");
    long expectedRows =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(jobs.tablePath("gold/streaming_sla_hourly"))
            .where(functions.col("window_date").equalTo(functions.lit(FROM.toString())))
            .count();
    List<Map<String, String>> rows = csvRecords(dataFile(csvA));
    assertThat(rows).hasSize((int) expectedRows);
    assertThat(manifest.rowCount()).isEqualTo(expectedRows);

    // The real sample's session hour (RealSampleRoutesIT and GoldFixtureIT derive it from the
    // sample's events): one requested and started session, 17 status samples all with output FPS
    // > 0; no benchmark history before 2026-01-08, so every quality component is the neutral
    // 0.5, coverage 1 and reliability 1: SLA score 100 × (0.7 × 1 + 0.3 × 0.5) = 85.0.
    Map<String, String> hour =
        rows.stream()
            .filter(
                r ->
                    r.get("window_start").equals(SAMPLE_HOUR)
                        && r.get("orchestrator_address").equals(ORCH))
            .findFirst()
            .orElseThrow();
    assertThat(hour.get("sla_score")).isEqualTo("85.0");
    assertThat(hour.get("requested_sessions")).isEqualTo("1");
    assertThat(hour.get("status_samples")).isEqualTo("17");
    assertThat(hour.get("gpu_id")).isEqualTo("GPU-a8d13655-197b-2226-d09f-b4b81e07504b");
    assertThat(hour.get("sla_semantics_version")).isEqualTo("quality-benchmark-v1");
  }

  @Test
  void parquetRunTwiceIsByteIdentical() throws IOException {
    DatasetExporter.Result a =
        exporter("pa").export(request("streaming_sla_hourly", ExportFormat.PARQUET));
    DatasetExporter.Result b =
        exporter("pb").export(request("streaming_sla_hourly", ExportFormat.PARQUET));
    assertThat(a.manifest().exportId())
        .endsWith(csvA.manifest().exportId().substring(csvA.manifest().exportId().length() - 12))
        .contains("_parquet_");
    assertThat(Files.readAllBytes(dataFile(b))).isEqualTo(Files.readAllBytes(dataFile(a)));
    assertThat(Files.readAllBytes(b.directory().resolve("manifest.json")))
        .isEqualTo(Files.readAllBytes(a.directory().resolve("manifest.json")));

    // Readable Parquet with the same rows, in the same order, as the CSV.
    List<Row> rows = spark.read().parquet(dataFile(a).toString()).collectAsList();
    List<Map<String, String>> csv = csvRecords(dataFile(csvA));
    assertThat(rows).hasSize(csv.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).<Object>getAs("orchestrator_address"))
          .isEqualTo(emptyAsNull(csv.get(i).get("orchestrator_address")));
    }
    Row hour =
        rows.stream()
            .filter(r -> ORCH.equals(r.getAs("orchestrator_address")))
            .filter(r -> instant(r.getAs("window_start")).equals(Instant.parse(SAMPLE_HOUR)))
            .findFirst()
            .orElseThrow();
    assertThat(hour.<Double>getAs("sla_score")).isEqualTo(85.0);
  }

  @Test
  void verifyPassesAndFailsOnAFlippedByteNamingTheFile() throws IOException {
    ExportVerifier verifier = new ExportVerifier(exporter("verify"));
    ExportVerifier.Report passed = verifier.verify(csvA.directory().resolve("manifest.json"));
    System.out.println("[export-it] verify passed in " + passed.elapsed().toMillis() + " ms");
    assertThat(passed.problems()).isEmpty();

    Path copy = copyOf(csvA, "tampered");
    Path csv = copy.resolve("streaming_sla_hourly.csv");
    byte[] bytes = Files.readAllBytes(csv);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(csv, bytes);
    ExportVerifier.Report failed = verifier.verify(copy.resolve("manifest.json"));
    // The flipped byte breaks the file's checksum; the recomputation still matches the manifest,
    // so the lake is not to blame: only the file is named.
    assertThat(failed.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("streaming_sla_hourly.csv: SHA-256 ")
        .endsWith("manifest.json says " + csvA.manifest().files().get(0).sha256());
  }

  @Test
  void aManifestClaimingAnotherVersionIsCaughtByTheRecomputation() throws IOException {
    // Version 0 of every gold table is its creation, empty: recomputing there gives a header-only
    // file. The files still match their checksums; the id and the recomputation do not.
    Path copy = copyOf(csvA, "edited");
    Path manifestFile = copy.resolve("manifest.json");
    long version = csvA.manifest().tableVersions().get("gold.streaming_sla_hourly");
    Files.writeString(
        manifestFile,
        Files.readString(manifestFile)
            .replace(
                "\"gold.streaming_sla_hourly\" : " + version, "\"gold.streaming_sla_hourly\" : 0"),
        StandardCharsets.UTF_8);
    List<String> problems = new ExportVerifier(exporter("verify")).verify(manifestFile).problems();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("manifest.json: export_id "))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "recomputed at gold.streaming_sla_hourly version 0, row_count is 0,"
                            + " manifest.json says "
                            + csvA.manifest().rowCount()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "recomputed at gold.streaming_sla_hourly version 0,"
                            + " streaming_sla_hourly.csv differs: SHA-256 "))
        .noneSatisfy(p -> assertThat(p).startsWith("streaming_sla_hourly.csv: SHA-256"));
  }

  @Test
  void paymentsCarryTheSamplesExpectedValueAsExactWei() throws IOException {
    // Six create_new_payment batches in 21:00Z to the sample's orchestrator: expected value
    // Σ face × win probability × tickets = 2 × 2,402,400e12 × 0.000999001 + 2,402,400e12 ×
    // 0.000999001 + 4 × 2,400,000e12 × 0.001 = 16,800,000,007,200 wei (RealSampleRoutesIT); gold
    // stores it as decimal(38,10), the CSV writes it without the zero fraction.
    DatasetExporter.Result payments =
        exporter("payments").export(request("payments_hourly", ExportFormat.CSV));
    Map<String, String> hour =
        csvRecords(dataFile(payments)).stream()
            .filter(r -> r.get("window_start").equals(SAMPLE_HOUR))
            .filter(r -> r.get("orchestrator_address").equals(ORCH))
            .findFirst()
            .orElseThrow();
    assertThat(hour.get("expected_value_wei")).isEqualTo("16800000007200");
    assertThat(hour.get("face_value_wei")).isEqualTo("16807200000000000");
    assertThat(hour.get("payment_events")).isEqualTo("6");
    assertThat(Files.readString(dataFile(payments))).contains(",16800000007200,");

    // The daily chain's recurring export of the same dataset, run at 00:30 on 2026-01-09, is the
    // previous UTC day: the same export, found in place and left unchanged.
    Map<String, String> settings = new HashMap<>();
    settings.put("naap.lake.root", jobs.lakeRoot());
    settings.put("naap.exports.dir", payments.directory().getParent().toString());
    settings.put("naap.exports.recurring", "payments_hourly:csv");
    List<RecurringExports.Exported> recurring =
        RecurringExports.from(Settings.of(settings), line -> {})
            .run(spark, Instant.parse("2026-01-09T00:30:00Z"));
    assertThat(recurring)
        .containsExactly(
            new RecurringExports.Exported(
                payments.manifest().exportId(),
                "payments_hourly",
                ExportFormat.CSV,
                payments.manifest().rowCount(),
                false));
  }

  private static Path copyOf(DatasetExporter.Result result, String dir) throws IOException {
    Path copy = out.resolve(dir).resolve(result.directory().getFileName());
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(result.directory())) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private static Instant instant(Object value) {
    return value instanceof Instant instant ? instant : ((java.sql.Timestamp) value).toInstant();
  }

  private static String emptyAsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** The records of an export CSV by header name (RFC 4180: quoted fields, doubled quotes). */
  static List<Map<String, String>> csvRecords(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> values : records.subList(1, records.size())) {
      assertThat(values).hasSameSizeAs(header);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
