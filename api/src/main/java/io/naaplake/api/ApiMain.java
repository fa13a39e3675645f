package io.naaplake.api;

import io.javalin.Javalin;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import io.naaplake.config.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./naap serve [--port N] [--as-of TIME]}: starts the API on the configured address and
 * serves until the process is stopped. Flags override the {@code naap.api.*} configuration.
 */
public final class ApiMain {
  private ApiMain() {}

  public static void main(String[] args) {
    Map<String, String> overrides = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        usage("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> overrides.put("naap.api.port", value);
        case "--as-of" -> overrides.put("naap.api.as-of", value);
        default -> usage("unknown flag " + flag);
      }
    }
    Settings base = Settings.fromEnvironment();
    ApiConfig config = ApiConfig.from(base.with(overrides));
    ApiService service = new ApiService(config, RouteCatalog::routes);
    service.start();
    Javalin app = ApiServer.start(service);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  service.close();
                }));
    System.out.println(
        "[naap-api] serving http://"
            + config.bindAddress()
            + ":"
            + app.port()
            + " (dashboards /, docs /docs, spec /openapi.json)"
            + config.asOf().map(t -> " as of " + t).orElse("")
            + "; lake via "
            + config.trinoUrl());
  }

  private static void usage(String problem) {
    System.err.println(
        "./naap serve: " + problem + "\nusage: ./naap serve [--port N] [--as-of TIME]");
    System.exit(2);
  }
}
