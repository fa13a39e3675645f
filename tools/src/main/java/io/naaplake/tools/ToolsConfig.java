package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.DataSize;
import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Configuration of the Kafka-side tools, read once from {@link Settings}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code naap.kafka.bootstrap-servers}</td><td>{@code 127.0.0.1:19092}</td>
 *       <td>the broker list (the local stack's external listener)</td></tr>
 *   <tr><td>{@code naap.replay.default-topic}</td><td>{@code streaming_events}</td>
 *       <td>topic when no {@code --topic} is given</td></tr>
 *   <tr><td>{@code naap.replay.producer.linger}</td><td>{@code 20ms}</td>
 *       <td>{@code linger.ms}</td></tr>
 *   <tr><td>{@code naap.replay.producer.batch-size}</td><td>{@code 256kB}</td>
 *       <td>{@code batch.size}</td></tr>
 *   <tr><td>{@code naap.replay.producer.compression}</td><td>{@code lz4}</td>
 *       <td>{@code compression.type}</td></tr>
 *   <tr><td>{@code naap.replay.kafka-timeout}</td><td>{@code 30s}</td>
 *       <td>how long a topic check or a blocked send may wait for the broker</td></tr>
 *   <tr><td>{@code naap.kafka.client.<property>}</td><td></td>
 *       <td>any Kafka client property, passed through (SASL/TLS in production)</td></tr>
 * </table>
 *
 * <p>The producer always uses {@code acks=all} and {@code enable.idempotence=true}: a replay must
 * put each event on the topic exactly once, or the lead's exactly-once checks downstream would
 * measure the tool instead of the pipeline. Compression defaults to lz4 because envelopes are
 * repetitive JSON (field names, ids, URLs repeat in every message), lz4 shrinks them several times
 * at almost no CPU on either side, and Spark's kafka-clients reads it without native code (zstd and
 * snappy need JNI libraries). Set it to {@code none} to mimic go-livepeer's uncompressed writer
 * byte for byte.
 *
 * <p>Pass-through properties are applied last, so they can tune anything (e.g. {@code
 * max.request.size} for oversized test payloads), except the properties this class owns: {@code
 * bootstrap.servers} and the serializers. From the environment, {@code
 * NAAP_KAFKA_CLIENT_SASL_MECHANISM} becomes {@code sasl.mechanism}: Kafka property names are
 * lower-case and dotted, so underscores map back to dots.
 */
public record ToolsConfig(
    String bootstrapServers,
    String defaultTopic,
    Duration lingerTime,
    DataSize batchSize,
    ProducerCompression compression,
    Duration kafkaTimeout,
    Map<String, String> clientProperties) {

  public static final String BOOTSTRAP_SERVERS = "naap.kafka.bootstrap-servers";
  public static final String DEFAULT_TOPIC = "naap.replay.default-topic";
  public static final String LINGER = "naap.replay.producer.linger";
  public static final String BATCH_SIZE = "naap.replay.producer.batch-size";
  public static final String COMPRESSION = "naap.replay.producer.compression";
  public static final String KAFKA_TIMEOUT = "naap.replay.kafka-timeout";
  public static final String CLIENT_PREFIX = "naap.kafka.client.";

  private static final Set<String> OWNED_CLIENT_PROPERTIES =
      Set.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
  private static final String CLIENT_ID = "naap-tools";

  public ToolsConfig {
    requireNonNull(bootstrapServers, "bootstrapServers is null");
    requireNonNull(defaultTopic, "defaultTopic is null");
    requireNonNull(lingerTime, "lingerTime is null");
    requireNonNull(batchSize, "batchSize is null");
    requireNonNull(compression, "compression is null");
    requireNonNull(kafkaTimeout, "kafkaTimeout is null");
    clientProperties = Map.copyOf(clientProperties);
  }

  public static ToolsConfig from(Settings settings) {
    return new ToolsConfig(
        required(BOOTSTRAP_SERVERS, settings.string(BOOTSTRAP_SERVERS, "127.0.0.1:19092")),
        required(DEFAULT_TOPIC, settings.string(DEFAULT_TOPIC, "streaming_events")),
        settings.duration(LINGER, Duration.ofMillis(20)),
        settings.dataSize(BATCH_SIZE, DataSize.ofKilobytes(256)),
        ProducerCompression.parse(COMPRESSION, settings.string(COMPRESSION, "lz4")),
        positive(KAFKA_TIMEOUT, settings.duration(KAFKA_TIMEOUT, Duration.ofSeconds(30))),
        clientProperties(settings));
  }

  /** The same configuration with another broker list (the {@code --bootstrap-servers} option). */
  public ToolsConfig withBootstrapServers(String servers) {
    return new ToolsConfig(
        required("--bootstrap-servers", servers),
        defaultTopic,
        lingerTime,
        batchSize,
        compression,
        kafkaTimeout,
        clientProperties);
  }

  /** Properties for a {@code KafkaProducer<byte[], byte[]>}; serializers are passed separately. */
  public Map<String, Object> producerProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerTime.toMillis());
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize.toIntBytes());
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.kafkaName());
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafkaTimeout.toMillis());
    properties.putAll(clientProperties);
    return properties;
  }

  /** Properties for the admin client that checks topics: the pass-through it understands. */
  public Map<String, Object> adminProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-admin");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
    properties.put(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) Math.min(kafkaTimeout.toMillis(), 30_000));
    clientProperties.forEach(
        (name, value) -> {
          if (AdminClientConfig.configNames().contains(name)) {
            properties.put(name, value);
          }
        });
    return properties;
  }

  private static Map<String, String> clientProperties(Settings settings) {
    Map<String, String> properties = new TreeMap<>();
    for (Map.Entry<String, String> entry : settings.withPrefix(CLIENT_PREFIX).entrySet()) {
      String name = entry.getKey();
      String fullKey = CLIENT_PREFIX + name;
      if (name.isEmpty() || OWNED_CLIENT_PROPERTIES.contains(name)) {
        throw LakeErrors.badConfiguration(
            fullKey,
            settings.string(fullKey, ""),
            "this Kafka property is set by the tools themselves"
                + (name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    ? "; use " + BOOTSTRAP_SERVERS
                    : ""));
      }
      properties.put(name, entry.getValue().trim());
    }
    return properties;
  }

  private static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw LakeErrors.badConfiguration(key, String.valueOf(value), "must not be empty");
    }
    return value.trim();
  }

  private static Duration positive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw LakeErrors.badConfiguration(key, value.toString(), "must be positive");
    }
    return value;
  }
}
