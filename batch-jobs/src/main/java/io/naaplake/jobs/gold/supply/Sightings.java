package io.naaplake.jobs.gold.supply;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** GPU sightings (silver.gpu_hardware rows) with the physical GPU each one is. */
public final class Sightings {
  private static final List<String> HARDWARE_KEY =
      List.of("org", "event_id", "element_index", "pipeline", "model_id", "gpu_uuid");

  private Sightings() {}

  /**
   * Hardware rows that have a snapshot_ts, plus {@code physical_gpu_id}: the gpu_uuid_map row of
   * the same surface (a missing URI is '' there) and UUID whose first_seen..last_seen covers the
   * snapshot (the lowest id, should two); null when none does.
   */
  public static Dataset<Row> withPhysicalGpu(Dataset<Row> hardware, Dataset<Row> uuidMap) {
    Dataset<Row> placed = hardware.where(col("snapshot_ts").isNotNull());
    Dataset<Row> map =
        uuidMap.select(
            col("orch_address").as("m_address"),
            col("orch_uri").as("m_uri"),
            col("gpu_uuid").as("m_uuid"),
            col("physical_gpu_id").as("m_physical"),
            col("first_seen").as("m_first"),
            col("last_seen").as("m_last"));
    Column covering =
        col("orch_address")
            .equalTo(col("m_address"))
            .and(coalesce(col("orch_uri"), lit("")).equalTo(col("m_uri")))
            .and(col("gpu_uuid").equalTo(col("m_uuid")))
            .and(col("snapshot_ts").between(col("m_first"), col("m_last")));
    Dataset<Row> physical =
        placed
            .join(map, covering)
            .groupBy(HARDWARE_KEY.stream().map(c -> col(c).as("p_" + c)).toArray(Column[]::new))
            .agg(min("m_physical").as("physical_gpu_id"));
    Column sameRow = lit(true);
    for (String column : HARDWARE_KEY) {
      sameRow = sameRow.and(col(column).equalTo(col("p_" + column)));
    }
    Dataset<Row> joined = placed.join(physical, sameRow, "left");
    for (String column : HARDWARE_KEY) {
      joined = joined.drop("p_" + column);
    }
    return joined;
  }
}
