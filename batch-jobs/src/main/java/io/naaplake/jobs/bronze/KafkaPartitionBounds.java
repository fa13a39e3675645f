package io.naaplake.jobs.bronze;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the earliest and latest offsets of every partition of the configured topics. */
public final class KafkaPartitionBounds {
  public static List<PartitionBounds> read(JobsConfig config, Collection<String> topics) {
    Duration timeout = config.kafkaTimeout();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(config))) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
          throw LakeErrors.topicMissing(topic, config.kafkaBootstrapServers());
        }
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> latest = consumer.endOffsets(partitions, timeout);
      List<PartitionBounds> bounds = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        bounds.add(
            new PartitionBounds(
                partition.topic(),
                partition.partition(),
                earliest.get(partition),
                latest.get(partition)));
      }
      bounds.sort(
          (a, b) ->
              a.topic().equals(b.topic())
                  ? Integer.compare(a.partition(), b.partition())
                  : a.topic().compareTo(b.topic()));
      return bounds;
    } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
      throw LakeErrors.topicMissing(e.getMessage(), config.kafkaBootstrapServers());
    } catch (KafkaException e) {
      throw LakeErrors.kafkaUnavailable(config.kafkaBootstrapServers(), e);
    }
  }

  private static Properties properties(JobsConfig config) {
    Properties properties = new Properties();
    properties.putAll(config.kafkaClientProperties());
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    int timeoutMs = (int) config.kafkaTimeout().toMillis();
    properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    return properties;
  }

  private KafkaPartitionBounds() {}
}
