package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code generate N --out FILE} and {@code produce-synthetic N [--topic T]}, which
 * share the generator options {@code --seed}, {@code --start} and {@code --spacing-ms}.
 */
record GenerateArguments(
    Mode mode,
    long count,
    Optional<Path> out,
    Optional<String> topic,
    Optional<String> bootstrapServers,
    long seed,
    Optional<Instant> start,
    Duration spacing) {

  /** Where the envelopes go. */
  enum Mode {
    /** {@code generate}: a JSON-lines file. */
    WRITE_FILE,
    /** {@code produce-synthetic}: straight to a Kafka topic. */
    PUBLISH
  }

  static final long DEFAULT_SEED = 1;

  /** About 100 events/s: what ~250 live streams emit (ingest every 5 s, status every 10 s). */
  static final Duration DEFAULT_SPACING = Duration.ofMillis(10);

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: generate N --out FILE [GENERATOR OPTIONS]",
          "       produce-synthetic N [--topic T] [--bootstrap-servers HOST:PORT] [GENERATOR OPTIONS]",
          "  N                    number of envelopes",
          "  --out FILE           JSON-lines file to write",
          "  --topic T            target topic (default: naap.replay.default-topic, streaming_events)",
          "  --bootstrap-servers  brokers (default: naap.kafka.bootstrap-servers, 127.0.0.1:19092)",
          "GENERATOR OPTIONS",
          "  --seed S             random seed; the same seed gives the same envelopes (default 1)",
          "  --start INSTANT      first envelope time, e.g. 2026-01-08T21:49:00Z (default: now)",
          "  --spacing-ms MS      mean gap between envelope timestamps (default 10)");

  GenerateArguments {
    requireNonNull(mode, "mode is null");
    requireNonNull(out, "out is null");
    requireNonNull(topic, "topic is null");
    requireNonNull(bootstrapServers, "bootstrapServers is null");
    requireNonNull(start, "start is null");
    requireNonNull(spacing, "spacing is null");
  }

  static GenerateArguments parse(String[] args) {
    if (args.length == 0) {
      throw LakeErrors.badInput("arguments", "expected generate or produce-synthetic");
    }
    Mode mode =
        switch (args[0]) {
          case "generate" -> Mode.WRITE_FILE;
          case "produce-synthetic" -> Mode.PUBLISH;
          default ->
              throw LakeErrors.badInput(
                  args[0], "unknown command; expected generate or produce-synthetic");
        };
    Set<String> valueOptions =
        mode == Mode.WRITE_FILE
            ? Set.of("--out", "--seed", "--start", "--spacing-ms")
            : Set.of("--topic", "--bootstrap-servers", "--seed", "--start", "--spacing-ms");
    CommandLine line =
        CommandLine.parse(Arrays.asList(args).subList(1, args.length), valueOptions, Set.of());
    List<String> positionals = line.positionals();
    if (positionals.size() != 1) {
      throw LakeErrors.badInput("arguments", "expected exactly one N, got " + positionals.size());
    }
    Optional<Path> out = line.option("--out").map(Path::of);
    if (mode == Mode.WRITE_FILE && out.isEmpty()) {
      throw LakeErrors.badInput("--out", "generate needs --out FILE");
    }
    return new GenerateArguments(
        mode,
        CommandLine.count("N", positionals.get(0)),
        out,
        line.option("--topic"),
        line.option("--bootstrap-servers"),
        line.option("--seed").map(GenerateArguments::seed).orElse(DEFAULT_SEED),
        line.option("--start").map(GenerateArguments::instant),
        line.option("--spacing-ms")
            .map(text -> Duration.ofMillis(CommandLine.count("--spacing-ms", text)))
            .orElse(DEFAULT_SPACING));
  }

  private static long seed(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw LakeErrors.badInput("--seed", "expected a whole number, got '" + text + "'");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw LakeErrors.badInput(
          "--start", "expected an instant like 2026-01-08T21:49:00Z, got '" + text + "'");
    }
  }
}
