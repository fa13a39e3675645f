package io.naaplake.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an existing table differs from its declaration, sorted into what migrates in place and what
 * does not. Pure: the caller reads the existing columns from whatever engine holds the table.
 *
 * <p>Columns are matched by name; their order does not matter, because Delta appends added columns
 * at the end while a declaration may list them anywhere. Comments are ignored: they are
 * documentation, and a table read back from Delta may carry different ones.
 *
 * @param columnsToAdd declared optional columns the table lacks, in declaration order; adding them
 *     is a metadata-only change (existing rows read null)
 * @param columnsToRelax names of columns that are NOT NULL in the table but optional in the
 *     declaration; dropping the NOT NULL constraint is metadata-only, and until it is dropped a
 *     write of null fails
 * @param incompatibleChanges human-readable reasons the table cannot be migrated in place: a column
 *     that is no longer declared (removed or renamed), a changed type (Trino 476 hides widened
 *     columns), an optional column declared required, or a new required column (existing rows have
 *     no value for it)
 */
public record SchemaChange(
    List<Column> columnsToAdd, List<String> columnsToRelax, List<String> incompatibleChanges) {

  public SchemaChange {
    columnsToAdd = List.copyOf(columnsToAdd);
    columnsToRelax = List.copyOf(columnsToRelax);
    incompatibleChanges = List.copyOf(incompatibleChanges);
  }

  /** Compares a declaration with the columns (name, type, nullability) an existing table has. */
  public static SchemaChange diff(TableDeclaration declared, List<Column> existing) {
    requireNonNull(declared, "declared is null");
    Map<String, Column> existingByName = new LinkedHashMap<>();
    for (Column column : existing) {
      existingByName.put(column.name(), column);
    }
    List<Column> toAdd = new ArrayList<>();
    List<String> toRelax = new ArrayList<>();
    List<String> incompatible = new ArrayList<>();
    for (Column column : declared.columns()) {
      Column current = existingByName.remove(column.name());
      if (current == null) {
        if (column.nullable()) {
          toAdd.add(column);
        } else {
          incompatible.add(
              "added column "
                  + column.name()
                  + " is required, but existing rows have no value for it; declare it optional");
        }
        continue;
      }
      compare(current, column, toRelax, incompatible);
    }
    for (Column removed : existingByName.values()) {
      incompatible.add(
          "column "
              + removed.name()
              + " "
              + TypeText.of(removed.type())
              + " exists in the table but is no longer declared (removed or renamed)");
    }
    return new SchemaChange(toAdd, toRelax, incompatible);
  }

  private static void compare(
      Column current, Column declared, List<String> toRelax, List<String> incompatible) {
    String currentType = TypeText.of(current.type());
    String declaredType = TypeText.of(declared.type());
    if (!currentType.equals(declaredType)) {
      incompatible.add(
          "column "
              + declared.name()
              + " changes type from "
              + currentType
              + " to "
              + declaredType);
    }
    if (current.nullable() && !declared.nullable()) {
      incompatible.add(
          "column "
              + declared.name()
              + " is optional in the table but declared required; existing rows may hold null");
    }
    if (!current.nullable() && declared.nullable()) {
      toRelax.add(declared.name());
    }
  }

  /** True when nothing needs to change. */
  public boolean isEmpty() {
    return columnsToAdd.isEmpty() && columnsToRelax.isEmpty() && incompatibleChanges.isEmpty();
  }

  /** True when the table can be migrated in place (possibly with nothing to do). */
  public boolean isCompatible() {
    return incompatibleChanges.isEmpty();
  }
}
