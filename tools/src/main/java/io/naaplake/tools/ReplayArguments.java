package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The arguments of {@code replay FILE [--topic T] [--shift-to-now] [--bootstrap-servers H:P]}. */
record ReplayArguments(
    Path file, Optional<String> topic, boolean shiftToNow, Optional<String> bootstrapServers) {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: replay FILE [--topic T] [--shift-to-now] [--bootstrap-servers HOST:PORT]",
          "  FILE                 JSON lines (one envelope per line) or a Kafka UI export (JSON array)",
          "  --topic T            target topic (default: naap.replay.default-topic, streaming_events)",
          "  --shift-to-now       move all timestamps so the latest event happened now",
          "  --bootstrap-servers  brokers (default: naap.kafka.bootstrap-servers, 127.0.0.1:19092)");

  ReplayArguments {
    requireNonNull(file, "file is null");
    requireNonNull(topic, "topic is null");
    requireNonNull(bootstrapServers, "bootstrapServers is null");
  }

  /** Parses {@code args}; a leading {@code replay} (the command's own name) is skipped. */
  static ReplayArguments parse(String[] args) {
    List<String> words = new ArrayList<>(Arrays.asList(args));
    if (!words.isEmpty() && words.get(0).equals("replay")) {
      words.remove(0);
    }
    CommandLine line =
        CommandLine.parse(
            words, Set.of("--topic", "--bootstrap-servers"), Set.of("--shift-to-now"));
    if (line.positionals().size() != 1) {
      throw LakeErrors.badInput(
          "arguments", "expected exactly one FILE, got " + line.positionals().size());
    }
    return new ReplayArguments(
        Path.of(line.positionals().get(0)),
        line.option("--topic"),
        line.flag("--shift-to-now"),
        line.option("--bootstrap-servers"));
  }
}
