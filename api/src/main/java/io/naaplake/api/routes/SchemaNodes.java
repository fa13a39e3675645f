package io.naaplake.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.api.ApiJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the JSON Schema 2020-12 nodes the OpenAPI document is made of. Every node
 * comes from {@link ApiJson#MAPPER}'s factory, whose object nodes keep insertion order, so the same
 * input always gives the same document.
 */
final class SchemaNodes {

  static final JsonNodeFactory NODES = ApiJson.MAPPER.getNodeFactory();

  /** {@code {"type": type}}. */
  static ObjectNode typed(String type) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", type);
    return schema;
  }

  /** {@code {"type": type, "format": format}}. */
  static ObjectNode formatted(String type, String format) {
    ObjectNode schema = typed(type);
    schema.put("format", format);
    return schema;
  }

  /** {@code {"type": "string", "description": description}}. */
  static ObjectNode describedString(String description) {
    return described(typed("string"), description);
  }

  static ObjectNode described(ObjectNode schema, String description) {
    schema.put("description", description);
    return schema;
  }

  /**
   * The same schema also accepting null, in the OpenAPI 3.1 way: {@code "type": [t, "null"]}
   * ({@code nullable: true} is gone since 3.1). Keywords such as {@code format} or {@code pattern}
   * only constrain values of their own type, so they leave null alone.
   */
  static ObjectNode orNull(ObjectNode schema) {
    if (schema.path("type").isArray()) {
      return schema; // already [t, "null"]
    }
    String type = schema.path("type").asText();
    if (type.isEmpty()) {
      throw new IllegalArgumentException("only a schema with a single type can be made nullable");
    }
    ArrayNode types = NODES.arrayNode().add(type).add("null");
    // Replacing the value keeps "type" where it was, so the key order stays the declared one.
    ObjectNode nullable = schema.deepCopy();
    nullable.set("type", types);
    return nullable;
  }

  /** {@code {"$ref": "#/components/schemas/name"}}. */
  static ObjectNode componentRef(String name) {
    ObjectNode ref = NODES.objectNode();
    ref.put("$ref", "#/components/schemas/" + name);
    return ref;
  }

  /** An object with exactly these properties, all required, nothing else allowed. */
  static ObjectNode closedObject(Map<String, ObjectNode> properties) {
    return closedObject(properties, List.copyOf(properties.keySet()));
  }

  /** An object with exactly these properties, of which {@code required} must be present. */
  static ObjectNode closedObject(Map<String, ObjectNode> properties, List<String> required) {
    ObjectNode schema = typed("object");
    ObjectNode props = schema.putObject("properties");
    properties.forEach(props::set);
    ArrayNode names = schema.putArray("required");
    required.forEach(names::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  /** An insertion-ordered map, so properties come out in the order they are declared. */
  static Map<String, ObjectNode> properties() {
    return new LinkedHashMap<>();
  }

  /** {@code {"type": "string", "enum": [values]}}. */
  static ObjectNode stringEnum(List<String> values) {
    ObjectNode schema = typed("string");
    ArrayNode choices = schema.putArray("enum");
    values.forEach(choices::add);
    return schema;
  }

  private SchemaNodes() {}
}
