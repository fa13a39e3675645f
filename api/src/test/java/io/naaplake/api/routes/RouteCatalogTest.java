package io.naaplake.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.api.ApiConfig;
import io.naaplake.config.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteCatalogTest {
  private final ApiConfig config = ApiConfig.from(Settings.of(Map.of()));
  private final List<Route> routes = RouteCatalog.routes(config);

  @Test
  void everyRouteOfTheIssueIsDeclaredOnce() {
    assertThat(routes.stream().map(r -> r.doc().path()))
        .doesNotHaveDuplicates()
        .contains(
            "/v1/streaming/sla",
            "/v1/streaming/sla/daily",
            "/v1/streaming/demand",
            "/v1/streaming/gpu-metrics",
            "/v1/streaming/models",
            "/v1/streaming/orchestrators",
            "/v1/streaming/active",
            "/v1/streaming/failures",
            "/v1/supply/gpus",
            "/v1/supply/gpus/history",
            "/v1/supply/capacity",
            "/v1/economics/payments",
            "/v1/economics/orchestrators/{address}",
            "/v1/economics/pricing",
            "/v1/requests/ai-batch/summary",
            "/v1/requests/ai-batch/jobs",
            "/v1/requests/llm/summary",
            "/v1/requests/byoc/summary",
            "/v1/requests/byoc/jobs",
            "/v1/leaderboard",
            "/v1/discover/orchestrators",
            "/v1/orchestrators/{address}",
            "/v1/network/summary",
            "/v1/network/health",
            "/v1/network/alerts",
            "/v1/reports",
            "/v1/reports/{id}",
            "/v1/reports/{id}/files/{name}",
            "/v1/exports",
            "/v1/exports/{id}",
            "/v1/exports/{id}/files/{name}");
  }

  @Test
  void pagedRoutesTakeLimitAndCursorAndOthersDoNot() {
    for (Route route : routes) {
      boolean paged = route.doc().shape() == RouteDoc.Shape.PAGE;
      assertThat(route.queryParameterNames().contains("limit"))
          .as(route.doc().path())
          .isEqualTo(paged);
      assertThat(route.queryParameterNames().contains("cursor"))
          .as(route.doc().path())
          .isEqualTo(paged);
      // A file route's body is the file, not rows.
      assertThat(route.doc().columns().isEmpty())
          .as(route.doc().path())
          .isEqualTo(route.doc().shape() == RouteDoc.Shape.FILE);
    }
  }

  @Test
  void theDocumentIsBuiltFromTheCatalog() {
    var document = OpenApiDocument.build(RouteCatalog.docs(config), "1.0.0");
    assertThat(OpenApiDocument.documentedPaths(document))
        .containsAll(routes.stream().map(r -> r.doc().path()).toList());
  }

  @Test
  void dateWindowsCoverEveryDateTheInstantRangeTouches() {
    // [2026-01-08T01:00Z, 2026-01-09T01:00Z) touches the 8th and the 9th.
    assertThat(TableRoute.firstDate(Instant.parse("2026-01-08T01:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-01-08"));
    assertThat(TableRoute.dateAfter(Instant.parse("2026-01-09T01:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-01-10"));
    // An end at midnight excludes that date.
    assertThat(TableRoute.dateAfter(Instant.parse("2026-01-09T00:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-01-09"));
  }
}
