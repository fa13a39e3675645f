package io.naaplake.jobs.report;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.TableDeclaration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake as a report sees it: every table it will read is pinned to its latest Delta version
 * once, when the report starts, and always read at that version ({@code versionAsOf}), so a
 * pipeline run committing meanwhile changes nothing and the report can be reproduced from the
 * versions it cites. Reads only: no writer lease, nothing written.
 */
public final class PinnedLake implements ReportInputs {
  private final SparkSession spark;
  private final LakeTables tables;
  private final String viewPrefix;
  private final Map<String, Long> versions = new TreeMap<>();
  private final Map<String, String> views = new LinkedHashMap<>();

  /**
   * Pins the given tables at their current versions.
   *
   * @param viewPrefix prefix of the temporary view names (one per report, so two reports in one
   *     session do not share views)
   */
  public PinnedLake(
      SparkSession spark, JobsConfig config, Collection<TableDeclaration> read, String viewPrefix) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = new LakeTables(spark, config);
    this.viewPrefix = viewPrefix;
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
  public String view(TableDeclaration table) {
    Long version = versions.get(table.qualifiedName());
    if (version == null) {
      throw new IllegalStateException(table.qualifiedName() + " was not pinned for this report");
    }
    return views.computeIfAbsent(
        table.qualifiedName(),
        name -> {
          String view = viewPrefix + "_" + name.replace('.', '_');
          spark
              .read()
              .format("delta")
              .option("versionAsOf", version)
              .load(tables.path(table))
              .createOrReplaceTempView(view);
          return view;
        });
  }

  @Override
  public List<Row> query(String sql) {
    return spark.sql(sql).collectAsList();
  }

  @Override
  public Map<String, Long> tableVersions() {
    return java.util.Collections.unmodifiableMap(versions);
  }

  /** Drops the temporary views (the session may outlive the report). */
  public void close() {
    views.values().forEach(view -> spark.catalog().dropTempView(view));
    views.clear();
  }
}
