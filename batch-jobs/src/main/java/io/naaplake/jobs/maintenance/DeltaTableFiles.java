package io.naaplake.jobs.maintenance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.naaplake.errors.LakeErrors;
import io.naaplake.schema.TableDeclaration;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads what maintenance measures: a table's latest snapshot (version, properties, active files per
 * partition, whether it is checkpointed) through Delta's {@link DeltaLog}, and the files on storage
 * under the table (what VACUUM deletes, including files no longer in the snapshot).
 */
final class DeltaTableFiles {
  private static final String LOG_DIRECTORY = "_delta_log";

  private final SparkSession spark;

  DeltaTableFiles(SparkSession spark) {
    this.spark = spark;
  }

  /** The table's log, brought up to its latest commit. */
  DeltaLog log(String path) {
    DeltaLog log = DeltaLog.forTable(spark, path);
    log.update(false, Option.empty(), Option.empty());
    return log;
  }

  Snapshot snapshot(String path) {
    return log(path).update(false, Option.empty(), Option.empty());
  }

  long version(String path) {
    return snapshot(path).version();
  }

  /** Planning input of a table: its snapshot's version, properties and files per partition. */
  TableState state(TableDeclaration table, String path) {
    DeltaLog log = log(path);
    Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
    Optional<String> partition = table.partitionColumns().stream().findFirst();
    Column key = partition.map(c -> col("partitionValues").getItem(c)).orElse(lit(""));
    Map<String, FileStats> files = new HashMap<>();
    for (Row row :
        snapshot
            .allFiles()
            .toDF()
            .groupBy(key.as("partition"))
            .agg(count(lit(1)), sum(col("size")))
            .collectAsList()) {
      // A null partition value has no date; it is kept under a name no date parses as.
      String value = row.isNullAt(0) ? "null" : row.getString(0);
      files.put(value, new FileStats(row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2)));
    }
    return new TableState(
        snapshot.version(),
        CollectionConverters.asJava(snapshot.metadata().configuration()),
        files,
        log.checkpointExistsAtVersion(snapshot.version()));
  }

  /** Data files on storage under the table (not the log, not checksum or hidden files). */
  FileStats storage(String path) {
    return listFiles(new Path(path), true, false);
  }

  /** Files in the table's transaction log directory. */
  FileStats logFiles(String path) {
    return listFiles(new Path(path, LOG_DIRECTORY), false, true);
  }

  private FileStats listFiles(Path root, boolean recursive, boolean inLog) {
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      String rootPath = fs.makeQualified(root).toUri().getPath();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, recursive);
      FileStats stats = FileStats.NONE;
      while (files.hasNext()) {
        FileStatus file = files.next();
        String relative = file.getPath().toUri().getPath().substring(rootPath.length());
        if (inLog || isDataFile(relative)) {
          stats = stats.plus(new FileStats(1, file.getLen()));
        }
      }
      return stats;
    } catch (IOException e) {
      throw LakeErrors.ioFailure("listing the files of " + root, e);
    }
  }

  /** Skips the log and anything hidden ({@code .crc} checksums, {@code _}-prefixed metadata). */
  static boolean isDataFile(String relativePath) {
    for (String name : relativePath.split("/")) {
      if (name.startsWith(".") || name.startsWith("_")) {
        return false;
      }
    }
    return true;
  }
}
