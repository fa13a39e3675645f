package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The lake's one event order within an entity: envelope time, then payload time ({@code
 * timestamp}), then envelope id; never Kafka offset, so a replay in another order picks the same
 * row. Works on typed silver rows.
 */
final class EventOrder {
  private static final String RANK = "event_order_rank";

  /** The event time of a typed row: the envelope timestamp, else the payload's. */
  static Column eventTime() {
    return coalesce(col("event_ts"), col("timestamp"));
  }

  /** The first row of each key in event order (rows without a time sort last). */
  static Dataset<Row> earliest(Dataset<Row> rows, String... keys) {
    return firstBy(
        rows,
        keys,
        col("event_ts").asc_nulls_last(),
        col("timestamp").asc_nulls_last(),
        col("event_id").asc());
  }

  /** The last row of each key in event order (rows without a time count as oldest). */
  static Dataset<Row> latest(Dataset<Row> rows, String... keys) {
    return firstBy(
        rows,
        keys,
        col("event_ts").desc_nulls_last(),
        col("timestamp").desc_nulls_last(),
        col("event_id").desc());
  }

  /** The first row of each key under {@code order}. */
  static Dataset<Row> firstBy(Dataset<Row> rows, String[] keys, Column... order) {
    Column[] partition =
        Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return rows.withColumn(RANK, row_number().over(Window.partitionBy(partition).orderBy(order)))
        .where(col(RANK).equalTo(1))
        .drop(RANK);
  }

  private EventOrder() {}
}
