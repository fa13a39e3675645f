package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.TableDeclaration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The window arithmetic every hourly gold table of demand and diagnostics shares: UTC hours and
 * dates whatever the session time zone, the settlement flag, ratios of summed primitives, and the
 * roll-up of an hourly table to a coarser window.
 */
public final class GoldWindows {
  private static final long MICROS_PER_HOUR = 3_600_000_000L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private GoldWindows() {}

  /** The UTC hour a timestamp falls in; null for null. */
  public static Column hourOf(Column timestamp) {
    Column micros = unix_micros(timestamp);
    return timestamp_micros(micros.minus(pmod(micros, lit(MICROS_PER_HOUR))));
  }

  /** The UTC date of a timestamp; null for null. */
  public static Column utcDate(Column timestamp) {
    Column micros = unix_micros(timestamp);
    return date_from_unix_date(
        micros.minus(pmod(micros, lit(MICROS_PER_DAY))).divide(lit(MICROS_PER_DAY)).cast("int"));
  }

  /** True when the hour starting at {@code windowStart} ends at or before {@code settledBefore}. */
  public static Column hourSettled(Column windowStart, Instant settledBefore) {
    return windowStart.leq(lit(Timestamp.from(settledBefore.minus(Duration.ofHours(1)))));
  }

  /** The instant as a Spark timestamp literal. */
  /** A UTC date is settled when its end (next midnight) is at or before the instant. */
  public static Column daySettled(Column windowDate, Instant settledBefore) {
    return org.apache
        .spark
        .sql
        .functions
        .unix_date(windowDate)
        .cast("long")
        .plus(1)
        .multiply(MICROS_PER_DAY)
        .leq(lit(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, settledBefore)));
  }

  public static Column instant(Instant value) {
    return lit(Timestamp.from(value));
  }

  /** numerator / denominator as a double; null when the denominator is 0 or null. */
  public static Column ratio(Column numerator, Column denominator) {
    return when(
        denominator.isNotNull().and(denominator.notEqual(0)),
        numerator.cast("double").divide(denominator.cast("double")));
  }

  /** 1 for rows meeting the condition, else 0: summed, it counts them. */
  public static Column indicator(Column condition) {
    return when(condition, lit(1L)).otherwise(lit(0L));
  }

  /** The sum of a column over a group, 0 when every value is null (an additive measure). */
  public static Column total(Column value) {
    return coalesce(sum(value), lit(0L));
  }

  /**
   * An hourly table's rows of {@code [from, to)} rolled up to one window: the additive columns
   * ({@code measure}s of the declaration) summed per key without {@code window_start}, as their
   * declared types, with {@code window_start = from} and {@code window_end = to}. Ratios,
   * percentiles, distinct counts and flags are not carried: ratios are recomputed from these sums
   * by the table's own roll-up, the others need the source rows.
   */
  public static Dataset<Row> rollUp(
      Dataset<Row> hourly, TableDeclaration table, Instant from, Instant to) {
    List<Column> groupBy = new ArrayList<>();
    for (String key : table.keyColumns()) {
      if (!key.equals("window_start")) {
        groupBy.add(col(key));
      }
    }
    List<Column> sums = new ArrayList<>();
    for (io.naaplake.schema.Column column : table.columns()) {
      if (column.additive()) {
        sums.add(
            sum(col(column.name())).cast(SparkSchemas.dataType(column.type())).as(column.name()));
      }
    }
    return hourly
        .where(col("window_start").geq(instant(from)).and(col("window_start").lt(instant(to))))
        .groupBy(groupBy.toArray(new Column[0]))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
        .withColumn("window_start", instant(from))
        .withColumn("window_end", instant(to));
  }
}
