package io.naaplake.jobs.report;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.TableDeclaration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables a report reads, each at one fixed state. Sections query them with Spark SQL through
 * {@link #view}: the name of a temporary view of the table, so the same section code runs over the
 * pinned lake ({@link PinnedLake}) and over tiny in-memory tables in unit tests.
 */
public abstract class ReportInputs implements AutoCloseable {
  private final SparkSession spark;
  private final String viewPrefix;
  private final Map<String, String> views = new LinkedHashMap<>();

  /**
   * @param viewPrefix prefix of the temporary view names (one per report, so two reports in one
   *     session do not share views)
   */
  protected ReportInputs(SparkSession spark, String viewPrefix) {
    this.spark = requireNonNull(spark, "spark is null");
    this.viewPrefix = requireNonNull(viewPrefix, "viewPrefix is null");
  }

  protected SparkSession spark() {
    return spark;
  }

  /** The table's rows as the report reads them. */
  protected abstract Dataset<Row> load(TableDeclaration table);

  /** The Delta version each table was read at, by qualified name, sorted; tests may have none. */
  public abstract Map<String, Long> tableVersions();

  /** Name of a temporary view holding the table (registered on first use). */
  public String view(TableDeclaration table) {
    return views.computeIfAbsent(
        table.qualifiedName(),
        name -> {
          String view = viewPrefix + "_" + name.replace('.', '_');
          load(table).createOrReplaceTempView(view);
          return view;
        });
  }

  /** Runs a query over the views and collects its rows (reports read small aggregates). */
  public List<Row> query(String sql) {
    return spark.sql(sql).collectAsList();
  }

  /** Drops the temporary views (the session outlives the report). */
  @Override
  public void close() {
    views.values().forEach(view -> spark.catalog().dropTempView(view));
    views.clear();
  }
}
