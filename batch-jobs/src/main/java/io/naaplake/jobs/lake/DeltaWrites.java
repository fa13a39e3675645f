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

  private DeltaWrites() {}
}
