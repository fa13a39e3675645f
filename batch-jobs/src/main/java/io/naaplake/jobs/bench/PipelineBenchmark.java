package io.naaplake.jobs.bench;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.SparkSessions;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.silver.SilverEventsJob;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.simulator.KafkaMessageSink;
import io.naaplake.simulator.NetworkSimulator;
import io.naaplake.simulator.SimulationConfig;
import io.naaplake.simulator.TruthSink;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.SyntheticEnvelopes;
import io.naaplake.tools.ToolsConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./naap bench ingest|silver|gold [N]}: {@code ingest} produces N synthetic envelopes to a
 * fresh topic and ingests them into a private lake; {@code silver} produces about N simulated
 * messages (one hour of a simulated network, every fault on) to two fresh topics, ingests them,
 * types them and derives the silver entities; {@code gold} then runs the gold job once (one hourly
 * cycle). Prints each stage's time and throughput and the JVM's peak memory. Figures are printed,
 * never asserted.
 */
public final class PipelineBenchmark {
  private static final int PARTITIONS = 6;

  public static void main(String[] args) throws Exception {
    String stage = args.length > 0 ? args[0] : "ingest";
    boolean gold = stage.equals("gold");
    boolean silver = gold || stage.equals("silver");
    long count = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    Path workDir = Path.of(args.length > 2 ? args[2] : ".run/bench");
    String stamp = Long.toString(Instant.now().getEpochSecond());
    Map<String, String> topicOrgs = new LinkedHashMap<>();
    if (silver) {
      // The simulator's two orgs, each on a fresh topic.
      topicOrgs.put("bench_" + stamp + "_streaming", "cloudspe");
      topicOrgs.put("bench_" + stamp + "_network", "daydream");
    } else {
      topicOrgs.put("bench_events_" + stamp, "bench");
    }
    Settings base = Settings.fromEnvironment();
    JobsConfig config =
        JobsConfig.from(
            base.with(
                Map.of(
                    "naap.lake.root",
                    workDir.resolve("lake-" + stamp).toString(),
                    "naap.ingest.topics",
                    pairs(topicOrgs),
                    "naap.trino.register",
                    "false",
                    "naap.ingest.max-offsets-per-partition",
                    Long.toString(count * 2))));
    for (String topic : topicOrgs.keySet()) {
      createTopic(config.kafkaBootstrapServers(), topic);
    }
    long produceStart = System.nanoTime();
    long produced;
    long producedBytes;
    if (silver) {
      List<PublishResult> results = simulate(base, topicOrgs, count);
      produced = results.stream().mapToLong(PublishResult::records).sum();
      producedBytes = results.stream().mapToLong(PublishResult::payloadBytes).sum();
    } else {
      String topic = topicOrgs.keySet().iterator().next();
      say(
          "producing "
              + count
              + " synthetic envelopes to "
              + topic
              + " ("
              + PARTITIONS
              + " partitions)");
      try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(ToolsConfig.from(base))) {
        SyntheticEnvelopes envelopes =
            new SyntheticEnvelopes(
                42, Instant.parse("2026-01-08T00:00:00Z"), Duration.ofMillis(10));
        PublishResult published = publisher.publish(topic, envelopes.envelopes(count));
        produced = published.records();
        producedBytes = published.payloadBytes();
      }
    }
    double produceSeconds = seconds(produceStart);
    say(
        String.format(
            Locale.ROOT,
            "produced %,d messages, %.1f MB in %.1f s (%,.0f messages/s)",
            produced,
            producedBytes / 1e6,
            produceSeconds,
            produced / produceSeconds));

    long sessionStart = System.nanoTime();
    SparkSession spark = SparkSessions.create(config, "naap-bench-ingest");
    double sessionSeconds = seconds(sessionStart);
    long ingestStart = System.nanoTime();
    List<JobRun> runs =
        new BronzeIngestJob(spark, config, Clock.systemUTC(), PipelineBenchmark::say)
            .run(Instant.now());
    double ingestSeconds = seconds(ingestStart);
    long rows = runs.stream().mapToLong(JobRun::rowsIn).sum();
    double silverSeconds = 0;
    long silverRows = 0;
    double entitiesSeconds = 0;
    JobRun entities = null;
    if (silver) {
      long silverStart = System.nanoTime();
      JobRun run =
          new SilverEventsJob(spark, config, Clock.systemUTC(), PipelineBenchmark::say)
              .run(Instant.now());
      silverSeconds = seconds(silverStart);
      silverRows = run.rowsIn();
      long entitiesStart = System.nanoTime();
      entities =
          new SilverEntitiesJob(spark, config, Clock.systemUTC(), PipelineBenchmark::say)
              .run(Instant.now());
      entitiesSeconds = seconds(entitiesStart);
    }
    double goldSeconds = 0;
    JobRun goldRun = null;
    if (gold) {
      long goldStart = System.nanoTime();
      goldRun =
          new GoldJob(spark, config, Clock.systemUTC(), PipelineBenchmark::say).run(Instant.now());
      goldSeconds = seconds(goldStart);
    }
    long lakeBytes = directoryBytes(Path.of(config.lakeRoot()));
    spark.stop();

