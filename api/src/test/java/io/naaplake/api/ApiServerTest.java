package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  private final AtomicLong nanos = new AtomicLong();
  private Javalin app;

  @BeforeEach
  void start() {
    app = ApiServer.create(new TokenBucketRateLimiter(1, 3, nanos::get)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return LocalHttp.get(app, path);
  }

  @Test
  void healthzAnswersWithARequestId() throws Exception {
    HttpResponse<String> response = get("/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiJson.MAPPER.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void unknownRouteIsA404Problem() throws Exception {
    HttpResponse<String> response = get("/v1/nope?x=%27%20OR%201=1");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = ApiJson.MAPPER.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("instance").asText()).isEqualTo("/v1/nope");
    assertThat(problem.get("request_id").asText())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void burstOverTheLimitIs429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = get("/healthz");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    assertThat(ApiJson.MAPPER.readTree(limited.body()).get("type").asText())
        .isEqualTo("/problems/rate-limited");
    nanos.addAndGet(1_000_000_000L);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }
}
