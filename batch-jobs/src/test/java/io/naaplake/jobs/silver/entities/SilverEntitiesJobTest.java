package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.silver.SilverEventsJob;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.tools.Envelope;
import io.naaplake.tools.EventsFile;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities job shell on a private lake whose typed silver tables are written directly, batch by
 * batch (as SilverEventsJob would), so runs, re-runs, late announcements and the lateness horizon
 * can be exercised without Kafka. The tests run in order on one lake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SilverEntitiesJobTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final String SAMPLE_SESSION = "cloudspe|stream-o5s73x-mk5zc8fy|db936fab";
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(RUN_TIME, ZoneOffset.UTC);

  @TempDir static Path lake;
  private static SparkSession spark;
  private static JobsConfig config;
  private static LakeTables tables;

  @BeforeAll
  static void lake() {
    spark = LocalSpark.get();
    config =
        JobsConfig.from(
            Settings.of(Map.of("naap.lake.root", lake.toString(), "naap.trino.register", "false")));
    tables = new LakeTables(spark, config);
    SilverEventsJob.outputTables().forEach(tables::ensure);
  }

  @Test
  @Order(1)
  void realSampleGivesItsSessionAttributionAndPayments() {
    land(0, "cloudspe", sampleEnvelopes());

    JobRun run = job().run(RUN_TIME);

    assertThat(run.status()).isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(run.batchId()).contains(0L);
    // 65 envelopes, all typed (none ignored or quarantined in the sample).
    assertThat(run.rowsIn()).isEqualTo(65);
    Row session = only(read(SessionTables.SESSIONS));
    assertThat(session.<String>getAs("session_key")).isEqualTo(SAMPLE_SESSION);
    assertThat(session.<Boolean>getAs("playable")).isTrue();
    // The only selection: the first trace naming rtav-orch2; its only announcement came 74 s later.
    Row selection = only(read(SelectionTables.SESSION_SELECTIONS));
    assertThat(selection.<String>getAs("attribution_status")).isEqualTo("resolved");
    assertThat(selection.<String>getAs("attribution_reason")).isEqualTo("future_skew");
    assertThat(selection.<String>getAs("attributed_orch_address"))
        .isEqualTo("0xd00354656922168815fcd1e51cbddb9e359e3c7f");
    assertThat(selection.<String>getAs("attributed_orch_uri"))
        .isEqualTo("https://rtav-orch2.xodeapp.xyz:28935");
    assertThat(selection.<String>getAs("attributed_gpu_id"))
        .isEqualTo("GPU-a8d13655-197b-2226-d09f-b4b81e07504b");
    // Six create_new_payment events; one carries the session's request id db936fab.
    Dataset<Row> payments = read(JobTables.PAYMENT_LINKS);
    assertThat(payments.count()).isEqualTo(6);
    assertThat(payments.where(col("linked_session_key").equalTo(SAMPLE_SESSION)).count())
        .isEqualTo(1);
    // Nothing was behind an earlier high-water mark: the lake was empty.
    assertThat(read(OpsTables.LATE_EVENTS).count()).isZero();
    assertThat(read(OpsTables.SILVER_DIRTY_HOURS).count()).isPositive();
  }

  @Test
  @Order(2)
  void reRunningTheSameBatchesChangesNothing() {
    Map<String, Long> before = checksums();

    JobRun again = job().run(RUN_TIME);
    assertThat(again.status()).isEqualTo(JobRun.Status.NO_NEW_DATA);
    // A crash before the job_runs row: the same batch range is recomputed from scratch.
    new SilverEntitiesJob(spark, config, CLOCK, line -> {}).recompute(RUN_TIME, -1, 0);

    assertThat(checksums()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void lateAnnouncementReattributesAnEarlierSelection() {
    // Batch 1: a session whose orchestrator (late.orch) has not announced yet.
    land(
        1,
        "cloudspe",
        List.of(trace("late-1", "2026-01-08T22:00:00Z", "late-stream", "https://late.orch:1")));
    job().run(RUN_TIME);
    assertThat(selectionOf("cloudspe|late-stream|lt000001").<String>getAs("attribution_status"))
        .isEqualTo("unresolved");

    // Batch 2: its announcement from 2 minutes before the selection arrives.
    land(
        2,
        "cloudspe",
        List.of(capabilities("late-caps", "2026-01-08T21:58:00Z", "https://late.orch:1")));
    job().run(RUN_TIME);

    Row selection = selectionOf("cloudspe|late-stream|lt000001");
    assertThat(selection.<String>getAs("attribution_status")).isEqualTo("hardware_less");
    assertThat(selection.<String>getAs("attributed_orch_address"))
        .isEqualTo("0x00000000000000000000000000000000000000aa");
    assertThat(selection.<String>getAs("snapshot_event_id")).isEqualTo("late-caps");
    // The announcement is 2 min behind the high-water mark 22:00 set by batch 1: late, recomputed.
    Row late = only(read(OpsTables.LATE_EVENTS).where(col("to_batch_id").equalTo(2)));
    assertThat(late.<String>getAs("disposition")).isEqualTo("recomputed");
    assertThat(late.<Long>getAs("max_lateness_seconds")).isEqualTo(120);
  }

  @Test
  @Order(4)
  void eventsBeyondTheHorizonAreCountedButDoNotChangeHistory() {
    // 2026-01-06 is more than 48 h behind the org's high-water mark (2026-01-08T22:00).
    land(
        3,
        "cloudspe",
        List.of(trace("old-1", "2026-01-06T10:00:00Z", "old-stream", "https://late.orch:1")));
    job().run(RUN_TIME);

    assertThat(read(SessionTables.SESSIONS).where(col("stream_id").equalTo("old-stream")).count())
        .isZero();
    Row late = only(read(OpsTables.LATE_EVENTS).where(col("to_batch_id").equalTo(3)));
    assertThat(late.<String>getAs("disposition")).isEqualTo("beyond_horizon");
    assertThat(late.<Long>getAs("events")).isEqualTo(1);
    // The event itself is stored in its typed table.
    assertThat(
            read(SilverTables.of(EventFamily.STREAM_TRACE))
                .where(col("event_id").equalTo("old-1"))
                .count())
        .isEqualTo(1);
  }

  private static SilverEntitiesJob job() {
    return new SilverEntitiesJob(spark, config, CLOCK, line -> {});
  }

  /** Writes the envelopes' typed rows as bronze batch {@code batch} and reconciles the batch. */
  private static void land(long batch, String org, List<String> envelopes) {
    for (EventFamily family : EventFamily.values()) {
      TableDeclaration table = SilverTables.of(family);
      Dataset<Row> typed =
          TypedEvents.typed(spark, family, org, envelopes)
              .withColumn("ingest_batch_id", lit(batch));
      DeltaWrites.insertNew(typed, tables.path(table), table.keyColumns());
    }
    Row reconciled =
        RowFactory.create(
            "test-" + batch,
            Timestamp.from(RUN_TIME),
            batch,
            batch,
            "all",
            0L,
            0L,
            0L,
            0L,
            0L,
            0L,
            0L);
    DeltaWrites.append(
        spark.createDataFrame(
            List.of(reconciled), SparkSchemas.structType(OpsTables.SILVER_RECONCILIATION)),
        tables.path(OpsTables.SILVER_RECONCILIATION));
  }

  private static List<String> sampleEnvelopes() {
    List<String> json = new ArrayList<>();
    for (Envelope envelope :
        EventsFile.read(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json")).envelopes()) {
      json.add(envelope.json().toString());
    }
    return json;
  }

  private static String trace(String id, String time, String stream, String url) {
    long millis = Instant.parse(time).toEpochMilli();
    return "{\"id\":\""
        + id
        + "\",\"type\":\"stream_trace\",\"timestamp\":\""
        + millis
        + "\",\"gateway\":\"0xgw\",\"data\":{\"type\":\"gateway_receive_stream_request\","
        + "\"stream_id\":\""
        + stream
        + "\",\"request_id\":\"lt000001\",\"timestamp\":"
        + millis
        + ",\"orchestrator_info\":{\"address\":\"0xhot\",\"url\":\""
        + url
        + "\"}}}";
  }

  private static String capabilities(String id, String time, String uri) {
    long millis = Instant.parse(time).toEpochMilli();
    return "{\"id\":\""
        + id
        + "\",\"type\":\"network_capabilities\",\"timestamp\":\""
        + millis
        + "\",\"gateway\":\"0xgw\",\"data\":[{\"address\":\"0x00000000000000000000000000000000000000AA\","
        + "\"local_address\":\"0xhot\",\"orch_uri\":\""
        + uri
        + "\","
        + "\"capabilities\":{\"version\":\"0.8.10\",\"constraints\":{\"PerCapability\":{\"35\":"
        + "{\"models\":{\"streamdiffusion-sdxl\":{\"warm\":true,\"capacity\":1}}}}}}}]}";
  }

  private static Row selectionOf(String sessionKey) {
    return only(
        read(SelectionTables.SESSION_SELECTIONS).where(col("session_key").equalTo(sessionKey)));
  }

  private static Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }

  private static Row only(Dataset<Row> rows) {
    List<Row> all = rows.collectAsList();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  /** A checksum of each derived table's rows (order-independent). */
  private static Map<String, Long> checksums() {
    Map<String, Long> sums = new java.util.TreeMap<>();
    List<TableDeclaration> derived = new ArrayList<>(CapabilityTables.all());
    derived.add(SessionTables.SESSIONS);
    derived.add(SessionTables.SESSION_HOURS);
    derived.add(SelectionTables.SESSION_SELECTIONS);
    derived.addAll(JobTables.all());
    for (TableDeclaration table : derived) {
      Row row =
          read(table)
              .selectExpr("count(*)", "coalesce(bit_xor(xxhash64(to_json(struct(*)))), 0)")
              .first();
      sums.put(table.name() + ".rows", row.getLong(0));
      sums.put(table.name() + ".hash", row.getLong(1));
    }
    return sums;
  }
}
