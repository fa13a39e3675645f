package io.naaplake.schema.trino;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.Column;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Trino DDL for a declared table. The lake's tables are created by Spark and registered in Trino
 * with {@code system.register_table} (Trino refuses {@code CREATE TABLE} over an existing Delta
 * directory), so this DDL is Trino's view of a declaration: for tables Trino creates itself (tests,
 * scratch schemas) and as a readable reference.
 *
 * <p>Lossy mappings, besides the type mappings of {@link TrinoTypes}: Trino's Delta connector takes
 * only a few table properties, so only the Delta properties in {@link #TRINO_PROPERTIES} are
 * carried over and any other is refused; nested field comments have no Trino syntax and exist only
 * in the Delta schema and the data dictionary.
 */
public final class TrinoDdl {

  /**
   * Delta table property to the Trino 476 Delta connector's table property of the same effect. A
   * declaration with another property cannot be created from Trino without losing it.
   */
  static final Map<String, String> TRINO_PROPERTIES =
      Map.of(
          "delta.enableChangeDataFeed", "change_data_feed_enabled",
          "delta.checkpointInterval", "checkpoint_interval",
          "delta.columnMapping.mode", "column_mapping_mode",
          "delta.enableDeletionVectors", "deletion_vectors_enabled");

  /**
   * {@code CREATE TABLE IF NOT EXISTS "catalog"."schema"."table" (...) COMMENT '...' WITH (...)},
   * one column per line.
   *
   * @throws IllegalArgumentException when the declaration has a property Trino cannot set
   */
  public static String createTable(TableDeclaration table, String catalog) {
    requireNonNull(table, "table is null");
    String columns =
        table.columns().stream()
            .map(column -> "  " + columnDefinition(column))
            .collect(Collectors.joining(",\n"));
    StringBuilder sql =
        new StringBuilder()
            .append("CREATE TABLE IF NOT EXISTS ")
            .append(tableName(table, catalog))
            .append(" (\n")
            .append(columns)
            .append("\n)\nCOMMENT ")
            .append(TrinoSql.literal(table.comment()));
    List<String> properties = tableProperties(table);
    if (!properties.isEmpty()) {
      sql.append("\nWITH (").append(String.join(", ", properties)).append(")");
    }
    return sql.toString();
  }

  /**
   * {@code COMMENT ON TABLE} and one {@code COMMENT ON COLUMN} per top-level column: sets the
   * comments on a table Trino did not create (e.g. a registered one) or refreshes changed ones.
   */
  public static List<String> commentStatements(TableDeclaration table, String catalog) {
    requireNonNull(table, "table is null");
    String tableName = tableName(table, catalog);
    List<String> statements = new ArrayList<>();
    statements.add("COMMENT ON TABLE " + tableName + " IS " + TrinoSql.literal(table.comment()));
    for (Column column : table.columns()) {
      statements.add(
          "COMMENT ON COLUMN "
              + tableName
              + "."
              + TrinoSql.identifier(column.name())
              + " IS "
              + TrinoSql.literal(column.comment()));
    }
    return List.copyOf(statements);
  }

  /** {@code "catalog"."schema"."table"}. */
  public static String tableName(TableDeclaration table, String catalog) {
    requireNonNull(catalog, "catalog is null");
    return TrinoSql.identifier(catalog)
        + "."
        + TrinoSql.identifier(table.layer().schemaName())
        + "."
        + TrinoSql.identifier(table.name());
  }

  private static String columnDefinition(Column column) {
    return TrinoSql.identifier(column.name())
        + " "
        + TrinoTypes.of(column.type())
        + (column.nullable() ? "" : " NOT NULL")
        + " COMMENT "
        + TrinoSql.literal(column.comment());
  }

  private static List<String> tableProperties(TableDeclaration table) {
    List<String> properties = new ArrayList<>();
    if (!table.partitionColumns().isEmpty()) {
      properties.add(
          "partitioned_by = ARRAY["
              + table.partitionColumns().stream()
                  .map(TrinoSql::literal)
                  .collect(Collectors.joining(", "))
              + "]");
    }
    // Sorted, because the declaration's property map has no order and the DDL must be stable.
    for (Map.Entry<String, String> property : new TreeMap<>(table.properties()).entrySet()) {
      properties.add(trinoProperty(table, property.getKey(), property.getValue()));
    }
    return properties;
  }

  private static String trinoProperty(TableDeclaration table, String key, String value) {
    String trinoName = TRINO_PROPERTIES.get(key);
    if (trinoName == null) {
      throw new IllegalArgumentException(
          table.qualifiedName()
              + ": Delta property "
              + key
              + " has no Trino 476 table property; create the table from Spark and register it");
    }
    return trinoName + " = " + propertyValue(key, value);
  }

  /** Booleans and numbers are SQL literals in Trino's WITH clause; the mapping mode is text. */
  private static String propertyValue(String key, String value) {
    if (key.equals("delta.columnMapping.mode")) {
      return TrinoSql.literal(value);
    }
    if (value.equals("true") || value.equals("false") || value.matches("[0-9]+")) {
      return value;
    }
    throw new IllegalArgumentException("Delta property " + key + " has a bad value: " + value);
  }

  private TrinoDdl() {}
}
