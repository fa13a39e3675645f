package io.naaplake.jobs.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.ConcurrentWrites;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze to the typed silver event tables, incrementally: each run reads the bronze ingest batches
 * after the last reconciled one, routes and types every event, inserts first deliveries (MERGE on
 * the key, so re-running changes nothing), and stores ignored events and contract violations. The
 * run's accounting goes to {@code ops.silver_reconciliation} in one commit, which is also the
 * watermark: a crash before it re-runs the same slice with the same result.
 */
public final class SilverEventsJob {
  public static final String JOB_NAME = "silver_events";

  private final SparkSession spark;
  private final LakeTables tables;
  private final EnvelopeNormalizer normalizer;
  private final JobRunLog runLog;
  private final Clock clock;
  private final Consumer<String> progress;
  private final ConcurrentWrites writes;

  public SilverEventsJob(
      SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = new LakeTables(spark, config);
    this.normalizer = new EnvelopeNormalizer(ClientIpPolicy.from(config.clientIpKey()));
    this.runLog = new JobRunLog(spark, tables);
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = ConcurrentWrites.serialized(requireNonNull(progress, "progress is null"));
    this.writes = config.writes();
  }

  /** The tables this job writes. */
  public static List<TableDeclaration> outputTables() {
    List<TableDeclaration> output = new ArrayList<>(SilverTables.all());
    output.add(OpsTables.SILVER_RECONCILIATION);
    return output;
  }

  public JobRun run(Instant runTime) {
    writes.forEach(outputTables(), tables::ensure);
    Instant started = clock.instant();
    String runId = JOB_NAME + "-" + runTime + "-" + UUID.randomUUID().toString().substring(0, 8);
    long watermark = watermark();
    Dataset<Row> slice =
        read(BronzeTables.RAW_EVENTS)
            .where(col("ingest_batch_id").gt(lit(watermark)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> bronzeRows = countByType(slice);
      if (bronzeRows.isEmpty()) {
        progress.accept("silver: no bronze batches after " + watermark);
        return log(runId, runTime, started, JobRun.Status.NO_NEW_DATA, Optional.empty(), Map.of());
      }
      long toBatch = slice.agg(max(col("ingest_batch_id"))).first().getLong(0);
      progress.accept(
          "silver: bronze batches " + (watermark + 1) + ".." + toBatch + ": " + bronzeRows);
      Map<String, Accounting> accounting = process(slice, bronzeRows);
      writeReconciliation(runId, runTime, watermark + 1, toBatch, accounting);
      return log(
          runId, runTime, started, JobRun.Status.SUCCEEDED, Optional.of(toBatch), accounting);
    } finally {
      slice.unpersist();
    }
  }

  private Map<String, Accounting> process(Dataset<Row> slice, Map<String, Long> bronzeRows) {
    List<EventFamily> present =
        java.util.Arrays.stream(EventFamily.values())
            .filter(family -> bronzeRows.containsKey(family.wireName()))
            .toList();
    List<FamilyOutcome> outcomes =
        writes.map(present, family -> type(slice, family, bronzeRows.get(family.wireName())));
    Map<String, Accounting> accounting = new TreeMap<>();
    List<Dataset<Row>> ignored = new ArrayList<>();
    List<Dataset<Row>> problems = new ArrayList<>();
    for (FamilyOutcome outcome : outcomes) {
      accounting.put(outcome.family().wireName(), outcome.accounting());
      ignored.add(outcome.ignored());
      problems.add(outcome.problems());
    }
    Dataset<Row> unsupported = SilverEventsTransform.unsupportedFamilies(slice);
    unsupported
        .groupBy("event_type")
        .count()
        .collectAsList()
        .forEach(row -> accounting.put(row.getString(0), Accounting.ignoredOnly(row.getLong(1))));
    ignored.add(SilverEventsTransform.project(unsupported, SilverTables.IGNORED_EVENTS, Map.of()));
    DeltaWrites.insertNew(
        union(ignored),
        tables.path(SilverTables.IGNORED_EVENTS),
        SilverTables.IGNORED_EVENTS.keyColumns());
    DeltaWrites.insertNew(
        union(problems),
        tables.path(SilverTables.QUARANTINE),
        SilverTables.QUARANTINE.keyColumns());
    return accounting;
  }

  /**
   * Types one family's bronze rows into its silver table (new keys only) and returns its accounting
   * with its ignored and problem rows, checkpointed for the shared ignored and quarantine writes.
   */
  private FamilyOutcome type(Dataset<Row> slice, EventFamily family, long rows) {
    Dataset<Row> outcomes =
        SilverEventsTransform.normalize(
                slice.where(col("event_type").equalTo(family.wireName())), family, normalizer)
            .persist(StorageLevel.MEMORY_AND_DISK());
    TableDeclaration table = SilverTables.of(family);
    Dataset<Row> flagged =
        Deduplication.flag(SilverEventsTransform.typed(outcomes, family), read(table), table)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      DeltaWrites.insertNew(
          SilverEventsTransform.project(
              flagged.where(col(Deduplication.DUPLICATE).unary_$bang()), table, Map.of()),
          tables.path(table),
          table.keyColumns());
      Accounting accounting = Accounting.of(rows, outcomes, flagged);
      progress.accept("silver." + family.wireName() + ": " + accounting);
      return new FamilyOutcome(
          family,
          accounting,
          SilverEventsTransform.ignored(outcomes).localCheckpoint(),
          SilverEventsTransform.problems(outcomes).localCheckpoint());
    } finally {
      flagged.unpersist();
      outcomes.unpersist();
    }
  }

