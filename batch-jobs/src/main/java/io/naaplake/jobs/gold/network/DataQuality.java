package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.GoldWindows.indicator;
import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldNetworkTables;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze, silver and ops rows to gold.data_quality_hourly: per UTC event hour, org and family,
 * where the bronze deliveries went (typed, duplicate, ignored, quarantined), the late arrivals, the
 * newest accepted event and the attribution quality of the selections seen on the family's signals.
 *
 * <p>ops.silver_reconciliation holds these counts per silver run and event type, without hour or
 * org, so they are counted again here from the rows, placed by envelope event time. The
 * reconciliation invariant (bronze = typed + duplicates + ignored + quarantined) holds per hour
 * only approximately: duplicates are counted by envelope id (worker_lifecycle deduplicates on
 * data.id), and a quarantined event delivered twice is one quarantined event and one duplicate.
 */
public final class DataQuality {
  private static final String[] KEY = {"window_start", "org", "family"};

  private DataQuality() {}

  /**
   * The lineage of every typed event, from the silver typed tables: (org, event_id, event_type,
   * event_ts) of each, the input {@link #hourly} takes as {@code typedLineage}.
   */
  public static Dataset<Row> lineage(List<Dataset<Row>> typedTables) {
    Dataset<Row> union = null;
    for (Dataset<Row> table : typedTables) {
      Dataset<Row> rows =
          table.select(col("org"), col("event_id"), col("event_type"), col("event_ts")).distinct();
      union = union == null ? rows : union.unionByName(rows);
    }
    return union;
  }

  /**
   * The hourly data-quality rows of the hours the inputs cover (pass whole hours of every input).
   *
   * @param bronze bronze.raw_events rows (org, event_id, event_type, event_ts are read)
   * @param typedLineage {@link #lineage} of the silver typed tables
   * @param ignored silver.ignored_events rows
   * @param quarantine silver.quarantine rows
   * @param lateEvents ops.late_events rows
   * @param selections silver.session_selections rows
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(
      Dataset<Row> bronze,
      Dataset<Row> typedLineage,
      Dataset<Row> ignored,
      Dataset<Row> quarantine,
      Dataset<Row> lateEvents,
      Dataset<Row> selections,
      Instant settledBefore) {
    Dataset<Row> deliveries =
        placed(bronze)
            .agg(count(lit(1)).as("bronze_rows"), count_distinct(col("event_id")).as("bronze_ids"))
            .withColumn("duplicate_deliveries", col("bronze_rows").minus(col("bronze_ids")))
            .drop("bronze_ids");
    Dataset<Row> accepted =
        placed(typedLineage)
            .agg(
                count_distinct(col("event_id")).as("accepted_events"),
                max(col("event_ts")).as("latest_event_ts"));
    Dataset<Row> ignoredCounts = placed(ignored).agg(count(lit(1)).as("ignored_events"));
    Dataset<Row> typedIds =
        typedLineage
            .select(col("org").as("t_org"), col("event_id").as("t_event_id"))
            .distinct()
            .withColumn("typed", lit(true));
    Column isTyped = coalesce(col("typed"), lit(false));
    Dataset<Row> quarantined =
        placed(
                quarantine
                    .select(col("org"), col("event_id"), col("event_type"), col("event_ts"))
                    .distinct()
                    .join(
                        typedIds,
                        col("org")
                            .equalTo(col("t_org"))
                            .and(col("event_id").equalTo(col("t_event_id"))),
                        "left"))
            .agg(
                total(indicator(isTyped.unary_$bang())).as("quarantined_events"),
                total(indicator(isTyped)).as("partially_quarantined_events"));
    Dataset<Row> late =
        lateEvents
            .groupBy(
                col("event_hour").as("window_start"), col("org"), col("event_type").as("family"))
            .agg(
                total(col("events")).as("late_events"),
                total(
                        indicator(col("disposition").equalTo("beyond_horizon"))
                            .multiply(col("events")))
                    .as("late_events_beyond_horizon"));
    Column status = col("attribution_status");
    Dataset<Row> attribution =
        selections
            .groupBy(
                GoldWindows.hourOf(col("selection_ts")).as("window_start"),
                col("org"),
                col("signal_family").as("family"))
            .agg(
                count(lit(1)).as("selections"),
                total(indicator(status.equalTo("resolved"))).as("resolved_selections"),
                total(indicator(status.equalTo("hardware_less"))).as("hardware_less_selections"));
    Dataset<Row> rows = deliveries;
    for (Dataset<Row> part : List.of(accepted, ignoredCounts, quarantined, late, attribution)) {
      rows = rows.join(part, NetworkRows.using(KEY), "full");
    }
    for (io.naaplake.schema.Column column : GoldNetworkTables.DATA_QUALITY_HOURLY.columns()) {
      if (column.additive()) {
        rows = rows.withColumn(column.name(), coalesce(col(column.name()), lit(0L)));
      }
    }
    rows =
        rows.withColumn(
                "attribution_quality",
                ratio(
                    col("resolved_selections").plus(col("hardware_less_selections")),
                    col("selections")))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(rows, GoldNetworkTables.DATA_QUALITY_HOURLY);
  }

  /** Rows with an event_ts grouped by (event hour, org, event type as family). */
  private static org.apache.spark.sql.RelationalGroupedDataset placed(Dataset<Row> rows) {
    return rows.where(col("event_ts").isNotNull())
        .groupBy(
            GoldWindows.hourOf(col("event_ts")).as("window_start"),
            col("org"),
            col("event_type").as("family"));
  }
}
