package io.naaplake.simulator;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.ToolsConfig;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code simulate}: runs the {@link NetworkSimulator} and publishes its messages to the configured
 * Kafka topics (org to topic from {@code naap.ingest.topics}), or with {@code --out} writes them to
 * JSON-lines files, with the ground truth in {@code --truth DIR}. Prints progress and, at the end,
 * messages per family and topic and the rate.
 *
 * <p>Exit codes, as the tools' commands: 0 done (also after Ctrl-C in real time), 2 bad arguments
 * (with usage), 1 failed.
 */
public final class SimulateCommand {
  private static final long PROGRESS_EVERY_MS = 5_000;
  private static final int KAFKA_QUEUE = 20_000;

  private final Supplier<Settings> settings;
  private final Function<ToolsConfig, KafkaEventPublisher> publishers;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean installShutdownHook;

  SimulateCommand(
      Supplier<Settings> settings,
      Function<ToolsConfig, KafkaEventPublisher> publishers,
      PrintStream out,
      PrintStream err,
      boolean installShutdownHook) {
    this.settings = requireNonNull(settings, "settings is null");
    this.publishers = requireNonNull(publishers, "publishers is null");
    this.out = requireNonNull(out, "out is null");
    this.err = requireNonNull(err, "err is null");
    this.installShutdownHook = installShutdownHook;
  }

  public static void main(String[] args) {
    SimulateCommand command =
        new SimulateCommand(
            Settings::fromEnvironment, KafkaEventPublisher::connect, System.out, System.err, true);
    System.exit(command.run(args));
  }

