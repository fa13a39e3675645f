package io.naaplake.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes to benchmark, read from the server's OpenAPI 3.1 document: every path under {@code
 * /v1/} with a GET operation, in document order. Path parameters take the example the document
 * gives them; a path with a parameter that has none is skipped, not guessed. Query parameters are
 * left out, so each route runs with its defaults and always hits the same cache key.
 */
public final class RouteDiscovery {
  private static final String PREFIX = "/v1/";
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  private RouteDiscovery() {}

  /**
   * The routes and skipped routes the document lists.
   *
   * @param openApi the parsed {@code /openapi.json}
   * @param routeFilter keep only templates starting with this prefix, if given
   */
  public static Discovered discover(JsonNode openApi, Optional<String> routeFilter) {
    List<BenchRoute> routes = new ArrayList<>();
    List<SkippedRoute> skipped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : openApi.path("paths").properties()) {
      String template = entry.getKey();
      JsonNode pathItem = resolve(openApi, entry.getValue());
      if (!template.startsWith(PREFIX)
          || !pathItem.has("get")
          || routeFilter.map(prefix -> !template.startsWith(prefix)).orElse(false)) {
        continue;
      }
      Map<String, JsonNode> pathParameters = pathParameters(openApi, pathItem);
      StringBuilder path = new StringBuilder();
      Matcher matcher = PATH_PARAMETER.matcher(template);
      String missing = null;
      while (matcher.find()) {
        String name = matcher.group(1);
        Optional<String> example =
            Optional.ofNullable(pathParameters.get(name)).flatMap(p -> example(openApi, p));
        if (example.isEmpty()) {
          missing = name;
          break;
        }
        matcher.appendReplacement(path, Matcher.quoteReplacement(encodeSegment(example.get())));
      }
      if (missing != null) {
        skipped.add(new SkippedRoute(template, "path parameter {" + missing + "} has no example"));
      } else {
        matcher.appendTail(path);
        routes.add(new BenchRoute(template, path.toString()));
      }
    }
    return new Discovered(routes, skipped);
  }

  /**
   * The path parameters by name: those of the path item, overridden by those of the GET operation
   * (OpenAPI lets an operation redeclare a parameter of its path).
   */
  private static Map<String, JsonNode> pathParameters(JsonNode openApi, JsonNode pathItem) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode declared :
        List.of(
            pathItem.path("parameters"),
            resolve(openApi, pathItem.get("get")).path("parameters"))) {
      for (JsonNode reference : declared) {
        JsonNode parameter = resolve(openApi, reference);
        if ("path".equals(parameter.path("in").asText())) {
          byName.put(parameter.path("name").asText(), parameter);
        }
      }
    }
    return byName;
  }

  /**
   * The parameter's example from wherever OpenAPI 3.1 allows it: {@code example}, the first of
   * {@code examples}, or the same two on its schema ({@code schema.examples} is a JSON Schema
   * array).
   */
  private static Optional<String> example(JsonNode openApi, JsonNode parameter) {
    if (isValue(parameter.get("example"))) {
      return Optional.of(parameter.get("example").asText());
    }
    for (JsonNode named : parameter.path("examples")) {
      JsonNode value = resolve(openApi, named).get("value");
      if (isValue(value)) {
        return Optional.of(value.asText());
      }
    }
    JsonNode schema = resolve(openApi, parameter.path("schema"));
    if (isValue(schema.get("example"))) {
      return Optional.of(schema.get("example").asText());
    }
    JsonNode first = schema.path("examples").path(0);
    return isValue(first) ? Optional.of(first.asText()) : Optional.empty();
  }

  private static boolean isValue(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() && !node.asText().isEmpty();
  }

  /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as is. */
  private static JsonNode resolve(JsonNode openApi, JsonNode node) {
    if (node == null) {
      return MissingNode.getInstance();
    }
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? openApi.at(ref.substring(1)) : node;
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters, byte by byte in UTF-8. */
  static String encodeSegment(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /**
   * @param routes the routes to request, in document order
   * @param skipped the templated routes left out, in document order
   */
  public record Discovered(List<BenchRoute> routes, List<SkippedRoute> skipped) {
    public Discovered {
      routes = List.copyOf(routes);
      skipped = List.copyOf(skipped);
    }
  }
}
