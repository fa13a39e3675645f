package io.naaplake.jobs.it;

import io.naaplake.config.Settings;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.SyntheticEnvelopes;
import io.naaplake.tools.ToolsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Topics of the ingest-mechanics tests, on the shared broker, apart from the fixture topics. */
final class TestTopics {

  static void create(String topic, int partitions, Map<String, String> configs)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
          .all()
          .get();
    }
  }

  /** Deletes records before the given offsets, as retention would: the log start moves up. */
  static void expireBefore(Map<TopicPartition, Long> offsets)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      Map<TopicPartition, RecordsToDelete> request = new java.util.HashMap<>();
      offsets.forEach(
          (partition, offset) -> request.put(partition, RecordsToDelete.beforeOffset(offset)));
      admin.deleteRecords(request).all().get();
    }
  }

  /** Waits (up to 120 s) until the broker's retention moved the log start to {@code offset}. */
  static void awaitLogStart(TopicPartition partition, long offset) throws Exception {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", ItEnvironment.kafka());
    properties.put("key.deserializer", ByteArrayDeserializer.class.getName());
    properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
      while (consumer.beginningOffsets(List.of(partition)).get(partition) < offset) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(partition + " log start did not reach " + offset);
        }
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  /** Publishes {@code count} synthetic envelopes (deterministic for the seed). */
  static PublishResult publishSynthetic(String topic, long count, long seed) {
    try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(tools())) {
      SyntheticEnvelopes envelopes =
          new SyntheticEnvelopes(
              seed, Instant.parse("2025-11-01T00:00:00Z"), Duration.ofMillis(50));
      return publisher.publish(topic, envelopes.envelopes(count));
    }
  }

  /** Publishes messages as they are (keys and values byte-exact), in order. */
  static PublishResult publishRaw(String topic, List<io.naaplake.tools.RawMessage> messages) {
    try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(tools())) {
      return publisher.publishRaw(topic, messages);
    }
  }

  static long total(Collection<PublishResult> results) {
    return results.stream().mapToLong(PublishResult::records).sum();
  }

  private static ToolsConfig tools() {
    return ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka())));
  }

  private static Admin admin() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItEnvironment.kafka());
    return Admin.create(properties);
  }

  private TestTopics() {}
}
