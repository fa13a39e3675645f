package io.naaplake.jobs.lake;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Appends that happen exactly once. Delta records (txnAppId, txnVersion) in the same commit as the
 * data and skips any later write whose version is not above the recorded one, so replaying a batch
 * after a crash cannot duplicate rows, and a write that never committed is simply done again.
 */
public final class DeltaWrites {

  public static void appendOnce(Dataset<Row> rows, String path, String appId, long version) {
    rows.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(path);
  }

  /** A plain append, for tables whose rows carry their own unique key (e.g. a run id). */
  public static void append(Dataset<Row> rows, String path) {
    rows.write().format("delta").mode("append").save(path);
  }

  /**
   * Inserts the source rows whose key the table does not hold yet (MERGE ... WHEN NOT MATCHED
   * INSERT), so writing the same rows again changes nothing. Keys compare null-safe. The source
   * must be unique on the key.
   */
  public static void insertNew(Dataset<Row> source, String path, java.util.List<String> key) {
    String condition =
        key.stream()
            .map(c -> "target.`" + c + "` <=> source.`" + c + "`")
            .collect(java.util.stream.Collectors.joining(" AND "));
    io.delta.tables.DeltaTable.forPath(source.sparkSession(), path)
        .as("target")
        .merge(source.as("source"), condition)
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /**
   * Makes the table hold exactly {@code rows} for every entity those rows or {@code entities} name,
   * in one MERGE commit: changed rows are updated, new ones inserted, and rows of those entities
   * that the recomputation no longer produces are deleted. Rows that did not change are not
   * rewritten, so re-running a recomputation changes nothing.
   *
   * @param rows the recomputed rows of the entities (unique on {@code rowKey}), table columns only
   * @param entities the recomputed entities (columns {@code entityKey}); an entity that now has no
   *     rows loses all of them
   * @param entityKey columns naming an entity, a prefix of the table's key
   * @param rowKey the table's key
   */
  public static void replaceEntities(
      Dataset<Row> rows,
      Dataset<Row> entities,
      String path,
      java.util.List<String> entityKey,
      java.util.List<String> rowKey) {
    org.apache.spark.sql.SparkSession spark = rows.sparkSession();
    io.delta.tables.DeltaTable table = io.delta.tables.DeltaTable.forPath(spark, path);
    Dataset<Row> current = table.toDF();
    Dataset<Row> affected =
        current
            .as("t")
            .join(
                entities.select(columns(entityKey)).distinct().as("e"),
                nullSafeJoin("t", "e", entityKey),
                "left_semi");
    Dataset<Row> gone =
        affected
            .select(columns(rowKey))
            .as("a")
            .join(rows.select(columns(rowKey)).as("r"), nullSafeJoin("a", "r", rowKey), "left_anti")
            .withColumn(DELETE, org.apache.spark.sql.functions.lit(true));
    Dataset<Row> source =
        rows.withColumn(DELETE, org.apache.spark.sql.functions.lit(false)).unionByName(gone, true);
    java.util.List<String> valueColumns = new java.util.ArrayList<>();
    for (String column : rows.columns()) {
      if (!rowKey.contains(column)) {
        valueColumns.add(column);
      }
    }
    java.util.Map<String, String> assignments = new java.util.LinkedHashMap<>();
    for (String column : rows.columns()) {
      assignments.put("`" + column + "`", "source.`" + column + "`");
    }
    String changed =
        valueColumns.isEmpty()
            ? "false"
            : valueColumns.stream()
                .map(c -> "NOT (target.`" + c + "` <=> source.`" + c + "`)")
                .collect(java.util.stream.Collectors.joining(" OR "));
    table
        .as("target")
        .merge(source.as("source"), nullSafeEquals(rowKey))
        .whenMatched("source." + DELETE)
        .delete()
        .whenMatched("NOT source." + DELETE + " AND (" + changed + ")")
        .updateExpr(assignments)
        .whenNotMatched("NOT source." + DELETE)
        .insertExpr(assignments)
        .execute();
  }

  /**
   * Inserts new rows and updates changed ones (MERGE on the key); unchanged rows are not rewritten.
   * For derived rows that never disappear once they exist.
   */
  public static void upsert(Dataset<Row> rows, String path, java.util.List<String> key) {
    replaceEntities(rows, rows.limit(0), path, key, key);
  }

  private static final String DELETE = "_naap_delete";

  private static String nullSafeEquals(java.util.List<String> key) {
    return key.stream()
        .map(c -> "target.`" + c + "` <=> source.`" + c + "`")
        .collect(java.util.stream.Collectors.joining(" AND "));
  }

  private static org.apache.spark.sql.Column[] columns(java.util.List<String> names) {
    return names.stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static org.apache.spark.sql.Column nullSafeJoin(
      String left, String right, java.util.List<String> key) {
    org.apache.spark.sql.Column condition = org.apache.spark.sql.functions.lit(true);
    for (String c : key) {
      condition =
          condition.and(
              org.apache
                  .spark
                  .sql
                  .functions
                  .col(left + ".`" + c + "`")
                  .eqNullSafe(org.apache.spark.sql.functions.col(right + ".`" + c + "`")));
    }
    return condition;
  }

  private DeltaWrites() {}
}
