package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Economics of the report's day: expected fees by orchestrator (gold.economics_daily), by pipeline
 * and model (gold.payments_hourly summed over the day, the ticket-weighted price recomputed from
 * its two sums), and the day's latest price quotes (gold.orchestrator_pricing). Wei stay exact.
 */
public final class EconomicsSection {
  public static final TableDeclaration DAILY = GoldEconomicsTables.ECONOMICS_DAILY;
  public static final TableDeclaration PAYMENTS = GoldEconomicsTables.PAYMENTS_HOURLY;
  public static final TableDeclaration PRICING = GoldEconomicsTables.ORCHESTRATOR_PRICING;

  private EconomicsSection() {}

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    String day = "window_date = DATE '" + window.date() + "'";
    List<Row> orchestrators =
        inputs.query(
            "SELECT orchestrator_address, expected_value_wei, face_value_wei, tickets,"
                + " payment_events, sessions_served, usage_minutes, expected_wei_per_usage_minute"
                + " FROM "
                + inputs.view(DAILY)
                + " WHERE "
                + day
                + " ORDER BY expected_value_wei DESC, orchestrator_address");
    ReportTable byOrchestrator =
        new QueryTable("fees_by_orchestrator", "Expected fees by orchestrator")
            .col("orchestrator_address", "Orchestrator", Format.TEXT)
            .col("expected_value_wei", "Expected fees (wei)", Format.WEI)
            .col("face_value_wei", "Face value (wei)", Format.WEI)
            .col("tickets", "Tickets", Format.COUNT)
            .col("payment_events", "Payment events", Format.COUNT)
            .col("sessions_served", "Sessions served", Format.COUNT)
            .col("usage_minutes", "Usage minutes", Format.NUMBER)
            .col("expected_wei_per_usage_minute", "Wei per usage minute", Format.NUMBER)
            .of(orchestrators);

    ReportTable byPipeline = byPipeline(inputs, window);

    ReportTable prices =
        new QueryTable(
                "prices", "Latest price quote of the day per orchestrator, pipeline and model")
            .col("orchestrator_address", "Orchestrator", Format.TEXT)
            .col("pipeline", "Pipeline", Format.TEXT)
            .col("model_id", "Model", Format.TEXT)
            .col("price_source", "Source", Format.TEXT)
            .col("price_wei_per_unit", "Wei per unit", Format.WEI)
            .col("pixels_per_unit", "Pixels per unit", Format.COUNT)
            .col("wei_per_pixel", "Wei per pixel", Format.EXACT)
            .col("gwei_per_megapixel", "Gwei per megapixel", Format.EXACT)
            .col("warm", "Warm", Format.TEXT)
            .col("quoted_at", "Quoted at", Format.INSTANT)
            .run(
                inputs,
                "SELECT orchestrator_address, pipeline, model_id, price_source, price_wei_per_unit,"
                    + " pixels_per_unit, wei_per_pixel, gwei_per_megapixel, warm, quoted_at FROM "
                    + inputs.view(PRICING)
                    + " WHERE "
                    + day
                    + " ORDER BY orchestrator_address, pipeline NULLS FIRST, model_id NULLS FIRST");

    List<Chart> charts = new ArrayList<>();
    if (!orchestrators.isEmpty()) {
      charts.add(
          Values.bars(
              "Expected fees by orchestrator",
              "wei",
              orchestrators,
              r -> SlaSection.shortAddress(Values.text(r, "orchestrator_address")),
              r -> ((BigDecimal) Values.get(r, "expected_value_wei")).doubleValue()));
    }
    BigDecimal total =
        orchestrators.stream()
            .map(r -> (BigDecimal) Values.get(r, "expected_value_wei"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    List<String> notes =
        List.of(
            "Expected fees are Σ face value × win probability × tickets of the day's"
                + " create_new_payment batches, exact in wei; "
                + Cell.wei(total).display()
                + " wei in total over "
                + orchestrators.size()
                + " orchestrators.");
    return new ReportSection(
        "economics", "Economics", notes, charts, List.of(byOrchestrator, byPipeline, prices));
  }

  private static ReportTable byPipeline(ReportInputs inputs, ReportWindow window) {
    ReportTable.Builder table =
        ReportTable.builder("fees_by_pipeline", "Expected fees by pipeline and model")
            .column("pipeline", "Pipeline")
            .column("model_id", "Model")
            .column("payment_events", "Payment events")
            .column("tickets", "Tickets")
            .column("face_value_wei", "Face value (wei)")
            .column("expected_value_wei", "Expected fees (wei)")
            .column("price_wei_per_pixel", "Wei per pixel paid");
    for (Row row :
        inputs.query(
            "SELECT pipeline, model_id, sum(payment_events) AS payment_events,"
                + " sum(tickets) AS tickets, sum(face_value_wei) AS face_value_wei,"
                + " sum(expected_value_wei) AS expected_value_wei,"
                + " sum(priced_tickets) AS priced_tickets,"
                + " sum(price_ticket_weighted_sum) AS price_ticket_weighted_sum FROM "
                + inputs.view(PAYMENTS)
                + " WHERE "
                + window.timePredicate("window_start", "window_date")
                + " GROUP BY pipeline, model_id"
                + " ORDER BY expected_value_wei DESC, pipeline NULLS LAST, model_id NULLS LAST")) {
      long priced = Values.count(row, "priced_tickets");
      BigDecimal weighted = (BigDecimal) Values.get(row, "price_ticket_weighted_sum");
      // As gold.payments_hourly: the ticket-weighted price to 18 places, half up.
      BigDecimal price =
          priced == 0
              ? null
              : weighted.divide(BigDecimal.valueOf(priced), 18, RoundingMode.HALF_UP);
      table.row(
          List.of(
              Cell.text(Values.text(row, "pipeline")),
              Cell.text(Values.text(row, "model_id")),
              Cell.count(Values.count(row, "payment_events")),
              Cell.count(Values.count(row, "tickets")),
              Cell.wei((BigDecimal) Values.get(row, "face_value_wei")),
              Cell.wei((BigDecimal) Values.get(row, "expected_value_wei")),
              Cell.of(price, Format.EXACT)));
    }
    return table.build();
  }
}
