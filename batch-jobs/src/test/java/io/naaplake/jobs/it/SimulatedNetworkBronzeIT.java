package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.BronzeTables;
import io.naaplake.simulator.DeliveredMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated network through the real broker into bronze: bronze holds exactly the messages the
 * simulator's truth says were delivered (duplicates included), and every malformed one is in
 * quarantine with the reason the truth expects.
 */
class SimulatedNetworkBronzeIT {
  private static List<DeliveredMessage> delivered;
  private static LakeTables tables;

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake lake = FixtureLake.get();
    delivered = SimulatedNetworkScenario.delivered();
    tables = new LakeTables(SharedSpark.get(), lake.jobsConfig());
  }

  private static Dataset<Row> read(io.naaplake.schema.TableDeclaration table) {
    return SharedSpark.get().read().format("delta").load(tables.path(table));
  }

  @Test
  void theScenarioExercisesEveryTransportFault() {
    assertThat(delivered.stream().map(DeliveredMessage::fault).distinct().toList())
        .contains("duplicate", "reorder", "late", "malformed", "unknown_family", "ignored_trace");
  }

  @Test
  void bronzeHoldsExactlyTheDeliveredEnvelopes() {
    // Multiset of (topic, value hash) of the readable envelopes the truth lists.
    Map<String, Long> expected =
        delivered.stream()
            .filter(m -> !m.malformed())
            .collect(
                Collectors.groupingBy(
                    m -> m.topic() + "/" + m.valueSha256(), Collectors.counting()));
    Map<String, Long> actual = new HashMap<>();
    for (Row row :
        read(BronzeTables.RAW_EVENTS)
            .where(
                col("payload_hash")
                    .isin(
                        expected.keySet().stream()
                            .map(k -> k.substring(k.indexOf('/') + 1))
                            .toArray()))
            .groupBy("kafka_topic", "payload_hash")
            .count()
            .collectAsList()) {
      actual.put(row.getString(0) + "/" + row.getString(1), row.getLong(2));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.values().stream().mapToLong(Long::longValue).sum())
        .as("duplicates included")
        .isGreaterThan(expected.size());
  }

  @Test
  void everyMalformedMessageIsQuarantinedWithTheExpectedReason() {
    List<DeliveredMessage> malformed =
        delivered.stream().filter(DeliveredMessage::malformed).toList();
    assertThat(malformed).isNotEmpty();
    Map<String, String> expected =
        malformed.stream()
            .collect(
                Collectors.toMap(
                    m -> m.topic() + "/" + m.valueSha256() + "/" + m.key(),
                    DeliveredMessage::quarantineReason,
                    (a, b) -> a));
    Map<String, String> actual = new HashMap<>();
    for (Row row :
        read(BronzeTables.QUARANTINE)
            .where(
                col("kafka_key").cast("string").startsWith(SimulatedNetworkScenario.STREAM_PREFIX))
            .select(
                col("kafka_topic"),
                col("payload_hash"),
                col("kafka_key").cast("string"),
                col("reason"))
            .collectAsList()) {
      actual.put(
          row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2), row.getString(3));
    }
    assertThat(actual).isEqualTo(expected);
    long quarantinedRows =
        read(BronzeTables.QUARANTINE)
            .where(
                col("kafka_key").cast("string").startsWith(SimulatedNetworkScenario.STREAM_PREFIX))
            .count();
    assertThat(quarantinedRows)
        .as("one quarantine row per malformed delivery")
        .isEqualTo(malformed.size());
  }
}
