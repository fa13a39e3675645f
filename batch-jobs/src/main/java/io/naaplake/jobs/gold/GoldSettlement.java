package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.col;

import io.naaplake.schema.TableDeclaration;
import java.time.Instant;
import org.apache.spark.sql.Column;

/**
 * When a gold row is settled: what it describes ends at or before the run's settlement instant. An
 * as-of row describes the network up to its {@code as_of} (a leaderboard's 7-day window too, which
 * ends there); a windowed row its hour from {@code window_start}, else the UTC date of its
 * partition column. The transforms set the flag with the same rule; the gold job uses this to
 * settle rows it does not recompute.
 */
final class GoldSettlement {
  static final String COLUMN = "is_settled";

  private GoldSettlement() {}

  static Column due(TableDeclaration table, Instant settledBefore) {
    if (table.column("as_of").isPresent()) {
      // Not window_start: a leaderboard row's window starts days before it ends.
      return col("as_of").leq(GoldWindows.instant(settledBefore));
    }
    if (table.column("window_start").isPresent()) {
      return GoldWindows.hourSettled(col("window_start"), settledBefore);
    }
    return GoldWindows.daySettled(col(table.partitionColumns().get(0)), settledBefore);
  }
}
