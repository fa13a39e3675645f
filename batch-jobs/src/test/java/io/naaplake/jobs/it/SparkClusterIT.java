package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.schedule.ChainCommand;
import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.TriggerKind;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.simulator.NetworkSimulator;
import io.naaplake.simulator.SimulationConfig;
import io.naaplake.simulator.TruthSink;
import io.naaplake.tools.EventsFile;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.RawMessage;
import io.naaplake.tools.ToolsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's hourly chain ({@code Main chain hourly ...}, what {@code SubmittedChainRunner}
 * submits: ingest, silver, gold, and the chain's row in ops.job_runs) submitted with spark-submit
 * to a real standalone cluster (infra/spark-cluster.sh: a Master and a Worker on loopback, Spark
 * home assembled from the Maven dependencies) writes the same gold as the embedded run. One dataset
 * (the real sample and one simulated hour of a small network) is published once to private topics;
 * the embedded pipeline (this JVM's SharedSpark) writes lake A, the cluster writes lake B, both
 * private, same topics, same run time. Every gold table must hold the same rows: exact columns
 * identical, the DOUBLE columns of the table's declaration within 1e-9.
 */
@Tag("long")
class SparkClusterIT {
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T00:00:00Z");
  private static final double TOLERANCE = 1e-9;
  // Generous: on 2 cores the cluster's driver and executor share the machine with the embedded
  // run; the first complete submit took ~12 min there (a 10-minute limit cut it off in gold).
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(30);
  private static final ChainRequest HOURLY_CHAIN =
      ChainRequest.at(Chain.HOURLY, TriggerKind.MANUAL, RUN_TIME, 1);
  private static final Pattern APP_ID =
      Pattern.compile("Connected to Spark cluster with app ID (app-[0-9-]+)");

  @Test
  void clusterRunWritesTheSameGoldAsTheEmbeddedRun() throws Exception {
    long testStart = System.nanoTime();
    // Topic names unique per run: the shared broker outlives runs and topics cannot be reused.
    String suffix = Long.toString(System.currentTimeMillis());
    String streamingTopic = "cluster_streaming_" + suffix;
    String networkTopic = "cluster_network_" + suffix;
    String topics = streamingTopic + ":cloudspe," + networkTopic + ":daydream";
    TestTopics.create(streamingTopic, 2, Map.of());
    TestTopics.create(networkTopic, 2, Map.of());
    long published = publish(streamingTopic, networkTopic);

    Path work = ItEnvironment.runDir().resolve("spark-cluster-it-" + suffix);
    Path lakeA = work.resolve("lake-embedded");
    Path lakeB = work.resolve("lake-cluster");
    ClusterScript cluster = new ClusterScript(work.resolve("run"));

    // The cluster starts and runs the chain while this JVM runs it embedded (2 cores: overlap
    // hides the daemons' start-up).
    CompletableFuture<Timings> clusterRun =
        CompletableFuture.supplyAsync(() -> cluster.startAndSubmit(lakeB, topics));
    try {
      long embeddedStart = System.nanoTime();
      JobsConfig embedded = config(lakeA, topics);
      new LakePipeline(SharedSpark.get(), embedded, Clock.systemUTC(), line -> {})
          .runOnce(RUN_TIME);
      Duration embeddedTime = Duration.ofNanos(System.nanoTime() - embeddedStart);
      Timings timings = clusterRun.get(SUBMIT_TIMEOUT.toMinutes(), TimeUnit.MINUTES);

      assertRanOnTheWorker(cluster);
      assertChainRecorded(config(lakeB, topics));
      long goldRows = assertSameGold(embedded, config(lakeB, topics));
      System.out.printf(
          "[cluster IT] %d messages published; gold rows %d; embedded run %d s; cluster start %d s;"
              + " submit to finish %d s; whole test %d s; memory: worker %s, executor %s, driver"
              + " %s%n",
          published,
          goldRows,
          embeddedTime.toSeconds(),
          timings.start().toSeconds(),
          timings.submit().toSeconds(),
          Duration.ofNanos(System.nanoTime() - testStart).toSeconds(),
          ClusterScript.setting("NAAP_SPARK_WORKER_MEMORY", "2g"),
          ClusterScript.setting("NAAP_SPARK_EXECUTOR_MEMORY", "1536m"),
          ClusterScript.setting("NAAP_SPARK_DRIVER_MEMORY", "1536m"));
    } finally {
      clusterRun.handle((t, e) -> null).get(SUBMIT_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      cluster.run("stop");
    }
  }

  /** The real sample to the streaming topic and one simulated hour (4 streams) to both topics. */
  private static long publish(String streamingTopic, String networkTopic) {
    ToolsConfig tools =
        ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka())));
    try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(tools)) {
      EventsFile sample = EventsFile.read(ItEnvironment.samples().resolve(RealSampleScenario.FILE));
      long count = publisher.publish(streamingTopic, sample.envelopes()).records();
      Map<String, List<RawMessage>> byTopic = new LinkedHashMap<>();
      new NetworkSimulator(
              SimulationConfig.builder()
                  .seed(77)
                  .start(Instant.parse("2026-01-08T20:00:00Z"))
                  .duration(Duration.ofHours(1))
                  .concurrentStreams(4)
                  .streamIdPrefix("cluster-sim-")
                  // Ordered: the simulator assigns gateways and streams to orgs in this map's
                  // order, and Map.of's order changes from one JVM to the next.
                  .orgTopics(orgTopics(streamingTopic, networkTopic))
                  .build())
          .run(
              (topic, key, value) ->
                  byTopic
                      .computeIfAbsent(topic, t -> new ArrayList<>())
                      .add(new RawMessage(key, value)),
              TruthSink.NONE);
      for (Map.Entry<String, List<RawMessage>> topic : byTopic.entrySet()) {
        count += publisher.publishRaw(topic.getKey(), topic.getValue()).records();
      }
      assertThat(byTopic)
          .as("simulated messages per topic")
          .containsOnlyKeys(streamingTopic, networkTopic);
      return count;
    }
  }

  private static Map<String, String> orgTopics(String streamingTopic, String networkTopic) {
    Map<String, String> orgTopics = new LinkedHashMap<>();
    orgTopics.put("cloudspe", streamingTopic);
    orgTopics.put("daydream", networkTopic);
    return orgTopics;
  }

  private static JobsConfig config(Path lake, String topics) {
    return ItEnvironment.jobsConfig(
        Map.of(
            ItEnvironment.LAKE,
            lake.toString(),
            "naap.ingest.topics",
            topics,
            "naap.trino.register",
            "false"));
  }

  /**
   * The driver's log names the application; the worker's work directory must hold that
   * application's executor logs with finished tasks, so the chain cannot have run embedded.
   */
  private static void assertRanOnTheWorker(ClusterScript cluster) throws IOException {
    String submitLog = Files.readString(cluster.log());
    Matcher appId = APP_ID.matcher(submitLog);
    assertThat(appId.find()).as("the driver connected to the standalone master").isTrue();
    Path appDir = cluster.runDir().resolve("spark").resolve("work").resolve(appId.group(1));
    assertThat(appDir).as("the worker launched executors for the app").isDirectory();
    long finishedTasks;
    try (Stream<Path> files = Files.walk(appDir)) {
      finishedTasks =
          files
              .filter(p -> p.getFileName().toString().equals("stderr"))
              .flatMap(SparkClusterIT::lines)
              .filter(line -> line.contains("Finished task"))
              .count();
    }
    assertThat(finishedTasks).as("tasks the executors on the worker finished").isPositive();
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }

  /** The submitted driver recorded its chain in lake B's ops.job_runs, as the scheduler would. */
  private static void assertChainRecorded(JobsConfig cluster) {
    LakeTables lake = new LakeTables(SharedSpark.get(), cluster);
    List<Row> chains =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(lake.path(OpsTables.JOB_RUNS))
            .filter(col("job").equalTo("chain_hourly"))
            .select("status")
            .collectAsList();
    assertThat(chains).as("chain_hourly rows in the cluster lake's ops.job_runs").hasSize(1);
    assertThat(chains.get(0).getString(0)).isEqualTo(JobRun.Status.SUCCEEDED.code());
  }

  /** Compares every gold table of both lakes; returns the number of gold rows compared. */
  private static long assertSameGold(JobsConfig embedded, JobsConfig cluster) {
    LakeTables a = new LakeTables(SharedSpark.get(), embedded);
    LakeTables b = new LakeTables(SharedSpark.get(), cluster);
    long total = 0;
    long withDecimals = 0;
    long withDoubles = 0;
    for (TableDeclaration table : GoldJob.outputTables()) {
      assertThat(b.exists(table)).as(table.qualifiedName() + " exists").isEqualTo(a.exists(table));
      if (!a.exists(table)) {
        continue;
      }
      List<Row> expected = sortedRows(a, table);
      List<Row> actual = sortedRows(b, table);
      assertThat(actual).as(table.qualifiedName() + " row count").hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertSameRow(table, expected.get(i), actual.get(i));
      }
      total += expected.size();
      if (!doubleColumns(table).isEmpty()) {
        withDoubles += expected.size();
      }
      if (table.columns().stream().anyMatch(c -> c.type() instanceof LakeType.Decimal)) {
        withDecimals += expected.size();
      }
    }
    // Not a vacuous comparison: rows with exact decimals (wei) and with doubles were compared.
    assertThat(withDecimals).as("gold rows with decimal columns").isPositive();
    assertThat(withDoubles).as("gold rows with double columns").isPositive();
    return total;
  }

  /** The table's DOUBLE columns, from its declaration. */
  private static List<String> doubleColumns(TableDeclaration table) {
    return table.columns().stream()
        .filter(c -> c.type() instanceof LakeType.Primitive p && p.kind() == LakeType.Kind.DOUBLE)
        .map(io.naaplake.schema.Column::name)
        .toList();
  }

  /**
   * Rows as (JSON of the exact columns, then each double column), sorted by that JSON and the
   * doubles, so the two lakes' rows pair up.
   */
  private static List<Row> sortedRows(LakeTables lake, TableDeclaration table) {
    List<String> doubles = doubleColumns(table);
    Column[] exact =
        table.columns().stream()
            .filter(c -> !doubles.contains(c.name()))
            .map(c -> col(c.name()))
            .toArray(Column[]::new);
    List<Column> selected = new ArrayList<>();
    selected.add(to_json(struct(exact), Map.of("ignoreNullFields", "false")).as("exact"));
    doubles.forEach(d -> selected.add(col(d)));
    Dataset<Row> rows =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(lake.path(table))
            .select(selected.toArray(Column[]::new));
    List<Row> list = new ArrayList<>(rows.collectAsList());
    Comparator<Row> order = Comparator.comparing(r -> r.getString(0));
    for (int i = 1; i <= doubles.size(); i++) {
      int index = i;
      order =
          order.thenComparing(
              r -> r.isNullAt(index) ? Double.NEGATIVE_INFINITY : r.getDouble(index));
    }
    list.sort(order);
    return list;
  }

  private static void assertSameRow(TableDeclaration table, Row expected, Row actual) {
    String where = table.qualifiedName() + " row " + expected.getString(0);
    assertThat(actual.getString(0)).as(where + ": exact columns").isEqualTo(expected.getString(0));
    List<String> doubles = doubleColumns(table);
    for (int i = 1; i < expected.length(); i++) {
      String column = where + ": " + doubles.get(i - 1);
      assertThat(actual.isNullAt(i)).as(column + " is null").isEqualTo(expected.isNullAt(i));
      if (!expected.isNullAt(i)) {
        double e = expected.getDouble(i);
        double got = actual.getDouble(i);
        if (Double.isNaN(e) || Double.isInfinite(e)) {
          assertThat(got).as(column).isEqualTo(e);
        } else {
          assertThat(Math.abs(got - e))
              .as(column + " (" + e + " vs " + got + ")")
              .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(e)));
        }
      }
    }
  }

  private record Timings(Duration start, Duration submit) {}

  /** infra/spark-cluster.sh with a private run directory; its output goes to one log file. */
  private record ClusterScript(Path runDir) {

    Path log() {
      return runDir.resolve("spark-cluster-it.log");
    }

    Timings startAndSubmit(Path lake, String topics) {
      long started = System.nanoTime();
      run("start");
      Duration start = Duration.ofNanos(System.nanoTime() - started);
      long submitted = System.nanoTime();
      // What the scheduler submits for an hourly chain (SubmittedChainRunner): the job jar's
      // chain command, so the cluster runs the scheduler's own chain code.
      List<String> args = new ArrayList<>();
      args.add("submit");
      args.add("-Dnaap.lake.root=" + lake);
      args.add("-Dnaap.kafka.bootstrap-servers=" + ItEnvironment.kafka());
      args.add("-Dnaap.ingest.topics=" + topics);
      args.add("-Dnaap.trino.register=false");
      args.add("--");
      args.addAll(ChainCommand.arguments(HOURLY_CHAIN));
      run(args.toArray(String[]::new));
      return new Timings(start, Duration.ofNanos(System.nanoTime() - submitted));
    }

    void run(String... args) {
      List<String> command = new ArrayList<>();
      command.add("bash");
      command.add(infra().resolve("spark-cluster.sh").toString());
      command.addAll(List.of(args));
      try {
        Files.createDirectories(runDir);
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                // Into a file: a forked test JVM's own stdout is the test framework's channel.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("NAAP_RUN_DIR", runDir.toString());
        Process process = builder.start();
        if (!process.waitFor(SUBMIT_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(
              "infra/spark-cluster.sh " + args[0] + " timed out; see " + log());
        }
        if (process.exitValue() != 0) {
          throw new AssertionError("infra/spark-cluster.sh " + args[0] + " failed; see " + log());
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted running " + command, e);
      }
    }

    /** The script's setting as the test's environment gives it, else the script's default. */
    static String setting(String variable, String defaultValue) {
      String value = System.getenv(variable);
      return value == null || value.isBlank() ? defaultValue : value;
    }

    /** The repository's infra directory (the tests run in the batch-jobs module's directory). */
    private static Path infra() {
      Path here = Path.of("").toAbsolutePath();
      for (Path dir = here; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("infra/spark-cluster.sh"))) {
          return dir.resolve("infra");
        }
      }
      throw new IllegalStateException("infra/spark-cluster.sh not found above " + here);
    }
  }
}
