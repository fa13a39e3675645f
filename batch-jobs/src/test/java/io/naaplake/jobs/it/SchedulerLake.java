package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.Layer;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What the scheduler tests read back from a private lake the scheduler writes. */
final class SchedulerLake {
  private final LakeTables tables;
  private long goldRowsVersion = -1;
  private long goldRows;

  SchedulerLake(JobsConfig config) {
    this.tables = new LakeTables(SharedSpark.get(), config);
  }

  Dataset<Row> read(TableDeclaration table) {
    return SharedSpark.get().read().format("delta").load(tables.path(table));
  }

  boolean exists(TableDeclaration table) {
    return tables.exists(table);
  }

  long version(TableDeclaration table) {
    return tables.version(table);
  }

  long bronzeRows() {
    return exists(BronzeTables.RAW_EVENTS) ? read(BronzeTables.RAW_EVENTS).count() : 0;
  }

  /**
   * Bronze deliveries gold counted per (hour, org, family), summed; 0 before the first gold. Read
   * again only when the table has a new version, so polling costs a directory listing, not a Spark
   * job competing with the scheduler's chain for the 2 cores.
   */
  long goldBronzeRows() {
    long version = committedVersion(GoldNetworkTables.DATA_QUALITY_HOURLY);
    if (version < 0) {
      return 0;
    }
    if (version != goldRowsVersion) {
      Row row =
          read(GoldNetworkTables.DATA_QUALITY_HOURLY)
              .agg(org.apache.spark.sql.functions.sum("bronze_rows"))
              .first();
      goldRows = row.isNullAt(0) ? 0 : row.getLong(0);
      goldRowsVersion = version;
    }
    return goldRows;
  }

  /** The newest commit in a (local) table's Delta log, -1 when it has none. */
  long committedVersion(TableDeclaration table) {
    Path log = Path.of(tables.path(table), "_delta_log");
    if (!Files.isDirectory(log)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("\\d{20}\\.json"))
          .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
          .max()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of ops.job_runs of one job (e.g. chain_hourly), oldest first. */
  List<Row> runs(String job) {
    if (!exists(OpsTables.JOB_RUNS)) {
      return List.of();
    }
    return read(OpsTables.JOB_RUNS)
        .where(col("job").equalTo(lit(job)))
        .orderBy(col("finished_at"))
        .collectAsList();
  }

  /**
   * Every silver and gold table with declared keys, named with a key that occurs more than once:
   * empty when no row is duplicated.
   */
  List<String> duplicatedKeys() {
    List<String> duplicated = new ArrayList<>();
    for (TableDeclaration table : LakeCatalog.tables()) {
      if ((table.layer() != Layer.SILVER && table.layer() != Layer.GOLD)
          || table.keyColumns().isEmpty()
          || !exists(table)) {
        continue;
      }
      Column[] keys = table.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
      long repeated = read(table).groupBy(keys).agg(count(lit(1)).as("n")).where("n > 1").count();
      if (repeated > 0) {
        duplicated.add(table.qualifiedName() + " (" + repeated + " keys)");
      }
    }
    return duplicated;
  }
}
