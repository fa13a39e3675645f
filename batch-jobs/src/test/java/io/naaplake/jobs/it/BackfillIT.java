package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.backfill.Backfill;
import io.naaplake.jobs.backfill.BackfillLayer;
import io.naaplake.jobs.backfill.BackfillRequest;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.WriterLease;
import io.naaplake.jobs.progress.ProgressBar;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.GoldRevisionTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.simulator.Cadences;
import io.naaplake.simulator.NetworkSimulator;
import io.naaplake.simulator.SimulationConfig;
import io.naaplake.simulator.TruthSink;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.RawMessage;
import io.naaplake.tools.ToolsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code ./naap backfill} on a private lake: a simulated network of one stream over 30 hours
 * (2025-11-20T20:00Z to 2025-11-22T02:00Z, three UTC dates, the middle one whole) run through the
 * pipeline once, then backfilled. Backfilling the middle day gives gold identical to the run's
 * (idempotent, no revisions, other days untouched); a day deleted from gold is restored by a
 * backfill of it; a backfill while another writer holds the lake fails at once naming it.
 */
class BackfillIT {
  private static final Instant START = Instant.parse("2025-11-20T20:00:00Z");
  private static final Instant RUN_TIME = Instant.parse("2025-11-22T03:00:00Z");
  private static final LocalDate MIDDLE = LocalDate.parse("2025-11-21");

  @Test
  void backfillIsIdempotentRestoresLostDaysAndWaitsForNoOtherWriter() throws Exception {
    // Topics unique per run: the broker outlives a local run, the private lake does not.
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String streaming = "backfill_streaming_" + suffix;
    String network = "backfill_network_" + suffix;
    JobsConfig config =
        ItEnvironment.privateLake(
            "backfill-" + suffix,
            Map.of("naap.ingest.topics", streaming + ":cloudspe," + network + ":daydream"));
    TestTopics.create(streaming, 2, Map.of());
    TestTopics.create(network, 2, Map.of());
    publishSimulatedNetwork(Map.of("cloudspe", streaming, "daydream", network));
    SparkSession spark = SharedSpark.get();
    LakeTables tables = new LakeTables(spark, config);
    new LakePipeline(spark, config, Clock.systemUTC(), line -> {}).runOnce(RUN_TIME);

    Map<String, Map<LocalDate, List<String>>> published = goldRows(spark, tables);
    long revisionsPublished = count(spark, tables, GoldRevisionTables.REVISIONS);
    assertThat(published.get(GoldSlaTables.STREAMING_SLA_HOURLY.qualifiedName()).get(MIDDLE))
        .as("the middle day has hourly SLA rows to backfill")
        .hasSizeGreaterThan(10);

    // (a) The middle day, silver then gold: nothing changes, in the window or outside it.
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    long started = System.nanoTime();
    List<JobRun> runs =
        backfill(
            spark, config, Duration.ZERO, bar, List.of(BackfillLayer.SILVER, BackfillLayer.GOLD));
    long silverAndGoldMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(runs)
        .extracting(JobRun::job, r -> r.windowDescription().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Backfill.SILVER_JOB_NAME, "2025-11-21 to 2025-11-22 (exclusive)"),
            org.assertj.core.groups.Tuple.tuple(GoldJob.BACKFILL_JOB_NAME, "2025-11-21"));
    assertThat(runs).extracting(JobRun::status).containsOnly(JobRun.Status.SUCCEEDED);
    assertThat(runs.get(1).rowsIn()).as("revised rows").isZero();
    assertSameGold(goldRows(spark, tables), published);
    assertThat(count(spark, tables, GoldRevisionTables.REVISIONS)).isEqualTo(revisionsPublished);
    assertThat(bar.toString(StandardCharsets.UTF_8))
        .contains("[..........] 0/2 steps  silver 2025-11-21  ETA --")
        .contains("[#####.....] 1/2 steps  gold 2025-11-21  ETA ")
        .contains("[##########] 2/2 steps  backfill of 2025-11-21..2025-11-22 (exclusive) done");
    assertThat(
            spark
                .read()
                .format("delta")
                .load(tables.path(OpsTables.JOB_RUNS))
                .where(col("job").equalTo(GoldJob.BACKFILL_JOB_NAME))
                .select("window_description")
                .collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("2025-11-21");

    // (b) A day lost from gold comes back as it was, without revisions.
    String hourly = tables.path(GoldSlaTables.STREAMING_SLA_HOURLY);
    DeltaTable.forPath(spark, hourly).delete(col("window_date").equalTo(lit(Date.valueOf(MIDDLE))));
    assertThat(goldRows(spark, tables).get(GoldSlaTables.STREAMING_SLA_HOURLY.qualifiedName()))
        .doesNotContainKey(MIDDLE);
    started = System.nanoTime();
    backfill(
        spark, config, Duration.ZERO, new ByteArrayOutputStream(), List.of(BackfillLayer.GOLD));
    long goldDayMillis = (System.nanoTime() - started) / 1_000_000;
    assertSameGold(goldRows(spark, tables), published);
    assertThat(count(spark, tables, GoldRevisionTables.REVISIONS)).isEqualTo(revisionsPublished);

    // (c) Another writer holds the lake: the backfill does not wait (max-wait 0) and names it.
    LakePipeline other =
        new LakePipeline(
            spark, config, Clock.systemUTC(), line -> {}, "scheduler hourly", Duration.ZERO);
    try (WriterLease held = other.holdLake("run")) {
      assertThatThrownBy(
              () ->
                  backfill(
                      spark,
                      config,
                      Duration.ZERO,
                      new ByteArrayOutputStream(),
                      List.of(BackfillLayer.GOLD)))
          .isInstanceOfSatisfying(
              NaapException.class, e -> assertThat(e.code()).isEqualTo("LAKE_WRITER_BUSY"))
          .hasMessageContaining("scheduler hourly: run");
    }
    System.out.printf(
        "BackfillIT: silver+gold backfill of one day %d ms, gold backfill of one day %d ms%n",
        silverAndGoldMillis, goldDayMillis);
  }

