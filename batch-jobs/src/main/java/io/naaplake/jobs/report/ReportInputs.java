package io.naaplake.jobs.report;

import io.naaplake.schema.TableDeclaration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The tables a report reads, each at one fixed state. Sections query them with Spark SQL through
 * {@link #view}: the name of a temporary view of the table, so the same section code runs over the
 * pinned lake and over tiny in-memory tables in unit tests.
 */
public interface ReportInputs {

  /** Name of a temporary view holding the table (registered on first use). */
  String view(TableDeclaration table);

  /** Runs a query over the views and collects its rows (reports read small aggregates). */
  List<Row> query(String sql);

  /** The Delta version each table was read at, by qualified name, sorted; tests may have none. */
  Map<String, Long> tableVersions();
}
