package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** (org, UTC hour) pairs whose derived rows a run recomputed: the hours gold must recompute. */
final class DirtyHours {
  private DirtyHours() {}

  static Dataset<Row> of(Dataset<Row> rows, String timeColumn) {
    return rows.where(col(timeColumn).isNotNull())
        .select(col("org"), date_trunc("hour", col(timeColumn)).as("hour"))
        .distinct();
  }
}
