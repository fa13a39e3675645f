package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BatchPlanner.OffsetGap;
import io.naaplake.jobs.bronze.OffsetRange.TopicPartitionKey;
import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.JobRunLog;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Kafka to bronze, exactly once across runs and crashes.
 *
 * <p>Why a ledger and Delta transaction ids rather than Structured Streaming's AvailableNow with a
 * checkpoint: the checkpoint would live outside the lake and cannot tell which offsets expired from
 * Kafka before they were read (with {@code failOnDataLoss=false} it skips them silently). Here:
 *
 * <ol>
 *   <li>the next batch's offset ranges are planned from the ledger and Kafka's current bounds, and
 *       recorded in {@code ops.kafka_ingest_batches} before any data is written;
 *   <li>every data write of the batch ({@code raw_events}, {@code quarantine}, {@code
 *       kafka_offset_gaps}) commits with txnAppId/txnVersion = batch id, so Delta applies it at
 *       most once;
 *   <li>a succeeded row in {@code ops.job_runs} marks the batch complete. A run that finds the last
 *       planned batch incomplete (a crash) first re-executes it over the same ranges: writes that
 *       committed are skipped, the others are done.
 * </ol>
 */
public final class BronzeIngestJob {
  public static final String JOB_NAME = "bronze_ingest";
  private static final String APP_ID = "naap.bronze_ingest";

  private final SparkSession spark;
  private final JobsConfig config;
  private final LakeTables tables;
  private final OffsetLedger ledger;
  private final JobRunLog runLog;
  private final Clock clock;
  private final Consumer<String> progress;

  public BronzeIngestJob(
      SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.tables = new LakeTables(spark, config);
    this.ledger = new OffsetLedger(spark, tables);
    this.runLog = new JobRunLog(spark, tables);
  }

  /** The tables this job writes, in the order they are created. */
  public static List<TableDeclaration> outputTables() {
    return List.of(
        OpsTables.KAFKA_INGEST_BATCHES,
        BronzeTables.RAW_EVENTS,
        BronzeTables.QUARANTINE,
        OpsTables.KAFKA_OFFSET_GAPS,
        OpsTables.JOB_RUNS);
  }

  /**
   * Completes an interrupted batch if there is one, then ingests everything Kafka held when the run
   * started, in batches of at most the configured offsets per partition.
   *
   * @param runTime the run's logical time: stamped as ingested_at/planned_at, never read from a
   *     clock inside the transform
   */
  public List<JobRun> run(Instant runTime) {
    outputTables().forEach(tables::ensure);
    List<JobRun> runs = new ArrayList<>();
    Optional<Long> last = ledger.lastBatchId();
    if (last.isPresent() && !runLog.batchCompleted(JOB_NAME, last.get())) {
      progress.accept("batch " + last.get() + " was interrupted; re-executing its offset ranges");
      runs.add(execute(last.get(), ledger.ranges(last.get()), runTime));
    }
    List<PartitionBounds> bounds = KafkaPartitionBounds.read(config, config.topicOrgs().keySet());
    long nextBatch = last.map(id -> id + 1).orElse(0L);
    while (true) {
      Map<TopicPartitionKey, Long> ends = ledger.endsBefore(nextBatch);
      List<OffsetRange> ranges =
          BatchPlanner.plan(ends, bounds, config.topicOrgs(), config.maxOffsetsPerPartition());
      if (ranges.isEmpty()) {
        break;
      }
      String runId = newRunId(runTime, nextBatch);
      ledger.record(nextBatch, ranges, runId, runTime);
      progress.accept("planned batch " + nextBatch + ": " + OffsetJson.ranges(ranges));
      runs.add(execute(nextBatch, ranges, runTime));
      nextBatch++;
    }
    if (runs.isEmpty()) {
      runs.add(recordNoNewData(runTime));
    }
    return runs;
  }

