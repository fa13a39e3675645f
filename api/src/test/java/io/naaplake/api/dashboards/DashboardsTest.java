package io.naaplake.api.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.naaplake.api.ApiJson;
import io.naaplake.api.LocalHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboards' files and routes, without a lake (the browser tests are DashboardsIT). */
class DashboardsTest {
  private static final Instant AS_OF = Instant.parse("2026-01-09T01:00:00Z");
  private static final Pattern PAGE = Pattern.compile("\\[\"([a-z]+\\.html)\", \"[^\"]+\"\\]");
  private static final Pattern MODULE =
      Pattern.compile("<script type=\"module\" src=\"([^\"]+)\">");

  private Javalin app;

  @BeforeEach
  void start() {
    app =
        Javalin.create(config -> Dashboards.install(config, () -> AS_OF, Optional.of(AS_OF)))
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return LocalHttp.get(app, path);
  }

  @Test
  void rootAndTheDirectoryRedirectToTheOverview() throws Exception {
    for (String path : List.of("/", "/dashboards", "/dashboards/")) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).hasValue(Dashboards.OVERVIEW);
    }
  }

  @Test
  void theClockIsTheConfiguredAsOfTime() throws Exception {
    HttpResponse<String> clock = get(Dashboards.CLOCK_PATH);

    assertThat(clock.statusCode()).isEqualTo(200);
    assertThat(clock.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ApiJson.MAPPER.readTree(clock.body()).get("now").asText())
        .isEqualTo("2026-01-09T01:00:00Z");
    assertThat(ApiJson.MAPPER.readTree(clock.body()).get("as_of").asText())
        .isEqualTo("2026-01-09T01:00:00Z");
  }

  @Test
  void echartsComesFromTheWebjar() throws Exception {
    HttpResponse<String> redirect = get(Dashboards.ECHARTS_PATH);
    assertThat(redirect.statusCode()).isEqualTo(302);
    String target = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(target).startsWith("/webjars/echarts/").endsWith("/dist/echarts.min.js");

    HttpResponse<String> script = get(target);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(script.body()).contains("getInstanceByDom");
  }

  @Test
  void everyPageInTheNavigationExistsAndLoadsOnlyLocalScripts() throws Exception {
    String shared = get("/dashboards/dash.js").body();
    Matcher pages = PAGE.matcher(shared);
    List<String> names = new ArrayList<>();
    while (pages.find()) {
      names.add(pages.group(1));
    }
    assertThat(names).hasSize(8).contains("index.html", "health.html");
    for (String name : names) {
      HttpResponse<String> page = get("/dashboards/" + name);
      assertThat(page.statusCode()).as(name).isEqualTo(200);
      assertThat(page.body()).as(name).doesNotContain("http://", "https://");
      Matcher module = MODULE.matcher(page.body());
      assertThat(module.find()).as(name).isTrue();
      HttpResponse<String> script = get("/dashboards/" + module.group(1));
      assertThat(script.statusCode()).as(module.group(1)).isEqualTo(200);
      assertThat(script.body()).as(module.group(1)).contains("from \"./dash.js\"");
    }
  }
}
