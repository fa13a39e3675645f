package io.naaplake.jobs.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Declared columns from derived rows: in declared order, cast to the declared types and carrying
 * the declared comments, whatever else the rows hold. Every writer projects through here, so a
 * table's Delta schema is always exactly its declaration's.
 */
public final class Projections {
  private Projections() {}

  /** The table's columns, each read from the column of the same name. */
  public static Dataset<Row> of(Dataset<Row> rows, TableDeclaration table) {
    return of(rows, table.columns(), Map.of(), Set.of());
  }

  /** The table's columns; those in {@code nullColumns} are typed nulls (filled later). */
  public static Dataset<Row> of(
      Dataset<Row> rows, TableDeclaration table, Set<String> nullColumns) {
    return of(rows, table.columns(), Map.of(), nullColumns);
  }

  /** {@code columns}, each read from the column {@code sources} names for it, if any. */
  public static Dataset<Row> of(
      Dataset<Row> rows, List<io.naaplake.schema.Column> columns, Map<String, String> sources) {
    return of(rows, columns, sources, Set.of());
  }

  private static Dataset<Row> of(
      Dataset<Row> rows,
      List<io.naaplake.schema.Column> columns,
      Map<String, String> sources,
      Set<String> nullColumns) {
    List<Column> selected = new ArrayList<>();
    for (StructField field : SparkSchemas.structType(columns).fields()) {
      Column source =
          nullColumns.contains(field.name())
              ? lit(null)
              : col(sources.getOrDefault(field.name(), field.name()));
      selected.add(source.cast(field.dataType()).as(field.name(), field.metadata()));
    }
    return rows.select(selected.toArray(new Column[0]));
  }
}
