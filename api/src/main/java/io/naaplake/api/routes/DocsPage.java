package io.naaplake.api.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.naaplake.api.WebJars;

/**
 * {@code GET /docs}: Swagger UI over {@code /openapi.json}, served from the {@code
 * org.webjars:swagger-ui} jar on the classpath (no CDN: the page works wherever the API runs).
 * Javalin serves the WebJar's files under {@code /webjars/swagger-ui/<version>/}; the version in
 * the page is read from the WebJar itself, so the pom is the only place it is written.
 */
public final class DocsPage {

  public static final String PATH = "/docs";
  public static final String SPEC_PATH = "/openapi.json";

  /** Serves {@code /docs}, {@code /docs/} (redirected) and the WebJar's assets. */
  public static void install(JavalinConfig config) {
    String html = html(assetsPath(webjarVersion()));
    config.staticFiles.enableWebjars();
    config.routes.get(PATH, ctx -> ctx.html(html));
    if (!config.router.ignoreTrailingSlashes) {
      // Otherwise Javalin already answers /docs/ with the /docs handler.
      config.routes.get(PATH + "/", ctx -> ctx.redirect(PATH, HttpStatus.MOVED_PERMANENTLY));
    }
  }

  /** Where Javalin serves the WebJar's files, e.g. {@code /webjars/swagger-ui/5.34.1}. */
  public static String assetsPath(String version) {
    return "/webjars/swagger-ui/" + version;
  }

  /** The version of the Swagger UI WebJar on the classpath. */
  public static String webjarVersion() {
    return WebJars.version("org.webjars", "swagger-ui");
  }

  /** The page; the bundle alone renders the spec (the standalone preset adds only a top bar). */
  static String html(String assets) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>NaaP Lake API</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
          <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: "%2$s",
              dom_id: "#swagger-ui",
              deepLinking: true,
              tryItOutEnabled: true
            });
          </script>
        </body>
        </html>
        """
        .formatted(assets, SPEC_PATH);
  }

  private DocsPage() {}
}
