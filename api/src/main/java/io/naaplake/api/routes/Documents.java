package io.naaplake.api.routes;

import io.naaplake.api.GoldQuery;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helpers for routes that answer one document assembled from several queries: field declarations
 * borrowed from the gold tables (so a field has the same type and meaning as its column), and
 * struct and array fields for nested parts.
 */
final class Documents {
  private Documents() {}

  /** The named columns of a published gold table, as declared there. */
  static List<Column> columnsOf(String table, String... names) {
    TableDeclaration declaration = GoldQuery.on("delta", table).table();
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(
          declaration
              .column(name)
              .orElseThrow(() -> new IllegalArgumentException(table + " has no column " + name)));
    }
    return columns;
  }

  /** The same column, nullable (a part that may be missing). */
  static Column nullable(Column column) {
    return new Column(column.name(), column.type(), true, column.comment(), column.additive());
  }

  static List<Column> nullable(List<Column> columns) {
    return columns.stream().map(Documents::nullable).toList();
  }

  static Column struct(String name, String comment, List<Column> fields) {
    return Column.required(name, new LakeType.Struct(fields), comment);
  }

  static Column arrayOf(String name, String comment, List<Column> fields) {
    return Column.required(name, new LakeType.Array(new LakeType.Struct(fields)), comment);
  }

  /** The first row, or null. */
  static Map<String, Object> first(List<Map<String, Object>> rows) {
    return rows.isEmpty() ? null : rows.get(0);
  }
}
