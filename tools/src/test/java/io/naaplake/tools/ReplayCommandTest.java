package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
  private final List<ToolsConfig> configs = new ArrayList<>();

  @Test
  void replaysTheSampleToTheDefaultTopic() {
    int exit = run("replay", SampleEvents.path().toString());

    assertThat(exit).isZero();
    assertThat(stdout())
        .contains("read 65 events", "kafka_ui_export", "stream_ingest_metrics", "34")
        .contains("publishing to topic streaming_events on 127.0.0.1:19092")
        .contains("published 65 records")
        .contains("partition 0:")
        .doesNotContain("shifted");
    assertThat(producers.get(0).history())
        .allSatisfy(record -> assertThat(record.topic()).isEqualTo("streaming_events"));
    assertThat(producers.get(0).closed()).isTrue();
  }

  @Test
  void shiftsToNowAndHonoursTopicAndServers() {
    int exit =
        run(
            SampleEvents.path().toString(),
            "--shift-to-now",
            "--topic=replay_test",
            "--bootstrap-servers",
            "broker:9092");

    assertThat(exit).isZero();
    assertThat(configs.get(0).bootstrapServers()).isEqualTo("broker:9092");
    assertThat(stdout())
        .contains("shifted every timestamp by +4,457,284,390 ms (+51d 14:08:04.390)")
        .contains("publishing to topic replay_test on broker:9092");
    String lastValue =
        new String(producers.get(0).history().get(64).value(), StandardCharsets.UTF_8);
    assertThat(lastValue).contains("\"timestamp\":\"" + NOW.toEpochMilli() + "\"");
  }

  @Test
  void badArgumentsExitWithUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).contains("expected exactly one FILE", "usage: replay FILE");

    assertThat(run("a.json", "--topci", "x")).isEqualTo(2);
    assertThat(stderr()).contains("--topci: unknown option");

    assertThat(run("a.json", "--topic")).isEqualTo(2);
    assertThat(stderr()).contains("--topic: needs a value");
    assertThat(producers).isEmpty();
  }

  @Test
  void missingFileFails() {
    int exit = run(directory.resolve("missing.jsonl").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("replay failed:", "missing.jsonl", "no such file");
    assertThat(producers).isEmpty();
  }

  @Test
  void unparseableLineFailsNamingTheLine() throws IOException {
    Path file =
        Files.writeString(directory.resolve("bad.jsonl"), "{\"id\":\"a\",\"type\":\"t\"}\n{oops\n");

    int exit = run(file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("bad.jsonl line 2");
  }

  @Test
  void missingTopicFails() {
    ReplayCommand command =
        new ReplayCommand(
            () -> Settings.of(Map.of()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            config ->
                new KafkaEventPublisher(
                    KafkaEventPublisherTest.producer(1),
                    topic -> {
                      throw LakeErrors.topicMissing(topic, config.bootstrapServers());
                    },
                    config.bootstrapServers()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    int exit = command.run(new String[] {SampleEvents.path().toString(), "--topic", "absent"});

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("topic absent does not exist on 127.0.0.1:19092");
  }

  private int run(String... args) {
    ReplayCommand command =
        new ReplayCommand(
            () -> Settings.of(Map.of()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            config -> {
              configs.add(config);
              MockProducer<byte[], byte[]> producer = KafkaEventPublisherTest.producer(3);
              producers.add(producer);
              return new KafkaEventPublisher(producer, topic -> 3, config.bootstrapServers());
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return command.run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
