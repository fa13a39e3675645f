package io.naaplake.jobs.bronze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.jobs.JobsConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark's Kafka batch source over explicit offset ranges. */
final class KafkaBatchSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads exactly the given ranges. {@code failOnDataLoss} stays true: if a planned range has
   * expired in the meantime the read fails loudly instead of silently returning fewer rows.
   */
  static Dataset<Row> read(SparkSession spark, JobsConfig config, List<OffsetRange> ranges) {
    List<OffsetRange> nonEmpty = ranges.stream().filter(r -> r.size() > 0).toList();
    if (nonEmpty.isEmpty()) {
      return spark.createDataFrame(List.of(), KafkaSourceSchema.SCHEMA);
    }
    DataFrameReader reader =
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", config.kafkaBootstrapServers())
            .option("assign", assign(nonEmpty))
            .option("startingOffsets", offsets(nonEmpty, true))
            .option("endingOffsets", offsets(nonEmpty, false))
            .option("failOnDataLoss", "true");
    for (Map.Entry<String, String> property : config.kafkaClientProperties().entrySet()) {
      reader = reader.option("kafka." + property.getKey(), property.getValue());
    }
    return reader.load();
  }

  private static String assign(List<OffsetRange> ranges) {
    ObjectNode root = JSON.createObjectNode();
    for (OffsetRange range : ranges) {
      ArrayNode partitions =
          root.has(range.topic())
              ? (ArrayNode) root.get(range.topic())
              : root.putArray(range.topic());
      partitions.add(range.partition());
    }
    return root.toString();
  }

  private static String offsets(List<OffsetRange> ranges, boolean starting) {
    ObjectNode root = JSON.createObjectNode();
    for (OffsetRange range : ranges) {
      ObjectNode topic =
          root.has(range.topic())
              ? (ObjectNode) root.get(range.topic())
              : root.putObject(range.topic());
      topic.put(Integer.toString(range.partition()), starting ? range.start() : range.end());
    }
    return root.toString();
  }

  private KafkaBatchSource() {}
}
