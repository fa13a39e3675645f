package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks response bodies against an OpenAPI 3.1 document, so tests can prove that what the API
 * writes is what {@code /openapi.json} promises. Response schemas are JSON Schema 2020-12 (the 3.1
 * dialect); their {@code $ref}s into {@code #/components/schemas} resolve against the document's
 * components. Formats ({@code date-time}, {@code date}) are asserted, not just annotated.
 */
public final class OpenApiValidator {

  private static final String COMPONENTS = "components";
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}/]+}");

  private final JsonNode doc;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new HashMap<>();

  public OpenApiValidator(JsonNode openApiDoc) {
    this.doc = requireNonNull(openApiDoc, "openApiDoc is null");
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    // 2020-12, knowing that "components" (carried along for the $refs) is no assertion.
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword(COMPONENTS))
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemaRegistryConfig(config));
  }

  /**
   * The messages of {@code body} against the schema of the {@code status} response of {@code
   * path}'s GET; empty when the body conforms. A response the document gives no body (304) accepts
   * only a missing body.
   *
   * @param path a documented path template or a concrete path matching one
   * @param body the parsed response body; null for none
   * @throws IllegalArgumentException when the document has no such path or response
   */
  public List<String> validate(String path, int status, JsonNode body) {
    String template = doc.path("paths").has(path) ? path : pathTemplateFor(path);
    JsonNode response = doc.path("paths").path(template).path("get").path("responses");
    JsonNode answer = response.path(Integer.toString(status));
    if (answer.isMissingNode()) {
      throw new IllegalArgumentException("GET " + template + " documents no " + status);
    }
    Optional<JsonNode> schema = onlySchema(answer);
    if (schema.isEmpty()) {
      return body == null || body.isMissingNode()
          ? List.of()
          : List.of("GET " + template + " " + status + " has no body, but one was given");
    }
    if (body == null) {
      return List.of("GET " + template + " " + status + " has a body, but none was given");
    }
    Schema compiled =
        schemas.computeIfAbsent(template + " " + status, key -> compile(schema.get()));
    List<String> messages = new ArrayList<>();
    compiled.validate(body).forEach(error -> messages.add(error.toString()));
    return messages;
  }

  /**
   * The documented template a concrete path matches: {@code /v1/orchestrators/0xabc} gives {@code
   * /v1/orchestrators/{address}}. When several match, the one with the fewest parameters wins, as a
   * literal segment is more specific than a parameter.
   *
   * @throws IllegalArgumentException when no documented path matches
   */
  public String pathTemplateFor(String concretePath) {
    List<String> matching = new ArrayList<>();
    for (Iterator<String> names = doc.path("paths").fieldNames(); names.hasNext(); ) {
      String template = names.next();
      if (regexOf(template).matcher(concretePath).matches()) {
        matching.add(template);
      }
    }
    return matching.stream()
        .min(Comparator.comparingLong(OpenApiValidator::parameterCount))
        .orElseThrow(
            () -> new IllegalArgumentException("no documented path matches " + concretePath));
  }

  /** The schema of a response's one media type; empty for a response without a body. */
  private static Optional<JsonNode> onlySchema(JsonNode response) {
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return Optional.empty();
    }
    if (content.size() != 1) {
      throw new IllegalArgumentException("a response with several media types: " + content);
    }
    return Optional.of(content.elements().next().path("schema"));
  }

  /**
   * The response schema as a standalone 2020-12 schema: the document's components ride along, so
   * the {@code #/components/schemas/...} pointers resolve within it.
   */
  private Schema compile(JsonNode responseSchema) {
    ObjectNode standalone = ApiJson.MAPPER.createObjectNode();
    standalone.setAll((ObjectNode) responseSchema);
    standalone.set(COMPONENTS, doc.path(COMPONENTS));
    return registry.getSchema(standalone);
  }

  private static Pattern regexOf(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
    int literalStart = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(template.substring(literalStart, parameter.start())));
      regex.append("[^/]+");
      literalStart = parameter.end();
    }
    regex.append(Pattern.quote(template.substring(literalStart)));
    return Pattern.compile(regex.toString());
  }

  private static long parameterCount(String template) {
    return TEMPLATE_PARAMETER.matcher(template).results().count();
  }
}
