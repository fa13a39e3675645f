package io.naaplake.jobs;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.WriterLease;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.StageTimings;
import io.naaplake.jobs.silver.SilverEventsJob;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.jobs.trino.TrinoRegistrar;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * One pass of the pipeline over all new data: every layer that exists, in dependency order, then
 * Trino registration of every table: bronze ingest, the typed silver events, then the derived
 * silver entities, then gold.
 *
 * <p>Every public operation that writes the lake holds the lake's {@link WriterLease} while it
 * writes, once per operation (the lease is not re-entrant); Trino registration runs after the lease
 * is released, since it only changes Trino's catalog.
 */
public final class LakePipeline {
  /** Who drives a pipeline built without naming itself, as the writer lease shows it. */
  public static final String DEFAULT_WRITER = "pipeline";

  private final SparkSession spark;
  private final JobsConfig config;
  private final Clock clock;
  private final Consumer<String> progress;
  private final String writer;
  private final Duration maxLeaseWait;

  /** A pipeline that waits for a busy lake as long as {@code naap.lease.max-wait} says. */
  public LakePipeline(
      SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this(spark, config, clock, progress, DEFAULT_WRITER, config.writerLease().maxWait());
  }

  /**
   * @param writer who drives the pipeline, shown to other writers while it holds the lake, e.g.
   *     {@code "cli"}, {@code "scheduler hourly"}, {@code "backfill"}
   * @param maxLeaseWait how long an operation waits for another writer to finish; zero fails at
   *     once with {@code LAKE_WRITER_BUSY}
   */
  public LakePipeline(
      SparkSession spark,
      JobsConfig config,
      Clock clock,
      Consumer<String> progress,
      String writer,
      Duration maxLeaseWait) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.maxLeaseWait = requireNonNull(maxLeaseWait, "maxLeaseWait is null");
  }

  /** Each job creates or migrates the tables it writes, so no separate migration pass is needed. */
  public List<JobRun> runOnce(Instant runTime) {
    return runOnce(runTime, new StageTimings(clock));
  }

  /**
   * {@link #runOnce(Instant)}, timing each stage into {@code stages}: lease_wait, bronze_ingest,
   * silver_events, silver_entities, gold, trino_register (the stages reached, when one fails).
   */
  public List<JobRun> runOnce(Instant runTime, StageTimings stages) {
    List<JobRun> runs;
    try (WriterLease lease = stages.time("lease_wait", () -> holdLake("run"))) {
      runs =
          new ArrayList<>(
              stages.time(
                  BronzeIngestJob.JOB_NAME,
                  () -> new BronzeIngestJob(spark, config, clock, progress).run(runTime)));
      lease.checkStillHeld();
      runs.add(
          stages.time(
              SilverEventsJob.JOB_NAME,
              () -> new SilverEventsJob(spark, config, clock, progress).run(runTime)));
      lease.checkStillHeld();
      runs.add(
          stages.time(
              SilverEntitiesJob.JOB_NAME,
              () -> new SilverEntitiesJob(spark, config, clock, progress).run(runTime)));
      lease.checkStillHeld();
      runs.add(
          stages.time(
              GoldJob.JOB_NAME, () -> new GoldJob(spark, config, clock, progress).run(runTime)));
      lease.checkStillHeld();
      stages.run("create_missing_tables", this::createMissingTables);
    }
    stages.run("trino_register", this::register);
    return runs;
  }

  /**
   * Creates the declared tables no job of a run writes (e.g. {@code ops.maintenance_actions},
   * written by maintenance), so Trino registration finds every declared table from the first run
   * on. Only missing tables are touched; the caller holds the lease.
   */
  private void createMissingTables() {
    LakeTables tables = new LakeTables(spark, config);
    for (TableDeclaration table : LakeCatalog.tables()) {
      if (!tables.exists(table)) {
        tables.ensure(table);
        progress.accept("created " + table.qualifiedName() + " (no job of this run writes it)");
      }
    }
  }

  /**
   * Runs {@code write} holding the lake's writer lease for {@code operation} (waiting for another
   * writer as this pipeline does): for writes that are not one of the jobs, such as a scheduler
   * chain's own run row or a daily step. {@code write} should call {@link
   * WriterLease#checkStillHeld} before each commit of a long write.
   */
  public <T> T underLease(String operation, java.util.function.Function<WriterLease, T> write) {
    try (WriterLease lease = holdLake(operation)) {
      return write.apply(lease);
    }
  }

  /** Recomputes gold from silver, whatever the run log says (after a drop or a rule change). */
  @SuppressWarnings("try") // the lease is held, not used, while the job writes
  public JobRun rebuildGold(Instant runTime) {
    JobRun run;
    try (WriterLease lease = holdLake("rebuild-gold")) {
      run = new GoldJob(spark, config, clock, progress).rebuild(runTime);
    }
    register();
    return run;
  }

  /** Bronze ingest alone, without registration. */
  @SuppressWarnings("try") // the lease is held, not used, while the job writes
  public List<JobRun> ingestOnly(Instant runTime) {
    try (WriterLease lease = holdLake("ingest")) {
      return new BronzeIngestJob(spark, config, clock, progress).run(runTime);
    }
  }

  /** Creates missing tables and adds declared columns to existing ones. */
  public void migrate() {
    try (WriterLease lease = holdLake("migrate")) {
      LakeTables tables = new LakeTables(spark, config);
      for (TableDeclaration table : LakeCatalog.tables()) {
        lease.checkStillHeld();
        tables.ensure(table);
      }
    }
  }

  /**
   * Takes the lake's writer lease for one operation, as this pipeline's writer, waiting for a busy
   * lake as long as the pipeline was told; the caller closes it when done writing. For commands
   * that write through the jobs themselves over several steps (a backfill); not re-entrant.
   */
  public WriterLease holdLake(String operation) {
    return WriterLease.acquireForLake(
        config.lakeRoot(),
        spark.sparkContext().hadoopConfiguration(),
        config.writerLease(),
        writer + ": " + operation,
        maxLeaseWait,
        clock,
        progress);
  }

  /** Registers every table in Trino (no-op for registered ones); skipped when disabled. */
  public void register() {
    if (!config.registerInTrino()) {
      progress.accept("Trino registration disabled (naap.trino.register=false)");
      return;
    }
    List<TableDeclaration> registered =
        new TrinoRegistrar(config).registerAll(LakeCatalog.tables());
    registered.forEach(
        table -> progress.accept("registered " + table.qualifiedName() + " in Trino"));
    progress.accept(
        "Trino sees all "
            + LakeCatalog.tables().size()
            + " tables ("
            + registered.size()
            + " new)");
  }
}
