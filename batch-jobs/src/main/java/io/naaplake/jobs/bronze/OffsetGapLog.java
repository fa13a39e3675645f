package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.bronze.BatchPlanner.OffsetGap;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.OpsTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Writes lost offset ranges to {@code ops.kafka_offset_gaps}. */
final class OffsetGapLog {
  static final String REASON_EXPIRED = "expired_before_ingest";

  private final SparkSession spark;
  private final String path;

  OffsetGapLog(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.path = tables.path(OpsTables.KAFKA_OFFSET_GAPS);
  }

  void record(List<OffsetGap> gaps, long batchId, String runId, Instant runTime, String appId) {
    List<Row> rows = new ArrayList<>();
    for (OffsetGap gap : gaps) {
      rows.add(
          RowFactory.create(
              gap.topic(),
              gap.partition(),
              gap.org(),
              gap.from(),
              gap.to(),
              gap.count(),
              REASON_EXPIRED,
              batchId,
              runId,
              Timestamp.from(runTime)));
    }
    DeltaWrites.appendOnce(
        spark.createDataFrame(rows, SparkSchemas.structType(OpsTables.KAFKA_OFFSET_GAPS)),
        path,
        appId,
        batchId);
  }
}
