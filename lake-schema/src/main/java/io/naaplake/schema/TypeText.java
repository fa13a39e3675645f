package io.naaplake.schema;

import java.util.stream.Collectors;

/**
 * An engine-neutral text form of a {@link LakeType} that keeps everything a reader depends on
 * (kinds, precision, nested field names, order and nullability) and drops what it does not
 * (comments, the additive flag). Two types with the same text are interchangeable for a table's
 * readers and writers, which is what schema comparisons need: a table read back from Delta carries
 * comments that may differ from the declaration's without the table being different.
 */
final class TypeText {

  static String of(LakeType type) {
    if (type instanceof LakeType.Primitive primitive) {
      return primitive(primitive.kind());
    }
    if (type instanceof LakeType.Decimal decimal) {
      return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type instanceof LakeType.Array array) {
      return "array<" + of(array.element()) + ">";
    }
    if (type instanceof LakeType.MapOf map) {
      return "map<" + of(map.key()) + "," + of(map.value()) + ">";
    }
    return ((LakeType.Struct) type)
        .fields().stream()
            .map(
                field ->
                    field.name() + ":" + of(field.type()) + (field.nullable() ? "" : " not null"))
            .collect(Collectors.joining(",", "struct<", ">"));
  }

  private static String primitive(LakeType.Kind kind) {
    return switch (kind) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case BIGINT -> "bigint";
      case DOUBLE -> "double";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case BINARY -> "binary";
    };
  }

  private TypeText() {}
}
