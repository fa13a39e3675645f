package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.DataSize;
import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolsConfigTest {

  @Test
  void defaults() {
    ToolsConfig config = ToolsConfig.from(Settings.of(Map.of()));

    assertThat(config)
        .isEqualTo(
            new ToolsConfig(
                "127.0.0.1:19092",
                "streaming_events",
                Duration.ofMillis(20),
                DataSize.ofKilobytes(256),
                ProducerCompression.LZ4,
                Duration.ofSeconds(30),
                Map.of()));
  }

  @Test
  void explicitPropertyMappings() {
    Map<String, String> properties =
        Map.of(
            "naap.kafka.bootstrap-servers", "kafka-1:9092,kafka-2:9092",
            "naap.replay.default-topic", "network_events",
            "naap.replay.producer.linger", "5ms",
            "naap.replay.producer.batch-size", "1MB",
            "naap.replay.producer.compression", "none",
            "naap.replay.kafka-timeout", "2m",
            "naap.kafka.client.security.protocol", "SASL_SSL",
            "naap.kafka.client.sasl.mechanism", "PLAIN");

    ToolsConfig config = ToolsConfig.from(Settings.of(properties));

    assertThat(config)
        .isEqualTo(
            new ToolsConfig(
                "kafka-1:9092,kafka-2:9092",
                "network_events",
                Duration.ofMillis(5),
                DataSize.ofMegabytes(1),
                ProducerCompression.NONE,
                Duration.ofMinutes(2),
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN")));
  }

  @Test
  void producerPropertiesCarryTheDeliveryGuaranteesAndThePassThrough() {
    ToolsConfig config =
        ToolsConfig.from(
            Settings.of(
                Map.of(
                    "naap.kafka.client.sasl.mechanism", "PLAIN",
                    "naap.kafka.client.max.request.size", "4194304")));

    assertThat(config.producerProperties())
        .containsEntry("bootstrap.servers", "127.0.0.1:19092")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("linger.ms", 20L)
        .containsEntry("batch.size", 256 * 1024)
        .containsEntry("compression.type", "lz4")
        .containsEntry("max.block.ms", 30_000L)
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("max.request.size", "4194304");
    assertThat(config.adminProperties())
        .containsEntry("bootstrap.servers", "127.0.0.1:19092")
        .containsEntry("sasl.mechanism", "PLAIN")
        .doesNotContainKey("max.request.size");
  }

  @Test
  void passThroughCannotReplaceTheBrokerListOrSerializers() {
    Settings settings = Settings.of(Map.of("naap.kafka.client.bootstrap.servers", "other:9092"));

    assertThatThrownBy(() -> ToolsConfig.from(settings))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.kafka.client.bootstrap.servers")
        .hasMessageContaining("naap.kafka.bootstrap-servers");
  }

  @Test
  void rejectsUnknownCompression() {
    Settings settings = Settings.of(Map.of("naap.replay.producer.compression", "brotli"));

    assertThatThrownBy(() -> ToolsConfig.from(settings))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.replay.producer.compression")
        .hasMessageContaining("none, lz4, zstd, gzip, snappy");
  }

  @Test
  void bootstrapServersOptionReplacesOnlyTheBrokerList() {
    ToolsConfig config = ToolsConfig.from(Settings.of(Map.of()));

    ToolsConfig replaced = config.withBootstrapServers("localhost:29092");

    assertThat(replaced.bootstrapServers()).isEqualTo("localhost:29092");
    assertThat(replaced.withBootstrapServers(config.bootstrapServers())).isEqualTo(config);
  }
}
