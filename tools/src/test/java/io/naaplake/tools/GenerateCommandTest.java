package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
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

class GenerateCommandTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();

  @Test
  void writesJsonLinesThatReplayReadsBack() throws IOException {
    Path file = directory.resolve("synthetic.jsonl");

    int exit = run("generate", "250", "--out", file.toString(), "--seed", "7");

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(file)).hasSize(250);
    EventsFile events = EventsFile.read(file);
    assertThat(events.format()).isEqualTo(EventsFile.Format.JSON_LINES);
    assertThat(TimestampShift.envelopeMillis(events.envelopes().get(0)))
        .as("starts now by default")
        .isBetween(NOW.toEpochMilli(), NOW.toEpochMilli() + 20);
    assertThat(stdout()).contains("wrote 250 envelopes to " + file);
  }

  @Test
  void sameSeedWritesTheSameFile() throws IOException {
    Path first = directory.resolve("a.jsonl");
    Path second = directory.resolve("b.jsonl");

    run("generate", "100", "--out", first.toString(), "--start", "2026-01-08T21:49:00Z");
    run("generate", "100", "--out", second.toString(), "--start", "2026-01-08T21:49:00Z");

    assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
  }

  @Test
  void producesSyntheticEnvelopesToATopic() {
    int exit = run("produce-synthetic", "1000", "--topic", "bench", "--spacing-ms", "1");

    assertThat(exit).isZero();
    assertThat(producers.get(0).history()).hasSize(1000);
    assertThat(producers.get(0).history())
        .allSatisfy(record -> assertThat(record.topic()).isEqualTo("bench"));
    assertThat(stdout()).contains("published 1,000 records").contains("to bench:");
  }

  @Test
  void badArgumentsExitWithUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("generate", "10")).isEqualTo(2);
    assertThat(stderr()).contains("generate needs --out FILE");
    assertThat(run("generate", "ten", "--out", "x.jsonl")).isEqualTo(2);
    assertThat(stderr()).contains("N: expected a non-negative whole number, got 'ten'");
    assertThat(run("produce-synthetic", "10", "--out", "x.jsonl")).isEqualTo(2);
    assertThat(stderr()).contains("--out: unknown option");
    assertThat(run("generate", "10", "--out", "x.jsonl", "--start", "yesterday")).isEqualTo(2);
    assertThat(run("synthesize", "10")).isEqualTo(2);
    assertThat(stderr()).contains("usage: generate N --out FILE");
    assertThat(producers).isEmpty();
  }

  @Test
  void unwritableOutputFails() {
    Path file = directory.resolve("no/such/dir/out.jsonl");

    int exit = run("generate", "10", "--out", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stderr()).contains("generate failed: writing " + file);
  }

  private int run(String... args) {
    GenerateCommand command =
        new GenerateCommand(
            () -> Settings.of(Map.of()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            config -> {
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
