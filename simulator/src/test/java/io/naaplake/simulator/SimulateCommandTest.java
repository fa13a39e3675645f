package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    SimulateCommand command =
        new SimulateCommand(
            () -> Settings.of(Map.of()),
            config -> {
              throw LakeErrors.kafkaUnavailable(
                  config.bootstrapServers(), new IOException("no broker in unit tests"));
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return command.run(args);
  }

  @Test
  void writesMessagesAndTruthAndReportsTheRate() throws IOException {
    int code =
        run(
            "--seed",
            "3",
            "--hours",
            "0.1",
            "--concurrent-streams",
            "5",
            "--stream-id-prefix",
            "cli-",
            "--out",
            dir.resolve("out").toString(),
            "--truth=" + dir.resolve("truth"));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("messages per family:", "ai_stream_status", "messages per topic:", "messages/s");
    List<String> lines = Files.readAllLines(dir.resolve("out/network_events.jsonl"));
    assertThat(lines).isNotEmpty();
    assertThat(Files.exists(dir.resolve("out/streaming_events.jsonl"))).isTrue();
    assertThat(Files.readString(dir.resolve("truth/sessions.jsonl")))
        .contains("\"stream_id\":\"cli-");
    assertThat(Files.readAllLines(dir.resolve("truth/run.json"))).hasSize(1);
    long delivered =
        Files.readAllLines(dir.resolve("out/network_events.jsonl")).size()
            + Files.readAllLines(dir.resolve("out/streaming_events.jsonl")).size();
    assertThat(Files.readAllLines(dir.resolve("truth/messages.jsonl"))).hasSize((int) delivered);
  }

  @Test
  void badArgumentsExitWithTwoAndUsage() {
    assertThat(run("--hours", "soon")).isEqualTo(2);
    assertThat(run("--realtime", "--start", "2026-01-01")).isEqualTo(2);
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(run("--out", "x", "--bootstrap-servers", "h:1")).isEqualTo(2);
    assertThat(run("--concurrent-streams", "-3")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: simulate");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--concurrent-streams");
  }

  @Test
  void anUnreachableBrokerExitsWithOne() {
    assertThat(run("--hours", "0.01", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Kafka at 127.0.0.1:1")
        .doesNotContain("usage");
  }

  @Test
  void topicsComeFromTheIngestConfiguration() {
    assertThat(SimulateCommand.orgTopics(Settings.of(Map.of())))
        .containsExactly(
            Map.entry("daydream", "network_events"), Map.entry("cloudspe", "streaming_events"));
    assertThat(
            SimulateCommand.orgTopics(
                Settings.of(Map.of("naap.ingest.topics", "cs_test:cloudspe,dd_test:daydream"))))
        .containsExactly(Map.entry("daydream", "dd_test"), Map.entry("cloudspe", "cs_test"));
  }

  @Test
  void startAcceptsInstantsAndDates() {
    assertThat(SimulateArguments.instant("2026-02-01").toString())
        .isEqualTo("2026-02-01T00:00:00Z");
    assertThat(SimulateArguments.instant("2026-02-01T10:00:00+02:00").toString())
        .isEqualTo("2026-02-01T08:00:00Z");
  }
}
