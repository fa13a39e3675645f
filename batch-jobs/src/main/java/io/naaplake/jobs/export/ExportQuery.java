package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Spark SQL that selects an export's rows: the declared columns of one table at a pinned Delta
 * version, the window {@code [from, to)} on the table's date column ({@link
 * ExportDatasets#windowColumn}), in a total order: the declared key columns, then every other
 * column Spark can order (all but maps), ascending with nulls first. The keys identify a row; the
 * other columns only make the order total should the keys ever repeat.
 *
 * @param table the table read
 * @param from first date of the window
 * @param to first date after the window
 * @param version the Delta version read
 */
public record ExportQuery(TableDeclaration table, LocalDate from, LocalDate to, long version) {

  public ExportQuery {
    requireNonNull(table, "table is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
  }

  /** The column the window filters on; empty when the table is exported whole. */
  public Optional<String> windowColumn() {
    return ExportDatasets.windowColumn(table);
  }

  /** The query as the manifest records it, reading {@code gold.<table>}. */
  public String text() {
    return sql(table.qualifiedName());
  }

  /** The full query, ordered, reading {@code tableReference} (a name or {@code delta.`path`}). */
  public String sql(String tableReference) {
    return unordered(tableReference) + " ORDER BY " + orderBy();
  }

  /** The query without its ORDER BY (the Parquet writer sorts one partition instead). */
  public String unordered(String tableReference) {
    String select =
        "SELECT "
            + table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
            + " FROM "
            + tableReference
            + " VERSION AS OF "
            + version;
    return windowColumn()
        .map(
            column ->
                select
                    + " WHERE "
                    + quote(column)
                    + " >= DATE '"
                    + from
                    + "' AND "
                    + quote(column)
                    + " < DATE '"
                    + to
                    + "'")
        .orElse(select);
  }

  /** The sort columns, in order: the keys, then every other orderable column. */
  public List<String> orderColumns() {
    List<String> columns = new ArrayList<>(table.keyColumns());
    for (Column column : table.columns()) {
      if (!columns.contains(column.name()) && orderable(column.type())) {
        columns.add(column.name());
      }
    }
    return columns;
  }

  private String orderBy() {
    return orderColumns().stream()
        .map(c -> quote(c) + " ASC NULLS FIRST")
        .collect(Collectors.joining(", "));
  }

  /** Spark orders every type except maps (and anything holding one). */
  private static boolean orderable(LakeType type) {
    if (type instanceof LakeType.MapOf) {
      return false;
    }
    if (type instanceof LakeType.Array array) {
      return orderable(array.element());
    }
    if (type instanceof LakeType.Struct struct) {
      return struct.fields().stream().allMatch(f -> orderable(f.type()));
    }
    return true;
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
