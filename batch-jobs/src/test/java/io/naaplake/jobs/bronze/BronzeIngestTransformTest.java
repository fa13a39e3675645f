package io.naaplake.jobs.bronze;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.BronzeTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BronzeIngestTransformTest {
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T00:00:00Z");
  private static final Timestamp KAFKA_TS = Timestamp.from(Instant.parse("2026-01-08T23:59:59Z"));
  private static SparkSession spark;
  private static Dataset<Row> classified;

  @BeforeAll
  static void classifyTinyBatch() {
    spark = LocalSpark.get();
    List<Row> kafka =
        List.of(
            kafkaRow(
                0,
                "{\"id\":\"e1\",\"type\":\"stream_trace\",\"timestamp\":\"1767908945298\","
                    + "\"gateway\":\"0xgw\",\"data\":{\"type\":\"gateway_receive_stream_request\"}}"),
            kafkaRow(1, "{\"id\":\"e2\",\"type\":\"ai_stream_status\",\"timestamp\":\"\"}"),
            kafkaRow(2, "not json"),
            kafkaRow(3, "{\"type\":\"stream_trace\"}"));
    Dataset<Row> source = spark.createDataFrame(kafka, KafkaSourceSchema.SCHEMA);
    IngestBatchContext context =
        new IngestBatchContext("run-1", 7, RUN_TIME, Map.of("streaming_events", "cloudspe"));
    classified =
        BronzeIngestTransform.classify(source, context, new EnvelopeClassifier(1024, 8)).cache();
  }

  private static Row kafkaRow(long offset, String value) {
    return RowFactory.create(
        ("k" + offset).getBytes(UTF_8),
        value.getBytes(UTF_8),
        "streaming_events",
        3,
        offset,
        KAFKA_TS,
        0);
  }

  @Test
  void rawEventsHaveTheDeclaredSchemaAndTheAcceptedRows() {
    Dataset<Row> raw = BronzeIngestTransform.rawEvents(classified);
    assertThat(raw.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(BronzeTables.RAW_EVENTS).fieldNames());
    List<Row> rows = raw.orderBy("kafka_offset").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("event_id")).containsExactly("e1", "e2");

    Row first = rows.get(0);
    assertThat(first.<String>getAs("event_subtype")).isEqualTo("gateway_receive_stream_request");
    assertThat(first.<Timestamp>getAs("event_ts").toInstant())
        .isEqualTo(Instant.parse("2026-01-08T21:49:05.298Z"));
    assertThat(first.<Date>getAs("event_date").toLocalDate()).hasToString("2026-01-08");
    assertThat(first.<String>getAs("org")).isEqualTo("cloudspe");
    assertThat(first.<String>getAs("gateway")).isEqualTo("0xgw");
    assertThat(first.<Integer>getAs("kafka_partition")).isEqualTo(3);
    assertThat(first.<Long>getAs("ingest_batch_id")).isEqualTo(7L);
    assertThat(first.<String>getAs("ingest_run_id")).isEqualTo("run-1");
    assertThat(first.<Timestamp>getAs("ingested_at").toInstant()).isEqualTo(RUN_TIME);
    assertThat(new String(first.<byte[]>getAs("raw_value"), UTF_8)).startsWith("{\"id\":\"e1\"");
    assertThat(first.<String>getAs("payload_hash")).hasSize(64);
  }

  @Test
  void eventDateFallsBackToTheKafkaTimestamp() {
    Row second =
        BronzeIngestTransform.rawEvents(classified).orderBy("kafka_offset").collectAsList().get(1);
    assertThat((Object) second.getAs("event_ts")).isNull();
    // Kafka timestamp 2026-01-08T23:59:59Z -> UTC date 2026-01-08.
    assertThat(second.<Date>getAs("event_date").toLocalDate()).hasToString("2026-01-08");
  }

  @Test
  void quarantineHasTheDeclaredSchemaAndReasons() {
    Dataset<Row> quarantine = BronzeIngestTransform.quarantine(classified);
    assertThat(quarantine.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(BronzeTables.QUARANTINE).fieldNames());
    List<Row> rows = quarantine.orderBy("kafka_offset").collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("reason"))
        .containsExactly("not_json", "missing_id");
    assertThat(new String(rows.get(0).<byte[]>getAs("raw_value"), UTF_8)).isEqualTo("not json");
    assertThat(new String(rows.get(0).<byte[]>getAs("raw_value_prefix"), UTF_8))
        .isEqualTo("not json");
    assertThat(rows.get(1).<Date>getAs("quarantine_date").toLocalDate()).hasToString("2026-01-08");
  }

  @Test
  void everyMessageLandsInExactlyOneTable() {
    long raw = BronzeIngestTransform.rawEvents(classified).count();
    long quarantined = BronzeIngestTransform.quarantine(classified).count();
    assertThat(raw + quarantined).isEqualTo(4);
  }
}
