package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.api.routes.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served {@code /openapi.json} and the served routes are the same set: every documented path
 * answers (not 404) and every registered route is documented.
 */
class OpenApiCoverageIT {
  private final SharedApi api = SharedApi.get();

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
    JsonNode paths = api.client().openApi().get("paths");
    TreeSet<String> documented = new TreeSet<>();
    paths.fieldNames().forEachRemaining(documented::add);
    TreeSet<String> served = new TreeSet<>();
    for (Route route : api.service().routes()) {
      served.add(route.doc().path());
    }
    served.addAll(List.of("/healthz", "/readyz", "/metrics", "/dashboards/clock", "/openapi.json"));
    assertThat(documented).isEqualTo(served);

    List<String> missing = new ArrayList<>();
    for (String path : documented) {
      JsonNode example = paths.get(path).get("get").get("parameters");
      String concrete = withExamples(path, example);
      ApiClient.Response response = api.client().raw(concrete, java.util.Map.of());
      // 404 with a problem naming an unknown orchestrator is an answer of the route; a 404 from
      // the router ("No such route") is not.
      if (response.status() == 404 && response.body().contains("No such route")) {
        missing.add(path + " (example params " + example + ")");
      }
    }
    assertThat(missing).as("documented but not served").isEmpty();
  }

  /** The path with each {name} replaced by its documented example. */
  private static String withExamples(String path, JsonNode parameters) {
    String concrete = path;
    if (parameters != null) {
      for (JsonNode parameter : parameters) {
        if (parameter.path("in").asText().equals("path")) {
          concrete =
              concrete.replace(
                  "{" + parameter.get("name").asText() + "}", parameter.get("example").asText());
        }
      }
    }
    return concrete;
  }

  @Test
  void readinessIsGreenOverTheFixtureLake() {
    ApiClient.Response ready = api.client().get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    // The fixture's gold ran at 2026-01-09T00:00 and 01:00 (run times); served as of 01:00, the
    // newest gold run at or before then is 01:00 (later rebuilds by other ITs do not count).
    assertThat(ready.json().get("gold").get("last_run_time").asText())
        .isEqualTo("2026-01-09T01:00:00Z");
    assertThat(ready.json().get("gold").get("age_seconds").asLong()).isZero();
  }
}
