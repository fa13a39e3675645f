package io.naaplake.jobs.maintenance;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.OpsTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends a maintenance run's actions to {@code ops.maintenance_actions}, in one commit. */
final class MaintenanceActionLog {
  private final SparkSession spark;
  private final String path;

  MaintenanceActionLog(SparkSession spark, LakeTables tables) {
    this.spark = spark;
    this.path = tables.path(OpsTables.MAINTENANCE_ACTIONS);
  }

  void append(String runId, Instant runTime, List<MaintenanceAction> actions) {
    List<Row> rows = actions.stream().map(a -> row(runId, runTime, a)).toList();
    DeltaWrites.append(
        spark.createDataFrame(rows, SparkSchemas.structType(OpsTables.MAINTENANCE_ACTIONS)), path);
  }

  private static Row row(String runId, Instant runTime, MaintenanceAction action) {
    MaintenanceAction.Outcome outcome = action.outcome();
    return RowFactory.create(
        runId,
        Timestamp.from(runTime),
        action.table(),
        action.kind().code(),
        outcome.status().code(),
        outcome.detail(),
        outcome.before().map(FileStats::files).orElse(null),
        outcome.after().map(FileStats::files).orElse(null),
        outcome.before().map(FileStats::bytes).orElse(null),
        outcome.after().map(FileStats::bytes).orElse(null),
        outcome.rowsDeleted().orElse(null),
        outcome.versionBefore().orElse(null),
        outcome.versionAfter().orElse(null),
        Timestamp.from(action.startedAt()),
        action.duration().toMillis(),
        action.error().orElse(null));
  }
}
