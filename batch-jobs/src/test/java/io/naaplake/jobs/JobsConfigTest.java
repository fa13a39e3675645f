package io.naaplake.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.DataSize;
import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.lake.WriterLeaseConfig;
import io.naaplake.jobs.silver.SilverWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsConfigTest {

  @Test
  void defaults() {
    JobsConfig config = JobsConfig.from(Settings.of(Map.of()));
    assertThat(config.lakeRoot())
        .isEqualTo(Path.of(".run/lake").toAbsolutePath().normalize().toString());
    assertThat(config.sparkMaster()).isEqualTo("local[2]");
    assertThat(config.shufflePartitions()).isEqualTo(2);
    assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(config.kafkaClientProperties()).isEmpty();
    assertThat(config.topicOrgs())
        .containsExactly(
            Map.entry("streaming_events", "cloudspe"), Map.entry("network_events", "daydream"));
    assertThat(config.maxEventSize()).isEqualTo(DataSize.ofKilobytes(512));
    assertThat(config.quarantinePrefixSize()).isEqualTo(DataSize.ofKilobytes(4));
    assertThat(config.maxOffsetsPerPartition()).isEqualTo(1_000_000L);
    assertThat(config.trinoUrl()).isEqualTo("jdbc:trino://127.0.0.1:18080");
    assertThat(config.trinoCatalog()).isEqualTo("delta");
    assertThat(config.trinoPipelineUser()).isEqualTo("naap_pipeline");
    assertThat(config.trinoLakeLocation()).isEqualTo("local:///");
    assertThat(config.registerInTrino()).isTrue();
    assertThat(config.clientIpKey()).isEmpty();
    assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.concurrentWrites()).isEqualTo(2);
    assertThat(config.sparkCodegen()).isFalse();
    assertThat(config.silverWindows())
        .isEqualTo(
            new SilverWindows(
                Duration.ofMinutes(30),
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                Duration.ofHours(48)));
    assertThat(config.writerLease())
        .isEqualTo(
            new WriterLeaseConfig(
                Duration.ofMinutes(2),
                Duration.ofSeconds(20),
                Duration.ZERO,
                Duration.ofSeconds(2)));
  }

  @Test
  void explicitMapping() {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("naap.lake.root", "s3a://bucket/lake"),
            Map.entry("naap.spark.master", ""),
            Map.entry("naap.spark.shuffle-partitions", "64"),
            Map.entry("naap.spark.concurrent-writes", "3"),
            Map.entry("naap.spark.codegen", "true"),
            Map.entry("naap.kafka.bootstrap-servers", "kafka-1:9093,kafka-2:9093"),
            Map.entry("naap.kafka.client.security.protocol", "SASL_SSL"),
            Map.entry("naap.ingest.topics", "a:org1,b:org2"),
            Map.entry("naap.ingest.max-event-size", "2MB"),
            Map.entry("naap.ingest.quarantine-prefix-size", "1kB"),
            Map.entry("naap.ingest.max-offsets-per-partition", "5000"),
            Map.entry("naap.trino.url", "jdbc:trino://trino:443?SSL=true"),
            Map.entry("naap.trino.catalog", "lake"),
            Map.entry("naap.trino.pipeline-user", "etl"),
            Map.entry("naap.trino.lake-location", "s3://bucket/lake"),
            Map.entry("naap.trino.register", "false"),
            Map.entry("naap.silver.client-ip-key", "secret"),
            Map.entry("naap.silver.attribution.fresh-window", "10m"),
            Map.entry("naap.silver.attribution.future-skew", "30s"),
            Map.entry("naap.silver.attribution.stale-lookback", "2h"),
            Map.entry("naap.silver.lateness-horizon", "7d"),
            Map.entry("naap.lease.ttl", "5m"),
            Map.entry("naap.lease.heartbeat-interval", "30s"),
            Map.entry("naap.lease.max-wait", "10m"),
            Map.entry("naap.lease.poll-interval", "500ms"),
            Map.entry("naap.kafka.timeout", "5s"));
    JobsConfig config = JobsConfig.from(Settings.of(values));
    assertThat(config)
        .isEqualTo(
            new JobsConfig(
                "s3a://bucket/lake",
                "",
                64,
                3,
                true,
                "kafka-1:9093,kafka-2:9093",
                Map.of("security.protocol", "SASL_SSL"),
                Map.of("a", "org1", "b", "org2"),
                DataSize.ofMegabytes(2),
                DataSize.ofKilobytes(1),
                5000,
                "jdbc:trino://trino:443?SSL=true",
                "lake",
                "etl",
                "s3://bucket/lake",
                false,
                java.util.Optional.of("secret"),
                new SilverWindows(
                    Duration.ofMinutes(10),
                    Duration.ofSeconds(30),
                    Duration.ofHours(2),
                    Duration.ofDays(7)),
                new WriterLeaseConfig(
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(10),
                    Duration.ofMillis(500)),
                Duration.ofSeconds(5)));
    assertThat(config.tablePath("bronze/raw_events"))
        .isEqualTo("s3a://bucket/lake/bronze/raw_events");
  }

  @Test
  void badValuesFailWithTheKeyInTheMessage() {
    assertThatThrownBy(() -> JobsConfig.from(Settings.of(Map.of("naap.ingest.topics", "nope"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.ingest.topics");
    assertThatThrownBy(
            () -> JobsConfig.from(Settings.of(Map.of("naap.ingest.max-event-size", "10B"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.ingest.max-event-size");
    assertThatThrownBy(
            () ->
                JobsConfig.from(
                    Settings.of(Map.of("naap.silver.attribution.stale-lookback", "10m"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.silver.attribution.stale-lookback");
    assertThatThrownBy(
            () -> JobsConfig.from(Settings.of(Map.of("naap.silver.lateness-horizon", "0s"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.silver.lateness-horizon");
    assertThatThrownBy(
            () ->
                JobsConfig.from(
                    Settings.of(
                        Map.of("naap.lease.ttl", "20s", "naap.lease.heartbeat-interval", "20s"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.lease.heartbeat-interval")
        .hasMessageContaining("shorter than naap.lease.ttl");
    assertThatThrownBy(() -> JobsConfig.from(Settings.of(Map.of("naap.lease.ttl", "0s"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.lease.ttl");
    assertThatThrownBy(
            () -> JobsConfig.from(Settings.of(Map.of("naap.lease.poll-interval", "0ms"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.lease.poll-interval");
    assertThatThrownBy(
            () -> JobsConfig.from(Settings.of(Map.of("naap.spark.concurrent-writes", "0"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.spark.concurrent-writes");
  }
}
