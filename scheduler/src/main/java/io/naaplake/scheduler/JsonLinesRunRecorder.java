package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.LakeErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Records attempts as JSON lines appended to one file (by default {@code
 * <naap.scheduler.dir>/runs.jsonl}), with the field names of ops.job_runs where they match. Only
 * the scheduler writes; {@code ./naap jobs} reads.
 */
public final class JsonLinesRunRecorder implements RunRecorder, RunHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public JsonLinesRunRecorder(Path file) {
    this.file = requireNonNull(file, "file is null");
  }

  @Override
  public synchronized void record(RunRecord run) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          toJson(run) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("appending to the run log " + file, e);
    }
  }

  @Override
  public synchronized Optional<RunRecord> lastRun(String chain) {
    RunRecord last = null;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Optional<RunRecord> run = parse(line);
        if (run.isPresent() && run.get().chain().equals(chain)) {
          last = run.get();
        }
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw LakeErrors.ioFailure("reading the run log " + file, e);
    }
    return Optional.ofNullable(last);
  }

  static String toJson(RunRecord run) {
    ObjectNode node = JSON.createObjectNode();
    node.put("chain", run.chain());
    node.put("trigger", run.kind().label());
    node.put("scheduled_time", run.scheduledTime().toString());
    node.put("attempt", run.attempt());
    node.put("status", run.status().label());
    node.put(
        "error_category",
        run.errorCategory().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(null));
    node.put("message", run.message());
    node.put("started_at", run.startedAt().toString());
    node.put("duration_ms", run.duration().toMillis());
    return node.toString();
  }

  /**
   * The record on one line, or empty for a line that is not one: a crash mid-append leaves a torn
   * last line, which must not hide the runs before it.
   */
  static Optional<RunRecord> parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      JsonNode category = node.path("error_category");
      return Optional.of(
          new RunRecord(
              node.get("chain").asText(),
              TriggerKind.fromLabel(node.get("trigger").asText()),
              Instant.parse(node.get("scheduled_time").asText()),
              node.get("attempt").asInt(),
              RunStatus.fromLabel(node.get("status").asText()),
              category.isTextual()
                  ? Optional.of(ErrorCategory.valueOf(category.asText().toUpperCase(Locale.ROOT)))
                  : Optional.empty(),
              node.get("message").asText(),
              Instant.parse(node.get("started_at").asText()),
              Duration.ofMillis(node.get("duration_ms").asLong())));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
