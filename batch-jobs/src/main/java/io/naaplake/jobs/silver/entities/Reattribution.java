package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

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

  private static final String URL = "url";
  private static final String ADDRESS = "address";

  private Reattribution() {}

  /** The hours whose attribution the run re-examined. */
  static Dataset<Row> run(EntityRun run, Dataset<Row> newSnapshots) {
    Dataset<Row> hours = null;
    Dataset<Row> announced =
        identities(withLateness(run, newSnapshots)).persist(StorageLevel.MEMORY_AND_DISK());
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
    Dataset<Row> stored = run.readSince(table, since);
    Column key = coalesce(col("observed_url"), col("observed_address"));
    Column kind = when(col("observed_url").isNotNull(), lit(URL)).otherwise(lit(ADDRESS));
    Dataset<Row> covered =
        stored.join(
            announced,
            col("org")
                .equalTo(col("n_org"))
                .and(key.equalTo(col("n_key")))
                .and(kind.equalTo(col("n_kind")))
                .and(within(run)),
            "left_semi");
    return AttributedWrites.upsert(run, table, covered);
  }

  /**
   * The identities an announcement can be matched by, one row each, so the selection side joins on
   * equality: its URI (for selections that observed a URL), its canonical and hot-wallet addresses
   * (for selections that observed only an address).
   */
  private static Dataset<Row> identities(Dataset<Row> snapshots) {
    Dataset<Row> byUri = identity(snapshots, "orch_uri", URL);
    Dataset<Row> byAddress = identity(snapshots, "orch_address", ADDRESS);
    Dataset<Row> byAlias = identity(snapshots, "local_address", ADDRESS);
    return byUri
        .unionByName(byAddress)
        .unionByName(byAlias)
        .where(col("n_key").isNotNull())
        .distinct();
  }

  private static Dataset<Row> identity(Dataset<Row> snapshots, String column, String kind) {
    return snapshots.select(
        col("org").as("n_org"),
        col("snapshot_ts").as("n_ts"),
        col("n_late"),
        col(column).as("n_key"),
        lit(kind).as("n_kind"));
  }

  /**
   * Marks announcements behind their org's high-water mark ({@code n_late}). An announcement in
   * time order can only be future-skew evidence for a stored selection just before it; a late one
   * can be any kind of evidence.
   */
  private static Dataset<Row> withLateness(EntityRun run, Dataset<Row> snapshots) {
    Dataset<Row> marks =
        run.watermarks().select(col("org").as("w_org"), col("high_water_mark").as("w_mark"));
    return snapshots
        .join(marks, col("org").equalTo(col("w_org")), "left")
        .withColumn("n_late", coalesce(col("snapshot_ts").lt(col("w_mark")), lit(false)));
  }

  /**
   * Same org and identity (the join's equalities); here the time condition: the announcement falls
   * within the future skew before the selection up to the fresh window after it, or — for a
   * selection not resolved by fresh evidence — anywhere up to the stale look-back after it.
   */
  private static Column within(EntityRun run) {
    Column delta = expr("unix_millis(selection_ts) - unix_millis(n_ts)");
    Column notFresh =
        col("attribution_reason")
            .isin("matched", "future_skew", "matched_without_hardware")
            .unary_$bang();
    Column skew = delta.between(-run.windows.futureSkew().toMillis(), 0);
    Column freshOrSkew =
        delta.between(-run.windows.futureSkew().toMillis(), run.windows.freshWindow().toMillis());
    Column stale = notFresh.and(delta.between(lit(0), lit(run.windows.staleLookback().toMillis())));
    return when(col("n_late"), freshOrSkew.or(stale)).otherwise(notFresh.and(skew));
  }
}
