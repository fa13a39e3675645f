package io.naaplake.api.dashboards;

import static java.util.Objects.requireNonNull;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.naaplake.api.ApiJson;
import io.naaplake.api.WebJars;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web dashboards: static HTML, CSS and JavaScript under {@code /dashboards/} (classpath
 * directory {@code dashboards}), charts drawn by Apache ECharts from its WebJar (no CDN, no build
 * step). The pages hold no query logic: they call the JSON routes with {@code fetch}. Two small
 * routes support them: {@code /} redirects to the overview, and {@link #CLOCK_PATH} says what "now"
 * the API answers as of, so a fixture lake renders as of its own time.
 */
public final class Dashboards {
  public static final String PATH = "/dashboards";
  public static final String OVERVIEW = PATH + "/index.html";
  public static final String CLOCK_PATH = PATH + "/clock";
  public static final String ECHARTS_PATH = PATH + "/vendor/echarts.js";

  private Dashboards() {}

  /**
   * Serves the pages and their two routes.
   *
   * @param now the instant the data routes answer as of
   * @param asOf the configured as-of time, when the API serves a lake as of a fixed time
   */
  public static void install(JavalinConfig config, Supplier<Instant> now, Optional<Instant> asOf) {
    requireNonNull(now, "now is null");
    requireNonNull(asOf, "asOf is null");
    String echarts =
        "/webjars/echarts/"
            + WebJars.version("org.webjars.npm", "echarts")
            + "/dist/echarts.min.js";
    config.staticFiles.enableWebjars();
    config.staticFiles.add(
        files -> {
          files.hostedPath = PATH;
          files.directory = "/dashboards";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
        });
    // The overview by its file name: Javalin ignores trailing slashes, so /dashboards/ is
    // /dashboards, and relative links need a page inside the directory.
    config.routes.get("/", ctx -> ctx.redirect(OVERVIEW, HttpStatus.FOUND));
    config.routes.get(PATH, ctx -> ctx.redirect(OVERVIEW, HttpStatus.FOUND));
    config.routes.get(ECHARTS_PATH, ctx -> ctx.redirect(echarts, HttpStatus.FOUND));
    config.routes.get(
        CLOCK_PATH,
        ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("now", now.get());
          body.put("as_of", asOf.orElse(null));
          ctx.header("Cache-Control", "no-store")
              .contentType("application/json")
              .result(ApiJson.MAPPER.writeValueAsString(body));
        });
  }
}
