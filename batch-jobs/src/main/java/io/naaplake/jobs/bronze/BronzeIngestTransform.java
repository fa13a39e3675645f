package io.naaplake.jobs.bronze;

import static org.apache.spark.sql.functions.col;

import io.naaplake.jobs.bronze.EnvelopeClassifier.Classification;
import io.naaplake.jobs.bronze.EnvelopeClassifier.EnvelopeFields;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.BronzeTables;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Kafka rows to bronze rows: a pure {@code Dataset -> Dataset} transform. {@link #classify} reads
 * each message once and yields one row per message carrying either envelope fields or a quarantine
 * reason; {@link #rawEvents} and {@link #quarantine} project that into the two bronze tables.
 */
public final class BronzeIngestTransform {

  /** One row per message: the union of both bronze tables' columns plus the reason. */
  static final StructType CLASSIFIED =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("event_id", DataTypes.StringType, true),
            DataTypes.createStructField("event_type", DataTypes.StringType, true),
            DataTypes.createStructField("event_subtype", DataTypes.StringType, true),
            DataTypes.createStructField("event_ts", DataTypes.TimestampType, true),
            DataTypes.createStructField("event_date", DataTypes.DateType, false),
            DataTypes.createStructField("org", DataTypes.StringType, false),
            DataTypes.createStructField("gateway", DataTypes.StringType, true),
            DataTypes.createStructField("schema_version", DataTypes.StringType, true),
            DataTypes.createStructField("kafka_topic", DataTypes.StringType, false),
            DataTypes.createStructField("kafka_partition", DataTypes.IntegerType, false),
            DataTypes.createStructField("kafka_offset", DataTypes.LongType, false),
            DataTypes.createStructField("kafka_timestamp", DataTypes.TimestampType, false),
            DataTypes.createStructField("kafka_key", DataTypes.BinaryType, true),
            DataTypes.createStructField("raw_value", DataTypes.BinaryType, true),
            DataTypes.createStructField("raw_value_prefix", DataTypes.BinaryType, true),
            DataTypes.createStructField("value_bytes", DataTypes.IntegerType, false),
            DataTypes.createStructField("payload_hash", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("reason_detail", DataTypes.StringType, true),
            DataTypes.createStructField("quarantine_date", DataTypes.DateType, false),
            DataTypes.createStructField("ingest_run_id", DataTypes.StringType, false),
            DataTypes.createStructField("ingest_batch_id", DataTypes.LongType, false),
            DataTypes.createStructField("ingested_at", DataTypes.TimestampType, false),
          });

  /**
   * Classifies Kafka source rows (columns key, value, topic, partition, offset, timestamp).
   *
   * @param kafka rows as read by Spark's Kafka source
   * @param context the batch's run id, batch id, run time and topic-to-org map
   * @param classifier the envelope rules and size limits
   */
  public static Dataset<Row> classify(
      Dataset<Row> kafka, IngestBatchContext context, EnvelopeClassifier classifier) {
    Dataset<Row> source =
        kafka.select(
            col("key"),
            col("value"),
            col("topic"),
            col("partition"),
            col("offset"),
            col("timestamp"));
    return source.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> classifyAll(rows, context, classifier),
        Encoders.row(CLASSIFIED));
  }

  /** Accepted envelopes in {@code bronze.raw_events} column order. */
  public static Dataset<Row> rawEvents(Dataset<Row> classified) {
    return Projections.of(classified.where(col("reason").isNull()), BronzeTables.RAW_EVENTS);
  }

  /** Quarantined messages in {@code bronze.quarantine} column order. */
  public static Dataset<Row> quarantine(Dataset<Row> classified) {
    Dataset<Row> rejected =
        classified.where(col("reason").isNotNull()).withColumnRenamed("event_id", "envelope_id");
    return Projections.of(rejected, BronzeTables.QUARANTINE);
  }

  private static Iterator<Row> classifyAll(
      Iterator<Row> rows, IngestBatchContext context, EnvelopeClassifier classifier)
      throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    Timestamp ingestedAt = Timestamp.from(context.runTime());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return classifyOne(rows.next(), context, classifier, sha256, ingestedAt);
      }
    };
  }

  private static Row classifyOne(
      Row message,
      IngestBatchContext context,
      EnvelopeClassifier classifier,
      MessageDigest sha256,
      Timestamp ingestedAt) {
    byte[] value = message.isNullAt(1) ? null : (byte[]) message.get(1);
    String topic = message.getString(2);
    Timestamp kafkaTimestamp = message.getTimestamp(5);
    Classification result = classifier.classify(value);
    EnvelopeFields envelope = result.envelope();
    Instant eventTs = envelope == null ? null : envelope.eventTimestamp();
    Date kafkaDate = utcDate(kafkaTimestamp.toInstant());
    return RowFactory.create(
        result.envelopeId(),
        result.eventType(),
        envelope == null ? null : envelope.eventSubtype(),
        eventTs == null ? null : Timestamp.from(eventTs),
        eventTs == null ? kafkaDate : utcDate(eventTs),
        context.orgOf(topic),
        envelope == null ? null : envelope.gateway(),
        envelope == null ? null : envelope.schemaVersion(),
        topic,
        message.getInt(3),
        message.getLong(4),
        kafkaTimestamp,
        message.isNullAt(0) ? null : (byte[]) message.get(0),
        result.isAccepted() || result.reason() != EnvelopeClassifier.QuarantineReason.TOO_LARGE
            ? value
            : null,
        result.valuePrefix(),
        value == null ? 0 : value.length,
        HexFormat.of().formatHex(sha256.digest(value == null ? new byte[0] : value)),
        result.isAccepted() ? null : result.reason().code(),
        result.reasonDetail(),
        kafkaDate,
        context.runId(),
        context.batchId(),
        ingestedAt);
  }

  private static Date utcDate(Instant instant) {
    return Date.valueOf(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  private BronzeIngestTransform() {}
}
