package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.gold.network.ActiveSessions;
import io.naaplake.jobs.gold.network.OrchestratorLeaderboard;
import io.naaplake.jobs.gold.network.Orchestrators;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold tables that describe the network at the run's as-of time rather than a window: the
 * sessions live then, the leaderboards of the 24 hours and 7 days before it, and the orchestrators.
 * Each run that recomputes gold writes one set of rows for its as-of time; re-running at the same
 * time replaces that set.
 */
final class GoldAsOf {
  /** How far back the leaderboard's longest window reaches. */
  static final Duration LEADERBOARD_REACH = Duration.ofDays(7);

  private GoldAsOf() {}

  /** The tables written per as-of time. */
  static List<TableDeclaration> tables() {
    return List.of(
        GoldNetworkTables.ACTIVE_SESSIONS,
        GoldNetworkTables.ORCHESTRATOR_LEADERBOARD,
        GoldNetworkTables.ORCHESTRATORS);
  }

  /**
   * Reads what the as-of tables need and computes them. The leaderboard reads
   * gold.streaming_sla_hourly, so call this after the windows were written.
   */
  static Map<TableDeclaration, Dataset<Row>> compute(
      SparkSession spark, LakeTables tables, Instant asOf, Instant settledBefore) {
    Reader reader = new Reader(spark, tables);
    Instant liveSince = asOf.minusSeconds(GoldNetworkTables.LIVE_SECONDS);
    Dataset<Row> live =
        reader
            .all(SessionTables.SESSIONS)
            .where(col("last_seen").geq(lit(Timestamp.from(liveSince))));
    Dataset<Row> selections =
        reader
            .all(SelectionTables.SESSION_SELECTIONS)
            .join(live.select("org", "session_key"), GoldInputs.sessionKeyColumns(), "left_semi");
    Dataset<Row> status =
        reader.from(
            SilverTables.of(EventFamily.AI_STREAM_STATUS), liveSince.minus(Duration.ofDays(1)));
    Instant currentSince = asOf.minus(Orchestrators.CURRENT_WINDOW);
    Map<TableDeclaration, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(
        GoldNetworkTables.ACTIVE_SESSIONS,
        ActiveSessions.at(live, selections, status, asOf, settledBefore));
    out.put(
        GoldNetworkTables.ORCHESTRATOR_LEADERBOARD,
        OrchestratorLeaderboard.at(
            reader
                .all(GoldSlaTables.STREAMING_SLA_HOURLY)
                .where(
                    col("window_date")
                        .geq(lit(Date.valueOf(utcDate(asOf.minus(LEADERBOARD_REACH)))))),
            asOf,
            settledBefore));
    out.put(
        GoldNetworkTables.ORCHESTRATORS,
        Orchestrators.at(
            reader.all(CapabilityTables.ORCHESTRATOR_SNAPSHOTS),
            reader.from(CapabilityTables.CAPABILITY_OFFERS, currentSince.minus(Duration.ofDays(1))),
            reader.from(CapabilityTables.GPU_HARDWARE, currentSince.minus(Duration.ofDays(1))),
            reader.all(CapabilityTables.GPU_UUID_MAP),
            asOf,
            settledBefore));
    return out;
  }

  private static java.time.LocalDate utcDate(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private record Reader(SparkSession spark, LakeTables tables) {
    Dataset<Row> all(TableDeclaration table) {
      return spark.read().format("delta").load(tables.path(table));
    }

    /** The table's date partitions from the UTC date of {@code since} on. */
    Dataset<Row> from(TableDeclaration table, Instant since) {
      return all(table)
          .where(col(table.partitionColumns().get(0)).geq(lit(Date.valueOf(utcDate(since)))));
    }
  }
}
