package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.concat_ws;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.attribution.Attribution;
import io.naaplake.schema.TableDeclaration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** Rows of a selection-bearing table (jobs), attributed and upserted on the table's key. */
final class AttributedWrites {
  private AttributedWrites() {}

  /** Attributes and upserts the rows; returns the (org, hour) pairs of their selections. */
  static Dataset<Row> upsert(EntityRun run, TableDeclaration table, Dataset<Row> rows) {
    Dataset<Row> keyed =
        rows.withColumn(
                Attribution.SELECTION_KEY,
                concat_ws("|", CapabilityStage.columns(table.keyColumns())))
            .persist(StorageLevel.MEMORY_AND_DISK());
    if (keyed.isEmpty()) {
      keyed.unpersist();
      return DirtyHours.of(keyed, "selection_ts");
    }
    Dataset<Row> attributed =
        Attribution.attribute(keyed, Evidence.covering(run, keyed), run.windows);
    DeltaWrites.upsert(
        Projections.of(attributed, table), run.tables.path(table), table.keyColumns());
    Dataset<Row> hours = DirtyHours.of(keyed, "selection_ts").localCheckpoint();
    keyed.unpersist();
    return hours;
  }
}
