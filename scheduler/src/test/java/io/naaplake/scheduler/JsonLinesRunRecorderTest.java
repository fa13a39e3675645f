package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.errors.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRunRecorderTest {
  private static final RunRecord SUCCEEDED =
      new RunRecord(
          "hourly",
          TriggerKind.SCHEDULED,
          Instant.parse("2026-01-15T12:05:00Z"),
          1,
          RunStatus.SUCCEEDED,
          Optional.empty(),
          "gold rebuilt",
          Instant.parse("2026-01-15T12:05:00.120Z"),
          Duration.ofMillis(4_321));
  private static final RunRecord RETRYING =
      new RunRecord(
          "daily",
          TriggerKind.MISFIRE_CATCH_UP,
          Instant.parse("2026-01-15T00:30:00Z"),
          2,
          RunStatus.RETRYING,
          Optional.of(ErrorCategory.RETRIABLE),
          "Trino at \"x\" did not answer\n(refused)",
          Instant.parse("2026-01-15T09:00:00Z"),
          Duration.ofMillis(15));

  @Test
  void recordsRoundTripAsOneJsonLineEach(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/runs.jsonl");
    JsonLinesRunRecorder recorder = new JsonLinesRunRecorder(file);
    recorder.record(SUCCEEDED);
    recorder.record(RETRYING);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains("\"trigger\":\"misfire-catch-up\"")
        .contains("\"status\":\"retrying\"")
        .contains("\"error_category\":\"retriable\"")
        .contains("\"duration_ms\":15");
    assertThat(recorder.lastRun("hourly")).contains(SUCCEEDED);
    assertThat(recorder.lastRun("daily")).contains(RETRYING);
  }

  @Test
  void theLastRunOfAChainIsItsLatestLine(@TempDir Path dir) {
    JsonLinesRunRecorder recorder = new JsonLinesRunRecorder(dir.resolve("runs.jsonl"));
    RunRecord later =
        new RunRecord(
            "hourly",
            TriggerKind.MANUAL,
            Instant.parse("2026-01-15T13:00:00Z"),
            1,
            RunStatus.FAILED,
            Optional.of(ErrorCategory.BAD_DATA),
            "bad",
            Instant.parse("2026-01-15T13:00:01Z"),
            Duration.ZERO);
    recorder.record(SUCCEEDED);
    recorder.record(RETRYING);
    recorder.record(later);
    assertThat(recorder.lastRun("hourly")).contains(later);
    assertThat(recorder.lastRun("weekly")).isEmpty();
  }

  @Test
  void aMissingLogHasNoRunsAndATornLineIsSkipped(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("runs.jsonl");
    JsonLinesRunRecorder recorder = new JsonLinesRunRecorder(file);
    assertThat(recorder.lastRun("hourly")).isEmpty();
    recorder.record(SUCCEEDED);
    Files.writeString(file, "{\"chain\":\"hourly\",\"trig", StandardOpenOption.APPEND);
    assertThat(recorder.lastRun("hourly")).contains(SUCCEEDED);
  }
}