  private JobRun execute(long batchId, List<OffsetRange> ranges, Instant runTime) {
    Instant started = clock.instant();
    String runId = newRunId(runTime, batchId);
    try {
      JobRun run = executeBatch(runId, batchId, ranges, runTime, started);
      runLog.append(run);
      progress.accept(
          "batch "
              + batchId
              + " done: "
              + run.rowsIn()
              + " messages, "
              + run.rowsOut()
              + " to bronze.raw_events, "
              + run.rowsQuarantined()
              + " quarantined, "
              + run.offsetsLost()
              + " offsets lost");
      return run;
    } catch (RuntimeException e) {
      runLog.append(failed(runId, batchId, ranges, runTime, started, e));
      throw e;
    }
  }

  private JobRun executeBatch(
      String runId, long batchId, List<OffsetRange> ranges, Instant runTime, Instant started) {
    List<OffsetGap> gaps = BatchPlanner.gaps(ranges, ledger.endsBefore(batchId));
    IngestBatchContext context =
        new IngestBatchContext(runId, batchId, runTime, config.topicOrgs());
    EnvelopeClassifier classifier =
        new EnvelopeClassifier(
            config.maxEventSize().toIntBytes(), config.quarantinePrefixSize().toIntBytes());
    Dataset<Row> classified =
        BronzeIngestTransform.classify(
                KafkaBatchSource.read(spark, config, ranges), context, classifier)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> raw = BronzeIngestTransform.rawEvents(classified);
      Dataset<Row> quarantine = BronzeIngestTransform.quarantine(classified);
      long rowsIn = classified.count();
      progress.accept("writing bronze.raw_events for batch " + batchId);
      DeltaWrites.appendOnce(raw, tables.path(BronzeTables.RAW_EVENTS), APP_ID, batchId);
      progress.accept("committed bronze.raw_events for batch " + batchId);
      long quarantined = quarantine.count();
      if (quarantined > 0) {
        DeltaWrites.appendOnce(quarantine, tables.path(BronzeTables.QUARANTINE), APP_ID, batchId);
        progress.accept("committed bronze.quarantine for batch " + batchId);
      }
      if (!gaps.isEmpty()) {
        new OffsetGapLog(spark, tables).record(gaps, batchId, runId, runTime, APP_ID);
        progress.accept("recorded " + gaps.size() + " offset gap(s) for batch " + batchId);
      }
      return new JobRun(
          runId,
          JOB_NAME,
          JobRun.Status.SUCCEEDED,
          started,
          clock.instant(),
          runTime,
          Optional.of(batchId),
          Optional.of(OffsetJson.ranges(ranges)),
          rowsIn,
          rowsIn - quarantined,
          quarantined,
          gaps.stream().mapToLong(OffsetGap::count).sum(),
          Optional.empty(),
          Optional.empty(),
          versions());
    } finally {
      classified.unpersist();
    }
  }

  private JobRun failed(
      String runId,
      long batchId,
      List<OffsetRange> ranges,
      Instant runTime,
      Instant started,
      RuntimeException error) {
    return new JobRun(
        runId,
        JOB_NAME,
        JobRun.Status.FAILED,
        started,
        clock.instant(),
        runTime,
        Optional.of(batchId),
        Optional.of(OffsetJson.ranges(ranges)),
        0,
        0,
        0,
        0,
        Optional.of(NaapException.categoryOf(error).name().toLowerCase(java.util.Locale.ROOT)),
        Optional.ofNullable(error.getMessage()),
        Map.of());
  }

  private JobRun recordNoNewData(Instant runTime) {
    Instant now = clock.instant();
    JobRun run =
        new JobRun(
            newRunId(runTime, -1),
            JOB_NAME,
            JobRun.Status.NO_NEW_DATA,
            now,
            now,
            runTime,
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            Map.of());
    runLog.append(run);
    progress.accept("no new messages in " + config.topicOrgs().keySet());
    return run;
  }

  private Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (TableDeclaration table : outputTables()) {
      if (table != OpsTables.JOB_RUNS) {
        versions.put(table.qualifiedName(), tables.version(table));
      }
    }
    return versions;
  }

  /** Run ids are unique labels, not inputs to any computed value. */
  private static String newRunId(Instant runTime, long batchId) {
    String batch = batchId < 0 ? "" : "-b" + batchId;
    return JOB_NAME + "-" + runTime + batch + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
