package io.naaplake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.report.sections.EconomicsSection;
import io.naaplake.jobs.report.sections.SlaSection;
import io.naaplake.jobs.report.sections.SummarySection;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections over tiny explicit gold rows; every expected value is worked out in the comments. */
class SectionsTest {
  private static final ReportWindow DAY =
      new ReportWindow(ReportKind.DAILY, Instant.parse("2026-01-08T00:00:00Z"));
  private static final Instant RUN = Instant.parse("2026-01-09T01:00:00Z");
  private static final ReportConfig CONFIG = new ReportConfig(Path.of("/unused"), 95, 1, 2);

  private static SparkSession spark;

  @BeforeAll
  static void spark() {
    spark = LocalSpark.get();
  }

  private static String summaryHour(
      String hour,
      long requested,
      long started,
      double minutes,
      String fees,
      Long orchestrators,
      boolean settled) {
    return "{\"window_start\":\""
        + hour
        + "\",\"window_date\":\""
        + hour.substring(0, 10)
        + "\",\"requested_sessions\":"
        + requested
        + ",\"startup_success_sessions\":"
        + started
        + ",\"usage_minutes\":"
        + minutes
        + ",\"expected_fees_wei\":"
        + fees
        + ",\"payment_events\":1,\"jobs\":2,\"active_orchestrators\":"
        + orchestrators
        + ",\"physical_gpus\":"
        + (orchestrators == null ? null : orchestrators + 1)
        + ",\"is_settled\":"
        + settled
        + "}";
  }

  private static MemoryInputs summaryInputs() {
    return new MemoryInputs(spark)
        .with(
            GoldNetworkTables.NETWORK_SUMMARY_HOURLY,
            summaryHour("2026-01-08T10:00:00Z", 4, 3, 10.5, "100.5", 2L, true),
            summaryHour("2026-01-08T11:00:00Z", 6, 6, 4.5, "200", 5L, false),
            // The previous day; the next day's first hour must not count.
            summaryHour("2026-01-07T10:00:00Z", 5, 5, 1.0, "50", 3L, true),
            summaryHour("2026-01-09T00:00:00Z", 100, 0, 1.0, "1", 9L, false));
  }

  @Test
  void summaryTotalsGaugesAndDeltas() {
    MemoryInputs inputs = summaryInputs();
    Map<String, Object> day = SummarySection.kpis(inputs, DAY);
    // Two hours: 4 + 6 requested, 3 + 6 started (rate 0.9), 10.5 + 4.5 minutes, 100.5 + 200 wei;
    // gauges from the latest hour (11:00): 5 orchestrators, 6 GPUs.
    assertThat(day.get("hours")).isEqualTo(2L);
    assertThat(day.get("settled_hours")).isEqualTo(1L);
    assertThat(day.get("requested_sessions")).isEqualTo(10L);
    assertThat(day.get("startup_success_rate")).isEqualTo(0.9);
    assertThat(day.get("usage_minutes")).isEqualTo(15.0);
    assertThat((BigDecimal) day.get("expected_fees_wei")).isEqualByComparingTo("300.5");
    assertThat(day.get("active_orchestrators")).isEqualTo(5L);
    assertThat(day.get("physical_gpus")).isEqualTo(6L);

    ReportTable table = SummarySection.build(inputs, DAY).tables().get(0);
    List<Cell> requested = row(table, "Live-video sessions requested");
    // This day 10, previous day 5 (+5), a week before nothing: 0 (+10).
    assertThat(requested)
        .extracting(Cell::csv)
        .containsExactly("Live-video sessions requested", "10", "5", "5", "0", "10");
    List<Cell> fees = row(table, "Expected fees (wei)");
    assertThat(fees)
        .extracting(Cell::csv)
        .containsExactly("Expected fees (wei)", "300.5", "50", "250.5", "0", "300.5");
    // A gauge with no hour a week before is unknown, and so is its change.
    List<Cell> orchestrators = row(table, "Active orchestrators (latest hour)");
    assertThat(orchestrators)
        .extracting(Cell::csv)
        .containsExactly("Active orchestrators (latest hour)", "5", "3", "2", "", "");
  }

  private static List<Cell> row(ReportTable table, String label) {
    return table.rows().stream()
        .filter(r -> r.get(0).csv().equals(label))
        .findFirst()
        .orElseThrow();
  }

