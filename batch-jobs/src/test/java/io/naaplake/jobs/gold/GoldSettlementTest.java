package io.naaplake.jobs.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.TableDeclaration;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GoldSettlementTest {
  /** A run at 2025-11-22T03:00 with the 48 h lateness horizon settles what ends by 11-20T03:00. */
  private static final Instant SETTLED_BEFORE = Instant.parse("2025-11-20T03:00:00Z");

  private final SparkSession spark = LocalSpark.get();

  @Test
  void aLeaderboardRowIsSettledByItsAsOfTimeNotItsWindowStart() {
    // The 7-day row of the 11-22T03:00 leaderboard starts 11-15T03:00, long settled, but ends at
    // its as-of time, after the settlement instant: late data can still change it.
    assertThat(
            due(
                GoldNetworkTables.ORCHESTRATOR_LEADERBOARD,
                "2025-11-22T03:00:00Z",
                "2025-11-15T03:00:00Z"))
        .isFalse();
    // A leaderboard as of the settlement instant itself is settled.
    assertThat(
            due(
                GoldNetworkTables.ORCHESTRATOR_LEADERBOARD,
                "2025-11-20T03:00:00Z",
                "2025-11-13T03:00:00Z"))
        .isTrue();
  }

  @Test
  void anHourlyRowIsSettledWhenItsHourHasEnded() {
    // The hour 02:00–03:00 ends at the settlement instant; the hour from 02:01 ends after it.
    assertThat(dueHour("2025-11-20T02:00:00Z")).isTrue();
    assertThat(dueHour("2025-11-20T02:01:00Z")).isFalse();
  }

  private boolean due(TableDeclaration table, String asOf, String windowStart) {
    StructType schema =
        new StructType()
            .add("as_of", DataTypes.TimestampType)
            .add("as_of_date", DataTypes.DateType)
            .add("window_start", DataTypes.TimestampType);
    Row row =
        RowFactory.create(
            Timestamp.from(Instant.parse(asOf)),
            Date.valueOf(asOf.substring(0, 10)),
            Timestamp.from(Instant.parse(windowStart)));
    return evaluate(spark.createDataFrame(List.of(row), schema), table);
  }

  private boolean dueHour(String windowStart) {
    StructType schema =
        new StructType()
            .add("window_start", DataTypes.TimestampType)
            .add("window_date", DataTypes.DateType);
    Row row =
        RowFactory.create(
            Timestamp.from(Instant.parse(windowStart)), Date.valueOf(windowStart.substring(0, 10)));
    return evaluate(
        spark.createDataFrame(List.of(row), schema), GoldSlaTables.STREAMING_SLA_HOURLY);
  }

  private static boolean evaluate(Dataset<Row> rows, TableDeclaration table) {
    return rows.select(GoldSettlement.due(table, SETTLED_BEFORE)).first().getBoolean(0);
  }
}