    say("---- bench " + stage + " results ----");
    say(
        String.format(
            Locale.ROOT,
            "events ingested        %,d (quarantined %,d)",
            rows,
            runs.stream().mapToLong(JobRun::rowsQuarantined).sum()));
    say(String.format(Locale.ROOT, "SparkSession start     %.1f s", sessionSeconds));
    say(
        String.format(
            Locale.ROOT,
            "Kafka -> bronze        %.1f s (ledger, read, classify, write, commit)",
            ingestSeconds));
    say(
        String.format(
            Locale.ROOT,
            "throughput             %,.0f events/s, %.1f MB/s of Kafka values",
            rows / ingestSeconds,
            producedBytes / 1e6 / ingestSeconds));
    if (silver) {
      say(
          String.format(
              Locale.ROOT,
              "bronze -> silver       %.1f s for %,d events: %,.0f events/s (route, type, dedup,"
                  + " merge, reconcile)",
              silverSeconds,
              silverRows,
              silverRows / silverSeconds));
      say(
          String.format(
              Locale.ROOT,
              "typed -> entities      %.1f s for %,d typed events, %,d sessions: %,.0f events/s"
                  + " (inventory, sessions, hours, attribution, jobs, payments)",
              entitiesSeconds,
              entities.rowsIn(),
              entities.rowsOut(),
              entities.rowsIn() / entitiesSeconds));
      say(
          String.format(
              Locale.ROOT,
              "bronze -> silver total %.1f s: %,.0f events/s",
              silverSeconds + entitiesSeconds,
              silverRows / (silverSeconds + entitiesSeconds)));
    }
    if (gold) {
      say(
          String.format(
              Locale.ROOT,
              "silver -> gold         %.1f s: %,d gold rows written, %s",
              goldSeconds,
              goldRun.rowsOut(),
              goldRun.windowDescription().orElse(goldRun.status().code())));
    }
    say(
        String.format(
            Locale.ROOT, "lake size on disk      %.1f MB (parquet + Delta log)", lakeBytes / 1e6));
    say(
        String.format(
            Locale.ROOT,
            "JVM peak RSS           %.0f MB (VmHWM, producer + Spark driver/executor)",
            peakRssKb() / 1024.0));
    say(
        String.format(
            Locale.ROOT,
            "JVM peak heap          %.0f MB (sum of heap pool peaks, -Xmx %d MB)",
            peakHeapBytes() / 1e6 / 1.048576,
            Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    System.exit(0);
  }

  /**
   * One simulated hour of a network with enough concurrent streams for about {@code count} messages
   * (1,000 streams give about 1.15 million), all failure modes and transport faults on.
   */
  private static List<PublishResult> simulate(
      Settings base, Map<String, String> topicOrgs, long count) {
    int streams = (int) Math.max(1, Math.round(count / 1147.6));
    Map<String, String> orgTopics = new LinkedHashMap<>();
    topicOrgs.forEach((topic, org) -> orgTopics.put(org, topic));
    SimulationConfig simulation =
        SimulationConfig.builder()
            .seed(42)
            .start(Instant.parse("2026-01-08T00:00:00Z"))
            .hours(1)
            .concurrentStreams(streams)
            .orgTopics(orgTopics)
            .streamIdPrefix("bench-")
            .build();
    say("simulating 1 h of " + streams + " concurrent streams into " + topicOrgs.keySet());
    KafkaMessageSink sink =
        new KafkaMessageSink(
            KafkaEventPublisher.connect(ToolsConfig.from(base)), topicOrgs.keySet(), 10_000);
    try {
      new NetworkSimulator(simulation).run(sink, TruthSink.NONE);
    } finally {
      sink.close();
    }
    return sink.results();
  }

  private static String pairs(Map<String, String> topicOrgs) {
    StringBuilder pairs = new StringBuilder();
    topicOrgs.forEach(
        (topic, org) ->
            pairs.append(pairs.length() == 0 ? "" : ",").append(topic).append(':').append(org));
    return pairs.toString();
  }

  private static void createTopic(String bootstrap, String topic) throws Exception {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(properties)) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long directoryBytes(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void say(String message) {
    System.out.println(
        "[bench " + java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0) + "] " + message);
    System.out.flush();
  }

  private PipelineBenchmark() {}
}
