package io.naaplake.jobs.gold.network;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.gold.supply.Sightings;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldNetworkTables;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * silver.orchestrator_snapshots, capability_offers, gpu_hardware and gpu_uuid_map to
 * gold.orchestrators: one row per on-chain address announced at or before as_of, every org
 * together. Identity (URIs, hot-wallet addresses, first and last seen) comes from every
 * announcement; what it offers now from the latest announcement of each surface made in the 24
 * hours before as_of. Announcements without a snapshot_ts cannot be placed in time and are left
 * out.
 */
public final class Orchestrators {
  /** How recent a surface's latest announcement must be for its offers to count as current. */
  public static final Duration CURRENT_WINDOW = Duration.ofHours(24);

  private static final String[] SNAPSHOT_KEY = {"org", "event_id", "element_index"};

  private Orchestrators() {}

  /**
   * The orchestrators as of {@code asOf}.
   *
   * @param snapshots silver.orchestrator_snapshots rows (all of them for exact first_seen)
   * @param offers silver.capability_offers rows of the 24 hours before as_of (or more)
   * @param hardware silver.gpu_hardware rows of the 24 hours before as_of (or more)
   * @param uuidMap silver.gpu_uuid_map
   * @param asOf the run's as-of time
   * @param settledBefore the run's settlement instant
   */
  public static Dataset<Row> at(
      Dataset<Row> snapshots,
      Dataset<Row> offers,
      Dataset<Row> hardware,
      Dataset<Row> uuidMap,
      Instant asOf,
      Instant settledBefore) {
    Dataset<Row> announcements =
        snapshots.where(
            col("snapshot_ts").isNotNull().and(col("snapshot_ts").leq(GoldWindows.instant(asOf))));
    Dataset<Row> identity =
        announcements
            .groupBy(col("orch_address").as("orchestrator_address"))
            .agg(
                array_sort(collect_set(col("orch_uri"))).as("orch_uris"),
                array_sort(collect_set(col("local_address"))).as("local_addresses"),
                max_by(
                        col("node_version"),
                        when(
                            col("node_version").isNotNull(),
                            struct(col("snapshot_ts"), col("event_id"))))
                    .as("node_version"),
                count_distinct(coalesce(col("orch_uri"), lit(""))).as("surfaces"),
                min(col("snapshot_ts")).as("first_seen"),
                max(col("snapshot_ts")).as("last_seen"),
                count(lit(1)).as("announcements"));
    Dataset<Row> current = current(announcements, asOf);
    Dataset<Row> offered =
        offers
            .join(current, NetworkRows.using(SNAPSHOT_KEY), "left_semi")
            .groupBy(col("orch_address").as("o_address"))
            .agg(
                array_sort(collect_set(col("pipeline"))).as("pipelines"),
                array_sort(collect_set(col("model_id"))).as("model_ids"));
    Dataset<Row> gpus =
        Sightings.withPhysicalGpu(
                hardware.join(current, NetworkRows.using(SNAPSHOT_KEY), "left_semi"), uuidMap)
            .groupBy(col("orch_address").as("g_address"))
            .agg(
                count_distinct(coalesce(col("physical_gpu_id"), col("gpu_uuid")))
                    .as("physical_gpus"),
                count_distinct(col("gpu_uuid")).as("reported_gpu_uuids"),
                array_sort(collect_set(col("gpu_name"))).as("gpu_model_names"));
    Dataset<Row> surfaces =
        current
            .groupBy(col("orch_address").as("c_address"))
            .agg(count(lit(1)).as("current_surfaces"));
    Column address = col("orchestrator_address");
    Dataset<Row> rows =
        identity
            .join(offered, address.equalTo(col("o_address")), "left")
            .join(gpus, address.equalTo(col("g_address")), "left")
            .join(surfaces, address.equalTo(col("c_address")), "left")
            .withColumn("pipelines", orEmpty("pipelines"))
            .withColumn("model_ids", orEmpty("model_ids"))
            .withColumn("gpu_model_names", orEmpty("gpu_model_names"))
            .withColumn("physical_gpus", coalesce(col("physical_gpus"), lit(0L)))
            .withColumn("reported_gpu_uuids", coalesce(col("reported_gpu_uuids"), lit(0L)))
            .withColumn("current_surfaces", coalesce(col("current_surfaces"), lit(0L)));
    return Projections.of(
        NetworkRows.stamped(rows, asOf, settledBefore), GoldNetworkTables.ORCHESTRATORS);
  }

  /**
   * The latest announcement of each surface (address, URI; a missing URI is its own surface), if
   * made in the {@link #CURRENT_WINDOW} before as_of. Ties on snapshot_ts go to the greatest
   * (event_id, org, element_index).
   */
  private static Dataset<Row> current(Dataset<Row> announcements, Instant asOf) {
    return announcements
        .withColumn(
            "surface_rank",
            row_number()
                .over(
                    Window.partitionBy(col("orch_address"), coalesce(col("orch_uri"), lit("")))
                        .orderBy(
                            col("snapshot_ts").desc(),
                            col("event_id").desc(),
                            col("org").desc(),
                            col("element_index").desc())))
        .where(
            col("surface_rank")
                .equalTo(1)
                .and(col("snapshot_ts").gt(GoldWindows.instant(asOf.minus(CURRENT_WINDOW)))))
        .select(col("org"), col("event_id"), col("element_index"), col("orch_address"));
  }

  private static Column orEmpty(String name) {
    return coalesce(col(name), array().cast("array<string>"));
  }
}
