package io.naaplake.jobs;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.silver.SilverEventsJob;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.jobs.trino.TrinoRegistrar;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * One pass of the pipeline over all new data: every layer that exists, in dependency order, then
 * Trino registration of every table: bronze ingest, the typed silver events, then the derived
 * silver entities, then gold.
 */
public final class LakePipeline {
  private final SparkSession spark;
  private final JobsConfig config;
  private final Clock clock;
  private final Consumer<String> progress;

  public LakePipeline(
      SparkSession spark, JobsConfig config, Clock clock, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Each job creates or migrates the tables it writes, so no separate migration pass is needed. */
  public List<JobRun> runOnce(Instant runTime) {
    List<JobRun> runs =
        new ArrayList<>(new BronzeIngestJob(spark, config, clock, progress).run(runTime));
    runs.add(new SilverEventsJob(spark, config, clock, progress).run(runTime));
    runs.add(new SilverEntitiesJob(spark, config, clock, progress).run(runTime));
    runs.add(new GoldJob(spark, config, clock, progress).run(runTime));
    register();
    return runs;
  }

  /** Recomputes gold from silver, whatever the run log says (after a drop or a rule change). */
  public JobRun rebuildGold(Instant runTime) {
    JobRun run = new GoldJob(spark, config, clock, progress).rebuild(runTime);
    register();
    return run;
  }

  /** Bronze ingest alone, without registration. */
  public List<JobRun> ingestOnly(Instant runTime) {
    return new BronzeIngestJob(spark, config, clock, progress).run(runTime);
  }

  /** Creates missing tables and adds declared columns to existing ones. */
  public void migrate() {
    LakeTables tables = new LakeTables(spark, config);
    for (TableDeclaration table : LakeCatalog.tables()) {
      tables.ensure(table);
    }
  }

  /** Registers every table in Trino (no-op for registered ones); skipped when disabled. */
  public void register() {
    if (!config.registerInTrino()) {
      progress.accept("Trino registration disabled (naap.trino.register=false)");
      return;
    }
    TrinoRegistrar registrar = new TrinoRegistrar(config);
    int registered = 0;
    for (TableDeclaration table : LakeCatalog.tables()) {
      if (registrar.register(table)) {
        registered++;
        progress.accept("registered " + table.qualifiedName() + " in Trino");
      }
    }
    progress.accept(
        "Trino sees all " + LakeCatalog.tables().size() + " tables (" + registered + " new)");
  }
}
