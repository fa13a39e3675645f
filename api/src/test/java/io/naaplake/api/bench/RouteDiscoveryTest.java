package io.naaplake.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.api.ApiJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDiscoveryTest {
  /** Examples in each place OpenAPI 3.1 allows them, path-level and $ref parameters. */
  private static final String OPENAPI =
      """
      {"openapi": "3.1.0",
       "paths": {
        "/v1/a/{x}": {"get": {"parameters": [
          {"name": "x", "in": "path", "required": true, "examples": {"one": {"value": "ex 1/é"}}}]}},
        "/v1/b/{x}": {"get": {"parameters": [
          {"name": "x", "in": "path", "required": true, "schema": {"examples": [42]}}]}},
        "/v1/c/{x}": {
          "parameters": [{"$ref": "#/components/parameters/X"}],
          "get": {}},
        "/v1/d/{x}": {
          "parameters": [{"name": "x", "in": "path", "required": true, "example": "outer"}],
          "get": {"parameters": [
            {"name": "x", "in": "path", "required": true, "schema": {"example": "inner"}}]}},
        "/v1/e/{x}/{y}": {"get": {"parameters": [
          {"name": "x", "in": "path", "required": true, "example": "1"},
          {"name": "y", "in": "query", "example": "2"}]}},
        "/v2/f": {"get": {}}
       },
       "components": {"parameters": {
         "X": {"name": "x", "in": "path", "required": true, "example": "0xabc"}}}}
      """;

  @Test
  void examplesFromEveryPlaceEncodedIntoThePath() throws Exception {
    RouteDiscovery.Discovered discovered =
        RouteDiscovery.discover(ApiJson.MAPPER.readTree(OPENAPI), Optional.empty());
    assertThat(discovered.routes())
        .containsExactly(
            new BenchRoute("/v1/a/{x}", "/v1/a/ex%201%2F%C3%A9"),
            new BenchRoute("/v1/b/{x}", "/v1/b/42"),
            new BenchRoute("/v1/c/{x}", "/v1/c/0xabc"),
            new BenchRoute("/v1/d/{x}", "/v1/d/inner"));
    // {y} is declared only as a query parameter, so the path has no example for it.
    assertThat(discovered.skipped())
        .containsExactly(new SkippedRoute("/v1/e/{x}/{y}", "path parameter {y} has no example"));
  }

  @Test
  void filterAppliesToSkippedRoutesToo() throws Exception {
    RouteDiscovery.Discovered discovered =
        RouteDiscovery.discover(ApiJson.MAPPER.readTree(OPENAPI), Optional.of("/v1/c"));
    assertThat(discovered.routes()).containsExactly(new BenchRoute("/v1/c/{x}", "/v1/c/0xabc"));
    assertThat(discovered.skipped()).isEmpty();
  }
}
