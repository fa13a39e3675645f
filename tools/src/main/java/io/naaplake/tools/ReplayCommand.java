package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code replay FILE [--topic T] [--shift-to-now] [--bootstrap-servers H:P]}: publishes the
 * envelopes of a JSON-lines file or Kafka UI export to a topic, ids and payloads unchanged (except
 * timestamps with {@code --shift-to-now}).
 *
 * <p>Exit codes: 0 published, 2 bad arguments (with usage), 1 failed (file missing or unparseable,
 * topic missing, Kafka unavailable or not acknowledging).
 */
public final class ReplayCommand {
  private final Supplier<Settings> settings;
  private final Clock clock;
  private final Function<ToolsConfig, KafkaEventPublisher> publishers;
  private final PrintStream out;
  private final PrintStream err;

  ReplayCommand(
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
    ReplayCommand command =
        new ReplayCommand(
            Settings::fromEnvironment,
            Clock.systemUTC(),
            KafkaEventPublisher::connect,
            System.out,
            System.err);
    System.exit(command.run(args));
  }

  int run(String[] args) {
    ReplayArguments arguments;
    try {
      arguments = ReplayArguments.parse(args);
    } catch (NaapException e) {
      err.println("replay: " + e.getMessage());
      err.println(ReplayArguments.USAGE);
      return 2;
    }
    try {
      replay(arguments);
      return 0;
    } catch (NaapException e) {
      err.println("replay failed: " + e.getMessage());
      return 1;
    }
  }

  private void replay(ReplayArguments arguments) {
    ConsoleReport report = new ConsoleReport(out);
    ToolsConfig config = ToolsConfig.from(settings.get());
    if (arguments.bootstrapServers().isPresent()) {
      config = config.withBootstrapServers(arguments.bootstrapServers().get());
    }
    String topic = arguments.topic().orElse(config.defaultTopic());

    EventsFile file = EventsFile.read(arguments.file());
    report.line(
        "read %,d events from %s (%s):",
        file.envelopes().size(), file.path(), file.format().name().toLowerCase(Locale.ROOT));
    report.eventsByType(file.countByType());

    List<Envelope> envelopes = file.envelopes();
    if (arguments.shiftToNow()) {
      TimestampShift shift = TimestampShift.latestToNow(envelopes, clock);
      envelopes = shift.apply(envelopes);
      report.shift(shift);
    }

    report.line("publishing to topic %s on %s", topic, config.bootstrapServers());
    try (KafkaEventPublisher publisher = publishers.apply(config)) {
      report.published(publisher.publish(topic, envelopes, report.progress()));
    }
  }
}
