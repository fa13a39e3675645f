package io.naaplake.jobs.silver.capability;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.naaplake.schema.CapabilityTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Capability versions per orchestrator surface (org, orch_address, orch_uri): the surface's
 * announcements in time order (snapshot_ts, then event id), consecutive ones with the same
 * content_hash collapsed. Recomputes every surface present in its input from the snapshots given,
 * so the caller passes all snapshots of the surfaces it wants recomputed.
 */
final class CapabilityVersions {

  static Dataset<Row> of(Dataset<Row> snapshots) {
    // An event listing the surface twice with the same content is one announcement.
    Dataset<Row> announcements =
        snapshots
            .where(col("snapshot_ts").isNotNull())
            .withColumn("orch_uri", coalesce(col("orch_uri"), lit("")))
            .groupBy("org", "orch_address", "orch_uri", "snapshot_ts", "content_hash", "event_id")
            .agg(
                min("local_address").as("local_address"),
                min("node_version").as("node_version"),
                min("hardware_present").as("hardware_present"));
    // Announcements of the same content at the same instant (two gateways, same millisecond) are
    // one step in the surface's history, so equal instants never interleave versions.
    Dataset<Row> steps =
        announcements
            .groupBy("org", "orch_address", "orch_uri", "snapshot_ts", "content_hash")
            .agg(
                min("event_id").as("first_event_id"),
                count("*").as("events"),
                min("local_address").as("local_address"),
                min("node_version").as("node_version"),
                min("hardware_present").as("hardware_present"));
    WindowSpec history =
        Window.partitionBy("org", "orch_address", "orch_uri")
            .orderBy("snapshot_ts", "first_event_id", "content_hash");
    Dataset<Row> numbered =
        steps
            .withColumn(
                "opens_version",
                when(lag("content_hash", 1).over(history).eqNullSafe(col("content_hash")), 0)
                    .otherwise(1))
            .withColumn(
                "version_number",
                sum("opens_version")
                    .over(history.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Dataset<Row> versions =
        numbered
            .groupBy("org", "orch_address", "orch_uri", "version_number")
            .agg(
                min(struct(col("snapshot_ts"), col("first_event_id"))).as("opening"),
                max("snapshot_ts").as("last_announced_at"),
                sum("events").as("announcement_count"),
                sort_array(
                        flatten(
                            collect_list(
                                array_repeat(col("snapshot_ts"), col("events").cast("int")))))
                    .as("announced_at"),
                min("content_hash").as("content_hash"),
                min("local_address").as("local_address"),
                min("node_version").as("node_version"),
                min("hardware_present").as("hardware_present"))
            .withColumn("valid_from", col("opening.snapshot_ts"))
            .withColumn("first_event_id", col("opening.first_event_id"))
            .withColumn(
                "valid_to",
                lead("valid_from", 1)
                    .over(
                        Window.partitionBy("org", "orch_address", "orch_uri")
                            .orderBy("version_number")));
    return io.naaplake.jobs.lake.Projections.of(versions, CapabilityTables.CAPABILITY_VERSIONS);
  }

  private CapabilityVersions() {}
}
