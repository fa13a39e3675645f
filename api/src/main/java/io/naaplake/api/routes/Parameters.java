package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.NODES;
import static io.naaplake.api.routes.SchemaNodes.typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** OpenAPI parameter objects from the routes' {@link ParamDoc}s. */
final class Parameters {

  /**
   * The route's parameters in declared order, then {@code If-None-Match}: every data route answers
   * with an ETag, and a client sending it back gets a 304 when nothing changed.
   */
  static ArrayNode of(List<ParamDoc> params) {
    ArrayNode parameters = NODES.arrayNode();
    for (ParamDoc param : params) {
      parameters.add(of(param));
    }
    ObjectNode ifNoneMatch = NODES.objectNode();
    ifNoneMatch.put("name", "If-None-Match");
    ifNoneMatch.put("in", "header");
    ifNoneMatch.put(
        "description", "The ETag of a response already held; a 304 answers when it still matches.");
    ifNoneMatch.put("required", false);
    ifNoneMatch.set("schema", typed("string"));
    parameters.add(ifNoneMatch);
    return parameters;
  }

  static ObjectNode of(ParamDoc param) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("name", param.name());
    parameter.put("in", param.location());
    parameter.put("description", param.description());
    parameter.put("required", param.required());
    ObjectNode schema = typed(param.type());
    param.format().ifPresent(format -> schema.put("format", format));
    if (!param.enumValues().isEmpty()) {
      ArrayNode values = schema.putArray("enum");
      param.enumValues().forEach(values::add);
    }
    param.minimum().ifPresent(minimum -> schema.put("minimum", minimum));
    param.maximum().ifPresent(maximum -> schema.put("maximum", maximum));
    param.pattern().ifPresent(pattern -> schema.put("pattern", pattern));
    parameter.set("schema", schema);
    param.example().ifPresent(example -> parameter.set("example", exampleValue(param, example)));
    return parameter;
  }

  /** The example in the parameter's own type, so an integer's example is a JSON number. */
  private static JsonNode exampleValue(ParamDoc param, String example) {
    if (param.type().equals("integer")) {
      try {
        return NODES.numberNode(Long.parseLong(example));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "parameter " + param.name() + " is an integer but its example is " + example, e);
      }
    }
    return NODES.textNode(example);
  }

  private Parameters() {}
}
