package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Uses Kafka's own {@link MockProducer}, a working in-memory producer, so the publisher's
 * bookkeeping is tested without a broker; the lead's integration tests cover a real one.
 */
class KafkaEventPublisherTest {
  private static final String TOPIC = "streaming_events";
  private static final String SERVERS = "127.0.0.1:19092";

  @Test
  void publishesEachEnvelopeKeyedByItsIdAndReportsAcknowledgedOffsets() {
    MockProducer<byte[], byte[]> producer = producer(3);
    List<Envelope> sample = SampleEvents.envelopes();

    PublishResult result;
    try (KafkaEventPublisher publisher = publisher(producer)) {
      result = publisher.publish(TOPIC, sample);
    }

    assertThat(producer.history()).hasSize(65);
    ProducerRecord<byte[], byte[]> first = producer.history().get(0);
    assertThat(first.topic()).isEqualTo(TOPIC);
    assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo(sample.get(0).id());
    assertThat(first.value()).isEqualTo(sample.get(0).jsonBytes());
    assertThat(result.topic()).isEqualTo(TOPIC);
    assertThat(result.records()).isEqualTo(65);
    assertThat(result.payloadBytes())
        .isEqualTo(
            sample.stream().mapToLong(e -> e.keyBytes().length + e.jsonBytes().length).sum());
    assertThat(result.partitions()).hasSizeGreaterThan(1);
    assertThat(result.partitions().stream().mapToLong(PublishResult.PartitionRange::records).sum())
        .isEqualTo(65);
    for (PublishResult.PartitionRange partition : result.partitions()) {
      assertThat(partition.firstOffset()).isZero();
      assertThat(partition.lastOffset()).isEqualTo(partition.records() - 1);
    }
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void publishesRawMessagesAsGiven() {
    MockProducer<byte[], byte[]> producer = producer(1);
    byte[] oversized = new byte[2 * 1024 * 1024];
    List<RawMessage> messages =
        List.of(
            new RawMessage(
                "k1".getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8)),
            new RawMessage(null, oversized),
            new RawMessage("tombstone".getBytes(StandardCharsets.UTF_8), null));

    PublishResult result = publisher(producer).publishRaw(TOPIC, messages);

    assertThat(producer.history())
        .extracting(ProducerRecord::value)
        .containsExactly("{not json".getBytes(StandardCharsets.UTF_8), oversized, null);
    assertThat(producer.history().get(1).key()).isNull();
    assertThat(result.records()).isEqualTo(3);
    assertThat(result.payloadBytes()).isEqualTo(2 + 9 + oversized.length + 9);
    assertThat(result.partitions()).containsExactly(new PublishResult.PartitionRange(0, 3, 0, 2));
  }

  @Test
  void failsWithoutSendingWhenTheTopicIsMissing() {
    MockProducer<byte[], byte[]> producer = producer(1);
    KafkaEventPublisher publisher =
        new KafkaEventPublisher(
            producer,
            topic -> {
              throw LakeErrors.topicMissing(topic, SERVERS);
            },
            SERVERS);

    assertThatThrownBy(() -> publisher.publish("no_such_topic", SampleEvents.envelopes()))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.code()).isEqualTo("KAFKA_TOPIC_MISSING"))
        .hasMessageContaining("no_such_topic")
        .hasMessageContaining(SERVERS);
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void failsLoudlyNamingTopicAndServersWhenARecordIsNotAcknowledged() {
    RejectingProducer producer = new RejectingProducer(3);
    KafkaEventPublisher publisher = new KafkaEventPublisher(producer, topic -> 1, SERVERS);

    assertThatThrownBy(() -> publisher.publish(TOPIC, SampleEvents.envelopes()))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining(SERVERS)
        .hasMessageContaining("topic " + TOPIC)
        .hasMessageContaining("1 of 4 records not acknowledged")
        .hasRootCauseInstanceOf(RecordTooLargeException.class);
    assertThat(producer.history()).as("three acknowledged, one rejected, none after").hasSize(4);
    assertThat(producer.flushed()).isTrue();
  }

  @Test
  void reportsProgressEveryInterval() {
    MockProducer<byte[], byte[]> producer = producer(2);
    List<Long> progress = new ArrayList<>();
    Iterable<Envelope> envelopes =
        new SyntheticEnvelopes(
                3, java.time.Instant.EPOCH.plusSeconds(1_767_000_000), java.time.Duration.ZERO)
            .envelopes(2L * KafkaEventPublisher.PROGRESS_INTERVAL + 5);

    PublishResult result = publisher(producer).publish(TOPIC, envelopes, progress::add);

    assertThat(progress)
        .containsExactly(
            (long) KafkaEventPublisher.PROGRESS_INTERVAL,
            2L * KafkaEventPublisher.PROGRESS_INTERVAL);
    assertThat(result.records()).isEqualTo(2L * KafkaEventPublisher.PROGRESS_INTERVAL + 5);
  }

  private static KafkaEventPublisher publisher(MockProducer<byte[], byte[]> producer) {
    return new KafkaEventPublisher(producer, topic -> 3, SERVERS);
  }

  /** An auto-completing producer over a topic of {@code partitions} partitions. */
  static MockProducer<byte[], byte[]> producer(int partitions) {
    return new MockProducer<>(
        cluster(partitions),
        true,
        new KeyHashPartitioner(),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  static Cluster cluster(int partitions) {
    Node broker = new Node(0, "localhost", 19092);
    List<PartitionInfo> infos = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new PartitionInfo(TOPIC, p, broker, new Node[] {broker}, new Node[] {broker}));
    }
    return new Cluster("test", List.of(broker), infos, java.util.Set.of(), java.util.Set.of());
  }

  /** Acknowledges records until the {@code failAt}-th, which the broker rejects as too large. */
  private static final class RejectingProducer extends MockProducer<byte[], byte[]> {
    private final int failAt;

    RejectingProducer(int failAt) {
      super(
          cluster(1),
          true,
          new KeyHashPartitioner(),
          new ByteArraySerializer(),
          new ByteArraySerializer());
      this.failAt = failAt;
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<byte[], byte[]> record, Callback callback) {
      if (history().size() < failAt) {
        return super.send(record, callback);
      }
      // Recorded in the history like a real attempt, then failed as the broker would.
      super.send(record, (metadata, error) -> {});
      RecordTooLargeException error = new RecordTooLargeException("message too large");
      callback.onCompletion(null, error);
      return CompletableFuture.failedFuture(error);
    }
  }

  /** Kafka's keyed partitioning (murmur2 of the key); keyless records go to partition 0. */
  private static final class KeyHashPartitioner implements Partitioner {
    @Override
    public int partition(
        String topic,
        Object key,
        byte[] keyBytes,
        Object value,
        byte[] valueBytes,
        Cluster cluster) {
      int partitions = cluster.partitionsForTopic(topic).size();
      return keyBytes == null ? 0 : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
  }
}
