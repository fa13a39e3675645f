package io.naaplake.jobs.report;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.TableDeclaration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake as a report sees it: every table it will read is pinned to its latest Delta version
 * once, when the report starts, and always read at that version ({@code versionAsOf}), so a
 * pipeline run committing meanwhile changes nothing and the report can be reproduced from the
 * versions it cites. Reads only: no writer lease, nothing written.
 */
public final class PinnedLake extends ReportInputs {
  private final LakeTables tables;
  private final Map<String, Long> versions = new TreeMap<>();

  /** Pins the given tables at their current versions. */
  public PinnedLake(
      SparkSession spark, JobsConfig config, Collection<TableDeclaration> read, String viewPrefix) {
    super(spark, viewPrefix);
    this.tables = new LakeTables(spark, config);
    for (TableDeclaration table : read) {
      if (!tables.exists(table)) {
        throw LakeErrors.badInput(
            "report input " + table.qualifiedName(),
            "no Delta table at "
                + tables.path(table)
                + "; run the pipeline (./naap run) before generating reports");
      }
      versions.put(table.qualifiedName(), tables.version(table));
    }
  }

  @Override
  protected Dataset<Row> load(TableDeclaration table) {
    Long version = versions.get(table.qualifiedName());
    if (version == null) {
      throw new IllegalStateException(table.qualifiedName() + " was not pinned for this report");
    }
    return spark().read().format("delta").option("versionAsOf", version).load(tables.path(table));
  }

  @Override
  public Map<String, Long> tableVersions() {
    return Collections.unmodifiableMap(versions);
  }
}
