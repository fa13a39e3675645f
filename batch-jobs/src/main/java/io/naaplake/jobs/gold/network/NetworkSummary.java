package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.gold.supply.Sightings;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldNetworkTables;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Announcements and the hourly demand, payment and job tables to gold.network_summary_hourly: one
 * row per UTC hour over every org. Supply is counted from silver (distinct counts need the rows);
 * demand, fees and jobs are sums of the gold hourly tables, so they agree with them exactly.
 */
public final class NetworkSummary {
  private static final List<String> ZERO_WHEN_ABSENT =
      List.of(
          "active_orchestrators",
          "physical_gpus",
          "reported_gpu_uuids",
          "requested_sessions",
          "startup_success_sessions",
          "payment_events",
          "jobs");

  private NetworkSummary() {}

  /**
   * The hourly network summary of the hours the inputs cover (pass whole hours of every input).
   *
   * @param snapshots silver.orchestrator_snapshots (announcements without snapshot_ts are left out)
   * @param hardware silver.gpu_hardware of the same announcements
   * @param uuidMap silver.gpu_uuid_map
   * @param streamingDemand gold.streaming_demand_hourly rows
   * @param payments gold.payments_hourly rows
   * @param requestDemand gold.request_demand_hourly rows
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(
      Dataset<Row> snapshots,
      Dataset<Row> hardware,
      Dataset<Row> uuidMap,
      Dataset<Row> streamingDemand,
      Dataset<Row> payments,
      Dataset<Row> requestDemand,
      Instant settledBefore) {
    Dataset<Row> orchestrators =
        snapshots
            .where(col("snapshot_ts").isNotNull())
            .groupBy(GoldWindows.hourOf(col("snapshot_ts")).as("window_start"))
            .agg(count_distinct(col("orch_address")).as("active_orchestrators"));
    Dataset<Row> gpus =
        Sightings.withPhysicalGpu(hardware, uuidMap)
            .groupBy(GoldWindows.hourOf(col("snapshot_ts")).as("window_start"))
            .agg(
                count_distinct(
                        coalesce(
                            col("physical_gpu_id"),
                            concat_ws("|", col("orch_address"), col("gpu_uuid"))))
                    .as("physical_gpus"),
                count_distinct(col("orch_address"), col("gpu_uuid")).as("reported_gpu_uuids"));
    Dataset<Row> demand =
        streamingDemand
            .groupBy(col("window_start"))
            .agg(
                total(col("requested_sessions")).as("requested_sessions"),
                total(col("startup_success_sessions")).as("startup_success_sessions"),
                total(col("usage_minutes")).cast("double").as("usage_minutes"));
    Dataset<Row> fees =
        payments
            .groupBy(col("window_start"))
            .agg(
                sum(col("expected_value_wei")).as("expected_fees_wei"),
                total(col("payment_events")).as("payment_events"));
    Dataset<Row> jobs =
        requestDemand.groupBy(col("window_start")).agg(total(col("jobs")).as("jobs"));
    Dataset<Row> rows = orchestrators;
    for (Dataset<Row> part : List.of(gpus, demand, fees, jobs)) {
      rows = rows.join(part, NetworkRows.using("window_start"), "full");
    }
    for (String count : ZERO_WHEN_ABSENT) {
      rows = rows.withColumn(count, coalesce(col(count), lit(0L)));
    }
    rows =
        rows.withColumn("usage_minutes", coalesce(col("usage_minutes"), lit(0.0)))
            .withColumn(
                "expected_fees_wei",
                coalesce(col("expected_fees_wei"), lit(0L)).cast("decimal(38,10)"))
            .withColumn(
                "startup_success_rate",
                ratio(col("startup_success_sessions"), col("requested_sessions")))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(rows, GoldNetworkTables.NETWORK_SUMMARY_HOURLY);
  }
}
