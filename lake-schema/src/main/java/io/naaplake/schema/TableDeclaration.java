package io.naaplake.schema;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lake table declared once: every engine's form derives from this record.
 *
 * @param layer medallion layer (Trino schema and lake directory)
 * @param name table name, lower snake case
 * @param comment what one row means (the grain) and who writes it
 * @param columns ordered columns; partition columns are included here
 * @param partitionColumns columns the Delta table is partitioned by (in order)
 * @param keyColumns the columns that identify a row; writers MERGE on them
 * @param properties Delta table properties; only features Trino 476 reads are allowed
 * @param published true when outside users depend on the columns (gold tables): columns may then be
 *     added but never removed, renamed or retyped
 */
public record TableDeclaration(
    Layer layer,
    String name,
    String comment,
    List<Column> columns,
    List<String> partitionColumns,
    List<String> keyColumns,
    Map<String, String> properties,
    boolean published) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Delta properties that would make Trino 476 hide or refuse data: type widening hides the widened
   * column (measured, stack-recipes.md), so it is refused at declaration time.
   */
  private static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of("delta.enableTypeWidening", "delta.feature.typeWidening");

  public TableDeclaration {
    requireNonNull(layer, "layer is null");
    requireNonNull(name, "name is null");
    requireNonNull(comment, "comment is null");
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
    keyColumns = List.copyOf(keyColumns);
    properties = Map.copyOf(properties);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("table name must be lower snake case: " + name);
    }
    validateColumns(name, columns, partitionColumns, keyColumns);
    for (String property : properties.keySet()) {
      if (FORBIDDEN_PROPERTIES.contains(property)) {
        throw new IllegalArgumentException(
            name + ": property " + property + " is not readable by Trino 476");
      }
    }
  }

  private static void validateColumns(
      String table, List<Column> columns, List<String> partitions, List<String> keys) {
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException(table + ": duplicate column " + column.name());
      }
    }
    for (String column : partitions) {
      if (!names.contains(column)) {
        throw new IllegalArgumentException(table + ": unknown partition column " + column);
      }
    }
    for (String column : keys) {
      if (!names.contains(column)) {
        throw new IllegalArgumentException(table + ": unknown key column " + column);
      }
    }
  }

  /** {@code layer.name}, e.g. {@code bronze.raw_events}. */
  public String qualifiedName() {
    return layer.schemaName() + "." + name;
  }

  /** Path of the table relative to the lake root, e.g. {@code bronze/raw_events}. */
  public String relativePath() {
    return layer.schemaName() + "/" + name;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public static Builder builder(Layer layer, String name) {
    return new Builder(layer, name);
  }

  /** Fluent builder so declarations read as a table definition. */
  public static final class Builder {
    private final Layer layer;
    private final String name;
    private String comment = "";
    private final List<Column> columns = new java.util.ArrayList<>();
    private List<String> partitionColumns = List.of();
    private List<String> keyColumns = List.of();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private boolean published;

    private Builder(Layer layer, String name) {
      this.layer = layer;
      this.name = name;
    }

    public Builder comment(String value) {
      this.comment = value;
      return this;
    }

    public Builder column(Column column) {
      columns.add(column);
      return this;
    }

    public Builder required(String columnName, LakeType type, String columnComment) {
      return column(Column.required(columnName, type, columnComment));
    }

    public Builder optional(String columnName, LakeType type, String columnComment) {
      return column(Column.optional(columnName, type, columnComment));
    }

    public Builder measure(String columnName, LakeType type, String columnComment) {
      return column(Column.measure(columnName, type, columnComment));
    }

    public Builder partitionedBy(String... columnNames) {
      this.partitionColumns = List.of(columnNames);
      return this;
    }

    public Builder keyedBy(String... columnNames) {
      this.keyColumns = List.of(columnNames);
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    public Builder published() {
      this.published = true;
      return this;
    }

    public TableDeclaration build() {
      return new TableDeclaration(
          layer, name, comment, columns, partitionColumns, keyColumns, properties, published);
    }
  }
}
