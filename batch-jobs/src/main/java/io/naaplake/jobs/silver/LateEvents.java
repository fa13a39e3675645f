package io.naaplake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lateness is measured in event time, per org: an event is late when its event time is behind the
 * largest event time of its org's events in earlier runs (the high-water mark). Replaying old data
 * into an empty lake is therefore not late; an event that turns up two days after its neighbours
 * is. Kafka arrival time plays no part, so re-running a window classifies the same events the same
 * way.
 */
public final class LateEvents {
  public static final String BEYOND_HORIZON = "beyond_horizon";
  public static final String RECOMPUTED = "recomputed";

  private LateEvents() {}

  /**
   * Adds {@code high_water_mark}, {@code lateness_seconds} (null when not late) and {@code
   * beyond_horizon} to rows with {@code org} and {@code event_ts}; {@code watermarks} has {@code
   * org} and {@code high_water_mark}.
   */
  public static Dataset<Row> classify(
      Dataset<Row> rows, Dataset<Row> watermarks, Duration horizon) {
    Dataset<Row> marks =
        watermarks.select(col("org").as("wm_org"), col("high_water_mark").as("wm_mark"));
    Column lateness = expr("(unix_millis(wm_mark) - unix_millis(event_ts)) DIV 1000");
    return rows.join(marks, col("org").equalTo(col("wm_org")), "left")
        .withColumn("high_water_mark", col("wm_mark"))
        .withColumn("lateness_seconds", when(col("event_ts").lt(col("wm_mark")), lateness))
        .withColumn(
            "beyond_horizon",
            org.apache.spark.sql.functions.coalesce(
                col("lateness_seconds").gt(lit(horizon.toSeconds())), lit(false)))
        .drop("wm_org", "wm_mark");
  }

  /** ops.late_events rows (without run columns) from classified rows with {@code event_type}. */
  public static Dataset<Row> summary(Dataset<Row> classified) {
    return classified
        .where(col("lateness_seconds").isNotNull())
        .groupBy(
            col("org"),
            col("event_type"),
            date_trunc("hour", col("event_ts")).as("event_hour"),
            when(col("beyond_horizon"), lit(BEYOND_HORIZON))
                .otherwise(lit(RECOMPUTED))
                .as("disposition"))
        .agg(
            count(lit(1)).as("events"),
            max("lateness_seconds").as("max_lateness_seconds"),
            max("high_water_mark").as("high_water_mark"));
  }
}
