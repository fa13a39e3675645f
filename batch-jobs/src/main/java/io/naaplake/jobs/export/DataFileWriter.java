package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import io.naaplake.schema.Column;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Writes an export's one data file from its query. */
final class DataFileWriter {

  private DataFileWriter() {}

  /**
   * The CSV file ({@link CsvValues}: UTF-8, header of the declared column names, CRLF record ends).
   * Rows stream to the driver one partition at a time in the query's order, so the file is written
   * by this process alone and never held in memory whole.
   *
   * @return the rows written
   */
  static long csv(SparkSession spark, ExportQuery query, String tableReference, Path file) {
    List<Column> columns = query.table().columns();
    long rows = 0;
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      out.write(CsvValues.header(columns));
      Iterator<Row> iterator = spark.sql(query.sql(tableReference)).toLocalIterator();
      while (iterator.hasNext()) {
        out.write(CsvValues.record(iterator.next(), columns));
        rows++;
      }
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + file, e);
    }
    return rows;
  }

  /**
   * The Parquet file: the unordered query in one partition sorted by the query's order, written by
   * Spark into a scratch directory, whose single part file is then moved to {@code file}. Spark
   * puts nothing run-dependent into Parquet bytes (no time stamp, no id; the footer names the Spark
   * and parquet-mr versions, which {@link ExportVersions#generator} records), so the same rows give
   * the same file.
   *
   * @return the rows written (read back from the file's footer)
   */
  static long parquet(SparkSession spark, ExportQuery query, String tableReference, Path file) {
    Path scratch = file.resolveSibling(".spark-" + file.getFileName());
    Dataset<Row> rows =
        spark
            .sql(query.unordered(tableReference))
            .repartition(1)
            .sortWithinPartitions(
                query.orderColumns().stream()
                    .map(c -> functions.col(ExportQuery.quote(c)).asc_nulls_first())
                    .toArray(org.apache.spark.sql.Column[]::new));
    rows.write()
        .option("compression", "snappy")
        .option("maxRecordsPerFile", 0)
        .parquet(scratch.toUri().toString());
    Path part = onlyPartFile(scratch);
    try {
      Files.move(part, file);
      ExportFiles.deleteTree(scratch);
      ParquetFooters.canonicalize(file);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("moving " + part + " to " + file, e);
    }
    return spark.read().parquet(file.toUri().toString()).count();
  }

  private static Path onlyPartFile(Path scratch) {
    List<Path> parts = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(scratch, "part-*.parquet")) {
      files.forEach(parts::add);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("listing " + scratch, e);
    }
    if (parts.size() != 1) {
      throw new IllegalStateException(
          "Spark wrote " + parts.size() + " part files into " + scratch + ", expected exactly 1");
    }
    return parts.get(0);
  }
}
