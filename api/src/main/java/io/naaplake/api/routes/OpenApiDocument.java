package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.NODES;
import static io.naaplake.api.routes.SchemaNodes.closedObject;
import static io.naaplake.api.routes.SchemaNodes.componentRef;
import static io.naaplake.api.routes.SchemaNodes.typed;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1.0 document served at {@code /openapi.json}, built from the route catalog's {@link
 * RouteDoc}s and the service routes the server answers itself. Row schemas come from the
 * lake-schema columns the rows are read from, so the document follows the tables. The output is
 * deterministic: the same routes give the same JSON, in the routes' order.
 */
public final class OpenApiDocument {

  public static final String OPENAPI_VERSION = "3.1.0";
  public static final String TITLE = "NaaP Lake API";

  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  static final String DESCRIPTION =
      "Read-only measurements of the Livepeer network from the NaaP Lake gold tables; every route"
          + " is a GET.\n\n"
          + "* Times are RFC 3339 in UTC (`2026-01-15T12:00:00Z`); dates are `2026-01-15`.\n"
          + "* Decimal amounts, wei included, are decimal strings (`\"16800000007200\"`): JSON"
          + " numbers lose precision beyond 2^53 in most clients.\n"
          + "* Nulls are kept: every field of a row is present, and a missing measurement is"
          + " null, not zero.\n"
          + "* Errors are RFC 7807 problem documents (`application/problem+json`) carrying the"
          + " `request_id` also sent as `X-Request-Id`.";

  /**
   * The document for these routes.
   *
   * @param routes the route catalog, in the order the document lists them
   * @param apiVersion the API's version, published as {@code info.version}
   * @throws IllegalArgumentException when two routes (service routes included) derive the same
   *     operationId, which also catches a path documented twice
   */
  public static ObjectNode build(List<RouteDoc> routes, String apiVersion) {
    requireNonNull(routes, "routes is null");
    requireNonNull(apiVersion, "apiVersion is null");
    ObjectNode doc = NODES.objectNode();
    doc.put("openapi", OPENAPI_VERSION);
    doc.set("info", info(apiVersion));
    doc.set("tags", tags(routes));

    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = NODES.objectNode();
    ObjectNode schemas = components.putObject("schemas");
    schemas.set(StandardSchemas.PROBLEM, StandardSchemas.problem());
    schemas.set(StandardSchemas.PAGINATION, StandardSchemas.pagination());
    schemas.set(StandardSchemas.META, StandardSchemas.meta());
    schemas.set(StandardSchemas.HEALTH, StandardSchemas.health());
    schemas.set(StandardSchemas.READINESS, StandardSchemas.readiness());
    schemas.set(StandardSchemas.DASHBOARD_CLOCK, StandardSchemas.dashboardClock());

    Map<String, String> pathByOperationId = new HashMap<>();
    for (RouteDoc route : routes) {
      checkPathParameters(route);
      String operationId = claim(pathByOperationId, route.path());
      if (route.shape() == RouteDoc.Shape.FILE) {
        ObjectNode get = operation(operationId, route.summary(), route.description(), route.tag());
        get.set("parameters", Parameters.of(route.params()));
        get.set("responses", Responses.ofFileRoute(ArtifactRoutes.MEDIA_TYPES.values()));
        paths.putObject(route.path()).set("get", get);
        continue;
      }
      String name = OperationNames.pascalName(route.path());
      String rowSchema = name + "Row";
      String responseSchema = name + "Response";
      schemas.set(rowSchema, RowSchema.of(route.columns()));
      schemas.set(responseSchema, body(route.shape(), rowSchema));
      ObjectNode get = operation(operationId, route.summary(), route.description(), route.tag());
      get.set("parameters", Parameters.of(route.params()));
      get.set("responses", Responses.ofDataRoute(responseSchema));
      paths.putObject(route.path()).set("get", get);
    }
    for (ServiceRoutes.ServiceRoute route : ServiceRoutes.all()) {
      String operationId = claim(pathByOperationId, route.path());
      ObjectNode get =
          operation(operationId, route.summary(), route.description(), ServiceRoutes.TAG);
      get.set("responses", route.responses());
      paths.putObject(route.path()).set("get", get);
    }
    doc.set("components", components);
    return doc;
  }

  /** The documented path templates, in document order. */
  public static List<String> documentedPaths(ObjectNode doc) {
    List<String> paths = new ArrayList<>();
    doc.path("paths").fieldNames().forEachRemaining(paths::add);
    return List.copyOf(paths);
  }

  private static ObjectNode info(String apiVersion) {
    ObjectNode info = NODES.objectNode();
    info.put("title", TITLE);
    info.put("version", apiVersion);
    info.put("description", DESCRIPTION);
    return info;
  }

  /** The routes' tags in first-use order, then the service routes' tag. */
  private static ArrayNode tags(List<RouteDoc> routes) {
    Set<String> names = new LinkedHashSet<>();
    routes.forEach(route -> names.add(route.tag()));
    names.add(ServiceRoutes.TAG);
    ArrayNode tags = NODES.arrayNode();
    names.forEach(name -> tags.addObject().put("name", name));
    return tags;
  }

  /** The path's operationId, failing when another path already derived it. */
  private static String claim(Map<String, String> pathByOperationId, String path) {
    String operationId = OperationNames.operationId(path);
    String previous = pathByOperationId.putIfAbsent(operationId, path);
    if (previous != null) {
      throw new IllegalArgumentException(
          "duplicate operationId " + operationId + " for paths " + previous + " and " + path);
    }
    return operationId;
  }

  /**
   * OpenAPI requires each {@code {name}} of a path template to be a declared path parameter, and a
   * path parameter that is not in the template could never be sent.
   */
  private static void checkPathParameters(RouteDoc route) {
    Set<String> inTemplate = new TreeSet<>();
    Matcher braces = TEMPLATE_PARAMETER.matcher(route.path());
    while (braces.find()) {
      inTemplate.add(braces.group(1));
    }
    Set<String> declared = new TreeSet<>();
    route.params().stream()
        .filter(param -> param.location().equals("path"))
        .forEach(param -> declared.add(param.name()));
    if (!inTemplate.equals(declared)) {
      throw new IllegalArgumentException(
          route.path() + " has path parameters " + inTemplate + " but declares " + declared);
    }
  }

  private static ObjectNode operation(
      String operationId, String summary, String description, String tag) {
    ObjectNode get = NODES.objectNode();
    get.put("operationId", operationId);
    get.put("summary", summary);
    get.put("description", description);
    get.putArray("tags").add(tag);
    return get;
  }

  /** The 200 body of a route: its rows wrapped as {@link RouteDoc.Shape} says. */
  private static ObjectNode body(RouteDoc.Shape shape, String rowSchema) {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    switch (shape) {
      case PAGE, LIST -> {
        ObjectNode rows = typed("array");
        rows.set("items", componentRef(rowSchema));
        properties.put("data", rows);
      }
      case OBJECT -> properties.put("data", componentRef(rowSchema));
      case FILE -> throw new IllegalArgumentException("a file route has no JSON body");
    }
    if (shape == RouteDoc.Shape.PAGE) {
      properties.put("pagination", componentRef(StandardSchemas.PAGINATION));
    }
    properties.put("meta", componentRef(StandardSchemas.META));
    return closedObject(properties);
  }

  private OpenApiDocument() {}
}
