package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.tools.PublishResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The ingest JVM is killed with SIGKILL mid-write, twice, then re-run: every produced offset is in
 * bronze exactly once. Runs in a private lake on its own topic so the fixture lake is untouched.
 */
class IngestCrashIT {
  private static final String TOPIC = "crash_events";
  private static final Map<String, String> SETTINGS =
      Map.of("naap.ingest.topics", TOPIC + ":crashtest");

  @Test
  void killedIngestLosesAndDuplicatesNothing() throws Exception {
    JobsConfig config = ItEnvironment.privateLake("crash", SETTINGS);
    TestTopics.create(TOPIC, 6, Map.of());
    List<PublishResult> produced = new ArrayList<>();
    produced.add(TestTopics.publishSynthetic(TOPIC, 30_000, 7));

    // Crash 1: while the first batch's raw_events commit is being written.
    boolean killed1 = runChildAndKillAt(config, "writing bronze.raw_events for batch 0");
    LakeTables tables = new LakeTables(SharedSpark.get(), config);
    assertThat(killed1).as("child reached the kill point").isTrue();
    assertThat(completedBatches(tables)).as("no batch completed before the kill").isZero();

    produced.add(TestTopics.publishSynthetic(TOPIC, 5_000, 8));

    // Crash 2: after raw_events committed for the re-executed batch, before it was marked done.
    boolean killed2 = runChildAndKillAt(config, "committed bronze.raw_events for batch 0");
    assertThat(killed2).as("child reached the second kill point").isTrue();
    assertThat(completedBatches(tables)).isZero();

    List<JobRun> runs =
        new BronzeIngestJob(SharedSpark.get(), config, Clock.systemUTC(), line -> {})
            .run(Instant.parse("2026-01-10T00:00:00Z"));
    assertThat(runs).extracting(JobRun::status).containsOnly(JobRun.Status.SUCCEEDED);

    assertExactlyOnce(tables, produced);
  }

  private static void assertExactlyOnce(LakeTables tables, List<PublishResult> produced) {
    Dataset<Row> raw =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(tables.path(BronzeTables.RAW_EVENTS))
            .where(col("kafka_topic").equalTo(TOPIC));
    long total = TestTopics.total(produced);
    assertThat(raw.count()).isEqualTo(total);
    assertThat(raw.select("kafka_partition", "kafka_offset").distinct().count()).isEqualTo(total);
    assertThat(raw.select("event_id").distinct().count()).isEqualTo(total);

    Map<Integer, Long> producedPerPartition = new HashMap<>();
    for (PublishResult result : produced) {
      result
          .partitions()
          .forEach(p -> producedPerPartition.merge(p.partition(), p.records(), Long::sum));
    }
    for (Row row :
        raw.groupBy("kafka_partition")
            .agg(
                org.apache.spark.sql.functions.count("*").as("n"),
                org.apache.spark.sql.functions.min("kafka_offset").as("lo"),
                org.apache.spark.sql.functions.max("kafka_offset").as("hi"))
            .collectAsList()) {
      int partition = row.getInt(0);
      long expected = producedPerPartition.get(partition);
      // Offsets 0..n-1 of every partition, each once: count n, min 0, max n-1.
      assertThat(List.of(row.getLong(1), row.getLong(2), row.getLong(3)))
          .as("partition %d", partition)
          .containsExactly(expected, 0L, expected - 1);
    }
    assertThat(producedPerPartition.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(total);
  }

  private static long completedBatches(LakeTables tables) {
    if (!tables.exists(OpsTables.JOB_RUNS)) {
      return 0;
    }
    return SharedSpark.get()
        .read()
        .format("delta")
        .load(tables.path(OpsTables.JOB_RUNS))
        .where(col("status").equalTo("succeeded"))
        .count();
  }

  /** Starts {@code Main ingest} in a child JVM and SIGKILLs it when it prints the marker. */
  private static boolean runChildAndKillAt(JobsConfig config, String marker) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-Dnaap.lake.root=" + config.lakeRoot());
    command.add("-Dnaap.kafka.bootstrap-servers=" + config.kafkaBootstrapServers());
    command.add("-Dnaap.ingest.topics=" + SETTINGS.get("naap.ingest.topics"));
    command.add("-Dnaap.trino.register=false");
    // The killed child leaves its writer lease behind, as a crashed writer does: a short TTL lets
    // the next child wait for it to expire and take it over instead of failing as busy.
    command.add("-Dnaap.lease.ttl=3s");
    command.add("-Dnaap.lease.heartbeat-interval=1s");
    command.add("-Dnaap.lease.max-wait=60s");
    command.add("-Dnaap.lease.poll-interval=500ms");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.naaplake.jobs.Main");
    command.add("ingest");
    command.add("--run-time");
    command.add("2026-01-10T00:00:00Z");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    AtomicBoolean killed = new AtomicBoolean();
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        System.out.println("[crash child] " + line);
        if (line.contains(marker)) {
          child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
          killed.set(true);
          break;
        }
      }
    }
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child exited").isTrue();
    return killed.get();
  }
}
