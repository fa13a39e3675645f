package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiServer;
import io.naaplake.api.TokenBucketRateLimiter;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Trino stopped under a running API: within 3 s every data route answers 503 problem+json with
 * Retry-After and {@code /readyz} fails; Trino started again: the same API (not restarted) serves
 * 200 again by itself. Uses the real infra/trino.sh on the test run's Trino, which it always leaves
 * running.
 */
class TrinoOutageIT {
  static final Duration UNAVAILABLE_WITHIN = Duration.ofSeconds(3);
  static final Duration RECOVERY_LIMIT = Duration.ofMinutes(4);

  @Test
  void stoppedTrinoIs503FastAndTheApiRecoversWhenItReturns() throws Exception {
    ApiConfig config = ApiItEnvironment.config(Map.of("naap.api.refresh-interval", "1s"));
    ApiService service = new ApiService(config, RouteCatalog::routes);
    service.start();
    Javalin app =
        ApiServer.create(service, TokenBucketRateLimiter.of(config)).start("127.0.0.1", 0);
    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + app.port()));
    String route = "/v1/streaming/sla?orchestrator=" + RealSampleRoutesIT.ORCH;
    try {
      assertThat(api.get(route).status()).isEqualTo(200);
      assertThat(api.get("/readyz").status()).isEqualTo(200);

      trino("stop");
      long stopped = System.nanoTime();
      ApiClient.Response answer;
      do {
        // A new query each time (another limit), so no cached page can hide the outage.
        answer = api.get(route + "&limit=" + (1 + (System.nanoTime() % 900)));
      } while (answer.status() == 200 && elapsed(stopped).compareTo(Duration.ofSeconds(10)) < 0);
      Duration toUnavailable = elapsed(stopped);
      System.out.println("[outage] first 503 after " + toUnavailable.toMillis() + " ms");
      assertThat(answer.status()).isEqualTo(503);
      assertThat(toUnavailable).isLessThan(UNAVAILABLE_WITHIN);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.header("Retry-After")).isNotBlank();

      // While down: fast 503s, also for the cached first request, and /readyz red.
      long asked = System.nanoTime();
      assertThat(api.get(route).status()).isEqualTo(503);
      assertThat(elapsed(asked)).isLessThan(UNAVAILABLE_WITHIN);
      ApiClient.Response ready = api.get("/readyz");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("trino").get("reachable").asBoolean()).isFalse();
      // Reports and exports are files: they are served whatever Trino's state.
      assertThat(api.get("/v1/reports").status()).isEqualTo(200);
      assertThat(api.get("/v1/exports").status()).isEqualTo(200);
    } finally {
      trino("start");
    }
    long started = System.nanoTime();
    int status;
    do {
      Thread.sleep(1000);
      status = api.get(route).status();
    } while (status != 200 && elapsed(started).compareTo(RECOVERY_LIMIT) < 0);
    System.out.println("[outage] served again " + elapsed(started).toMillis() + " ms after start");
    assertThat(status).isEqualTo(200);
    assertThat(api.get("/readyz").status()).isEqualTo(200);
    app.stop();
    service.close();
  }

  private static Duration elapsed(long since) {
    return Duration.ofNanos(System.nanoTime() - since);
  }

  /** Runs infra/trino.sh with the test run's environment (./naap test exports it). */
  private static void trino(String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", ApiItEnvironment.infra().resolve("trino.sh").toString(), command)
            .redirectErrorStream(true)
            // Into a file: a forked test JVM's own stdout is the test framework's channel.
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    java.nio.file.Path.of("target", "trino-outage.log").toFile()))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError("infra/trino.sh " + command + " failed");
    }
  }
}
