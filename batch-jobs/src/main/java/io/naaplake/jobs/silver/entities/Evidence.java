package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.naaplake.jobs.silver.attribution.AttributionEvidence;
import io.naaplake.schema.CapabilityTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads the announcement evidence that can matter for a set of selections. */
final class Evidence {
  private Evidence() {}

  /**
   * Announcements from the stale look-back before the earliest selection to the future skew after
   * the latest; {@code selections} has {@code selection_ts}.
   */
  static AttributionEvidence covering(EntityRun run, Dataset<Row> selections) {
    Row range = selections.agg(min("selection_ts"), max("selection_ts")).first();
    if (range.isNullAt(0)) {
      return new AttributionEvidence(
          run.read(CapabilityTables.ORCHESTRATOR_SNAPSHOTS).limit(0),
          run.read(CapabilityTables.CAPABILITY_OFFERS).limit(0),
          run.read(CapabilityTables.GPU_HARDWARE).limit(0),
          run.read(CapabilityTables.GPU_UUID_MAP).limit(0));
    }
    Timestamp from =
        Timestamp.from(range.getTimestamp(0).toInstant().minus(run.windows.staleLookback()));
    Timestamp to = Timestamp.from(range.getTimestamp(1).toInstant().plus(run.windows.futureSkew()));
    return new AttributionEvidence(
        between(run, CapabilityTables.ORCHESTRATOR_SNAPSHOTS, from, to)
            .where(col("snapshot_ts").between(lit(from), lit(to))),
        between(run, CapabilityTables.CAPABILITY_OFFERS, from, to),
        between(run, CapabilityTables.GPU_HARDWARE, from, to),
        run.read(CapabilityTables.GPU_UUID_MAP));
  }

  /** Rows of a snapshot-keyed table whose date partition lies in [from, to]. */
  private static Dataset<Row> between(
      EntityRun run, io.naaplake.schema.TableDeclaration table, Timestamp from, Timestamp to) {
    String partition = table.partitionColumns().get(0);
    return run.read(table)
        .where(
            col(partition)
                .between(
                    lit(Date.valueOf(from.toInstant().atZone(ZoneOffset.UTC).toLocalDate())),
                    lit(Date.valueOf(to.toInstant().atZone(ZoneOffset.UTC).toLocalDate()))));
  }
}
