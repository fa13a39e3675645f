package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes envelopes, or raw byte messages, to a Kafka topic and reports what the broker
 * acknowledged.
 *
 * <p>Each call first checks that the topic exists (a producer would otherwise wait {@code
 * max.block.ms} for metadata, or auto-create the topic with broker defaults), then sends
 * everything, flushes, and fails loudly if any record was not acknowledged: a half-published replay
 * must never look like a complete one. After the first failure no further records are sent.
 */
public final class KafkaEventPublisher implements AutoCloseable {
  /** How many records pass between two {@link PublishProgress} calls. */
  public static final int PROGRESS_INTERVAL = 10_000;

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<byte[], byte[]> producer;
  private final TopicCheck topicCheck;
  private final String bootstrapServers;

  /**
   * A publisher with a real producer and admin client for {@code config}'s brokers. Nothing is
   * contacted yet: the first publish call checks the topic.
   */
  public static KafkaEventPublisher connect(ToolsConfig config) {
    requireNonNull(config, "config is null");
    TopicCheck topicCheck = createTopicCheck(config);
    try {
      return new KafkaEventPublisher(createProducer(config), topicCheck, config.bootstrapServers());
    } catch (RuntimeException e) {
      topicCheck.close();
      throw e;
    }
  }

  /** For tests: any producer (e.g. Kafka's {@code MockProducer}) and topic check. */
  KafkaEventPublisher(
      Producer<byte[], byte[]> producer, TopicCheck topicCheck, String bootstrapServers) {
    this.producer = requireNonNull(producer, "producer is null");
    this.topicCheck = requireNonNull(topicCheck, "topicCheck is null");
    this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
  }

  private static Producer<byte[], byte[]> createProducer(ToolsConfig config) {
    try {
      return new KafkaProducer<>(
          config.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    } catch (ConfigException e) {
      throw rejectedConfiguration(config, e);
    } catch (KafkaException e) {
      throw LakeErrors.kafkaUnavailable(config.bootstrapServers(), e);
    }
  }

  private static TopicCheck createTopicCheck(ToolsConfig config) {
    try {
      return new AdminTopicCheck(
          Admin.create(config.adminProperties()), config.bootstrapServers(), config.kafkaTimeout());
    } catch (ConfigException e) {
      throw rejectedConfiguration(config, e);
    } catch (KafkaException e) {
      throw LakeErrors.kafkaUnavailable(config.bootstrapServers(), e);
    }
  }

  private static NaapException rejectedConfiguration(ToolsConfig config, ConfigException e) {
    return LakeErrors.badConfiguration(
        ToolsConfig.BOOTSTRAP_SERVERS + " or " + ToolsConfig.CLIENT_PREFIX + "*",
        config.bootstrapServers(),
        "the Kafka client rejects it: " + e.getMessage());
  }

  /** The partition count of {@code topic}; fails with {@code KAFKA_TOPIC_MISSING} if absent. */
  public int requireTopic(String topic) {
    return topicCheck.partitionCount(requireNonNull(topic, "topic is null"));
  }

  /** Publishes each envelope with its id as key and its compact JSON as value. */
  public PublishResult publish(String topic, Iterable<Envelope> envelopes) {
    return publish(topic, envelopes, PublishProgress.none());
  }

  public PublishResult publish(
      String topic, Iterable<Envelope> envelopes, PublishProgress progress) {
    return sendAll(
        topic,
        envelopes,
        envelope -> new ProducerRecord<>(topic, envelope.keyBytes(), envelope.jsonBytes()),
        progress);
  }

  /** Publishes messages exactly as given, e.g. malformed or oversized test input. */
  public PublishResult publishRaw(String topic, Iterable<RawMessage> messages) {
    return publishRaw(topic, messages, PublishProgress.none());
  }

  public PublishResult publishRaw(
      String topic, Iterable<RawMessage> messages, PublishProgress progress) {
    return sendAll(
        topic,
        messages,
        message -> new ProducerRecord<>(topic, message.key(), message.value()),
        progress);
  }

  private <T> PublishResult sendAll(
      String topic,
      Iterable<T> items,
      Function<T, ProducerRecord<byte[], byte[]>> toRecord,
      PublishProgress progress) {
    requireNonNull(items, "items is null");
    requireNonNull(progress, "progress is null");
    requireTopic(topic);
    PublishTally tally = new PublishTally();
    long sent = 0;
    for (T item : items) {
      if (tally.failures() > 0) {
        break;
      }
      ProducerRecord<byte[], byte[]> record = toRecord.apply(item);
      long bytes = length(record.key()) + length(record.value());
      try {
        producer.send(
            record,
            (metadata, error) -> {
              if (error == null) {
                tally.acknowledged(metadata, bytes);
              } else {
                tally.failed(error);
              }
            });
      } catch (KafkaException e) {
        // Thrown instead of reported to the callback, e.g. a timeout waiting for metadata.
        tally.failed(e);
        break;
      }
      sent++;
      if (sent % PROGRESS_INTERVAL == 0) {
        progress.sent(sent);
      }
    }
    try {
      producer.flush();
    } catch (KafkaException e) {
      tally.failed(e);
    }
    if (tally.failures() > 0) {
      // Names the topic through the servers argument until LakeErrors has kafkaPublishFailed.
      throw LakeErrors.kafkaUnavailable(
          bootstrapServers
              + " (topic "
              + topic
              + ": "
              + tally.failures()
              + " of "
              + sent
              + " records not acknowledged)",
          tally.firstFailure());
    }
    return tally.result(topic);
  }

  private static long length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  @Override
  public void close() {
    try {
      producer.close(CLOSE_TIMEOUT);
    } finally {
      topicCheck.close();
    }
  }
}
