package io.naaplake.jobs.silver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;

import io.naaplake.jobs.bronze.BronzeIngestTransform;
import io.naaplake.jobs.bronze.EnvelopeClassifier;
import io.naaplake.jobs.bronze.IngestBatchContext;
import io.naaplake.jobs.bronze.KafkaSourceSchema;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Hand-written envelopes to typed silver rows, through the real bronze classifier and silver
 * normalizer, so a derived-entity test exercises every wire quirk on the way. Envelopes go to topic
 * {@code <org>_events} partition 0 at offsets 0, 1, 2, ... in list order.
 */
public final class TypedEvents {
  public static final Instant KAFKA_TIME = Instant.parse("2026-01-09T00:00:00Z");

  private TypedEvents() {}

  /** Bronze raw_events rows for the envelopes, all in one topic of {@code org}. */
  public static Dataset<Row> bronze(SparkSession spark, String org, List<String> envelopes) {
    String topic = org + "_events";
    List<Row> kafka = new ArrayList<>();
    for (int offset = 0; offset < envelopes.size(); offset++) {
      kafka.add(
          RowFactory.create(
              ("k" + offset).getBytes(UTF_8),
              envelopes.get(offset).getBytes(UTF_8),
              topic,
              0,
              (long) offset,
              Timestamp.from(KAFKA_TIME),
              0));
    }
    IngestBatchContext context =
        new IngestBatchContext("test-run", 1, KAFKA_TIME, Map.of(topic, org));
    return BronzeIngestTransform.rawEvents(
        BronzeIngestTransform.classify(
            spark.createDataFrame(kafka, KafkaSourceSchema.SCHEMA),
            context,
            new EnvelopeClassifier(1 << 20, 8)));
  }

  /** The typed silver rows of one family among the envelopes (other families are skipped). */
  public static Dataset<Row> typed(
      SparkSession spark, EventFamily family, String org, List<String> envelopes) {
    Dataset<Row> bronze =
        bronze(spark, org, envelopes).where(col("event_type").equalTo(family.wireName()));
    EnvelopeNormalizer normalizer = new EnvelopeNormalizer(ClientIpPolicy.from(Optional.empty()));
    return SilverEventsTransform.typed(
        SilverEventsTransform.normalize(bronze, family, normalizer), family);
  }
}
