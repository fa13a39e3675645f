package io.naaplake.schema.trino;

import io.naaplake.schema.LakeType;
import java.util.stream.Collectors;

/**
 * Lake types as the Trino 476 Delta Lake connector shows them. Spark writes the tables; Trino reads
 * them, so this is Trino's view of the Delta types Spark writes, not a choice we make.
 *
 * <p>Lossy mappings, each a property of Trino's reader rather than of the stored data:
 *
 * <ul>
 *   <li>{@code timestamp}: Spark and Delta store microseconds since the epoch, UTC; Trino reads
 *       them as {@code timestamp(3) with time zone}, milliseconds in zone UTC. Sub-millisecond
 *       digits are invisible through Trino, so nothing that needs them may be served from Trino.
 *   <li>Struct fields: Trino's {@code row} has no per-field nullability or comment. Both stay in
 *       the Delta schema and in {@code docs/catalog.md}, but Trino does not show them.
 *   <li>Array elements and map values are always nullable in Trino (as Spark writes them here).
 * </ul>
 *
 * <p>Row field names are double-quoted, as Trino itself prints them, so a field named like a
 * reserved word ({@code constraint}) stays a valid type expression.
 */
public final class TrinoTypes {

  /** The type as DDL: row field names quoted (some, like {@code constraint}, are reserved). */
  public static String of(LakeType type) {
    return render(type, true);
  }

  /**
   * The type as Trino 476 prints it in {@code information_schema.columns} and {@code DESCRIBE}: row
   * field names unquoted. For comparing a live table with its declaration.
   */
  public static String display(LakeType type) {
    return render(type, false);
  }

  private static String render(LakeType type, boolean quoteFields) {
    if (type instanceof LakeType.Primitive primitive) {
      return primitive(primitive.kind());
    }
    if (type instanceof LakeType.Decimal decimal) {
      return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type instanceof LakeType.Array array) {
      return "array(" + render(array.element(), quoteFields) + ")";
    }
    if (type instanceof LakeType.MapOf map) {
      return "map("
          + render(map.key(), quoteFields)
          + ", "
          + render(map.value(), quoteFields)
          + ")";
    }
    return ((LakeType.Struct) type)
        .fields().stream()
            .map(
                field ->
                    (quoteFields ? TrinoSql.identifier(field.name()) : field.name())
                        + " "
                        + render(field.type(), quoteFields))
            .collect(Collectors.joining(", ", "row(", ")"));
  }

  private static String primitive(LakeType.Kind kind) {
    return switch (kind) {
      case STRING -> "varchar";
      case BOOLEAN -> "boolean";
      case INT -> "integer";
      case BIGINT -> "bigint";
      case DOUBLE -> "double";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp(3) with time zone";
      case BINARY -> "varbinary";
    };
  }

  private TrinoTypes() {}
}
