package io.naaplake.jobs.bronze;

import io.naaplake.jobs.JobsConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark's Kafka batch source over explicit offset ranges. */
final class KafkaBatchSource {
  /**
   * Reads exactly the given ranges. {@code failOnDataLoss} stays true: if a planned range has
   * expired in the meantime the read fails loudly instead of silently returning fewer rows.
   */
  static Dataset<Row> read(SparkSession spark, JobsConfig config, List<OffsetRange> ranges) {
    List<OffsetRange> nonEmpty = ranges.stream().filter(r -> r.size() > 0).toList();
    if (nonEmpty.isEmpty()) {
      return spark.createDataFrame(List.of(), KafkaSourceSchema.SCHEMA);
    }
    String timeoutMs = Long.toString(config.kafkaTimeout().toMillis());
    DataFrameReader reader =
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", config.kafkaBootstrapServers())
            .option("assign", OffsetJson.assignment(nonEmpty))
            .option("startingOffsets", OffsetJson.offsets(nonEmpty, true))
            .option("endingOffsets", OffsetJson.offsets(nonEmpty, false))
            .option("failOnDataLoss", "true")
            // A broker that stops answering fails the read within naap.kafka.timeout (per
            // attempt of the driver's offset lookups and of each executor poll), not after
            // Spark's default minutes; the run then fails as KAFKA_UNAVAILABLE and is retried.
            .option("kafka.default.api.timeout.ms", timeoutMs)
            .option("kafka.request.timeout.ms", timeoutMs)
            .option("kafkaConsumer.pollTimeoutMs", timeoutMs);
    for (Map.Entry<String, String> property : config.kafkaClientProperties().entrySet()) {
      reader = reader.option("kafka." + property.getKey(), property.getValue());
    }
    return reader.load();
  }

  private KafkaBatchSource() {}
}