  /** What typing one family produced. */
  private record FamilyOutcome(
      EventFamily family, Accounting accounting, Dataset<Row> ignored, Dataset<Row> problems) {}

  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.unionByName(parts.get(i));
    }
    return all;
  }

  /** The last bronze batch a completed silver run reconciled; -1 before the first. */
  private long watermark() {
    Row row = read(OpsTables.SILVER_RECONCILIATION).agg(max(col("to_batch_id"))).first();
    return row.isNullAt(0) ? -1 : row.getLong(0);
  }

  private Map<String, Long> countByType(Dataset<Row> slice) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : slice.groupBy("event_type").count().collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }

  private void writeReconciliation(
      String runId, Instant runTime, long fromBatch, long toBatch, Map<String, Accounting> byType) {
    List<Row> rows = new ArrayList<>();
    byType.forEach(
        (type, a) ->
            rows.add(
                RowFactory.create(
                    runId,
                    Timestamp.from(runTime),
                    fromBatch,
                    toBatch,
                    type,
                    a.bronzeRows(),
                    a.typedEvents(),
                    a.typedRows(),
                    a.duplicates(),
                    a.ignored(),
                    a.quarantined(),
                    a.partiallyQuarantined())));
    DeltaWrites.append(
        spark.createDataFrame(rows, SparkSchemas.structType(OpsTables.SILVER_RECONCILIATION)),
        tables.path(OpsTables.SILVER_RECONCILIATION));
  }

  private JobRun log(
      String runId,
      Instant runTime,
      Instant started,
      JobRun.Status status,
      Optional<Long> toBatch,
      Map<String, Accounting> accounting) {
    long in = accounting.values().stream().mapToLong(Accounting::bronzeRows).sum();
    long out = accounting.values().stream().mapToLong(Accounting::typedRows).sum();
    long quarantined = accounting.values().stream().mapToLong(Accounting::quarantined).sum();
    Map<String, Long> versions = new LinkedHashMap<>();
    if (status == JobRun.Status.SUCCEEDED) {
      for (TableDeclaration table : outputTables()) {
        versions.put(table.qualifiedName(), tables.version(table));
      }
    }
    JobRun run =
        new JobRun(
            runId,
            JOB_NAME,
            status,
            started,
            clock.instant(),
            runTime,
            toBatch,
            toBatch.map(to -> "bronze ingest batches up to " + to),
            in,
            out,
            quarantined,
            0,
            Optional.empty(),
            Optional.empty(),
            versions);
    runLog.append(run);
    return run;
  }

  private Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }

  /** How the bronze events of one type were accounted for in a run. */
  record Accounting(
      long bronzeRows,
      long typedEvents,
      long typedRows,
      long duplicates,
      long ignored,
      long quarantined,
      long partiallyQuarantined) {

    static Accounting ignoredOnly(long rows) {
      return new Accounting(rows, 0, 0, 0, rows, 0, 0);
    }

    /** Per bronze event (coordinates): typed or duplicate, ignored, or quarantined. */
    static Accounting of(long bronzeRows, Dataset<Row> outcomes, Dataset<Row> flagged) {
      String[] coordinates = {"kafka_topic", "kafka_partition", "kafka_offset"};
      Dataset<Row> duplicateEvents =
          flagged
              .groupBy(coordinates[0], coordinates[1], coordinates[2])
              .agg(max(col(Deduplication.DUPLICATE)).as("duplicate"));
      Dataset<Row> events =
          outcomes
              .groupBy(coordinates[0], coordinates[1], coordinates[2])
              .agg(
                  max(flag(SilverEventsTransform.TYPED)).as("typed"),
                  max(flag(SilverEventsTransform.PROBLEM)).as("problem"),
                  max(flag(SilverEventsTransform.IGNORED)).as("ignored"))
              .join(
                  duplicateEvents,
                  scala.jdk.javaapi.CollectionConverters.asScala(List.of(coordinates)).toSeq(),
                  "left");
      Row totals =
          events
              .selectExpr(
                  "count_if(typed AND NOT coalesce(duplicate, false))",
                  "count_if(typed AND coalesce(duplicate, false))",
                  "count_if(ignored)",
                  "count_if(NOT typed AND problem)",
                  "count_if(typed AND NOT coalesce(duplicate, false) AND problem)")
              .first();
      long typedRows = flagged.where(col(Deduplication.DUPLICATE).unary_$bang()).count();
      return new Accounting(
          bronzeRows,
          totals.getLong(0),
          typedRows,
          totals.getLong(1),
          totals.getLong(2),
          totals.getLong(3),
          totals.getLong(4));
    }

    private static org.apache.spark.sql.Column flag(String outcome) {
      return when(col(SilverEventsTransform.OUTCOME).equalTo(outcome), true).otherwise(false);
    }
  }
}
