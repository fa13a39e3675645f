package io.naaplake.jobs.runs;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends to and reads {@code ops.job_runs}. */
public final class JobRunLog {
  private final SparkSession spark;
  private final LakeTables tables;
  private final String path;

  public JobRunLog(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
    this.path = tables.path(OpsTables.JOB_RUNS);
  }

  /** What a run that covers input batches did: the fields its run-log row is made from. */
  public record BatchRun(
      String runId,
      String job,
      JobRun.Status status,
      Instant startedAt,
      Instant finishedAt,
      Instant runTime,
      long toBatch,
      String description,
      long rowsIn,
      long rowsOut,
      List<TableDeclaration> outputs) {}

  /**
   * Appends the row of a run that covers input batches up to {@code toBatch}; the batch, the
   * description and the output tables' versions are recorded only when it succeeded (a run that
   * found nothing new completed no batch).
   */
  public JobRun appendBatchRun(BatchRun batchRun) {
    boolean succeeded = batchRun.status() == JobRun.Status.SUCCEEDED;
    Map<String, Long> versions = new LinkedHashMap<>();
    if (succeeded) {
      for (TableDeclaration table : batchRun.outputs()) {
        versions.put(table.qualifiedName(), tables.version(table));
      }
    }
    Optional<Long> batch = succeeded ? Optional.of(batchRun.toBatch()) : Optional.empty();
    JobRun run =
        new JobRun(
            batchRun.runId(),
            batchRun.job(),
            batchRun.status(),
            batchRun.startedAt(),
            batchRun.finishedAt(),
            batchRun.runTime(),
            batch,
            batch.map(to -> batchRun.description()),
            batchRun.rowsIn(),
            batchRun.rowsOut(),
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            versions);
    append(run);
    return run;
  }

  /** Appends the row of a job run; inside a chain it carries the chain's {@link ChainTag}. */
  public void append(JobRun run) {
    append(run, ChainTag.current(spark), Map.of());
  }

  /**
   * Appends a chain's own row (job chain_hourly or chain_daily): its run id is the tag's chain run
   * id, and it carries the time spent in each stage.
   */
  public void appendChainRow(JobRun run, ChainTag tag, Map<String, Long> stageDurationsMs) {
    append(run, Optional.of(tag), stageDurationsMs);
  }

  private void append(JobRun run, Optional<ChainTag> tag, Map<String, Long> stageDurationsMs) {
    Row row =
        RowFactory.create(
            run.runId(),
            run.job(),
            run.status().code(),
            Timestamp.from(run.startedAt()),
            Timestamp.from(run.finishedAt()),
            Timestamp.from(run.runTime()),
            run.duration().toMillis(),
            run.batchId().orElse(null),
            run.windowDescription().orElse(null),
            run.rowsIn(),
            run.rowsOut(),
            run.rowsQuarantined(),
            run.offsetsLost(),
            run.errorCategory().orElse(null),
            run.errorMessage().orElse(null),
            run.tableVersions(),
            tag.map(ChainTag::chainRunId).orElse(null),
            tag.map(ChainTag::trigger).orElse(null),
            tag.map(ChainTag::attempt).orElse(null),
            stageDurationsMs.isEmpty() ? null : new LinkedHashMap<>(stageDurationsMs));
    DeltaWrites.append(
        spark.createDataFrame(List.of(row), SparkSchemas.structType(OpsTables.JOB_RUNS)), path);
  }

  /** Whether a job completed the given batch (a succeeded run row names it). */
  public boolean batchCompleted(String job, long batchId) {
    return !succeeded(job).where(col("batch_id").equalTo(lit(batchId))).isEmpty();
  }

  /** The highest batch a succeeded run of the job completed; -1 when none has. */
  public long lastCompletedBatch(String job) {
    Row row = succeeded(job).agg(org.apache.spark.sql.functions.max(col("batch_id"))).first();
    return row.isNullAt(0) ? -1 : row.getLong(0);
  }

  private org.apache.spark.sql.Dataset<Row> succeeded(String job) {
    return spark
        .read()
        .format("delta")
        .load(path)
        .where(
            col("job")
                .equalTo(lit(job))
                .and(col("status").equalTo(lit(JobRun.Status.SUCCEEDED.code()))));
  }
}
