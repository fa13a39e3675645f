package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportConfig;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportKind;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The SLA league table and the orchestrators below the threshold. A daily report ranks the rows of
 * gold.streaming_sla_daily (orchestrator, pipeline, model: the day's primitives re-scored, as
 * {@code /v1/streaming/sla/daily}); an hourly report ranks the scored rows of
 * gold.streaming_sla_hourly (which also split by org and GPU). Only attributed rows with a score
 * are ranked: best score first, ties by requested sessions (more first), then by the keys.
 */
public final class SlaSection {
  public static final TableDeclaration FAILURES = GoldDiagnosticsTables.FAILURE_REASONS_HOURLY;

  /** The key columns of a ranked row, and the primitives shown with it. */
  private static final List<Map.Entry<String, Format>> PRIMITIVES =
      List.of(
          Map.entry("requested_sessions", Format.COUNT),
          Map.entry("startup_success_sessions", Format.COUNT),
          Map.entry("swapped_sessions", Format.COUNT),
          Map.entry("output_failed_sessions", Format.COUNT),
          Map.entry("effective_failed_sessions", Format.COUNT),
          Map.entry("health_signal_coverage_ratio", Format.PERCENT),
          Map.entry("reliability_score", Format.NUMBER),
          Map.entry("quality_score", Format.NUMBER),
          Map.entry("sla_score", Format.SCORE));

  private static final Map<String, String> HEADINGS = headings();

  private SlaSection() {}

  private static Map<String, String> headings() {
    Map<String, String> headings = new LinkedHashMap<>();
    headings.put("rank", "Rank");
    headings.put("orchestrator_address", "Orchestrator");
    headings.put("org", "Org");
    headings.put("pipeline", "Pipeline");
    headings.put("model_id", "Model");
    headings.put("gpu_model_name", "GPU model");
    headings.put("requested_sessions", "Requested");
    headings.put("startup_success_sessions", "Started");
    headings.put("swapped_sessions", "Swapped");
    headings.put("output_failed_sessions", "Output failed");
    headings.put("effective_failed_sessions", "Effective failures");
    headings.put("health_signal_coverage_ratio", "Signal coverage");
    headings.put("reliability_score", "Reliability");
    headings.put("quality_score", "Quality");
    headings.put("sla_score", "SLA score");
    headings.put("top_failure_reasons", "Top failure reasons");
    return headings;
  }

  /** The SLA table a report of this kind ranks. */
  public static TableDeclaration source(ReportKind kind) {
    return kind == ReportKind.DAILY
        ? GoldSlaTables.STREAMING_SLA_DAILY
        : GoldSlaTables.STREAMING_SLA_HOURLY;
  }

  private static List<String> keys(ReportKind kind) {
    return kind == ReportKind.DAILY
        ? List.of("orchestrator_address", "pipeline", "model_id")
        : List.of("orchestrator_address", "org", "pipeline", "model_id", "gpu_model_name");
  }

  /** The ranked rows, best first. */
  public static List<Row> ranked(ReportInputs inputs, ReportWindow window) {
    List<String> keys = keys(window.kind());
    String predicate =
        window.kind() == ReportKind.DAILY
            ? "window_date = DATE '" + window.date() + "'"
            : window.timePredicate("window_start", "window_date");
    String tieBreak =
        window.kind() == ReportKind.DAILY
            ? "orchestrator_address, pipeline, model_id"
            : "orchestrator_address, org, pipeline, model_id, gpu_id";
    return inputs.query(
        "SELECT "
            + String.join(", ", keys)
            + ", sla_semantics_version, "
            + String.join(", ", PRIMITIVES.stream().map(Map.Entry::getKey).toList())
            + " FROM "
            + inputs.view(source(window.kind()))
            + " WHERE "
            + predicate
            + " AND orchestrator_address IS NOT NULL AND sla_score IS NOT NULL"
            + " ORDER BY sla_score DESC, requested_sessions DESC, "
            + tieBreak);
  }

  /** SLA semantics versions of the rows read (the methodology footer cites them). */
  public static TreeSet<String> semanticsVersions(List<Row> ranked) {
    TreeSet<String> versions = new TreeSet<>();
    ranked.forEach(row -> versions.add(Values.text(row, "sla_semantics_version")));
    return versions;
  }

  public static List<ReportSection> build(
      ReportInputs inputs, ReportWindow window, ReportConfig config, List<Row> ranked) {
    return List.of(league(window, config, ranked), belowThreshold(inputs, window, config, ranked));
  }

  private static ReportSection league(ReportWindow window, ReportConfig config, List<Row> ranked) {
    int n = config.leagueSize();
    List<ReportTable> tables = new ArrayList<>();
    List<Integer> shown = new ArrayList<>();
    if (ranked.size() <= 2 * n) {
      for (int i = 0; i < ranked.size(); i++) {
        shown.add(i);
      }
      tables.add(rankTable("sla_league", "Every ranked row, best first", window, ranked, shown));
    } else {
      for (int i = 0; i < n; i++) {
        shown.add(i);
      }
      tables.add(rankTable("sla_best", "The " + n + " best rows", window, ranked, shown));
      List<Integer> worst = new ArrayList<>();
      for (int i = ranked.size() - 1; i >= ranked.size() - n; i--) {
        worst.add(i);
      }
      tables.add(
          rankTable("sla_worst", "The " + n + " worst rows, worst first", window, ranked, worst));
      shown.addAll(worst);
    }
    List<Chart> charts = new ArrayList<>();
    if (!ranked.isEmpty()) {
      List<String> labels = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      for (int i : shown) {
        Row row = ranked.get(i);
        labels.add("#" + (i + 1) + " " + shortAddress(Values.text(row, "orchestrator_address")));
        scores.add(Values.number(row, "sla_score"));
      }
      charts.add(Chart.bar("SLA score by ranked row", "score", labels, scores));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        ranked.isEmpty()
            ? "No attributed row with an SLA score in this window."
            : ranked.size()
                + " ranked rows. SLA score = 100 × signal coverage × (0.7 × reliability + 0.3 ×"
                + " quality), from the summed primitives ("
                + String.join(", ", semanticsVersions(ranked))
                + ").");
    return new ReportSection("sla_league", "SLA league table", notes, charts, tables);
  }

