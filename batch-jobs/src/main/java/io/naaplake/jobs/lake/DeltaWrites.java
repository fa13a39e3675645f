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

  private DeltaWrites() {}
}