  int run(String[] args) {
    SimulateArguments arguments;
    SimulationConfig config;
    Settings loaded;
    try {
      arguments = SimulateArguments.parse(args);
      if (arguments.help()) {
        out.print(SimulateArguments.USAGE);
        return 0;
      }
      loaded = settings.get();
      config = config(arguments, loaded);
    } catch (NaapException e) {
      err.println("simulate: " + e.getMessage());
      err.print(SimulateArguments.USAGE);
      return 2;
    }
    try {
      execute(arguments, config, loaded);
      return 0;
    } catch (NaapException e) {
      err.println("simulate failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Org to topic from {@code naap.ingest.topics} ({@code topic:org,...}); an org's first topic
   * wins. daydream comes first when present: it is the busier org (two gateways), as in reality.
   */
  static Map<String, String> orgTopics(Settings settings) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("streaming_events", "cloudspe");
    defaults.put("network_events", "daydream");
    Map<String, String> topicOrgs = settings.pairs("naap.ingest.topics", defaults);
    Map<String, String> orgTopics = new LinkedHashMap<>();
    topicOrgs.forEach(
        (topic, org) -> {
          if (org.equals("daydream")) {
            orgTopics.putIfAbsent(org, topic);
          }
        });
    topicOrgs.forEach((topic, org) -> orgTopics.putIfAbsent(org, topic));
    return orgTopics;
  }

  private static SimulationConfig config(SimulateArguments a, Settings settings) {
    SimulationConfig.Builder builder =
        SimulationConfig.builder()
            .seed(a.seed())
            .hours(a.hours())
            .orchestrators(a.orchestrators())
            .concurrentStreams(a.concurrentStreams())
            .realtime(a.realtime())
            .orgTopics(orgTopics(settings));
    a.start().ifPresent(builder::start);
    a.streamIdPrefix().ifPresent(builder::streamIdPrefix);
    if (a.noFaults()) {
      builder.transportFaults(TransportFaults.none());
    }
    if (a.noFailures()) {
      builder.failureRates(FailureRates.none());
    }
    return builder.build();
  }

  private void execute(SimulateArguments arguments, SimulationConfig config, Settings loaded) {
    NetworkSimulator simulator = new NetworkSimulator(config);
    out.printf(
        Locale.ROOT,
        "simulating %s of the network (seed %d, %s, %s streams, %s orchestrators)%n",
        hours(config.duration().toMillis()),
        config.seed(),
        config.realtime() ? "real time from now" : "compressed time from " + config.start(),
        config.concurrentStreams(),
        config.orchestrators() == 0 ? "auto-sized" : Integer.toString(config.orchestrators()));
    MessageSink sink;
    AutoCloseable closeSink;
    KafkaMessageSink kafka = null;
    if (arguments.out().isPresent()) {
      JsonLinesDirectory files = new JsonLinesDirectory(arguments.out().get());
      config.orgTopics().values().forEach(files::open);
      sink = files;
      closeSink = files;
      out.println("writing messages to " + arguments.out().get() + "/<topic>.jsonl");
    } else {
      ToolsConfig tools = ToolsConfig.from(loaded);
      if (arguments.bootstrapServers().isPresent()) {
        tools = tools.withBootstrapServers(arguments.bootstrapServers().get());
      }
      out.println(
          "publishing to "
              + String.join(", ", config.orgTopics().values())
              + " on "
              + tools.bootstrapServers());
      kafka =
          new KafkaMessageSink(
              publishers.apply(tools),
              config.orgTopics().values().stream().distinct().toList(),
              KAFKA_QUEUE);
      sink = kafka;
      closeSink = kafka;
    }
    TruthDirectory truth = arguments.truth().map(TruthDirectory::new).orElse(null);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = null;
    if (installShutdownHook) {
      hook =
          new Thread(
              () -> {
                simulator.stop();
                try {
                  done.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "simulate-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    long wallStart = System.nanoTime();
    try {
      SimulationSummary summary;
      try {
        summary =
            simulator.run(sink, truth == null ? TruthSink.NONE : truth, new Progress(wallStart));
        closeQuietly(closeSink);
        closeSink = null;
      } finally {
        if (closeSink != null) {
          try {
            closeSink.close();
          } catch (Exception e) {
            // the first failure is being reported
          }
        }
        if (truth != null) {
          truth.close();
        }
      }
      double seconds = Math.max(1e-3, (System.nanoTime() - wallStart) / 1e9);
      report(summary, seconds, kafka);
      arguments.truth().ifPresent(dir -> out.println("truth written to " + dir));
    } finally {
      // After Ctrl-C the shutdown hook waits for this, so the report is printed before exit.
      done.countDown();
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down (Ctrl-C): the hook is waiting for us
        }
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (NaapException e) {
      throw e;
    } catch (Exception e) {
      throw io.naaplake.errors.LakeErrors.ioFailure("closing the output", e);
    }
  }

  private final class Progress implements SimulationProgress.Listener {
    private final long wallStart;
    private long lastPrint;

    Progress(long wallStart) {
      this.wallStart = wallStart;
      this.lastPrint = wallStart;
    }

    @Override
    public void progress(SimulationProgress p) {
      long nowNanos = System.nanoTime();
      if ((nowNanos - lastPrint) / 1_000_000 < PROGRESS_EVERY_MS) {
        return;
      }
      lastPrint = nowNanos;
      double seconds = Math.max(1e-3, (nowNanos - wallStart) / 1e9);
      out.printf(
          Locale.ROOT,
          "  %s  %3.0f%%  %,d messages  %,.0f msg/s  %,d live sessions%n",
          java.time.Instant.ofEpochMilli(p.simulatedMillis()),
          p.fraction() * 100,
          p.messagesDelivered(),
          p.messagesDelivered() / seconds,
          p.activeSessions());
    }
  }

  private void report(SimulationSummary s, double seconds, KafkaMessageSink kafka) {
    out.printf(
        Locale.ROOT,
        "simulated %s to %s: %,d orchestrators (%,d hosts, %,d live GPU slots), %,d live"
            + " sessions, %,d jobs%n",
        s.start(),
        s.end(),
        s.orchestrators(),
        s.hosts(),
        s.liveSlots(),
        s.sessions(),
        s.jobs());
    out.printf(
        Locale.ROOT,
        "events generated %,d; messages delivered %,d (dropped %,d, duplicated %,d, reordered %,d,"
            + " late %,d, malformed %,d, ignored noise %,d)%n",
        s.eventsGenerated(),
        s.messagesDelivered(),
        s.dropped(),
        s.duplicated(),
        s.reordered(),
        s.late(),
        s.malformed(),
        s.noise());
    out.println("messages per family:");
    s.messagesByFamily()
        .forEach((family, count) -> out.printf(Locale.ROOT, "  %-24s %,d%n", family, count));
    out.println("messages per topic:");
    s.messagesByTopic()
        .forEach((topic, count) -> out.printf(Locale.ROOT, "  %-24s %,d%n", topic, count));
    if (kafka != null) {
      for (PublishResult result : kafka.results()) {
        out.printf(
            Locale.ROOT,
            "  acknowledged by Kafka on %s: %,d records in %d partitions%n",
            result.topic(),
            result.records(),
            result.partitions().size());
      }
    }
    out.printf(
        Locale.ROOT,
        "%,d messages in %.1f s: %,.0f messages/s%n",
        s.messagesDelivered(),
        seconds,
        s.messagesDelivered() / seconds);
  }

  private static String hours(long millis) {
    double hours = millis / 3_600_000.0;
    return hours == Math.rint(hours)
        ? String.format(Locale.ROOT, "%d h", (long) hours)
        : String.format(Locale.ROOT, "%.2f h", hours);
  }
}