  private static ReportTable rankTable(
      String name, String caption, ReportWindow window, List<Row> ranked, List<Integer> indexes) {
    ReportTable.Builder table = ReportTable.builder(name, caption);
    List<String> columns = new ArrayList<>();
    columns.add("rank");
    columns.addAll(keys(window.kind()));
    PRIMITIVES.forEach(p -> columns.add(p.getKey()));
    columns.forEach(c -> table.column(c, HEADINGS.get(c)));
    for (int i : indexes) {
      Row row = ranked.get(i);
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.count((long) i + 1));
      for (String key : keys(window.kind())) {
        cells.add(Cell.text(Values.text(row, key)));
      }
      cells.addAll(Values.cells(row, PRIMITIVES));
      table.row(cells);
    }
    return table.build();
  }

  private static ReportSection belowThreshold(
      ReportInputs inputs, ReportWindow window, ReportConfig config, List<Row> ranked) {
    List<Row> below =
        ranked.stream().filter(r -> Values.number(r, "sla_score") < config.slaThreshold()).toList();
    Map<List<String>, List<String>> reasons = topReasons(inputs, window, config.failureReasons());
    ReportTable.Builder table =
        ReportTable.builder(
            "sla_below_threshold", "Rows scoring below " + config.slaThreshold() + ", worst first");
    List<String> columns = new ArrayList<>(keys(window.kind()));
    columns.addAll(
        List.of(
            "sla_score", "requested_sessions", "effective_failed_sessions", "top_failure_reasons"));
    columns.forEach(c -> table.column(c, HEADINGS.get(c)));
    for (int i = below.size() - 1; i >= 0; i--) {
      Row row = below.get(i);
      List<Cell> cells = new ArrayList<>();
      for (String key : keys(window.kind())) {
        cells.add(Cell.text(Values.text(row, key)));
      }
      cells.add(Cell.of(Values.number(row, "sla_score"), Format.SCORE));
      cells.add(Cell.count(Values.count(row, "requested_sessions")));
      cells.add(Cell.count(Values.count(row, "effective_failed_sessions")));
      List<String> top = reasons.getOrDefault(reasonKey(row), List.of());
      cells.add(Cell.text(top.isEmpty() ? null : String.join("; ", top)));
      table.row(cells);
    }
    String note =
        below.isEmpty()
            ? "No ranked row scored below " + config.slaThreshold() + "."
            : below.size()
                + " of "
                + ranked.size()
                + " ranked rows scored below "
                + config.slaThreshold()
                + ". Failure reasons are gold.failure_reasons_hourly occurrences in the window for"
                + " the orchestrator, pipeline and model, most frequent first.";
    return new ReportSection(
        "sla_below_threshold",
        "Below the SLA threshold",
        List.of(note),
        List.of(),
        List.of(table.build()));
  }

  private static List<String> reasonKey(Row row) {
    List<String> key = new ArrayList<>();
    key.add(Values.text(row, "orchestrator_address"));
    key.add(Values.text(row, "pipeline"));
    key.add(Values.text(row, "model_id"));
    return key;
  }

  /**
   * "category/reason ×n" of the most frequent failure signals per (orchestrator, pipeline, model).
   */
  private static Map<List<String>, List<String>> topReasons(
      ReportInputs inputs, ReportWindow window, int limit) {
    Map<List<String>, List<String>> reasons = new LinkedHashMap<>();
    for (Row row :
        inputs.query(
            "SELECT orchestrator_address, pipeline, model_id, category, reason, occurrences FROM"
                + " (SELECT *, row_number() OVER (PARTITION BY orchestrator_address, pipeline,"
                + " model_id ORDER BY occurrences DESC, category, reason) AS position FROM"
                + " (SELECT orchestrator_address, pipeline, model_id, category, reason,"
                + " sum(occurrences) AS occurrences FROM "
                + inputs.view(FAILURES)
                + " WHERE "
                + window.timePredicate("window_start", "window_date")
                + " AND orchestrator_address IS NOT NULL"
                + " GROUP BY orchestrator_address, pipeline, model_id, category, reason))"
                + " WHERE position <= "
                + limit
                + " ORDER BY orchestrator_address, pipeline, model_id, position")) {
      reasons
          .computeIfAbsent(reasonKey(row), k -> new ArrayList<>())
          .add(
              Values.text(row, "category")
                  + "/"
                  + Values.text(row, "reason")
                  + " ×"
                  + Values.count(row, "occurrences"));
    }
    return reasons;
  }

  static String shortAddress(String address) {
    Objects.requireNonNull(address);
    return address.length() > 12
        ? address.substring(0, 6) + "…" + address.substring(address.length() - 4)
        : address;
  }
}