  private static String slaRow(String orchestrator, Double score, long requested, long failed) {
    return "{\"window_date\":\"2026-01-08\",\"orchestrator_address\":"
        + (orchestrator == null ? null : "\"" + orchestrator + "\"")
        + ",\"pipeline\":\"live-video-to-video\",\"model_id\":\"m\","
        + "\"sla_semantics_version\":\"quality-benchmark-v1\",\"requested_sessions\":"
        + requested
        + ",\"effective_failed_sessions\":"
        + failed
        + ",\"sla_score\":"
        + score
        + "}";
  }

  private static String failure(
      String orchestrator, String hour, String category, String reason, long n) {
    return "{\"window_start\":\""
        + hour
        + "\",\"window_date\":\""
        + hour.substring(0, 10)
        + "\",\"org\":\"o\",\"orchestrator_address\":\""
        + orchestrator
        + "\",\"pipeline\":\"live-video-to-video\",\"model_id\":\"m\",\"category\":\""
        + category
        + "\",\"reason\":\""
        + reason
        + "\",\"occurrences\":"
        + n
        + "}";
  }

  private static MemoryInputs slaInputs() {
    return new MemoryInputs(spark)
        .with(
            GoldSlaTables.STREAMING_SLA_DAILY,
            slaRow("0xaaa", 99.0, 10, 0),
            slaRow("0xbbb", 85.0, 1, 0),
            slaRow("0xccc", 85.0, 5, 2),
            // Not ranked: unattributed, or no score (no requested session).
            slaRow(null, 50.0, 3, 3),
            slaRow("0xddd", null, 0, 0))
        .with(
            GoldDiagnosticsTables.FAILURE_REASONS_HOURLY,
            failure("0xbbb", "2026-01-08T01:00:00Z", "swap", "no_orchestrators", 1),
            failure("0xbbb", "2026-01-08T02:00:00Z", "swap", "no_orchestrators", 2),
            failure("0xbbb", "2026-01-08T02:00:00Z", "restart", "restart", 2),
            failure("0xbbb", "2026-01-08T03:00:00Z", "error", "whip_disconnected", 1),
            // The next day does not count.
            failure("0xbbb", "2026-01-09T03:00:00Z", "error", "whip_disconnected", 9));
  }

  @Test
  void slaLeagueRanksAttributedScoredRowsAndListsThoseBelowTheThreshold() {
    MemoryInputs inputs = slaInputs();
    var ranked = SlaSection.ranked(inputs, DAY);
    // 99 first; the two 85s ordered by requested sessions (5 before 1).
    assertThat(ranked)
        .extracting(r -> r.getAs("orchestrator_address"))
        .containsExactly("0xaaa", "0xccc", "0xbbb");
    List<ReportSection> sections = SlaSection.build(inputs, DAY, CONFIG, ranked);
    // League size 1 and 3 rows: the best row and the worst row.
    assertThat(sections.get(0).tables())
        .extracting(ReportTable::name)
        .containsExactly("sla_best", "sla_worst");
    assertThat(sections.get(0).tables().get(0).rows().get(0).get(1).csv()).isEqualTo("0xaaa");
    assertThat(sections.get(0).tables().get(1).rows().get(0).get(0).csv()).isEqualTo("3");
    assertThat(sections.get(0).tables().get(1).rows().get(0).get(1).csv()).isEqualTo("0xbbb");
    // Below 95, worst first: 0xbbb (rank 3), 0xccc. 0xbbb's two most frequent reasons: swap
    // no_orchestrators 1 + 2 = 3, then restart 2 (error 1 is third; the next day's 9 is outside).
    ReportTable below = sections.get(1).tables().get(0);
    assertThat(below.rows()).hasSize(2);
    assertThat(below.rows().get(0))
        .extracting(Cell::csv)
        .containsExactly(
            "0xbbb",
            "live-video-to-video",
            "m",
            "85.0",
            "1",
            "0",
            "swap/no_orchestrators ×3; restart/restart ×2");
    assertThat(below.rows().get(1).get(0).csv()).isEqualTo("0xccc");
    assertThat(below.rows().get(1).get(6).csv()).isEmpty();
  }

