package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.errors.LakeErrors;
import java.net.ConnectException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void badParameterIs400NamingTheParameter() throws Exception {
    Problem problem =
        Problems.of(new BadParameter("limit", "expected an integer in 1..1000"))
            .withRequest("/v1/streaming/sla", "req-1");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.parameter()).isEqualTo("limit");
    assertThat(problem.retryAfterSeconds()).isEmpty();

    JsonNode json = mapper.readTree(mapper.writeValueAsString(problem));
    assertThat(json.get("type").asText()).isEqualTo("/problems/bad-parameter");
    assertThat(json.get("title").asText()).isEqualTo("Invalid request parameter");
    assertThat(json.get("status").asInt()).isEqualTo(400);
    assertThat(json.get("detail").asText()).isEqualTo("limit: expected an integer in 1..1000");
    assertThat(json.get("instance").asText()).isEqualTo("/v1/streaming/sla");
    assertThat(json.get("parameter").asText()).isEqualTo("limit");
    assertThat(json.get("request_id").asText()).isEqualTo("req-1");
    assertThat(json.has("retryAfterSeconds")).isFalse();
  }

  @Test
  void hostileParameterNamesAreNotReflected() {
    BadParameter error = new BadParameter("<script>alert(1)</script>" + "x".repeat(500), "unknown");
    assertThat(error.parameter()).doesNotContain("<", ">", "(").hasSizeLessThanOrEqualTo(64);
    assertThat(Problems.of(error).detail()).doesNotContain("<script>");
  }

  @Test
  void badDataIs400() {
    Problem problem = Problems.of(LakeErrors.badInput("window", "too wide"));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.detail()).isEqualTo("window: too wide");
  }

  @Test
  void retriableIs503WithRetryAfterAndNoInternalAddress() {
    Problem problem =
        Problems.of(
            LakeErrors.trinoUnavailable(
                "jdbc:trino://10.0.0.7:18080", new ConnectException("refused")));
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.retryAfterSeconds()).isEqualTo(Optional.of(5L));
    assertThat(problem.detail()).contains("TRINO_UNAVAILABLE").doesNotContain("10.0.0.7");
  }

  @Test
  void retriableCauseDeepInTheChainStill503() {
    RuntimeException wrapped =
        new RuntimeException(
            "wrapper", LakeErrors.trinoUnavailable("x", new ConnectException("refused")));
    assertThat(Problems.of(wrapped).status()).isEqualTo(503);
  }

  @Test
  void fatalAndUnexpectedAre500WithoutInternals() throws Exception {
    Problem fatal = Problems.of(LakeErrors.badConfiguration("k", "v", "broken"));
    Problem unexpected =
        Problems.of(new IllegalStateException("SELECT secret FROM gold.x at jdbc:trino://host"));
    for (Problem problem : new Problem[] {fatal, unexpected}) {
      assertThat(problem.status()).isEqualTo(500);
      String json = mapper.writeValueAsString(problem);
      assertThat(json)
          .doesNotContain("secret", "jdbc", "Exception", "at io.", "broken")
          .contains("request_id");
    }
  }

  @Test
  void notFoundAndRateLimited() {
    assertThat(Problems.notFound().status()).isEqualTo(404);
    assertThat(Problems.notFound().type()).isEqualTo("about:blank");
    Problem limited = Problems.rateLimited(2);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.retryAfterSeconds()).contains(2L);
  }
}
