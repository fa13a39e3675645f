package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldRevisionTables;
import io.naaplake.schema.TableDeclaration;
import java.util.List;

/**
 * Data quality of the window: where the events went (gold.data_quality_hourly by org and family:
 * duplicates, ignored, quarantined, late, attribution quality), unreadable messages
 * (bronze.quarantine by Kafka timestamp) and revisions of published gold numbers about the window
 * (gold.revisions), counting those that changed a row already marked settled.
 */
public final class DataQualitySection {
  public static final TableDeclaration QUALITY = GoldNetworkTables.DATA_QUALITY_HOURLY;
  public static final TableDeclaration REVISIONS = GoldRevisionTables.REVISIONS;
  public static final TableDeclaration BRONZE_QUARANTINE = BronzeTables.QUARANTINE;

  private DataQualitySection() {}

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    ReportTable quality =
        new QueryTable("data_quality", "Events by org and family")
            .col("org", "Org", Format.TEXT)
            .col("family", "Family", Format.TEXT)
            .col("bronze_rows", "Bronze rows", Format.COUNT)
            .col("duplicate_deliveries", "Duplicates", Format.COUNT)
            .col("accepted_events", "Accepted", Format.COUNT)
            .col("ignored_events", "Ignored", Format.COUNT)
            .col("quarantined_events", "Quarantined", Format.COUNT)
            .col("partially_quarantined_events", "Partly quarantined", Format.COUNT)
            .col("late_events", "Late", Format.COUNT)
            .col("late_events_beyond_horizon", "Late beyond horizon", Format.COUNT)
            .col("selections", "Selections", Format.COUNT)
            .col("attribution_quality", "Attribution quality", Format.PERCENT)
            .run(
                inputs,
                "SELECT org, family, sum(bronze_rows) AS bronze_rows,"
                    + " sum(duplicate_deliveries) AS duplicate_deliveries,"
                    + " sum(accepted_events) AS accepted_events,"
                    + " sum(ignored_events) AS ignored_events,"
                    + " sum(quarantined_events) AS quarantined_events,"
                    + " sum(partially_quarantined_events) AS partially_quarantined_events,"
                    + " sum(late_events) AS late_events,"
                    + " sum(late_events_beyond_horizon) AS late_events_beyond_horizon,"
                    + " sum(selections) AS selections,"
                    + " CAST(sum(resolved_selections) + sum(hardware_less_selections) AS double)"
                    + " / nullif(sum(selections), 0) AS attribution_quality FROM "
                    + inputs.view(QUALITY)
                    + " WHERE "
                    + window.timePredicate("window_start", "window_date")
                    + " GROUP BY org, family ORDER BY org, family");
    ReportTable unreadable =
        new QueryTable("bronze_quarantine", "Unreadable Kafka messages by org and reason")
            .col("org", "Org", Format.TEXT)
            .col("reason", "Reason", Format.TEXT)
            .col("messages", "Messages", Format.COUNT)
            .run(
                inputs,
                "SELECT org, reason, count(*) AS messages FROM "
                    + inputs.view(BRONZE_QUARANTINE)
                    + " WHERE "
                    + window.timePredicate("kafka_timestamp", "quarantine_date")
                    + " GROUP BY org, reason ORDER BY org, reason");
    ReportTable revisions =
        new QueryTable("revisions", "Revisions of published gold rows about this window")
            .col("table_name", "Table", Format.TEXT)
            .col("change", "Change", Format.TEXT)
            .col("revisions", "Revisions", Format.COUNT)
            .col("settled_revisions", "Of settled rows", Format.COUNT)
            .col("last_revised_at", "Last revised at", Format.INSTANT)
            .run(
                inputs,
                "SELECT table_name, change, count(*) AS revisions,"
                    + " count_if(get_json_object(old_values, '$.is_settled') = 'true')"
                    + " AS settled_revisions, max(revised_at) AS last_revised_at FROM "
                    + inputs.view(REVISIONS)
                    + " WHERE window_date = DATE '"
                    + window.date()
                    + "' AND "
                    + revisedInWindow(window)
                    + " GROUP BY table_name, change ORDER BY table_name, change");
    String note =
        "Events are placed by their event time; quarantined = nothing storable, late = arrived"
            + " behind the org's event-time high-water mark. Attribution quality = (resolved +"
            + " hardware-less) / selections. A revision of a settled row changes a number that"
            + " had been published as final.";
    return new ReportSection(
        "data_quality",
        "Data quality",
        List.of(note),
        List.of(),
        List.of(quality, unreadable, revisions));
  }

  /**
   * Revisions of rows in the window: the row's window_start (from its key) in the window for hourly
   * tables; rows without one (daily tables) belong to the window's day.
   */
  private static String revisedInWindow(ReportWindow window) {
    String start = "to_timestamp(get_json_object(row_key, '$.window_start'))";
    return "(get_json_object(row_key, '$.window_start') IS NULL OR ("
        + start
        + " >= TIMESTAMP '"
        + window.start()
        + "' AND "
        + start
        + " < TIMESTAMP '"
        + window.end()
        + "'))";
  }
}
