package io.naaplake.jobs.gold.supply;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldSupplyTables;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.gpu_hardware and silver.gpu_uuid_map to gold.gpu_inventory: one row per (UTC date,
 * orchestrator address, reported GPU UUID) listed that day, with the physical GPU it is.
 */
public final class GpuInventory {
  private GpuInventory() {}

  /**
   * Daily GPU inventory.
   *
   * @param hardware silver.gpu_hardware rows of the days to recompute (by snapshot_ts, every
   *     announcement of each day, every org); rows without snapshot_ts are left out
   * @param uuidMap silver.gpu_uuid_map rows of the orchestrator surfaces in {@code hardware}
   * @param settledBefore the run's settlement time: days ending at or before it are settled
   */
  public static Dataset<Row> compute(
      Dataset<Row> hardware, Dataset<Row> uuidMap, Instant settledBefore) {
    Dataset<Row> daily =
        Sightings.withPhysicalGpu(hardware, uuidMap)
            .withColumn("window_date", GoldWindows.utcDate(col("snapshot_ts")))
            .groupBy(col("window_date"), col("orch_address"), col("gpu_uuid"))
            .agg(
                // Latest sighting: greatest (time, org, event, element, pipeline, model); the
                // struct order makes the pick deterministic.
                max(struct(
                        col("snapshot_ts"),
                        col("org"),
                        col("event_id"),
                        col("element_index"),
                        col("pipeline"),
                        col("model_id"),
                        col("physical_gpu_id"),
                        col("orch_uri"),
                        col("gpu_name"),
                        col("memory_gib")))
                    .as("latest"),
                array_sort(collect_set(col("pipeline"))).as("pipelines"),
                array_sort(collect_set(col("model_id"))).as("model_ids"),
                min("snapshot_ts").as("first_seen"),
                max("snapshot_ts").as("last_seen"),
                count_distinct(col("org"), col("event_id"), col("element_index"))
                    .as("announcements"))
            .select(
                col("window_date"),
                col("orch_address").as("orchestrator_address"),
                col("gpu_uuid").as("gpu_id"),
                col("latest.physical_gpu_id").as("physical_gpu_id"),
                col("latest.orch_uri").as("orch_uri"),
                col("latest.gpu_name").as("gpu_model_name"),
                col("latest.memory_gib").as("memory_gib"),
                col("pipelines"),
                col("model_ids"),
                col("first_seen"),
                col("last_seen"),
                col("announcements"),
                GoldWindows.daySettled(col("window_date"), settledBefore).as("is_settled"));
    return Projections.of(daily, GoldSupplyTables.GPU_INVENTORY);
  }
}