  @Test
  void feesByPipelineRecomputeTheTicketWeightedPrice() {
    String row =
        "{\"window_start\":\"2026-01-08T21:00:00Z\",\"window_date\":\"2026-01-08\",\"org\":\"o\","
            + "\"orchestrator_address\":\"0xaaa\",\"pipeline\":\"p\",\"model_id\":\"m\","
            + "\"payment_events\":%d,\"tickets\":%d,\"face_value_wei\":%s,\"expected_value_wei\":%s,"
            + "\"priced_tickets\":%d,\"price_ticket_weighted_sum\":%s}";
    MemoryInputs inputs =
        new MemoryInputs(spark)
            .with(
                GoldEconomicsTables.PAYMENTS_HOURLY,
                String.format(
                    row, 1, 2, "4804800000000000", "4800000004800.0000000000", 2, "3270.042"),
                String.format(
                    row, 5, 5, "12002400000000000", "12000000002400.0000000000", 1, "1635.021"));
    ReportSection section = EconomicsSection.build(inputs, DAY);
    ReportTable byPipeline = section.tables().get(1);
    // 4,800,000,004,800 + 12,000,000,002,400 = 16,800,000,007,200 wei; price (3270.042 +
    // 1635.021) / (2 + 1) tickets = 1635.021 wei per pixel.
    assertThat(byPipeline.rows()).hasSize(1);
    assertThat(byPipeline.rows().get(0))
        .extracting(Cell::csv)
        .containsExactly("p", "m", "6", "7", "16807200000000000", "16800000007200", "1635.021");
    assertThat(byPipeline.rows().get(0).get(5).display()).isEqualTo("16,800,000,007,200");
  }

  @Test
  void aDailyReportWritesEveryFileAndReportJsonLast(@TempDir Path dir) throws Exception {
    MemoryInputs inputs = summaryInputs();
    inputs.with(GoldSlaTables.STREAMING_SLA_DAILY, slaRow("0xaaa", 85.0, 1, 0));
    ReportGenerator.tablesRead(ReportKind.DAILY).forEach(t -> inputs.version(t, 3));
    Report report = ReportGenerator.generate(inputs, DAY, RUN, CONFIG);
    assertThat(report.sections())
        .extracting(ReportSection::id)
        .containsExactly(
            "summary",
            "sla_league",
            "sla_below_threshold",
            "gpu_supply",
            "economics",
            "demand",
            "jobs",
            "data_quality");
    Path written = ReportFiles.write(report, dir);
    byte[] first = Files.readAllBytes(written.resolve("report.html"));
    JsonNode json = new ObjectMapper().readTree(written.resolve("report.json").toFile());
    assertThat(json.get("id").asText()).isEqualTo("daily-2026-01-08");
    assertThat(json.get("window_end").asText()).isEqualTo("2026-01-09T00:00:00Z");
    assertThat(json.get("run_time").asText()).isEqualTo(RUN.toString());
    assertThat(json.get("table_versions").size())
        .isEqualTo(ReportGenerator.tablesRead(ReportKind.DAILY).size());
    List<String> names = new ArrayList<>();
    for (JsonNode file : json.get("files")) {
      names.add(file.get("name").asText());
      byte[] bytes = Files.readAllBytes(written.resolve(file.get("name").asText()));
      assertThat(file.get("bytes").asLong()).isEqualTo(bytes.length);
      assertThat(file.get("sha256").asText()).isEqualTo(ReportFiles.sha256(bytes));
    }
    assertThat(names)
        .contains(
            "report.html",
            "report.md",
            "summary.csv",
            "sla_league.csv",
            "fees_by_orchestrator.csv");
    assertThat(names).allMatch(n -> n.matches("report\\.(html|md)|[a-z0-9_]+\\.csv"));
    try (var listing = Files.list(written)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(
              java.util.stream.Stream.concat(
                      names.stream(), java.util.stream.Stream.of("report.json"))
                  .sorted()
                  .toList());
    }
    // Writing again replaces the files with the same bytes (DailyReportIT regenerates from the
    // lake and compares every file).
    ReportFiles.write(report, dir);
    assertThat(Files.readAllBytes(written.resolve("report.html"))).isEqualTo(first);
  }

  @Test
  void aWindowThatHasNotEndedIsRefused() {
    MemoryInputs inputs = summaryInputs();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ReportGenerator.generate(
                    inputs, DAY, Instant.parse("2026-01-08T23:00:00Z"), CONFIG))
        .hasMessageContaining("not complete yet");
  }
}
