package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Column;

/** UTC calendar dates of instants, whatever the session time zone is. */
final class UtcDate {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** The UTC date of a timestamp column; null for null. */
  static Column of(String timestampColumn) {
    // to_date would use the session time zone; days since the epoch do not.
    return expr(
        "date_from_unix_date(cast(floor(unix_micros("
            + timestampColumn
            + ") / "
            + MICROS_PER_DAY
            + "D) as int))");
  }

  private UtcDate() {}
}
