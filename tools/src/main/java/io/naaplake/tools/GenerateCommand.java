package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code generate N --out FILE} writes N synthetic envelopes as JSON lines (for demos, or to replay
 * later); {@code produce-synthetic N [--topic T]} publishes them straight to Kafka (for the ingest
 * benchmark). Both stream: N can be far larger than memory.
 *
 * <p>Exit codes: 0 done, 2 bad arguments (with usage), 1 failed.
 */
public final class GenerateCommand {
  private final Supplier<Settings> settings;
  private final Clock clock;
  private final Function<ToolsConfig, KafkaEventPublisher> publishers;
  private final PrintStream out;
  private final PrintStream err;

  GenerateCommand(
      Supplier<Settings> settings,
      Clock clock,
      Function<ToolsConfig, KafkaEventPublisher> publishers,
      PrintStream out,
      PrintStream err) {
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.publishers = requireNonNull(publishers, "publishers is null");
    this.out = requireNonNull(out, "out is null");
    this.err = requireNonNull(err, "err is null");
  }

  public static void main(String[] args) {
    GenerateCommand command =
        new GenerateCommand(
            Settings::fromEnvironment,
            Clock.systemUTC(),
            KafkaEventPublisher::connect,
            System.out,
            System.err);
    System.exit(command.run(args));
  }

  int run(String[] args) {
    GenerateArguments arguments;
    try {
      arguments = GenerateArguments.parse(args);
    } catch (NaapException e) {
      err.println("generate: " + e.getMessage());
      err.println(GenerateArguments.USAGE);
      return 2;
    }
    try {
      generate(arguments);
      return 0;
    } catch (NaapException e) {
      err.println("generate failed: " + e.getMessage());
      return 1;
    }
  }

  private void generate(GenerateArguments arguments) {
    ConsoleReport report = new ConsoleReport(out);
    Instant start = arguments.start().orElseGet(clock::instant);
    SyntheticEnvelopes generator =
        new SyntheticEnvelopes(arguments.seed(), start, arguments.spacing());
    Iterable<Envelope> envelopes = generator.envelopes(arguments.count());
    report.line(
        "generating %,d envelopes (seed %d, from %s, every ~%d ms)",
        arguments.count(), arguments.seed(), start, arguments.spacing().toMillis());

    if (arguments.mode() == GenerateArguments.Mode.WRITE_FILE) {
      long written = EnvelopeJsonLines.write(arguments.out().orElseThrow(), envelopes);
      report.line("wrote %,d envelopes to %s", written, arguments.out().orElseThrow());
      return;
    }
    ToolsConfig config = ToolsConfig.from(settings.get());
    if (arguments.bootstrapServers().isPresent()) {
      config = config.withBootstrapServers(arguments.bootstrapServers().get());
    }
    String topic = arguments.topic().orElse(config.defaultTopic());
    report.line("publishing to topic %s on %s", topic, config.bootstrapServers());
    try (KafkaEventPublisher publisher = publishers.apply(config)) {
      report.published(publisher.publish(topic, envelopes, report.progress()));
    }
  }
}
