package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.schema.JobTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.TableDeclaration;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * A late announcement can be better evidence for selections already attributed: every stored
 * selection it could be fresh or future-skew evidence for (or stale evidence for a selection that
 * has nothing better) is attributed again from all the evidence. Rows whose attribution does not
 * change are not rewritten.
 */
final class Reattribution {
  static final List<TableDeclaration> TABLES =
      List.of(
          SelectionTables.SESSION_SELECTIONS,
          JobTables.AI_BATCH_JOBS,
          JobTables.LLM_JOBS,
          JobTables.BYOC_JOBS);

  private Reattribution() {}

  /** The hours whose attribution the run re-examined. */
  static Dataset<Row> run(EntityRun run, Dataset<Row> newSnapshots) {
    Dataset<Row> hours = null;
    Dataset<Row> announced =
        newSnapshots
            .select(
                col("org").as("n_org"),
                col("snapshot_ts").as("n_ts"),
                col("orch_address").as("n_address"),
                col("local_address").as("n_local"),
                col("orch_uri").as("n_uri"))
            .distinct()
            .persist(StorageLevel.MEMORY_AND_DISK());
    Row earliest = announced.agg(org.apache.spark.sql.functions.min("n_ts")).first();
    if (earliest.isNullAt(0)) {
      announced.unpersist();
      return DirtyHours.of(run.read(SelectionTables.SESSION_SELECTIONS).limit(0), "selection_ts");
    }
    java.time.LocalDate since =
        earliest
            .getTimestamp(0)
            .toInstant()
            .minus(run.windows.futureSkew())
            .atZone(java.time.ZoneOffset.UTC)
            .toLocalDate();
    for (TableDeclaration table : TABLES) {
      Dataset<Row> tableHours = reattribute(run, table, announced, since);
      hours = hours == null ? tableHours : hours.unionByName(tableHours);
    }
    announced.unpersist();
    return hours.distinct();
  }

  private static Dataset<Row> reattribute(
      EntityRun run, TableDeclaration table, Dataset<Row> announced, java.time.LocalDate since) {
    return AttributedWrites.upsert(
        run, table, run.readSince(table, since).join(announced, covers(run), "left_semi"));
  }

  /**
   * Same org and identity; the announcement falls within the future skew before the selection up to
   * the fresh window after it, or — for a selection not resolved by fresh evidence — anywhere up to
   * the stale look-back after it.
   */
  private static Column covers(EntityRun run) {
    Column identity =
        col("observed_url")
            .equalTo(col("n_uri"))
            .or(
                col("observed_url")
                    .isNull()
                    .and(
                        col("observed_address")
                            .equalTo(col("n_address"))
                            .or(col("observed_address").equalTo(col("n_local")))));
    Column delta = expr("unix_millis(selection_ts) - unix_millis(n_ts)");
    Column freshOrSkew =
        delta.between(-run.windows.futureSkew().toMillis(), run.windows.freshWindow().toMillis());
    Column notFresh =
        col("attribution_reason")
            .isin("matched", "future_skew", "matched_without_hardware")
            .unary_$bang();
    Column stale = notFresh.and(delta.between(lit(0), lit(run.windows.staleLookback().toMillis())));
    return col("org").equalTo(col("n_org")).and(identity).and(freshOrSkew.or(stale));
  }
}
