package io.naaplake.api.it;

import io.javalin.Javalin;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiServer;
import io.naaplake.api.TokenBucketRateLimiter;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import java.net.URI;
import java.util.Map;

/**
 * One API server over the fixture lake for every integration test class in this JVM (failsafe runs
 * them all in one fork), started on a free loopback port on first use.
 */
final class SharedApi {
  private static SharedApi instance;

  private final ApiService service;
  private final Javalin app;
  private final ApiClient client;

  private SharedApi(ApiService service, Javalin app) {
    this.service = service;
    this.app = app;
    this.client = new ApiClient(URI.create("http://127.0.0.1:" + app.port()));
  }

  static synchronized SharedApi get() {
    if (instance == null) {
      PublishedArtifacts.publish(ApiItEnvironment.REPORTS_DIR, ApiItEnvironment.EXPORTS_DIR);
      ApiConfig config =
          ApiItEnvironment.config(
              Map.of(
                  "naap.reports.dir", ApiItEnvironment.REPORTS_DIR.toString(),
                  "naap.exports.dir", ApiItEnvironment.EXPORTS_DIR.toString()));
      ApiService service = new ApiService(config, RouteCatalog::routes);
      service.start();
      Javalin app =
          ApiServer.create(service, TokenBucketRateLimiter.of(config)).start("127.0.0.1", 0);
      instance = new SharedApi(service, app);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.stop();
                    service.close();
                  }));
    }
    return instance;
  }

  ApiClient client() {
    return client;
  }

  ApiService service() {
    return service;
  }

  int port() {
    return app.port();
  }
}
