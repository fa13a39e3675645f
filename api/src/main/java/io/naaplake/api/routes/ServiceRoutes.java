package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.NODES;
import static io.naaplake.api.routes.SchemaNodes.componentRef;
import static io.naaplake.api.routes.SchemaNodes.described;
import static io.naaplake.api.routes.SchemaNodes.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.api.dashboards.Dashboards;
import java.util.List;

/**
 * The routes the server itself answers, outside the route catalog: probes, metrics, the dashboards'
 * clock and this document. {@code /docs} and the dashboards' pages are left out: they are pages for
 * people, not part of the API.
 */
final class ServiceRoutes {

  static final String TAG = "service";

  /** One service route: its path, summary, description and responses. */
  record ServiceRoute(String path, String summary, String description, ObjectNode responses) {}

  static List<ServiceRoute> all() {
    return List.of(
        new ServiceRoute(
            "/healthz",
            "Liveness",
            "200 while the process serves requests; says nothing about Trino or the data.",
            responses("200", Responses.json("Alive", componentRef(StandardSchemas.HEALTH)))),
        new ServiceRoute(
            "/readyz",
            "Readiness",
            "Whether Trino answers and the gold tables are fresh enough to serve.",
            responses(
                "200",
                Responses.json("Ready", componentRef(StandardSchemas.READINESS)),
                "503",
                Responses.json(
                    "Not ready: Trino unreachable or the gold tables older than max_age_seconds",
                    componentRef(StandardSchemas.READINESS)))),
        new ServiceRoute(
            "/metrics",
            "Prometheus metrics",
            "The server's metrics in the Prometheus text exposition format, for scraping.",
            responses(
                "200",
                Responses.withBody(
                    "Metrics in the Prometheus text exposition format",
                    "text/plain",
                    typed("string")))),
        new ServiceRoute(
            Dashboards.CLOCK_PATH,
            "The dashboards' clock",
            "The time the data routes answer as of, which the dashboards' windows end at: a"
                + " lake served as of a past time renders as of that time. Not cached.",
            responses(
                "200", Responses.json("The clock", componentRef(StandardSchemas.DASHBOARD_CLOCK)))),
        new ServiceRoute(
            "/openapi.json",
            "This document",
            "The OpenAPI 3.1 description of the API; /docs renders it with Swagger UI.",
            responses(
                "200",
                Responses.json(
                    "The OpenAPI document", described(typed("object"), "OpenAPI 3.1.0")))));
  }

  private static ObjectNode responses(String status, ObjectNode response) {
    ObjectNode responses = NODES.objectNode();
    responses.set(status, response);
    return responses;
  }

  private static ObjectNode responses(
      String status, ObjectNode response, String otherStatus, ObjectNode other) {
    ObjectNode responses = responses(status, response);
    responses.set(otherStatus, other);
    return responses;
  }

  private ServiceRoutes() {}
}
