package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the command-line tools that publish envelopes share: argument parsing with usage on error,
 * the exit-code contract (0 done, 2 bad arguments, 1 failed) and publishing to a topic.
 *
 * @param <A> the parsed arguments
 */
abstract class PublishingCommand<A> {
  protected final Supplier<Settings> settings;
  protected final Clock clock;
  private final Function<ToolsConfig, KafkaEventPublisher> publishers;
  protected final PrintStream out;
  private final PrintStream err;

  PublishingCommand(
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

  /** The command's name in messages, e.g. {@code replay}. */
  abstract String name();

  abstract String usage();

  /** Parses arguments; a {@link NaapException} means bad arguments (exit 2). */
  abstract A parse(String[] args);

  /** Does the work; a {@link NaapException} means failure (exit 1). */
  abstract void execute(A arguments);

  final int run(String[] args) {
    A arguments;
    try {
      arguments = parse(args);
    } catch (NaapException e) {
      err.println(name() + ": " + e.getMessage());
      err.println(usage());
      return 2;
    }
    try {
      execute(arguments);
      return 0;
    } catch (NaapException e) {
      err.println(name() + " failed: " + e.getMessage());
      return 1;
    }
  }

  /** Publishes to the topic given (or the configured default) on the given or configured broker. */
  final void publish(
      Optional<String> bootstrapServers,
      Optional<String> topic,
      Iterable<Envelope> envelopes,
      ConsoleReport report) {
    ToolsConfig config = ToolsConfig.from(settings.get());
    if (bootstrapServers.isPresent()) {
      config = config.withBootstrapServers(bootstrapServers.get());
    }
    String target = topic.orElse(config.defaultTopic());
    report.line("publishing to topic %s on %s", target, config.bootstrapServers());
    try (KafkaEventPublisher publisher = publishers.apply(config)) {
      report.published(publisher.publish(target, envelopes, report.progress()));
    }
  }
}
