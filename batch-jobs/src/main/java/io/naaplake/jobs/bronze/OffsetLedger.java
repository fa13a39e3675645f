package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.naaplake.jobs.bronze.OffsetRange.TopicPartitionKey;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.OpsTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The Kafka offsets the lake has planned to read, kept in {@code ops.kafka_ingest_batches}. The
 * ledger lives in the lake, next to the data, so the lake alone says what it holds: no consumer
 * group or streaming checkpoint elsewhere can drift from it.
 */
public final class OffsetLedger {
  static final String APP_ID = "naap.bronze_ingest.ledger";

  private final SparkSession spark;
  private final String path;

  public OffsetLedger(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.path = tables.path(OpsTables.KAFKA_INGEST_BATCHES);
  }

  private Dataset<Row> table() {
    return spark.read().format("delta").load(path);
  }

  public Optional<Long> lastBatchId() {
    Row row = table().agg(max(col("batch_id"))).first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getLong(0));
  }

  /** The ranges of one batch. */
  public List<OffsetRange> ranges(long batchId) {
    List<OffsetRange> ranges = new ArrayList<>();
    for (Row row : table().where(col("batch_id").equalTo(lit(batchId))).collectAsList()) {
      ranges.add(
          new OffsetRange(
              row.getAs("kafka_topic"),
              row.<Integer>getAs("kafka_partition"),
              row.getAs("org"),
              row.<Long>getAs("start_offset"),
              row.<Long>getAs("end_offset")));
    }
    ranges.sort(
        (a, b) ->
            a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
    return ranges;
  }

  /** Per partition, the end offset of all batches before {@code batchId} (exclusive). */
  public Map<TopicPartitionKey, Long> endsBefore(long batchId) {
    Map<TopicPartitionKey, Long> ends = new HashMap<>();
    List<Row> rows =
        table()
            .where(col("batch_id").lt(lit(batchId)))
            .groupBy(col("kafka_topic"), col("kafka_partition"))
            .agg(max(col("end_offset")).as("end_offset"))
            .collectAsList();
    for (Row row : rows) {
      ends.put(new TopicPartitionKey(row.getString(0), row.getInt(1)), row.getLong(2));
    }
    return ends;
  }

  /** Records a batch's ranges, once: re-recording the same batch id is a no-op. */
  public void record(long batchId, List<OffsetRange> ranges, String runId, Instant plannedAt) {
    List<Row> rows = new ArrayList<>();
    for (OffsetRange range : ranges) {
      rows.add(
          RowFactory.create(
              batchId,
              range.topic(),
              range.partition(),
              range.start(),
              range.end(),
              range.org(),
              runId,
              Timestamp.from(plannedAt)));
    }
    Dataset<Row> batch =
        spark.createDataFrame(rows, SparkSchemas.structType(OpsTables.KAFKA_INGEST_BATCHES));
    DeltaWrites.appendOnce(batch, path, APP_ID, batchId);
  }
}
