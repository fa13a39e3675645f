package io.naaplake.jobs.lake;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.schema.Column;
import io.naaplake.schema.SchemaChange;
import io.naaplake.schema.TableDeclaration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Creates lake tables from their declarations and migrates them when a declaration gains columns.
 * Only additive changes migrate in place; anything else is refused with a clear error, because
 * Trino 476 hides widened columns and readers depend on column names.
 */
public final class LakeTables {
  private final SparkSession spark;
  private final JobsConfig config;

  public LakeTables(SparkSession spark, JobsConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
  }

  public String path(TableDeclaration table) {
    return config.tablePath(table.relativePath());
  }

  public boolean exists(TableDeclaration table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** Creates the table if missing, else adds declared columns it lacks. Returns its version. */
  public long ensure(TableDeclaration table) {
    if (!exists(table)) {
      create(table);
    } else {
      migrate(table);
    }
    return version(table);
  }

  private void create(TableDeclaration table) {
    refuseForeignFiles(table);
    DeltaTableBuilder builder =
        DeltaTable.createIfNotExists(spark)
            .location(path(table))
            .addColumns(SparkSchemas.structType(table))
            .comment(table.comment());
    if (!table.partitionColumns().isEmpty()) {
      builder = builder.partitionedBy(table.partitionColumns().toArray(new String[0]));
    }
    for (Map.Entry<String, String> property : table.properties().entrySet()) {
      builder = builder.property(property.getKey(), property.getValue());
    }
    builder.execute();
  }

  /**
   * A table's location that holds files but no Delta log holds someone else's data (a copy, a stray
   * export): the pipeline rejects it rather than write a table over it. A location with a Delta log
   * but no commit yet (a create cut short) is ours and is created again.
   */
  private void refuseForeignFiles(TableDeclaration table) {
    org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(path(table));
    try {
      org.apache.hadoop.fs.FileSystem fs =
          location.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(location)
          || fs.exists(new org.apache.hadoop.fs.Path(location, "_delta_log"))) {
        return;
      }
      org.apache.hadoop.fs.FileStatus[] entries = fs.listStatus(location);
      if (entries.length > 0) {
        throw LakeErrors.notADeltaTable(
            table.qualifiedName(), path(table), entries[0].getPath().getName());
      }
    } catch (java.io.IOException e) {
      throw LakeErrors.ioFailure("looking at " + path(table), e);
    }
  }

  private void migrate(TableDeclaration table) {
    StructType existing = DeltaTable.forPath(spark, path(table)).toDF().schema();
    SchemaChange change = SchemaChange.diff(table, SparkSchemas.columns(existing));
    if (!change.incompatibleChanges().isEmpty()) {
      throw LakeErrors.incompatibleSchemaChange(
          table.qualifiedName(), String.join("; ", change.incompatibleChanges()));
    }
    String target = "delta.`" + path(table) + "`";
    for (String column : change.columnsToRelax()) {
      spark.sql("ALTER TABLE " + target + " ALTER COLUMN `" + column + "` DROP NOT NULL");
    }
    List<Column> added = change.columnsToAdd();
    if (!added.isEmpty()) {
      String columnsDdl =
          added.stream().map(c -> SparkSchemas.field(c).toDDL()).collect(Collectors.joining(", "));
      spark.sql("ALTER TABLE " + target + " ADD COLUMNS (" + columnsDdl + ")");
    }
  }

  /**
   * Latest committed version of the table, from its Delta log brought up to date on the driver: no
   * Spark job (reading the history was one per table, dozens per pipeline run).
   */
  public long version(TableDeclaration table) {
    return DeltaLog.forTable(spark, path(table))
        .update(false, Option.empty(), Option.empty())
        .version();
  }
}
