package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldSupplyTables;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * GPU supply by GPU model on the report's day and its change from the day before, from
 * gold.gpu_inventory (every GPU UUID announced that day), as {@code /v1/supply/gpus}: physical GPUs
 * are distinct physical_gpu_id (UUID churn removed; a UUID no map row covers counts as its own, as
 * in gold.gpu_supply_hourly), reported UUIDs distinct (orchestrator, UUID).
 */
public final class GpuSupplySection {
  public static final TableDeclaration SOURCE = GoldSupplyTables.GPU_INVENTORY;

  private GpuSupplySection() {}

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    String view = inputs.view(SOURCE);
    String perDay =
        "SELECT window_date, gpu_model_name,"
            + " count(DISTINCT coalesce(physical_gpu_id, orchestrator_address || '|' || gpu_id))"
            + " AS physical_gpus,"
            + " count(DISTINCT orchestrator_address || '|' || gpu_id) AS reported_gpu_uuids,"
            + " count(DISTINCT orchestrator_address) AS orchestrators FROM "
            + view
            + " WHERE window_date IN (DATE '"
            + window.date()
            + "', DATE '"
            + window.date().minusDays(1)
            + "') GROUP BY window_date, gpu_model_name";
    List<Row> rows =
        inputs.query(
            "WITH d AS ("
                + perDay
                + "), today AS (SELECT * FROM d WHERE window_date = DATE '"
                + window.date()
                + "'), before AS (SELECT * FROM d WHERE window_date = DATE '"
                + window.date().minusDays(1)
                + "') SELECT coalesce(t.gpu_model_name, b.gpu_model_name) AS gpu_model_name,"
                + " coalesce(t.physical_gpus, 0) AS physical_gpus,"
                + " coalesce(b.physical_gpus, 0) AS previous_physical_gpus,"
                + " coalesce(t.physical_gpus, 0) - coalesce(b.physical_gpus, 0) AS change,"
                + " coalesce(t.reported_gpu_uuids, 0) AS reported_gpu_uuids,"
                + " coalesce(t.orchestrators, 0) AS orchestrators"
                + " FROM today t FULL OUTER JOIN before b"
                + " ON t.gpu_model_name <=> b.gpu_model_name"
                + " ORDER BY physical_gpus DESC, gpu_model_name NULLS LAST");
    ReportTable table =
        new QueryTable("gpu_supply", "GPUs announced on " + window.date() + " by GPU model")
            .col("gpu_model_name", "GPU model", Format.TEXT)
            .col("physical_gpus", "Physical GPUs", Format.COUNT)
            .col("previous_physical_gpus", "Previous day", Format.COUNT)
            .col("change", "Change", Format.COUNT)
            .col("reported_gpu_uuids", "Reported UUIDs", Format.COUNT)
            .col("orchestrators", "Orchestrators", Format.COUNT)
            .of(rows);
    List<Row> supplied = rows.stream().filter(r -> Values.count(r, "physical_gpus") > 0).toList();
    List<Chart> charts = new ArrayList<>();
    if (!supplied.isEmpty()) {
      charts.add(
          Values.bars(
              "Physical GPUs by GPU model",
              "GPUs",
              supplied,
              r ->
                  java.util.Objects.requireNonNullElse(Values.text(r, "gpu_model_name"), "unknown"),
              r -> Values.number(r, "physical_gpus")));
    }
    long total = rows.stream().mapToLong(r -> Values.count(r, "physical_gpus")).sum();
    String note =
        rows.isEmpty()
            ? "No GPU was announced on this day or the day before."
            : "From gold.gpu_inventory. Per-model counts add up to "
                + total
                + " physical GPUs on the day (a GPU counts once per model it reports).";
    return new ReportSection("gpu_supply", "GPU supply", List.of(note), charts, List.of(table));
  }
}
