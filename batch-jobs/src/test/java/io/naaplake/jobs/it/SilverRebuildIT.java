package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.silver.SilverEventsJob;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.tools.Envelope;
import io.naaplake.tools.EventsFile;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.ToolsConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Silver, typed and derived, is a function of bronze: running it again changes nothing, and
 * dropping silver and rebuilding it from bronze gives identical tables (compared by an
 * order-independent checksum of every row). Runs in a private lake on its own topic: the real
 * sample with some envelopes delivered twice.
 */
class SilverRebuildIT {
  private static final String TOPIC = "rebuild_events";

  @Test
  void rerunAndRebuildGiveIdenticalSilverTables() throws Exception {
    JobsConfig config =
        ItEnvironment.privateLake("rebuild", Map.of("naap.ingest.topics", TOPIC + ":rebuild"));
    TestTopics.create(TOPIC, 3, Map.of());
    List<Envelope> sample =
        EventsFile.read(ItEnvironment.samples().resolve(RealSampleScenario.FILE)).envelopes();
    List<Envelope> deliveries = new ArrayList<>(sample);
    deliveries.addAll(sample.subList(0, 10)); // ten duplicate deliveries
    try (KafkaEventPublisher publisher =
        KafkaEventPublisher.connect(
            ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka()))))) {
      publisher.publish(TOPIC, deliveries);
    }
    Instant runTime = Instant.parse("2026-01-12T00:00:00Z");
    new BronzeIngestJob(SharedSpark.get(), config, Clock.systemUTC(), l -> {}).run(runTime);
    SilverEventsJob silver =
        new SilverEventsJob(SharedSpark.get(), config, Clock.systemUTC(), l -> {});
    SilverEntitiesJob entities =
        new SilverEntitiesJob(SharedSpark.get(), config, Clock.systemUTC(), l -> {});
    assertThat(silver.run(runTime).status()).isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(entities.run(runTime).status()).isEqualTo(JobRun.Status.SUCCEEDED);
    LakeTables tables = new LakeTables(SharedSpark.get(), config);
    Map<String, List<Object>> built = checksums(tables);
    // 65 events typed once each; the 10 extra deliveries are duplicates.
    long typedRows =
        SilverTables.all().stream()
            .mapToLong(t -> (Long) built.get(t.qualifiedName()).get(0))
            .sum();
    assertThat(typedRows).isEqualTo(65);
    // The sample's one session, its one selection and its six payments.
    assertThat(built.get(SessionTables.SESSIONS.qualifiedName()).get(0)).isEqualTo(1L);
    assertThat(built.get(SelectionTables.SESSION_SELECTIONS.qualifiedName()).get(0)).isEqualTo(1L);
    assertThat(built.get(JobTables.PAYMENT_LINKS.qualifiedName()).get(0)).isEqualTo(6L);

    assertThat(silver.run(runTime.plusSeconds(60)).status()).isEqualTo(JobRun.Status.NO_NEW_DATA);
    assertThat(entities.run(runTime.plusSeconds(60)).status()).isEqualTo(JobRun.Status.NO_NEW_DATA);
    assertThat(checksums(tables)).as("re-run").isEqualTo(built);

    for (TableDeclaration table : rebuiltTables()) {
      deleteRecursively(Path.of(tables.path(table)));
    }
    assertThat(silver.run(runTime.plusSeconds(120)).status()).isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(entities.rebuild(runTime.plusSeconds(120)).status())
        .isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(checksums(tables)).as("rebuilt from bronze").isEqualTo(built);
  }

  /** Every silver table, typed and derived. */
  private static List<TableDeclaration> silverTables() {
    List<TableDeclaration> all = new ArrayList<>(SilverTables.all());
    all.addAll(
        SilverEntitiesJob.outputTables().stream()
            .filter(t -> t.layer() == io.naaplake.schema.Layer.SILVER)
            .toList());
    return all;
  }

  /** What a rebuild drops: every silver table and silver's own ops tables. */
  private static List<TableDeclaration> rebuiltTables() {
    List<TableDeclaration> all = new ArrayList<>(silverTables());
    all.add(OpsTables.SILVER_RECONCILIATION);
    all.add(OpsTables.LATE_EVENTS);
    all.add(OpsTables.EVENT_TIME_WATERMARKS);
    all.add(OpsTables.SILVER_DIRTY_HOURS);
    return all;
  }

  /** Per silver table: row count and the sum of a 64-bit hash of every row. */
  private static Map<String, List<Object>> checksums(LakeTables tables) {
    Map<String, List<Object>> checksums = new LinkedHashMap<>();
    for (TableDeclaration table : silverTables()) {
      var rows = SharedSpark.get().read().format("delta").load(tables.path(table));
      Column[] columns = Stream.of(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
      // Maps cannot be hashed directly; their JSON can (keys are written in sorted order).
      // Summed as decimals: Spark 4's ANSI mode rejects a wrapping bigint sum.
      Row row =
          rows.agg(count("*"), sum(xxhash64(to_json(struct(columns))).cast("decimal(38,0)")))
              .first();
      checksums.put(
          table.qualifiedName(),
          List.of(row.getLong(0), row.isNullAt(1) ? BigDecimal.ZERO : row.getDecimal(1)));
    }
    return checksums;
  }

  private static void deleteRecursively(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
