package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.silver.SilverWindows;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One silver entities run: the bronze batch range it covers and the typed rows that range added.
 * Rows beyond the lateness horizon are excluded from {@link #eligible}: they are stored and counted
 * but do not recompute published history.
 */
final class EntityRun {
  final SparkSession spark;
  final LakeTables tables;
  final SilverWindows windows;
  final String runId;
  final long fromBatch;
  final long toBatch;
  private final Dataset<Row> watermarks;
  private final Map<EventFamily, Dataset<Row>> eligible = new EnumMap<>(EventFamily.class);

  EntityRun(
      SparkSession spark,
      LakeTables tables,
      SilverWindows windows,
      String runId,
      long fromBatch,
      long toBatch,
      Dataset<Row> watermarks) {
    this.spark = spark;
    this.tables = tables;
    this.windows = windows;
    this.runId = runId;
    this.fromBatch = fromBatch;
    this.toBatch = toBatch;
    this.watermarks = watermarks;
  }

  /** Each org's event-time high-water mark before this run (org, high_water_mark). */
  Dataset<Row> watermarks() {
    return watermarks;
  }

  Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }

  /** Typed rows of the family that this run's bronze batches added (first deliveries only). */
  Dataset<Row> fresh(EventFamily family) {
    return read(SilverTables.of(family))
        .where(
            col("ingest_batch_id")
                .gt(lit(fromBatch))
                .and(col("ingest_batch_id").leq(lit(toBatch))));
  }

  /** Fresh rows with their lateness (see {@link io.naaplake.jobs.silver.LateEvents}). */
  Dataset<Row> classified(EventFamily family) {
    return io.naaplake.jobs.silver.LateEvents.classify(
        fresh(family), watermarks, windows.latenessHorizon());
  }

  /** Fresh rows that may recompute derived entities: everything not beyond the horizon. */
  Dataset<Row> eligible(EventFamily family) {
    return eligible.computeIfAbsent(
        family,
        f ->
            classified(f)
                .where(col("beyond_horizon").unary_$bang())
                .drop("high_water_mark", "lateness_seconds", "beyond_horizon"));
  }

  /**
   * Rows of {@code table} on or after {@code since} (by its date partition column), or all rows
   * when since is null. Partition pruning keeps recomputation reads proportional to the window.
   */
  Dataset<Row> readSince(TableDeclaration table, java.time.LocalDate since) {
    Dataset<Row> rows = read(table);
    if (since == null) {
      return rows;
    }
    String partition = table.partitionColumns().get(0);
    return rows.where(col(partition).geq(lit(java.sql.Date.valueOf(since))));
  }
}
