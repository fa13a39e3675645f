package io.naaplake.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.naaplake.api.LocalHttp;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocsPageTest {
  private static final Pattern BUNDLE = Pattern.compile("<script src=\"([^\"]+)\"></script>");
  private static final Pattern STYLESHEET = Pattern.compile("rel=\"stylesheet\" href=\"([^\"]+)\"");

  private Javalin app;

  @BeforeEach
  void start() {
    app = Javalin.create(config -> DocsPage.install(config)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return LocalHttp.get(app, path);
  }

  @Test
  void docsIsSwaggerUiFromTheWebjarPointingAtTheSpec() throws Exception {
    HttpResponse<String> page = get("/docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    // The version is the pom's; the test does not write it down a third time.
    String assets = "/webjars/swagger-ui/" + DocsPage.webjarVersion();
    assertThat(page.body())
        .contains("<script src=\"" + assets + "/swagger-ui-bundle.js\"></script>")
        .contains("href=\"" + assets + "/swagger-ui.css\"")
        .contains("url: \"/openapi.json\"")
        .doesNotContain("https://");
  }

  @Test
  void theBundleAndStylesheetTheHtmlNamesAreServed() throws Exception {
    String html = get("/docs").body();
    Matcher bundle = BUNDLE.matcher(html);
    assertThat(bundle.find()).isTrue();
    Matcher stylesheet = STYLESHEET.matcher(html);
    assertThat(stylesheet.find()).isTrue();

    HttpResponse<String> script = get(bundle.group(1));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(script.body().length()).isGreaterThan(100_000);
    assertThat(script.body()).contains("SwaggerUIBundle");

    HttpResponse<String> css = get(stylesheet.group(1));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".swagger-ui");
  }

  @Test
  void docsWithATrailingSlashGetsThePage() throws Exception {
    HttpResponse<String> page = get("/docs/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js");
  }

  @Test
  void docsWithATrailingSlashRedirectsWhenSlashesCount() throws Exception {
    Javalin strict =
        Javalin.create(
                config -> {
                  config.router.ignoreTrailingSlashes = false;
                  DocsPage.install(config);
                })
            .start("127.0.0.1", 0);
    try {
      HttpResponse<String> redirect = LocalHttp.get(strict, "/docs/");

      assertThat(redirect.statusCode()).isEqualTo(301);
      assertThat(redirect.headers().firstValue("Location")).contains("/docs");
    } finally {
      strict.stop();
    }
  }

  @Test
  void theWebjarVersionComesFromTheClasspath() {
    String version = DocsPage.webjarVersion();
    assertThat(version).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(
            DocsPage.class.getResource(
                "/META-INF/resources/webjars/swagger-ui/" + version + "/swagger-ui-bundle.js"))
        .isNotNull();
    assertThat(DocsPage.assetsPath("5.34.1")).isEqualTo("/webjars/swagger-ui/5.34.1");
  }
}
