package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.simulator.NetworkSimulator;
import io.naaplake.simulator.SimulationConfig;
import io.naaplake.simulator.TransportFaults;
import io.naaplake.simulator.TruthSink;
import io.naaplake.tools.RawMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code ./naap scheduler} (a child JVM) runs the hourly chain by itself every few seconds over a
 * simulated network published in two slices; gold follows the first. Killed with SIGKILL in the
 * middle of the chain that takes the second and started again, it catches up (gold advances again)
 * with nothing lost and nothing duplicated. A command-line run while the scheduler writes is
 * refused, naming the scheduler, or waits for it. SIGTERM lets the running chain finish. A private
 * lake and private topics: the fixture lake is untouched.
 */
class SchedulerChainIT {
  /**
   * How long a chain may take: the first one creates every table of a fresh lake, which takes
   * minutes on a loaded 2-core machine.
   */
  private static final Duration CHAIN_TIMEOUT = Duration.ofMinutes(10);

  @Test
  void schedulerAdvancesGoldSurvivesAKillAndKeepsOtherWritersOut() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis());
    String streaming = "sched_streaming_" + suffix;
    String network = "sched_network_" + suffix;
    String topics = streaming + ":cloudspe," + network + ":daydream";
    JobsConfig config =
        ItEnvironment.privateLake(
            "scheduler-chain-" + suffix, Map.of("naap.ingest.topics", topics));
    TestTopics.create(streaming, 2, Map.of());
    TestTopics.create(network, 2, Map.of());
    List<Map<String, List<RawMessage>>> slices = simulatedSlices(streaming, network, 2);
    SchedulerLake lake = new SchedulerLake(config);
    Map<String, String> child = childProperties(config, topics, suffix);

    // 1. The scheduler runs chains by itself; gold follows the first slice.
    SchedulerChild first = SchedulerChild.start("first", child);
    long published = publish(slices.get(0));
    long firstGold;
    try {
      long expected = published;
      // Without transport faults every message is an envelope with an event time: gold's data
      // quality counts each published message once, in its (hour, org, family).
      await("gold counts the first slice", () -> lake.goldBronzeRows(), expected);
      firstGold = lake.committedVersion(GoldNetworkTables.DATA_QUALITY_HOURLY);

      // 2. SIGKILL in the middle of the chain that takes the second slice, during its gold step.
      int from = first.linesSoFar();
      published += publish(slices.get(1));
      first.awaitLine("gold: recomputing every window", from, CHAIN_TIMEOUT);
      first.kill();
      // The killed chain got as far as gold, so the newest silver_entities row is its own.
      List<Row> entityRuns = lake.runs("silver_entities");
      String killed = entityRuns.get(entityRuns.size() - 1).getAs("chain_run_id");
      assertThat(killed).as("the killed chain's id").isNotNull();
      assertThat(lake.runs("gold"))
          .as("the killed chain's gold never finished")
          .noneMatch(r -> killed.equals(r.getAs("chain_run_id")));
    } finally {
      first.close();
    }

    // 3. Started again, it takes over the dead scheduler's lease once expired and catches up.
    try (SchedulerChild second = SchedulerChild.start("second", child)) {
      long total = published;
      await("gold after the restart", () -> lake.goldBronzeRows(), total);
      assertThat(lake.committedVersion(GoldNetworkTables.DATA_QUALITY_HOURLY))
          .as("gold advanced again")
          .isGreaterThan(firstGold);
      assertThat(lake.bronzeRows()).as("every published message in bronze once").isEqualTo(total);
      assertThat(lake.duplicatedKeys()).as("silver and gold keys").isEmpty();

      // 4. ./naap run while the scheduler writes: refused at once, naming the scheduler ...
      Path lease = Path.of(config.lakeRoot(), "_naap", "writer.lease");
      NaapException busy = cliRunWhileSchedulerWrites(config, lease);
      assertThat(busy.code()).isEqualTo("LAKE_WRITER_BUSY");
      assertThat(busy.getMessage()).contains("scheduler hourly");
      // ... or, given a wait, waits for the scheduler's chain to end and then runs. The lease is
      // not a queue: a waiter that looks every 50 ms finds the gap between two chains even when
      // they run back to back, as they do here (chains longer than the 15 s interval).
      JobsConfig waitingCli =
          ItEnvironment.privateLake(
              "scheduler-chain-" + suffix,
              Map.of("naap.ingest.topics", topics, "naap.lease.poll-interval", "50ms"));
      awaitSchedulerHolds(lease);
      List<String> said = new CopyOnWriteArrayList<>();
      List<JobRun> cli =
          new LakePipeline(
                  SharedSpark.get(), waitingCli, Clock.systemUTC(), said::add, "cli", CHAIN_TIMEOUT)
              .runOnce(Instant.now().truncatedTo(ChronoUnit.SECONDS));
      assertThat(said).anyMatch(line -> line.contains("being written by \"scheduler hourly"));
      assertThat(cli).extracting(JobRun::status).doesNotContain(JobRun.Status.FAILED);

      // 5. SIGTERM in the middle of a chain: the chain ends normally (Spark stops only after
      // it), its lease is released, then the scheduler exits.
      int from = second.linesSoFar();
      second.awaitLine("hourly chain for", from, CHAIN_TIMEOUT);
      assertThat(second.terminate(CHAIN_TIMEOUT)).as("the scheduler exited on SIGTERM").isTrue();
      List<String> after = second.linesFrom(from);
      assertThat(after)
          .as("the chain running at SIGTERM finished")
          .anyMatch(line -> line.matches(".*chain_hourly (succeeded|no_new_data).*"))
          .noneMatch(line -> line.contains("chain_hourly failed"));
      assertThat(lease).as("the lease released on the way out").doesNotExist();
    }

    // Every chain run is in ops.job_runs, and its jobs' rows carry its chain run id.
    List<Row> chains = lake.runs("chain_hourly");
    assertThat(chains).as("chain rows").hasSizeGreaterThanOrEqualTo(3);
    Row succeeded =
        chains.stream()
            .filter(r -> r.<String>getAs("status").equals("succeeded"))
            .findFirst()
            .orElseThrow();
    assertThat(succeeded.<String>getAs("trigger")).isIn("scheduled", "misfire-catch-up");
    assertThat(succeeded.<Integer>getAs("attempt")).isEqualTo(1);
    assertThat(succeeded.<String>getAs("chain_run_id")).isEqualTo(succeeded.getAs("run_id"));
    assertThat(succeeded.getJavaMap(succeeded.fieldIndex("stage_durations_ms")).keySet())
        .contains("lease_wait", "bronze_ingest", "silver_events", "silver_entities", "gold");
    assertThat(succeeded.getJavaMap(succeeded.fieldIndex("table_versions")).keySet())
        .contains("bronze.raw_events", "gold.data_quality_hourly");
    String chainRunId = succeeded.getAs("chain_run_id");
    assertThat(lake.runs("gold"))
        .as("the gold row of that chain run")
        .anyMatch(r -> chainRunId.equals(r.getAs("chain_run_id")));
    assertThat(lake.runs("gold"))
        .as("the CLI's gold row belongs to no chain")
        .anyMatch(r -> r.getAs("chain_run_id") == null);
  }

  /**
   * One hour of a small simulated network (seed 11, 3 concurrent streams, no transport faults), its
   * messages in delivery order per topic, cut into {@code count} consecutive slices.
   */
  private static List<Map<String, List<RawMessage>>> simulatedSlices(
      String streaming, String network, int count) {
    Map<String, List<RawMessage>> byTopic = new LinkedHashMap<>();
    Map<String, String> orgTopics = new LinkedHashMap<>();
    orgTopics.put("cloudspe", streaming);
    orgTopics.put("daydream", network);
    SimulationConfig simulation =
        SimulationConfig.builder()
            .seed(11)
            .start(Instant.parse("2026-01-05T10:00:00Z"))
            .duration(Duration.ofHours(1))
            .concurrentStreams(3)
            .streamIdPrefix("sched-")
            .orgTopics(orgTopics)
            .transportFaults(TransportFaults.none())
            .build();
    new NetworkSimulator(simulation)
        .run(
            (topic, key, value) ->
                byTopic
                    .computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(new RawMessage(key, value)),
            TruthSink.NONE);
    List<Map<String, List<RawMessage>>> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, List<RawMessage>> slice = new LinkedHashMap<>();
      for (Map.Entry<String, List<RawMessage>> topic : byTopic.entrySet()) {
        List<RawMessage> all = topic.getValue();
        slice.put(
            topic.getKey(), all.subList(all.size() * i / count, all.size() * (i + 1) / count));
      }
      slices.add(slice);
    }
    return slices;
  }

  private static long publish(Map<String, List<RawMessage>> slice) {
    long published = 0;
    for (Map.Entry<String, List<RawMessage>> topic : slice.entrySet()) {
      published += TestTopics.publishRaw(topic.getKey(), topic.getValue()).records();
    }
    return published;
  }

  /** The scheduler's settings: a chain every 15 s, a short lease so a killed one is taken over. */
  private static Map<String, String> childProperties(
      JobsConfig config, String topics, String suffix) throws Exception {
    Path dir = Files.createTempDirectory("naap-scheduler-chain-" + suffix);
    Map<String, String> properties = new HashMap<>();
    properties.put("naap.lake.root", config.lakeRoot());
    properties.put("naap.kafka.bootstrap-servers", config.kafkaBootstrapServers());
    properties.put("naap.ingest.topics", topics);
    properties.put("naap.trino.register", "false");
    properties.put("naap.spark.master", "local[2]");
    properties.put("naap.scheduler.dir", dir.toString());
    properties.put("naap.scheduler.hourly.interval", "15s");
    // No metrics endpoint: the child must not depend on a free well-known port.
    properties.put("naap.scheduler.metrics-port", "0");
    properties.put("naap.scheduler.misfire-threshold", "10s");
    properties.put("naap.scheduler.poll-interval", "1s");
    // The daily chain far from the test's minutes.
    properties.put(
        "naap.scheduler.daily.at",
        LocalTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.MINUTES).toString());
    properties.put("naap.scheduler.lease-wait", "3m");
    properties.put("naap.lease.ttl", "6s");
    properties.put("naap.lease.heartbeat-interval", "1s");
    properties.put("naap.lease.poll-interval", "500ms");
    properties.put("naap.kafka.timeout", "10s");
    return properties;
  }

  /**
   * Runs the pipeline as ./naap run does (writer "cli", no wait) while the scheduler holds the
   * lease. The scheduler may release it between the look and the attempt; the CLI's run then just
   * runs, and the next chain is waited for.
   */
  private static NaapException cliRunWhileSchedulerWrites(JobsConfig config, Path lease)
      throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      awaitSchedulerHolds(lease);
      LakePipeline cli =
          new LakePipeline(
              SharedSpark.get(), config, Clock.systemUTC(), line -> {}, "cli", Duration.ZERO);
      try {
        cli.runOnce(Instant.now().truncatedTo(ChronoUnit.SECONDS));
      } catch (NaapException e) {
        return e;
      }
    }
    throw new AssertionError("the CLI never found the scheduler holding the lake");
  }

  private static void awaitSchedulerHolds(Path lease) throws Exception {
    long deadline = System.nanoTime() + CHAIN_TIMEOUT.toNanos();
    while (true) {
      if (Files.exists(lease)) {
        try {
          if (Files.readString(lease).contains("scheduler hourly")) {
            return;
          }
        } catch (java.nio.file.NoSuchFileException e) {
          // Released between the two looks.
        }
      }
      assertThat(System.nanoTime() < deadline).as("the scheduler took the lease").isTrue();
      Thread.sleep(200);
    }
  }

  private static void await(String what, LongSupplier actual, long expected) throws Exception {
    long deadline = System.nanoTime() + CHAIN_TIMEOUT.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      last = actual.getAsLong();
      if (last == expected) {
        return;
      }
      Thread.sleep(3000);
    }
    assertThat(last).as(what).isEqualTo(expected);
  }
}
