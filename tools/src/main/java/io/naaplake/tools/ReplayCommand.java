package io.naaplake.tools;

import io.naaplake.config.Settings;
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
public final class ReplayCommand extends PublishingCommand<ReplayArguments> {
  ReplayCommand(
      Supplier<Settings> settings,
      Clock clock,
      Function<ToolsConfig, KafkaEventPublisher> publishers,
      PrintStream out,
      PrintStream err) {
    super(settings, clock, publishers, out, err);
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

  @Override
  String name() {
    return "replay";
  }

  @Override
  String usage() {
    return ReplayArguments.USAGE;
  }

  @Override
  ReplayArguments parse(String[] args) {
    return ReplayArguments.parse(args);
  }

  @Override
  void execute(ReplayArguments arguments) {
    ConsoleReport report = new ConsoleReport(out);
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

    publish(arguments.bootstrapServers(), arguments.topic(), envelopes, report);
  }
}
