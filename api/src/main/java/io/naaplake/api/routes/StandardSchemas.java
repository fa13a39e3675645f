package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.closedObject;
import static io.naaplake.api.routes.SchemaNodes.described;
import static io.naaplake.api.routes.SchemaNodes.describedString;
import static io.naaplake.api.routes.SchemaNodes.formatted;
import static io.naaplake.api.routes.SchemaNodes.orNull;
import static io.naaplake.api.routes.SchemaNodes.stringEnum;
import static io.naaplake.api.routes.SchemaNodes.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The component schemas every route shares: the problem document, the envelope's pagination and
 * meta, and the service routes' bodies. Each mirrors the Java type that writes the JSON; the tests
 * validate real serialisations against them.
 */
final class StandardSchemas {

  static final String PROBLEM = "Problem";
  static final String PAGINATION = "Pagination";
  static final String META = "Meta";
  static final String HEALTH = "Health";
  static final String READINESS = "Readiness";
  static final String DASHBOARD_CLOCK = "DashboardClock";

  /**
   * {@link io.naaplake.api.Problem} as Jackson writes it. The record is
   * {@code @JsonInclude(NON_NULL)}: an unset member is left out, never written as null, so the
   * optional members are optional strings, not nullable ones. {@code retryAfterSeconds} is
   * {@code @JsonIgnore}d (it is the {@code Retry-After} header).
   */
  static ObjectNode problem() {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put(
        "type",
        described(
            formatted("string", "uri-reference"),
            "Identifies the problem type; about:blank when the status says it all."));
    properties.put("title", describedString("Short, fixed summary of the problem type."));
    ObjectNode status = described(typed("integer"), "The HTTP status code.");
    status.put("minimum", 400);
    status.put("maximum", 599);
    properties.put("status", status);
    properties.put("detail", describedString("What went wrong with this request."));
    properties.put("instance", describedString("The request path."));
    properties.put("parameter", describedString("The offending parameter of a 400."));
    properties.put(
        "request_id",
        describedString("The id also sent as X-Request-Id; quote it when reporting an error."));
    ObjectNode schema = closedObject(properties, List.of("type", "title", "status"));
    return described(schema, "An RFC 7807 problem document (application/problem+json).");
  }

  static ObjectNode pagination() {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put(
        "next_cursor",
        described(
            orNull(typed("string")),
            "Pass as cursor to get the next page; null on the last page."));
    properties.put("has_more", described(typed("boolean"), "Whether a next page exists."));
    properties.put("page_size", described(typed("integer"), "The limit the page was served with."));
    return closedObject(properties);
  }

  static ObjectNode meta() {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put(
        "generated_at",
        described(formatted("string", "date-time"), "When the response was computed (UTC)."));
    properties.put("request_id", describedString("The id also sent as X-Request-Id and logged."));
    properties.put(
        "data_version",
        described(
            orNull(typed("string")),
            "Id of the last finished pipeline run the data reflects; null when unknown."));
    return closedObject(properties);
  }

  /** {@code /healthz}: the process is up. */
  static ObjectNode health() {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put("status", describedString("ok while the process serves requests."));
    return closedObject(properties);
  }

  /** {@code /dashboards/clock}: the time the data routes answer as of, for the pages. */
  static ObjectNode dashboardClock() {
    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put(
        "now",
        described(
            formatted("string", "date-time"),
            "The instant the data routes answer as of: naap.api.as-of when set, else the"
                + " server's clock."));
    properties.put(
        "as_of",
        described(
            orNull(formatted("string", "date-time")),
            "The configured naap.api.as-of; null when the API answers as of its clock."));
    return closedObject(properties);
  }

  /** {@code /readyz}: whether Trino answers and how fresh the gold tables are. */
  static ObjectNode readiness() {
    Map<String, ObjectNode> trino = SchemaNodes.properties();
    trino.put("reachable", described(typed("boolean"), "Whether Trino answered a probe query."));
    trino.put(
        "detail",
        described(orNull(typed("string")), "Why Trino is not reachable; null when it is."));

    Map<String, ObjectNode> gold = SchemaNodes.properties();
    gold.put(
        "data_version",
        described(
            orNull(typed("string")), "Id of the last finished pipeline run; null when none."));
    gold.put(
        "last_run_time",
        described(
            orNull(formatted("string", "date-time")),
            "Run time of the newest finished gold run: the time its data is complete to (UTC); null when none."));
    gold.put(
        "age_seconds",
        described(
            orNull(typed("integer")),
            "Seconds from that run time to now (the as-of time when set); null when none."));
    gold.put(
        "max_age_seconds",
        described(typed("integer"), "The age beyond which the API reports not_ready."));

    Map<String, ObjectNode> properties = SchemaNodes.properties();
    properties.put(
        "status",
        described(stringEnum(List.of("ready", "not_ready")), "ready when both checks pass."));
    properties.put("trino", closedObject(trino));
    properties.put("gold", closedObject(gold));
    return closedObject(properties);
  }

  private StandardSchemas() {}
}
