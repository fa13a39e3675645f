package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Network summary: the KPIs of {@code /v1/network/summary} (gold.network_summary_hourly, same sums
 * and gauges) over the report window, the window before it and the same window a week earlier, with
 * the changes. Gauges (active orchestrators, physical GPUs) are taken from the window's latest hour
 * with data, as the API does; hours without a row count 0.
 */
public final class SummarySection {
  public static final TableDeclaration SOURCE = GoldNetworkTables.NETWORK_SUMMARY_HOURLY;

  /** A KPI: its column in the summary query, its label and how it is shown. */
  public record Kpi(String key, String label, Format format) {}

  public static final List<Kpi> KPIS =
      List.of(
          new Kpi("hours", "Hours with data", Format.COUNT),
          new Kpi(
              "settled_hours", "Settled hours (late data can no longer change them)", Format.COUNT),
          new Kpi("requested_sessions", "Live-video sessions requested", Format.COUNT),
          new Kpi("startup_success_sessions", "Sessions started (served)", Format.COUNT),
          new Kpi("startup_success_rate", "Startup success rate", Format.PERCENT),
          new Kpi("usage_minutes", "Usage minutes", Format.NUMBER),
          new Kpi("expected_fees_wei", "Expected fees (wei)", Format.WEI),
          new Kpi("payment_events", "Payment events (ticket batches)", Format.COUNT),
          new Kpi("jobs", "Request/response jobs", Format.COUNT),
          new Kpi("active_orchestrators", "Active orchestrators (latest hour)", Format.COUNT),
          new Kpi("physical_gpus", "Physical GPUs (latest hour)", Format.COUNT));

  private SummarySection() {}

  /** The KPIs of one window, by key. */
  public static Map<String, Object> kpis(ReportInputs inputs, ReportWindow window) {
    Row row =
        inputs
            .query(
                "SELECT count(*) AS hours, count_if(is_settled) AS settled_hours,"
                    + " coalesce(sum(requested_sessions), 0) AS requested_sessions,"
                    + " coalesce(sum(startup_success_sessions), 0) AS startup_success_sessions,"
                    + " CAST(sum(startup_success_sessions) AS double)"
                    + " / nullif(sum(requested_sessions), 0) AS startup_success_rate,"
                    + " coalesce(sum(usage_minutes), 0D) AS usage_minutes,"
                    + " coalesce(sum(expected_fees_wei), CAST(0 AS decimal(38, 10)))"
                    + " AS expected_fees_wei,"
                    + " coalesce(sum(payment_events), 0) AS payment_events,"
                    + " coalesce(sum(jobs), 0) AS jobs,"
                    + " max_by(active_orchestrators, window_start) AS active_orchestrators,"
                    + " max_by(physical_gpus, window_start) AS physical_gpus FROM "
                    + inputs.view(SOURCE)
                    + " WHERE "
                    + window.timePredicate("window_start", "window_date"))
            .get(0);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Kpi kpi : KPIS) {
      values.put(kpi.key(), Values.get(row, kpi.key()));
    }
    return values;
  }

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    Map<String, Object> current = kpis(inputs, window);
    Map<String, Object> previous = kpis(inputs, window.previous());
    Map<String, Object> weekBefore = kpis(inputs, window.weekBefore());
    String unit = window.kind().label().equals("daily") ? "day" : "hour";
    ReportTable.Builder table =
        ReportTable.builder(
                "summary",
                "Network KPIs for "
                    + window.start()
                    + " to "
                    + window.end()
                    + ", against the previous "
                    + unit
                    + " and the same "
                    + unit
                    + " a week earlier")
            .column("kpi", "KPI")
            .column("current", "This " + unit)
            .column("previous", "Previous " + unit)
            .column("change_vs_previous", "Change")
            .column("week_before", "Week before")
            .column("change_vs_week_before", "Change");
    for (Kpi kpi : KPIS) {
      Object now = current.get(kpi.key());
      Object before = previous.get(kpi.key());
      Object week = weekBefore.get(kpi.key());
      table.row(
          List.of(
              Cell.text(kpi.label()),
              Cell.of(now, kpi.format()),
              Cell.of(before, kpi.format()),
              Cell.of(Values.difference(now, before), kpi.format()),
              Cell.of(week, kpi.format()),
              Cell.of(Values.difference(now, week), kpi.format())));
    }
    List<Chart> charts = new ArrayList<>();
    if (window.kind().length().compareTo(Duration.ofHours(1)) > 0) {
      charts.add(hourlyChart(inputs, window));
    }
    List<String> notes =
        List.of(
            "From gold.network_summary_hourly, with the sums and gauges of /v1/network/summary."
                + " A change is this window minus the other; empty when either side has no"
                + " value.");
    return new ReportSection("summary", "Network summary", notes, charts, List.of(table.build()));
  }

  /** Requested and started sessions per hour of the window (hours without a row are 0). */
  private static Chart hourlyChart(ReportInputs inputs, ReportWindow window) {
    Map<Instant, Row> byHour = new HashMap<>();
    for (Row row :
        inputs.query(
            "SELECT window_start, requested_sessions, startup_success_sessions FROM "
                + inputs.view(SOURCE)
                + " WHERE "
                + window.timePredicate("window_start", "window_date"))) {
      byHour.put(Values.instant(row, "window_start"), row);
    }
    List<String> labels = new ArrayList<>();
    List<Double> requested = new ArrayList<>();
    List<Double> started = new ArrayList<>();
    for (Instant hour = window.start();
        hour.isBefore(window.end());
        hour = hour.plusSeconds(3600)) {
      Row row = byHour.get(hour);
      labels.add(hour.toString().substring(11, 13));
      requested.add(row == null ? 0.0 : Values.number(row, "requested_sessions"));
      started.add(row == null ? 0.0 : Values.number(row, "startup_success_sessions"));
    }
    return Chart.line(
        "Live-video sessions per UTC hour",
        "sessions",
        labels,
        List.of(new Chart.Series("requested", requested), new Chart.Series("started", started)));
  }
}
