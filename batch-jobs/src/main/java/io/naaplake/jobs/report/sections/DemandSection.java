package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Live-video demand in the window by pipeline and model, from gold.streaming_demand_hourly (every
 * session counted once, at its start hour, with its whole duration): requested, served (started),
 * unserved (no orchestrator found), failed, and usage minutes.
 */
public final class DemandSection {
  public static final TableDeclaration SOURCE = GoldDemandTables.STREAMING_DEMAND_HOURLY;

  private DemandSection() {}

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    List<Row> rows =
        inputs.query(
            "SELECT pipeline, model_id, sum(sessions) AS sessions,"
                + " sum(requested_sessions) AS requested_sessions,"
                + " sum(startup_success_sessions) AS served_sessions,"
                + " sum(no_orch_sessions) AS unserved_sessions,"
                + " sum(unexcused_failed_sessions) AS unexcused_failed_sessions,"
                + " sum(effective_failed_sessions) AS effective_failed_sessions,"
                + " CAST(sum(startup_success_sessions) AS double)"
                + " / nullif(sum(requested_sessions), 0) AS served_rate,"
                + " sum(usage_minutes) AS usage_minutes FROM "
                + inputs.view(SOURCE)
                + " WHERE "
                + window.timePredicate("window_start", "window_date")
                + " GROUP BY pipeline, model_id"
                + " ORDER BY requested_sessions DESC, pipeline NULLS LAST, model_id NULLS LAST");
    ReportTable table =
        new QueryTable("demand", "Live-video demand by pipeline and model")
            .col("pipeline", "Pipeline", Format.TEXT)
            .col("model_id", "Model", Format.TEXT)
            .col("sessions", "Sessions", Format.COUNT)
            .col("requested_sessions", "Requested", Format.COUNT)
            .col("served_sessions", "Served", Format.COUNT)
            .col("unserved_sessions", "Unserved (no orchestrator)", Format.COUNT)
            .col("unexcused_failed_sessions", "Unexcused startup failures", Format.COUNT)
            .col("effective_failed_sessions", "Effective failures", Format.COUNT)
            .col("served_rate", "Served rate", Format.PERCENT)
            .col("usage_minutes", "Usage minutes", Format.NUMBER)
            .of(rows);
    List<Chart> charts = new ArrayList<>();
    if (rows.size() > 1) {
      charts.add(
          Values.bars(
              "Usage minutes by pipeline and model",
              "minutes",
              rows,
              r -> Values.text(r, "pipeline") + " / " + Values.text(r, "model_id"),
              r -> Values.number(r, "usage_minutes")));
    }
    String note =
        rows.isEmpty()
            ? "No live-video session started in this window."
            : "Sessions are counted at their start hour with their whole duration; served ="
                + " startup succeeded, unserved = the gateway found no orchestrator.";
    return new ReportSection("demand", "Demand", List.of(note), charts, List.of(table));
  }
}
