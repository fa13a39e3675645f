package io.naaplake.jobs.silver.jobs;

import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.AttributionColumns;
import io.naaplake.schema.TableDeclaration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Job rows in their table's declared columns. */
final class JobColumns {
  private static final Set<String> ATTRIBUTION =
      AttributionColumns.COLUMNS.stream()
          .map(io.naaplake.schema.Column::name)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Every declared column must exist in {@code rows} except the attribution columns, which are
   * emitted as typed nulls: the job shell's attribution step fills them before the rows are
   * written.
   */
  static Dataset<Row> project(Dataset<Row> rows, TableDeclaration table) {
    return Projections.of(rows, table, ATTRIBUTION);
  }

  private JobColumns() {}
}