  private static List<JobRun> backfill(
      SparkSession spark,
      JobsConfig config,
      Duration maxWait,
      ByteArrayOutputStream bar,
      List<BackfillLayer> layers) {
    PrintStream out = new PrintStream(bar, true, StandardCharsets.UTF_8);
    return new Backfill(
            spark,
            config,
            Clock.systemUTC(),
            maxWait,
            steps -> new ProgressBar(out, false, Clock.systemUTC(), "steps", steps))
        .run(new BackfillRequest(MIDDLE, MIDDLE.plusDays(1), layers, RUN_TIME));
  }

  /** One stream (about 70 events an hour at these cadences), two orchestrators, a few jobs. */
  private static void publishSimulatedNetwork(Map<String, String> orgTopics) {
    SimulationConfig simulation =
        SimulationConfig.builder()
            .seed(7)
            .start(START)
            .duration(Duration.ofHours(30))
            .orchestrators(2)
            .concurrentStreams(1)
            .streamIdPrefix("backfill-")
            .orgTopics(new LinkedHashMap<>(orgTopics))
            .sessionMedianDuration(Duration.ofMinutes(20))
            .cadences(
                new Cadences(
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(2),
                    1,
                    Duration.ofSeconds(6),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(25),
                    Duration.ofMinutes(10)))
            .aiBatchJobsPerMinute(0.05)
            .llmJobsPerMinute(0.05)
            .byocJobsPerMinute(0.05)
            .build();
    Map<String, List<RawMessage>> byTopic = new TreeMap<>();
    new NetworkSimulator(simulation)
        .run(
            (topic, key, value) ->
                byTopic
                    .computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(new RawMessage(key, value)),
            TruthSink.NONE);
    try (KafkaEventPublisher publisher =
        KafkaEventPublisher.connect(
            ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka()))))) {
      byTopic.forEach(publisher::publishRaw);
    }
  }

  /**
   * Every gold table but the revisions log: per date partition, its rows as sorted JSON, doubles to
   * 12 significant digits (as gold.revisions compares them: the last bits of a sum of doubles
   * depend on the order partial sums merge).
   */
  private static Map<String, Map<LocalDate, List<String>>> goldRows(
      SparkSession spark, LakeTables tables) {
    Map<String, Map<LocalDate, List<String>>> rows = new TreeMap<>();
    for (TableDeclaration table : GoldJob.outputTables()) {
      if (table.equals(GoldRevisionTables.REVISIONS)) {
        continue;
      }
      Column[] values =
          table.columns().stream()
              .map(
                  c ->
                      c.type().equals(LakeType.float64())
                          ? format_string("%.12g", col(c.name())).as(c.name())
                          : col(c.name()))
              .toArray(Column[]::new);
      Map<LocalDate, List<String>> byDate = new TreeMap<>();
      for (Row row :
          spark
              .read()
              .format("delta")
              .load(tables.path(table))
              .select(
                  col(table.partitionColumns().get(0)).as("partition_date"),
                  to_json(struct(values), Map.of("ignoreNullFields", "false")).as("row"))
              .collectAsList()) {
        byDate
            .computeIfAbsent(row.getDate(0).toLocalDate(), d -> new ArrayList<>())
            .add(row.getString(1));
      }
      byDate.values().forEach(list -> list.sort(null));
      rows.put(table.qualifiedName(), byDate);
    }
    return rows;
  }

  /** Table by table and day by day, so a failure names the table and whether it was the window. */
  private static void assertSameGold(
      Map<String, Map<LocalDate, List<String>>> actual,
      Map<String, Map<LocalDate, List<String>>> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String table : expected.keySet()) {
      assertThat(actual.get(table).keySet())
          .as(table + " dates")
          .isEqualTo(expected.get(table).keySet());
      for (LocalDate date : expected.get(table).keySet()) {
        assertThat(actual.get(table).get(date))
            .as(table + " on " + date + (date.equals(MIDDLE) ? " (the window)" : " (outside)"))
            .isEqualTo(expected.get(table).get(date));
      }
    }
  }

  private static long count(SparkSession spark, LakeTables tables, TableDeclaration table) {
    Dataset<Row> rows = spark.read().format("delta").load(tables.path(table));
    return rows.count();
  }
}
