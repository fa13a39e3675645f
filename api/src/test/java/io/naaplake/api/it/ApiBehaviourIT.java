package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conventions every route shares, over the real lake: keyset pagination loses and repeats nothing,
 * conditional GETs answer 304, bad parameters are 400 problems naming the parameter, and the
 * service routes report what happened.
 */
class ApiBehaviourIT {
  private final ApiClient api = SharedApi.get().client();

  /** Every row of a route, page by page; each page's envelope is checked on the way. */
  private List<String> allPages(String path, int pageSize) {
    List<String> rows = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String url =
          path
              + (path.contains("?") ? "&" : "?")
              + "limit="
              + pageSize
              + (cursor == null ? "" : "&cursor=" + cursor);
      ApiClient.Response response = api.get(url);
      assertThat(response.status()).as(url).isEqualTo(200);
      JsonNode body = response.json();
      JsonNode pagination = body.get("pagination");
      assertThat(pagination.get("page_size").asInt()).isEqualTo(pageSize);
      body.get("data").forEach(row -> rows.add(row.toString()));
      boolean hasMore = pagination.get("has_more").asBoolean();
      assertThat(body.get("data").size()).isLessThanOrEqualTo(pageSize);
      if (hasMore) {
        assertThat(body.get("data").size()).isEqualTo(pageSize);
      }
      cursor = hasMore ? pagination.get("next_cursor").asText() : null;
      assertThat(pagination.get("next_cursor").isNull()).isEqualTo(!hasMore);
      assertThat(++pages).as("runaway paging of " + path).isLessThan(500);
    } while (cursor != null);
    return rows;
  }

  private List<String> onePage(String path) {
    JsonNode body = api.get(path + (path.contains("?") ? "&" : "?") + "limit=1000").json();
    assertThat(body.get("pagination").get("has_more").asBoolean()).isFalse();
    List<String> rows = new ArrayList<>();
    body.get("data").forEach(row -> rows.add(row.toString()));
    return rows;
  }

  @ParameterizedTest
  @CsvSource({
    // Hourly SLA over a month of fixture data, including unattributed rows (null orchestrator,
    // null GPU): the NULL-safe keyset must neither drop nor repeat them.
    "/v1/streaming/sla?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z, 5",
    "/v1/streaming/orchestrators, 7",
    "/v1/streaming/demand?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z, 3",
    "/v1/economics/payments?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z, 4",
    "/v1/supply/gpus/history?start=2025-12-01T00:00:00Z&end=2025-12-31T00:00:00Z, 6",
  })
  void pagesConcatenateToTheWholeListInOrder(String path, int pageSize) {
    List<String> whole = onePage(path);
    assertThat(whole.size()).as("the case needs several pages").isGreaterThan(2 * pageSize);
    List<String> paged = allPages(path, pageSize);
    assertThat(paged).containsExactlyElementsOf(whole);
    assertThat(paged.stream().distinct().count()).isEqualTo(paged.size());
  }

  @Test
  void nullKeysAreOrderedLastAndStillPaged() {
    List<JsonNode> rows = new ArrayList<>();
    for (String row :
        allPages("/v1/streaming/sla?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z", 4)) {
      rows.add(parse(row));
    }
    boolean anyNull = rows.stream().anyMatch(r -> r.get("orchestrator_address").isNull());
    assertThat(anyNull).as("the fixture has unattributed sessions").isTrue();
    // Within each hour (newest first), rows with a null orchestrator come after all others.
    for (int i = 1; i < rows.size(); i++) {
      JsonNode previous = rows.get(i - 1);
      JsonNode current = rows.get(i);
      if (previous.get("window_start").equals(current.get("window_start"))
          && previous.get("org").equals(current.get("org"))
          && previous.get("orchestrator_address").isNull()) {
        assertThat(current.get("orchestrator_address").isNull()).isTrue();
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return io.naaplake.api.ApiJson.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCursorIsBoundToItsRouteAndFilters() {
    String path = "/v1/streaming/sla?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z&limit=2";
    String cursor = api.get(path).json().get("pagination").get("next_cursor").asText();
    ApiClient.Response other =
        api.get(
            "/v1/streaming/demand?start=2025-11-10T00:00:00Z&end=2025-12-10T00:00:00Z"
                + "&limit=2&cursor="
                + cursor);
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().get("parameter").asText()).isEqualTo("cursor");
    ApiClient.Response otherFilter =
        api.get(path.replace("2025-12-10", "2025-12-09") + "&cursor=" + cursor);
    assertThat(otherFilter.status()).isEqualTo(400);
  }

  @Test
  void conditionalGetAnswers304AndTheCacheCountsHits() {
    String path = "/v1/streaming/sla/daily?start=2025-11-01T00:00:00Z&end=2026-01-09T00:00:00Z";
    ApiClient.Response first = api.get(path);
    String etag = first.header("ETag");
    assertThat(etag).startsWith("W/\"");
    assertThat(first.header("Cache-Control")).startsWith("public, max-age=");
    ApiClient.Response again = api.get(path, Map.of("If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    // A different query is different data: another tag.
    assertThat(api.get(path + "&limit=3").header("ETag")).isNotEqualTo(etag);
    // Same data, other meta: a fresh request id each time, same data and tag.
    ApiClient.Response third = api.get(path);
    assertThat(third.header("ETag")).isEqualTo(etag);
    assertThat(third.json().get("data")).isEqualTo(first.json().get("data"));
    assertThat(third.json().get("meta").get("request_id"))
        .isNotEqualTo(first.json().get("meta").get("request_id"));
    assertThat(third.json().get("meta").get("data_version").asText())
        .isEqualTo(SharedApi.get().service().lakeStatus().dataVersion().orElseThrow());

    String metrics = api.raw("/metrics", Map.of()).body();
    assertThat(metrics)
        .contains(
            "naap_api_cache_requests_total{result=\"hit\",route=\"/v1/streaming/sla/daily\"}");
    assertThat(metrics).contains("naap_api_trino_query_duration_seconds_count");
    // Requests are counted per route template, never per raw path.
    assertThat(metrics)
        .contains("naap_api_requests_total{route=\"/v1/streaming/sla/daily\",status=\"304\"}");
    assertThat(metrics).contains("naap_api_request_duration_seconds_bucket");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/v1/streaming/sla?start=yesterday | start",
        "/v1/streaming/sla?end=2026-01-09 | end",
        "/v1/streaming/sla?limit=0 | limit",
        "/v1/streaming/sla?limit=1001 | limit",
        "/v1/streaming/sla?limit=ten | limit",
        "/v1/streaming/sla?piepline=x | piepline",
        "/v1/streaming/sla?pipeline=a&pipeline=b | pipeline",
        "/v1/streaming/sla?orchestrator=0x12 | orchestrator",
        "/v1/streaming/sla?cursor=not-a-cursor | cursor",
        "/v1/streaming/sla?start=2026-01-09T00:00:00Z&end=2026-01-08T00:00:00Z | start",
        "/v1/streaming/sla?start=2025-01-01T00:00:00Z&end=2026-01-01T00:00:00Z | start",
        "/v1/leaderboard?window=30d | window",
        "/v1/economics/payments?group_by=sender | group_by",
        "/v1/supply/gpus?date=2026-02-30 | date",
        "/v1/discover/orchestrators?caps=no-slash | caps",
        "/v1/orchestrators/0xnothex | address",
        "/v1/streaming/models?limit=5 | limit",
      })
  void invalidParametersAreProblemsNamingTheParameter(String path, String parameter) {
    ApiClient.Response response = api.get(path);
    assertThat(response.status()).as(path).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(response.json().get("request_id").asText())
        .isEqualTo(response.header("X-Request-Id"));
  }

  @Test
  void unknownThingsAre404Problems() {
    ApiClient.Response route = api.raw("/v1/streaming/nope", Map.of());
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.header("Content-Type")).startsWith("application/problem+json");
    ApiClient.Response orchestrator =
        api.get("/v1/orchestrators/0x0000000000000000000000000000000000000001");
    assertThat(orchestrator.status()).isEqualTo(404);
    assertThat(orchestrator.json().get("detail").asText()).contains("0x0000");
  }

  @Test
  void everyRouteAnswersItsDefaultsWithinTheDocument() {
    // Each route with no parameters (path routes with the sample's orchestrator or a published
    // report, export and file): 200 and a body the document describes (checked by the client).
    List<String> failures = new ArrayList<>();
    for (var route : SharedApi.get().service().routes()) {
      String path = PublishedArtifacts.existingPath(route.doc().path(), RealSampleRoutesIT.ORCH);
      ApiClient.Response response = api.get(path);
      if (response.status() != 200) {
        failures.add(path + " -> " + response.status() + " " + response.body());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void responsesAreGzippedAndCorsAllowsAnyOrigin() {
    ApiClient.Response response =
        api.raw(
            "/v1/streaming/orchestrators?limit=1000",
            Map.of("Accept-Encoding", "gzip", "Origin", "https://example.org"));
    assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(response.header("Access-Control-Allow-Origin")).isIn("*", "https://example.org");
  }

  @Test
  void requestIdsAreKeptWhenPlainAndReplacedWhenNot() {
    // Request ids: a plain client id is kept, a hostile one replaced.
    ApiClient.Response kept = api.get("/healthz", Map.of("X-Request-Id", "abc-123"));
    assertThat(kept.header("X-Request-Id")).isEqualTo("abc-123");
    ApiClient.Response replaced = api.get("/healthz", Map.of("X-Request-Id", "a b;c"));
    assertThat(replaced.header("X-Request-Id")).isNotEqualTo("a b;c");
    assertThat(List.of(kept, replaced).stream().map(r -> r.status()).collect(Collectors.toSet()))
        .containsExactly(200);
  }
}
