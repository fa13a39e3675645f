package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.closedObject;
import static io.naaplake.api.routes.SchemaNodes.described;
import static io.naaplake.api.routes.SchemaNodes.formatted;
import static io.naaplake.api.routes.SchemaNodes.orNull;
import static io.naaplake.api.routes.SchemaNodes.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of the rows a route serves, translated from the lake-schema columns the rows are
 * read from, with the encodings of {@link io.naaplake.api.ApiJson}.
 */
final class RowSchema {

  /**
   * Decimal text as {@code ApiJson.decimalText} writes it: plain digits, no exponent. Wei amounts
   * exceed 2^53, which JSON numbers cannot carry exactly in most clients.
   */
  static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

  /**
   * One object per row: every column a property described by its comment, and every column
   * required, because the API writes nulls instead of leaving a field out.
   */
  static ObjectNode of(List<Column> columns) {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    for (Column column : columns) {
      if (properties.containsKey(column.name())) {
        throw new IllegalArgumentException("column " + column.name() + " is declared twice");
      }
      ObjectNode schema = column.nullable() ? orNull(of(column.type())) : of(column.type());
      properties.put(column.name(), described(schema, column.comment()));
    }
    return closedObject(properties);
  }

  /** The schema of one non-null value of a lake type (a double may still be null, see below). */
  static ObjectNode of(LakeType type) {
    if (type instanceof LakeType.Primitive primitive) {
      return primitive(primitive.kind());
    }
    if (type instanceof LakeType.Decimal) {
      ObjectNode schema = typed("string");
      schema.put("pattern", DECIMAL_PATTERN);
      return schema;
    }
    if (type instanceof LakeType.Array array) {
      ObjectNode schema = typed("array");
      // The lake's arrays may hold nulls (Spark writes them with containsNull = true).
      schema.set("items", orNull(of(array.element())));
      return schema;
    }
    if (type instanceof LakeType.MapOf map) {
      // Keys become JSON member names, so only the values have a schema; the lake's map values
      // may be null (Spark writes them with valueContainsNull = true).
      ObjectNode schema = typed("object");
      schema.set("additionalProperties", orNull(of(map.value())));
      return schema;
    }
    if (type instanceof LakeType.Struct struct) {
      return of(struct.fields());
    }
    throw new IllegalArgumentException("no JSON schema for lake type " + type);
  }

  private static ObjectNode primitive(LakeType.Kind kind) {
    return switch (kind) {
      case STRING -> typed("string");
      case BOOLEAN -> typed("boolean");
      case INT -> formatted("integer", "int32");
      case BIGINT -> formatted("integer", "int64");
      // Null even in a non-null column: ApiJson writes NaN and infinities (a 0/0 ratio) as null.
      case DOUBLE -> orNull(formatted("number", "double"));
      case DATE -> formatted("string", "date");
      case TIMESTAMP -> formatted("string", "date-time");
      case BINARY -> {
        // Jackson writes byte[] as base64; 3.1 says so with contentEncoding, not format: byte.
        ObjectNode schema = typed("string");
        schema.put("contentEncoding", "base64");
        yield schema;
      }
    };
  }

  private RowSchema() {}
}
