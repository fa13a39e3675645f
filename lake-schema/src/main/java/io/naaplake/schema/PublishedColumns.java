package io.naaplake.schema;

import io.naaplake.schema.trino.TrinoTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of published (gold) tables: once a column is published, users depend on its name and
 * type. The committed snapshot {@code published-columns.tsv} records every published column; a test
 * compares the declarations with it, so removing, renaming or retyping one fails the build, while
 * adding one only asks for the snapshot to be extended.
 *
 * <p>The type compared is the Trino type, which includes a struct's field names: adding a field to
 * a published struct column is a retype. A deliberate break of the contract is made by editing the
 * snapshot in the same change, where review sees it.
 */
public final class PublishedColumns {

  /** Classpath resource holding the snapshot. */
  public static final String RESOURCE = "/published-columns.tsv";

  /** First line of the snapshot. */
  public static final String HEADER = "table\tcolumn\ttrino_type";

  /** The committed snapshot. */
  public static List<PublishedColumn> snapshot() {
    try (InputStream in = PublishedColumns.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses snapshot text: the header, then one {@code table<TAB>column<TAB>trino type} per line;
   * blank lines are ignored.
   *
   * @throws IllegalArgumentException on a missing header or a malformed line
   */
  public static List<PublishedColumn> parse(String tsv) {
    String[] lines = tsv.split("\n", -1);
    if (!lines[0].strip().equals(HEADER)) {
      throw new IllegalArgumentException("published columns snapshot must start with " + HEADER);
    }
    List<PublishedColumn> columns = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException(
            "published columns snapshot line " + (i + 1) + " is not table, column, type: " + line);
      }
      columns.add(new PublishedColumn(parts[0], parts[1], parts[2]));
    }
    return List.copyOf(columns);
  }

  /** The published columns the declarations define today, in declaration order. */
  public static List<PublishedColumn> of(List<TableDeclaration> declarations) {
    List<PublishedColumn> columns = new ArrayList<>();
    for (TableDeclaration table : declarations) {
      if (!table.published()) {
        continue;
      }
      for (Column column : table.columns()) {
        columns.add(
            new PublishedColumn(
                table.qualifiedName(), column.name(), TrinoTypes.of(column.type())));
      }
    }
    return List.copyOf(columns);
  }

  /**
   * Every way the declarations break the snapshot: a published table dropped or unpublished, a
   * published column removed (a rename is a removal), or a published column retyped. Empty when the
   * declarations honour it; columns added since the snapshot are not violations (see {@link
   * #additions}).
   */
  public static List<String> violations(
      List<TableDeclaration> declarations, List<PublishedColumn> snapshot) {
    Map<String, TableDeclaration> tables = new LinkedHashMap<>();
    declarations.forEach(table -> tables.put(table.qualifiedName(), table));
    List<String> violations = new ArrayList<>();
    Set<String> brokenTables = new HashSet<>();
    for (PublishedColumn published : snapshot) {
      TableDeclaration table = tables.get(published.table());
      if (table == null || !table.published()) {
        if (brokenTables.add(published.table())) {
          violations.add(
              published.table()
                  + (table == null ? " is no longer declared" : " is no longer published")
                  + ", but outside users depend on its published columns");
        }
        continue;
      }
      columnViolation(table, published).ifPresent(violations::add);
    }
    return List.copyOf(violations);
  }

  private static Optional<String> columnViolation(
      TableDeclaration table, PublishedColumn published) {
    String name = published.table() + "." + published.column();
    Optional<Column> column = table.column(published.column());
    if (column.isEmpty()) {
      return Optional.of(
          name
              + " ("
              + published.trinoType()
              + ") was removed or renamed; published columns may be added, never removed or"
              + " renamed");
    }
    String declaredType = TrinoTypes.of(column.get().type());
    if (!declaredType.equals(published.trinoType())) {
      return Optional.of(
          name
              + " changed type from "
              + published.trinoType()
              + " to "
              + declaredType
              + "; published columns are never retyped (add a new column instead)");
    }
    return Optional.empty();
  }

  /** Published columns the declarations have and the snapshot lacks: lines to append to it. */
  public static List<PublishedColumn> additions(
      List<TableDeclaration> declarations, List<PublishedColumn> snapshot) {
    Set<String> known = new HashSet<>();
    snapshot.forEach(column -> known.add(column.table() + "." + column.column()));
    return of(declarations).stream()
        .filter(column -> !known.contains(column.table() + "." + column.column()))
        .toList();
  }

  private PublishedColumns() {}
}
