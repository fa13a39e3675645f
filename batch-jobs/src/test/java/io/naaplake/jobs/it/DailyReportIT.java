package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.report.ReportConfig;
import io.naaplake.jobs.report.ReportGenerator;
import io.naaplake.jobs.report.ReportJob;
import io.naaplake.jobs.report.ReportKind;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily report of the real sample's day (2026-01-08) from the fixture lake, read only, at the
 * fixture's last run time: its hand-checked numbers in HTML, Markdown and CSV, the Delta version of
 * every table it read, byte-identical regeneration and no external reference (issue 7, "Must
 * show"). Every figure is derived from the sample's 65 envelopes in the comments (the same
 * derivations as GoldFixtureIT and the API's RealSampleRoutesIT); no other fixture scenario is
 * dated 2026-01-08, 2026-01-07 or 2026-01-01.
 */
class DailyReportIT {
  static final String ORCH = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
  static final Instant RUN_TIME = FixtureLake.LATE_RUN_TIME;
  static final ReportWindow DAY =
      new ReportWindow(ReportKind.DAILY, Instant.parse("2026-01-08T00:00:00Z"));

  private static SparkSession spark;
  private static JobsConfig jobs;
  private static Path first;
  private static long generationMillis;

  @TempDir static Path reports;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.get();
    jobs = FixtureLake.config();
    if (!fixtureBuilt()) {
      FixtureLake.get();
    }
    long started = System.nanoTime();
    first = job(reports.resolve("first")).run(spark, DAY, RUN_TIME).directory();
    generationMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("[report-it] daily report generated in " + generationMillis + " ms");
  }

  private static ReportJob job(Path dir) {
    return new ReportJob(jobs, new ReportConfig(dir, 95, 10, 3));
  }

  /**
   * Whether the fixture lake was already built (by an earlier IT in this JVM, or by another process
   * sharing the lake read-only): its second gold run is in the run log. Only then is it read as is;
   * otherwise the fixture is built here.
   */
  private static boolean fixtureBuilt() {
    LakeTables tables = new LakeTables(spark, jobs);
    if (!tables.exists(OpsTables.JOB_RUNS)) {
      return false;
    }
    return spark
            .read()
            .format("delta")
            .load(tables.path(OpsTables.JOB_RUNS))
            .where(
                "job = '"
                    + GoldJob.JOB_NAME
                    + "' AND status = 'succeeded' AND run_time = TIMESTAMP '"
                    + RUN_TIME
                    + "'")
            .count()
        > 0;
  }

  private static String read(Path dir, String name) throws Exception {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private static List<String> csvRow(String csv, String start) {
    return csv.lines().filter(l -> l.startsWith(start)).toList();
  }

  @Test
  void slaOfTheRealSampleOrchestratorIs85() throws Exception {
    // One session-day: reliability 0.4 × 1 + 0.2 × 1 + 0.4 × 1 = 1 (started, no swap, viable
    // output), no benchmark history so quality is the neutral 0.5, 3 of 3 health signals:
    // 100 × 1 × (0.7 × 1 + 0.3 × 0.5) = 85.0. It is the only ranked row, below the 95 threshold,
    // and ended cleanly (no failure reason).
    String league = read(first, "sla_league.csv");
    assertThat(league.lines().toList())
        .containsExactly(
            "rank,orchestrator_address,pipeline,model_id,requested_sessions,startup_success_sessions,"
                + "swapped_sessions,output_failed_sessions,effective_failed_sessions,"
                + "health_signal_coverage_ratio,reliability_score,quality_score,sla_score",
            "1,"
                + ORCH
                + ",live-video-to-video,streamdiffusion-sdxl-faceid,1,1,0,0,0,1.0,1.0,0.5,85.0");
    assertThat(read(first, "sla_below_threshold.csv").lines().toList())
        .containsExactly(
            "orchestrator_address,pipeline,model_id,sla_score,requested_sessions,"
                + "effective_failed_sessions,top_failure_reasons",
            ORCH + ",live-video-to-video,streamdiffusion-sdxl-faceid,85.0,1,0,");
    String html = read(first, "report.html");
    assertThat(html)
        .contains("<td>" + ORCH + "</td><td>live-video-to-video</td>")
        .contains("<td class=\"n\">85.0</td>");
    assertThat(read(first, "report.md"))
        .contains("| 1 | " + ORCH + " | live-video-to-video | streamdiffusion-sdxl-faceid |")
        .contains("| 85.0 |");
  }

  @Test
  void expectedFeesAreTheHandComputedWei() throws Exception {
    // Six create_new_payment batches to the orchestrator, 7 tickets: expected value
    // 2 × 2,402,400e12 × 0.000999001 + 2,402,400e12 × 0.000999001 + 4 × 2,400,000e12 × 0.001
    // = 16,800,000,007,200 wei; face value 16,807,200,000,000,000 wei. One session served.
    assertThat(csvRow(read(first, "fees_by_orchestrator.csv"), ORCH))
        .singleElement()
        .asString()
        .startsWith(ORCH + ",16800000007200,16807200000000000,7,6,1,");
    // Summary: the previous day and the week before have no payments, so both changes are the
    // whole amount.
    assertThat(read(first, "summary.csv"))
        .contains("Expected fees (wei),16800000007200,0,16800000007200,0,16800000007200\n")
        .contains("Payment events (ticket batches),6,0,6,0,6\n")
        .contains("Live-video sessions requested,1,0,1,0,1\n")
        .contains("Sessions started (served),1,0,1,0,1\n");
    assertThat(read(first, "report.html")).contains("<td class=\"n\">16,800,000,007,200</td>");
    assertThat(read(first, "report.md")).contains("| 16,800,000,007,200 |");
    // Every batch paid 1635.021 wei per pixel, so the ticket-weighted price is the same.
    assertThat(csvRow(read(first, "fees_by_pipeline.csv"), "live-video-to-video"))
        .singleElement()
        .asString()
        .endsWith(",6,7,16807200000000000,16800000007200,1635.021");
  }

  @Test
  void supplyDemandJobsAndDataQualityOfTheDay() throws Exception {
    // The sample's one announcement lists one RTX 5090 (GPU-a8d13655-…); nothing the day before.
    assertThat(read(first, "gpu_supply.csv").lines().toList())
        .containsExactly(
            "gpu_model_name,physical_gpus,previous_physical_gpus,change,reported_gpu_uuids,orchestrators",
            "NVIDIA GeForce RTX 5090,1,0,1,1,1");
    // One requested session, started (served), none without an orchestrator.
    assertThat(csvRow(read(first, "demand.csv"), "live-video-to-video"))
        .singleElement()
        .asString()
        .matches("live-video-to-video,streamdiffusion-sdxl-faceid,\\d+,1,1,0,0,0,1.0,.*");
    // No AI-batch, LLM or BYOC job that day (the simulated jobs are dated 2025-11-10).
    assertThat(read(first, "jobs.csv").lines()).hasSize(1);
    // Bronze rows per family are the sample's envelopes by type, none duplicated.
    String quality = read(first, "data_quality.csv");
    assertThat(csvRow(quality, "cloudspe,stream_ingest_metrics,"))
        .singleElement()
        .asString()
        .startsWith("cloudspe,stream_ingest_metrics,34,0,34,");
    assertThat(csvRow(quality, "cloudspe,ai_stream_status,"))
        .singleElement()
        .asString()
        .startsWith("cloudspe,ai_stream_status,17,0,17,");
    assertThat(csvRow(quality, "cloudspe,stream_trace,"))
        .singleElement()
        .asString()
        .startsWith("cloudspe,stream_trace,6,0,6,");
    assertThat(csvRow(quality, "cloudspe,create_new_payment,"))
        .singleElement()
        .asString()
        .startsWith("cloudspe,create_new_payment,6,0,6,");
  }

  @Test
  void citesTheCurrentDeltaVersionOfEveryTableRead() throws Exception {
    JsonNode json = new ObjectMapper().readTree(first.resolve("report.json").toFile());
    assertThat(json.get("id").asText()).isEqualTo("daily-2026-01-08");
    assertThat(json.get("kind").asText()).isEqualTo("daily");
    assertThat(json.get("window_start").asText()).isEqualTo("2026-01-08T00:00:00Z");
    assertThat(json.get("window_end").asText()).isEqualTo("2026-01-09T00:00:00Z");
    assertThat(json.get("run_time").asText()).isEqualTo("2026-01-09T01:00:00Z");
    LakeTables tables = new LakeTables(spark, jobs);
    Map<String, Long> current = new TreeMap<>();
    for (TableDeclaration table : ReportGenerator.tablesRead(ReportKind.DAILY)) {
      current.put(table.qualifiedName(), tables.version(table));
    }
    Map<String, Long> cited = new TreeMap<>();
    json.get("table_versions")
        .fields()
        .forEachRemaining(e -> cited.put(e.getKey(), e.getValue().asLong()));
    // The lake is read only here: nothing commits between generation and this check.
    assertThat(cited).isEqualTo(current);
    assertThat(cited.keySet()).allMatch(name -> LakeCatalog.find(name).isPresent());
    String html = read(first, "report.html");
    String md = read(first, "report.md");
    for (Map.Entry<String, Long> entry : cited.entrySet()) {
      assertThat(html)
          .contains(
              "<tr><td>"
                  + entry.getKey()
                  + "</td><td class=\"n\">"
                  + entry.getValue()
                  + "</td></tr>");
      assertThat(md).contains(entry.getKey().replace("_", "\\_") + " | " + entry.getValue() + " |");
    }
    assertThat(html).contains("SLA semantics quality-benchmark-v1");
    Map<String, Long> listed = new HashMap<>();
    json.get("files").forEach(f -> listed.put(f.get("name").asText(), f.get("bytes").asLong()));
    for (Map.Entry<String, Long> file : listed.entrySet()) {
      assertThat(Files.size(first.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    System.out.println("[report-it] report sizes (bytes): " + new TreeMap<>(listed));
  }

  @Test
  void regeneratingWritesTheSameBytes() throws Exception {
    Path second = job(reports.resolve("again")).run(spark, DAY, RUN_TIME).directory();
    try (var files = Files.list(first)) {
      for (Path file : files.toList()) {
        assertThat(Files.readAllBytes(second.resolve(file.getFileName())))
            .as(file.getFileName().toString())
            .isEqualTo(Files.readAllBytes(file));
      }
    }
  }

  @Test
  void htmlIsSelfContained() throws Exception {
    String html = read(first, "report.html");
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(html).doesNotContain("http://").doesNotContain("https://");
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img");
    // Inline charts: the hourly sessions line, the SLA bar, GPU supply and fees.
    assertThat(html.split("<svg ", -1).length - 1).isGreaterThanOrEqualTo(4);
  }

  @Test
  void hourlyReportOfTheSampleHour() throws Exception {
    ReportWindow hour = new ReportWindow(ReportKind.HOURLY, Instant.parse("2026-01-08T21:00:00Z"));
    Path dir = job(reports.resolve("hourly")).run(spark, hour, RUN_TIME).directory();
    assertThat(dir.getFileName().toString()).isEqualTo("hourly-2026-01-08T21");
    // The hourly SLA row of the session: the same 85.0 (one hour holds the whole session).
    assertThat(csvRow(read(dir, "sla_league.csv"), "1," + ORCH))
        .singleElement()
        .asString()
        .contains(
            ",cloudspe,live-video-to-video,streamdiffusion-sdxl-faceid,NVIDIA GeForce RTX 5090,1,1,")
        .endsWith(",85.0");
    assertThat(read(dir, "summary.csv"))
        .contains("Expected fees (wei),16800000007200,0,16800000007200,0,");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.get("table_versions").size())
        .isEqualTo(ReportGenerator.tablesRead(ReportKind.HOURLY).size());
    assertThat(Files.exists(dir.resolve("gpu_supply.csv"))).isFalse();
  }
}
