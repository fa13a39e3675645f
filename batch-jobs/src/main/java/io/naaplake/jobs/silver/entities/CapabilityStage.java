package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.jobs.silver.capability.PhysicalGpuTables;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The capability inventory: per-announcement rows are inserted once; versions and physical GPUs of
 * every orchestrator the run's announcements touch are recomputed from all their announcements.
 */
final class CapabilityStage {
  private static final List<String> SURFACE = List.of("orch_address", "orch_uri");
  private static final List<String> ORG_SURFACE = List.of("org", "orch_address", "orch_uri");

  private CapabilityStage() {}

  /** Returns the run's new announcements (silver.orchestrator_snapshots rows), persisted. */
  static Dataset<Row> run(EntityRun run) {
    Dataset<Row> caps =
        run.eligible(EventFamily.NETWORK_CAPABILITIES).persist(StorageLevel.MEMORY_AND_DISK());
    if (caps.isEmpty()) {
      caps.unpersist();
      return CapabilityInventoryTransform.snapshots(caps);
    }
    Dataset<Row> snapshots =
        CapabilityInventoryTransform.snapshots(caps).persist(StorageLevel.MEMORY_AND_DISK());
    insert(run, CapabilityTables.ORCHESTRATOR_SNAPSHOTS, snapshots);
    insert(run, CapabilityTables.CAPABILITY_OFFERS, CapabilityInventoryTransform.offers(caps));
    Dataset<Row> hardware = CapabilityInventoryTransform.hardware(caps);
    insert(run, CapabilityTables.GPU_HARDWARE, hardware);
    insert(run, CapabilityTables.CAPABILITY_PRICES, CapabilityInventoryTransform.prices(caps));
    caps.unpersist();
    if (!snapshots.isEmpty()) {
      recomputeVersions(run, snapshots);
      recomputePhysicalGpus(run, snapshots);
    }
    return snapshots;
  }

  private static void insert(EntityRun run, TableDeclaration table, Dataset<Row> rows) {
    DeltaWrites.insertNew(rows, run.tables.path(table), table.keyColumns());
  }

  private static void recomputeVersions(EntityRun run, Dataset<Row> snapshots) {
    Dataset<Row> touched = surfaces(snapshots).select(columns(ORG_SURFACE)).distinct();
    Dataset<Row> history =
        semiJoin(surfaces(run.read(CapabilityTables.ORCHESTRATOR_SNAPSHOTS)), touched, ORG_SURFACE)
            .withColumn("orch_uri", col("raw_orch_uri"))
            .drop("raw_orch_uri");
    TableDeclaration table = CapabilityTables.CAPABILITY_VERSIONS;
    DeltaWrites.replaceEntities(
        CapabilityInventoryTransform.versions(history),
        touched,
        run.tables.path(table),
        ORG_SURFACE,
        table.keyColumns());
  }

  private static void recomputePhysicalGpus(EntityRun run, Dataset<Row> snapshots) {
    Dataset<Row> touched = surfaces(snapshots).select(columns(SURFACE)).distinct();
    Dataset<Row> history =
        semiJoin(surfaces(run.read(CapabilityTables.GPU_HARDWARE)), touched, SURFACE)
            .withColumn("orch_uri", col("raw_orch_uri"))
            .drop("raw_orch_uri");
    PhysicalGpuTables gpus = CapabilityInventoryTransform.physicalGpus(history);
    DeltaWrites.replaceEntities(
        gpus.physicalGpus(),
        touched,
        run.tables.path(CapabilityTables.PHYSICAL_GPUS),
        SURFACE,
        CapabilityTables.PHYSICAL_GPUS.keyColumns());
    DeltaWrites.replaceEntities(
        gpus.gpuUuidMap(),
        touched,
        run.tables.path(CapabilityTables.GPU_UUID_MAP),
        SURFACE,
        CapabilityTables.GPU_UUID_MAP.keyColumns());
  }

  /**
   * Surface-keyed tables (versions, physical GPUs) write a missing URI as '' because key columns
   * cannot be null; announcements keep it null. This compares them alike (the original value is
   * kept as raw_orch_uri).
   */
  private static Dataset<Row> surfaces(Dataset<Row> rows) {
    return rows.withColumn("raw_orch_uri", col("orch_uri"))
        .withColumn(
            "orch_uri",
            org.apache.spark.sql.functions.coalesce(
                col("orch_uri"), org.apache.spark.sql.functions.lit("")));
  }

  /** Rows of {@code rows} whose key columns match a row of {@code keys}, nulls matching nulls. */
  static Dataset<Row> semiJoin(Dataset<Row> rows, Dataset<Row> keys, List<String> key) {
    Column condition = org.apache.spark.sql.functions.lit(true);
    for (String c : key) {
      condition = condition.and(col("r." + c).eqNullSafe(col("k." + c)));
    }
    return rows.as("r").join(keys.select(columns(key)).as("k"), condition, "left_semi");
  }

  static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
