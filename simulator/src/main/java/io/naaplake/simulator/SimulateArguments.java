package io.naaplake.simulator;

import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parsed command line of {@code simulate}. */
record SimulateArguments(
    long seed,
    Optional<Instant> start,
    double hours,
    int orchestrators,
    int concurrentStreams,
    boolean realtime,
    Optional<Path> truth,
    Optional<Path> out,
    Optional<String> bootstrapServers,
    Optional<String> streamIdPrefix,
    boolean noFaults,
    boolean noFailures,
    boolean help) {

  static final String USAGE =
      """
      usage: simulate [--seed N] [--start TIME] [--hours H] [--orchestrators N]
                      [--concurrent-streams N] [--realtime] [--truth DIR] [--out DIR]
                      [--bootstrap-servers HOST:PORT] [--stream-id-prefix P]
                      [--no-faults] [--no-failures]

        --seed N                 seed of the network, workload and faults (default 1)
        --start TIME             simulated start, ISO instant or date (default 2026-01-08T00:00:00Z);
                                 compressed time only
        --hours H                simulated hours, fractions allowed (default 1)
        --orchestrators N        orchestrators (default: enough GPUs for the streams at peak)
        --concurrent-streams N   average live streams at once (default 20)
        --realtime               simulated time = wall clock; runs until --hours pass or Ctrl-C
        --truth DIR              write the ground truth as JSON lines into DIR
        --out DIR                write messages to DIR/<topic>.jsonl instead of Kafka
        --bootstrap-servers H:P  Kafka brokers (default naap.kafka.bootstrap-servers)
        --stream-id-prefix P     prefix of stream ids (default stream-)
        --no-faults              no transport faults (drops, duplicates, delays, noise)
        --no-failures            no orchestrator failures (no-orch, swaps, errors, churn...)
      """;

  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--seed",
          "--start",
          "--hours",
          "--orchestrators",
          "--concurrent-streams",
          "--truth",
          "--out",
          "--bootstrap-servers",
          "--stream-id-prefix");
  private static final Set<String> FLAGS =
      Set.of("--realtime", "--no-faults", "--no-failures", "--help", "-h");

  static SimulateArguments parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      if (FLAGS.contains(name) && equals < 0) {
        if (!flags.add(name)) {
          throw LakeErrors.badInput(name, "given twice");
        }
      } else if (VALUE_OPTIONS.contains(name)) {
        String value;
        if (equals > 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw LakeErrors.badInput(name, "needs a value");
        }
        if (value.isBlank()) {
          throw LakeErrors.badInput(name, "needs a non-empty value");
        }
        if (values.put(name, value.trim()) != null) {
          throw LakeErrors.badInput(name, "given twice");
        }
      } else {
        throw LakeErrors.badInput(arg, "unknown option");
      }
    }
    boolean realtime = flags.contains("--realtime");
    Optional<Instant> start =
        Optional.ofNullable(values.get("--start")).map(SimulateArguments::instant);
    if (realtime && start.isPresent()) {
      throw LakeErrors.badInput("--start", "real time starts now; --start is for compressed time");
    }
    if (values.containsKey("--out") && values.containsKey("--bootstrap-servers")) {
      throw LakeErrors.badInput("--out", "writes files instead of Kafka; drop --bootstrap-servers");
    }
    double hours = decimal("--hours", values.getOrDefault("--hours", "1"));
    if (!(hours > 0 && hours <= 366 * 24)) {
      throw LakeErrors.badInput("--hours", "expected a number of hours in (0, 8784], got " + hours);
    }
    return new SimulateArguments(
        whole("--seed", values.getOrDefault("--seed", "1"), Long.MIN_VALUE),
        start,
        hours,
        (int) whole("--orchestrators", values.getOrDefault("--orchestrators", "0"), 0),
        (int) whole("--concurrent-streams", values.getOrDefault("--concurrent-streams", "20"), 0),
        realtime,
        Optional.ofNullable(values.get("--truth")).map(Path::of),
        Optional.ofNullable(values.get("--out")).map(Path::of),
        Optional.ofNullable(values.get("--bootstrap-servers")),
        Optional.ofNullable(values.get("--stream-id-prefix")),
        flags.contains("--no-faults"),
        flags.contains("--no-failures"),
        flags.contains("--help") || flags.contains("-h"));
  }

  private static long whole(String name, String text, long min) {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= Integer.MAX_VALUE || min == Long.MIN_VALUE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw LakeErrors.badInput(
        name, "expected a whole number" + (min == 0 ? " >= 0" : "") + ", got '" + text + "'");
  }

  private static double decimal(String name, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw LakeErrors.badInput(name, "expected a number, got '" + text + "'");
    }
  }

  /**
   * An ISO-8601 instant ({@code 2026-01-08T00:00:00Z}), offset date-time or date (UTC midnight).
   */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try a date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw LakeErrors.badInput(
          "--start",
          "expected an ISO instant (2026-01-08T00:00:00Z) or a date, got '" + text + "'");
    }
  }
}
