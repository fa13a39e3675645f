package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiServer;
import io.naaplake.api.TokenBucketRateLimiter;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A second API server over the fixture lake, served as of another time than the shared one, on a
 * free loopback port: for what the fixture only shows as of an earlier moment.
 */
final class AsOfApi implements AutoCloseable {
  private final ApiService service;
  private final Javalin app;
  private final ApiClient client;

  AsOfApi(Instant asOf) {
    ApiConfig config = ApiItEnvironment.config(Map.of("naap.api.as-of", asOf.toString()));
    service = new ApiService(config, RouteCatalog::routes);
    try {
      service.start();
      app = ApiServer.create(service, TokenBucketRateLimiter.of(config)).start("127.0.0.1", 0);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    client = new ApiClient(URI.create(base()));
  }

  /** The server's root URL, e.g. for a browser. */
  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  ApiClient client() {
    return client;
  }

  /** The {@code data} of a 200 answer to the GET. */
  JsonNode ok(String pathAndQuery) {
    ApiClient.Response response = client.get(pathAndQuery);
    assertThat(response.status()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
    return response.data();
  }

  @Override
  public void close() {
    app.stop();
    service.close();
  }
}
