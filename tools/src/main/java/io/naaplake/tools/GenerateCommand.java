package io.naaplake.tools;

import io.naaplake.config.Settings;
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
public final class GenerateCommand extends PublishingCommand<GenerateArguments> {
  GenerateCommand(
      Supplier<Settings> settings,
      Clock clock,
      Function<ToolsConfig, KafkaEventPublisher> publishers,
      PrintStream out,
      PrintStream err) {
    super(settings, clock, publishers, out, err);
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

  @Override
  String name() {
    return "generate";
  }

  @Override
  String usage() {
    return GenerateArguments.USAGE;
  }

  @Override
  GenerateArguments parse(String[] args) {
    return GenerateArguments.parse(args);
  }

  @Override
  void execute(GenerateArguments arguments) {
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
    publish(arguments.bootstrapServers(), arguments.topic(), envelopes, report);
  }
}
