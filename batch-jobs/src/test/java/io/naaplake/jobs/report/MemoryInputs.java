package io.naaplake.jobs.report;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Report inputs held in memory: each table is a few JSON rows read with the table's declared schema
 * (columns a row leaves out are null), so a section test states only the columns it is about.
 * Tables given no rows are empty.
 */
final class MemoryInputs extends ReportInputs {
  private final Map<String, List<String>> rows = new HashMap<>();
  private final Map<String, Long> versions = new TreeMap<>();

  MemoryInputs(SparkSession spark) {
    super(spark, "memory");
  }

  /** Adds rows (JSON objects) to a table. */
  MemoryInputs with(TableDeclaration table, String... json) {
    rows.computeIfAbsent(table.qualifiedName(), k -> new ArrayList<>()).addAll(List.of(json));
    return this;
  }

  MemoryInputs version(TableDeclaration table, long version) {
    versions.put(table.qualifiedName(), version);
    return this;
  }

  @Override
  protected Dataset<Row> load(TableDeclaration table) {
    return spark()
        .read()
        .schema(SparkSchemas.structType(table))
        .json(
            spark()
                .createDataset(
                    rows.getOrDefault(table.qualifiedName(), List.of()), Encoders.STRING()));
  }

  @Override
  public Map<String, Long> tableVersions() {
    return versions;
  }
}
