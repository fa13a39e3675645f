package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiServer;
import io.naaplake.api.TokenBucketRateLimiter;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboards in Debian's headless Chromium (driven by its chromedriver; nothing is downloaded)
 * against the shared API over the fixture lake, served as of 2026-01-09T01:00Z. Every page must
 * load without a console error, draw its charts with data, react to its filters, and show the
 * numbers the JSON routes answer for the same query. Screenshots of every page go to
 * target/dashboard-screenshots/.
 *
 * <p>Two windows of the fixture are used: the default 24 h before the as-of time (the real sample:
 * one session of {@link RealSampleRoutesIT#ORCH} at 21:00Z on 2026-01-08) and the scenario day
 * 2025-11-10 (sessions, failures, payments and jobs of many orchestrators).
 */
class DashboardsIT {
  static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

  /** The scenario day of the fixture, as the dashboards' filters write it. */
  static final String SCENARIO = "window=24h&end=2025-11-11T00:00";

  static final String SCENARIO_API = "start=2025-11-10T00:00:00Z&end=2025-11-11T00:00:00Z";

  private static DashboardBrowser dash;
  private static ChromeDriver browser;
  private static String base;
  private final ApiClient api = SharedApi.get().client();

  @BeforeAll
  static void startBrowser() throws IOException {
    base = "http://127.0.0.1:" + SharedApi.get().port();
    dash = DashboardBrowser.start(base, SCREENSHOTS);
    browser = dash.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (dash != null) {
      dash.close();
    }
  }

  @Test
  void rootOpensTheOverviewWithTheLiveNumbersOfTheApi() {
    browser.get(base + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/dashboards/index.html");
    dash.open("overview", "index.html");
    // The real sample's one session started in the 24 h before the as-of time (served = 1), the
    // same number /v1/network/summary counts.
    JsonNode summary = api.get("/v1/network/summary").data().get("current");
    assertThat(summary.get("startup_success_sessions").asLong()).isEqualTo(1);
    assertThat(dash.kpiRaw("live", "served")).isEqualTo("1");
    assertThat(dash.kpiRaw("network", "requested"))
        .isEqualTo(summary.get("requested_sessions").asText());
    // Expected fees of the sample's six payments, exact: 16,800,000,007,200 wei = 16,800 gwei.
    assertThat(dash.kpiRaw("network", "fees")).isEqualTo(summary.get("expected_fees_wei").asText());
    assertThat(dash.kpiText("network", "fees")).isEqualTo("16,800 gwei");
    // Its E2E latency, 106 ms (RealSampleRoutesIT), and no open session at 01:00Z.
    assertThat(dash.kpiText("live", "e2e")).startsWith("106 ms");
    assertThat(api.get("/v1/streaming/active").data()).isEmpty();
    assertThat(dash.kpiRaw("live", "active-streams")).isEqualTo("0");
    assertThat(dash.chartPoints("demand")).isPositive();
    assertThat(dash.chartPoints("top-chart")).isPositive();
    // The leaderboard's SLA score of the sample's orchestrator, 85.0, as the table shows it.
    JsonNode top = api.get("/v1/leaderboard").data().get(0);
    assertThat(top.get("orchestrator_address").asText()).isEqualTo(RealSampleRoutesIT.ORCH);
    assertThat(dash.cellTexts("top", 3)).containsExactly(format1(top.get("sla_score").asDouble()));
    // The sample hour is younger than the lateness horizon: its numbers are provisional.
    assertThat(browser.findElements(By.cssSelector("#live .badge.provisional"))).isNotEmpty();

    dash.open("overview-unknown-org", "index.html?org=no-such-org");
    assertThat(dash.panelState("demand")).isEqualTo("empty");
    assertThat(dash.kpiRaw("live", "served")).isEqualTo("0");
  }

  @Test
  void overviewOfAPastWindowShowsTheSnapshotsOfItsEnd() {
    // The scenario day ends 2025-11-11T00:00Z, before the fixture's first leaderboard snapshot
    // (2026-01-09T00:00Z): no ranking existed then, so the top panel says so rather than showing
    // the later ranking; the window's totals still come from that day.
    assertThat(api.get("/v1/leaderboard?as_of=2025-11-11T00:00:00Z").data()).isEmpty();
    dash.open("overview-scenario", "index.html?" + SCENARIO);
    assertThat(dash.panelState("top")).isEqualTo("empty");
    assertThat(dash.kpiRaw("live", "active-streams")).isEqualTo("0");
    assertThat(Long.parseLong(dash.kpiRaw("network", "requested"))).isPositive();
  }

  @Test
  void overviewFitsAPhoneScreen() {
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      dash.open("overview-phone", "index.html");
      Long overflow =
          (Long)
              dash.js(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
      assertThat(dash.chartPoints("demand")).isPositive();
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 1000));
    }
  }

  @Test
  void realTimeShowsOpenSessionsAndCapacity() {
    dash.open("realtime", "realtime.html");
    // No session is open at the as-of time (the API agrees), so the page says so.
    assertThat(api.get("/v1/streaming/active").data()).isEmpty();
    assertThat(dash.panelState("sessions")).isEqualTo("empty");
    assertThat(dash.panelState("per-orchestrator")).isEqualTo("empty");
    // The latest supply hour (21:00Z) runs one stream of the sample's model.
    JsonNode model = api.get("/v1/streaming/models").data().get(0);
    assertThat(model.get("active_streams").asLong()).isEqualTo(1);
    assertThat(dash.chartValues("capacity", 0)).containsExactly(1.0);

    dash.open("realtime-other-pipeline", "realtime.html?pipeline=no-such-pipeline");
    assertThat(dash.panelState("capacity")).isEqualTo("empty");
  }

  @Test
  void performanceMatchesTheHourlySlaRoute() {
    dash.open("performance", "performance.html?" + SCENARIO);
    for (String chart : List.of("sla", "startup", "fps", "e2e", "ptff", "swap", "failures")) {
      assertThat(dash.chartPoints(chart)).as(chart).isPositive();
    }
    // The page's SLA score of an orchestrator is the session-weighted mean of the route's hourly
    // scores for the same window and orchestrator, recomputed here from the JSON.
    JsonNode rows = api.get("/v1/streaming/sla?" + SCENARIO_API + "&limit=1000").data();
    String orchestrator = rows.get(0).get("orchestrator_address").asText();
    double weighted = 0;
    double sessions = 0;
    for (JsonNode row : rows) {
      if (row.get("orchestrator_address").asText().equals(orchestrator)
          && !row.get("sla_score").isNull()) {
        weighted += row.get("sla_score").asDouble() * row.get("requested_sessions").asDouble();
        sessions += row.get("requested_sessions").asDouble();
      }
    }
    String shown =
        browser.findElement(By.cssSelector("#ranking [data-sla='" + orchestrator + "']")).getText();
    assertThat(shown).isEqualTo(format1(weighted / sessions));

    // Filtering on that orchestrator leaves its rows only: its score becomes the page's KPI.
    dash.open(
        "performance-one-orchestrator",
        "performance.html?" + SCENARIO + "&orchestrator=" + orchestrator);
    assertThat(Double.parseDouble(dash.kpiRaw("kpis", "sla")))
        .isCloseTo(weighted / sessions, within(1e-9));
    assertThat(dash.cellTexts("ranking", 0)).hasSize(1);

    dash.open("performance-by-pipeline", "performance.html?" + SCENARIO + "&group=pipeline");
    assertThat(dash.seriesNames("sla")).contains("live-video-to-video");
  }

  @Test
  void orchestratorPageShowsTheProfileAndFees() {
    dash.open("orchestrator-list", "orchestrator.html");
    assertThat(dash.panelState("known")).isEqualTo("ready");
    dash.open("orchestrator", "orchestrator.html?orchestrator=" + RealSampleRoutesIT.ORCH);
    JsonNode profile = api.get("/v1/orchestrators/" + RealSampleRoutesIT.ORCH).data();
    assertThat(dash.kpiRaw("identity", "address")).isEqualTo(RealSampleRoutesIT.ORCH);
    assertThat(dash.kpiRaw("identity", "gpus")).isEqualTo(profile.get("physical_gpus").asText());
    assertThat(dash.chartPoints("trend")).isPositive();
    assertThat(dash.chartPoints("fees")).isPositive();
    // The sample's expected fees, 16,800,000,007,200 wei (RealSampleRoutesIT), exact.
    String fees =
        api.get("/v1/economics/orchestrators/" + RealSampleRoutesIT.ORCH)
            .data()
            .get("expected_value_wei")
            .asText();
    assertThat(fees).isEqualTo("16800000007200");
    assertThat(
            browser
                .findElement(By.cssSelector("#fees [data-expected-wei]"))
                .getAttribute("data-expected-wei"))
        .isEqualTo(fees);
    assertThat(dash.cellTexts("latest-sla", 8)).containsExactly("85.0");
  }

  @Test
  void orchestratorPageOfAnOrchestratorNotYetAnnouncedSaysWhyItsIdentityIsBlank() {
    // As of 2025-11-11T00:00Z no capability snapshot exists yet, but 0x4d32…dfeb served sessions
    // on 2025-11-10 (SupplyAndDiscoveryRoutesIT): its page shows its measured SLA, a blank identity
    // and the note why, with no console error.
    String address = "0x4d32961a560d84a1a9953385a57b0ebad919dfeb";
    try (AsOfApi scenarioEnd = new AsOfApi(java.time.Instant.parse("2025-11-11T00:00:00Z"))) {
      JsonNode profile = scenarioEnd.ok("/v1/orchestrators/" + address);
      assertThat(profile.get("announced").asBoolean()).isFalse();
      dash.openOn(
          scenarioEnd.base(),
          "orchestrator-not-announced",
          "orchestrator.html?orchestrator=" + address);
      assertThat(dash.kpiRaw("identity", "address")).isEqualTo(address);
      assertThat(dash.kpiText("identity", "gpus")).isEqualTo("–");
      assertThat(
              browser.findElement(By.cssSelector("#identity [data-announced='false']")).getText())
          .startsWith("No capability announcement from this orchestrator at or before now yet");
      // The 11:00 row of the route: 4 sessions, score 85.0.
      assertThat(dash.cellTexts("latest-sla", 4)).containsExactly("4");
      assertThat(dash.cellTexts("latest-sla", 8)).containsExactly("85.0");
    }
  }

  @Test
  void supplyShowsInventoryCapacityAndHistory() {
    dash.open("supply", "supply.html?" + SCENARIO);
    assertThat(dash.chartPoints("inventory")).isPositive();
    assertThat(dash.chartPoints("history")).isPositive();
    // Physical GPUs per GPU model on 2025-11-10, in the route's order.
    JsonNode gpus = api.get("/v1/supply/gpus?date=2025-11-10").data();
    List<Double> physical = new ArrayList<>();
    gpus.forEach(row -> physical.add(row.get("physical_gpus").asDouble()));
    assertThat(dash.chartValues("inventory", 0)).isEqualTo(physical);

    dash.open("supply-by-pipeline", "supply.html?" + SCENARIO + "&by=pipeline");
    assertThat(dash.categories("inventory")).contains("live-video-to-video");
  }

  @Test
  void economicsShowsExactFeesPerGroup() {
    dash.open("economics", "economics.html?" + SCENARIO);
    assertThat(dash.chartPoints("fees")).isPositive();
    assertThat(dash.chartPoints("face")).isPositive();
    assertThat(dash.chartPoints("price-chart")).isPositive();
    // The totals KPI is Σ expected_value_wei of /v1/economics/payments for the same window
    // (recomputed here from the JSON; the wei strings are exact, their doubles agree to a wei).
    double expected = 0;
    for (JsonNode row : api.get("/v1/economics/payments?" + SCENARIO_API + "&limit=1000").data()) {
      expected += Double.parseDouble(row.get("expected_value_wei").asText());
    }
    assertThat(Double.parseDouble(dash.kpiRaw("totals", "expected")))
        .isCloseTo(expected, within(1.0));

    dash.open("economics-by-pipeline", "economics.html?" + SCENARIO + "&group_by=pipeline");
    assertThat(dash.seriesNames("fees")).contains("live-video-to-video");

    // The org filter reaches the payments: cloudspe's fees of the day as the route sums them
    // (854,552,277,869,040 wei, RealSampleRoutesIT#paymentsFollowTheOrgGatewayAndModelFilters).
    dash.open("economics-cloudspe", "economics.html?" + SCENARIO + "&org=cloudspe");
    String cloudspe =
        api.get(
                "/v1/economics/payments?"
                    + SCENARIO_API
                    + "&granularity=day&group_by=gateway&org=cloudspe")
            .data()
            .get(0)
            .get("expected_value_wei")
            .asText();
    assertThat(cloudspe).isEqualTo("854552277869040");
    assertThat(dash.kpiRaw("totals", "expected")).isEqualTo(cloudspe);
  }

  @Test
  void jobsShowVolumesAndFollowTheWindow() {
    dash.open("jobs", "jobs.html?" + SCENARIO);
    assertThat(dash.chartPoints("ai-batch")).isPositive();
    assertThat(dash.chartPoints("byoc")).isPositive();
    // AI batch jobs requested on the scenario day: Σ total_jobs of the route for the same window.
    long total = 0;
    for (JsonNode row : api.get("/v1/requests/ai-batch/summary?" + SCENARIO_API).data()) {
      total += row.get("total_jobs").asLong();
    }
    assertThat(total).isPositive();
    assertThat(dash.kpiRaw("totals", "ai-batch-jobs")).isEqualTo(Long.toString(total));
    assertThat(dash.panelState("llm")).isEqualTo("ready");
    // Jobs per hour by type: the route's hourly rows (JobAndHealthRoutesIT), one series per type.
    List<Double> batch = new ArrayList<>();
    JsonNode hourly = api.get("/v1/requests/volume?" + SCENARIO_API + "&job_type=ai_batch").data();
    for (int i = hourly.size() - 1; i >= 0; i--) {
      batch.add(hourly.get(i).get("total_jobs").asDouble());
    }
    assertThat(dash.seriesNames("volume")).containsExactly("AI batch", "BYOC", "LLM");
    assertThat(dash.timeValues("volume", 0)).isEqualTo(batch).containsExactly(61.0, 56.0);

    // The 24 h before the as-of time hold no job.
    dash.open("jobs-default-window", "jobs.html");
    assertThat(dash.panelState("ai-batch")).isEqualTo("empty");
    assertThat(dash.kpiRaw("totals", "ai-batch-jobs")).isEqualTo("0");
  }

  @Test
  void healthShowsFreshnessRunsAndQuality() {
    dash.open("health", "health.html");
    JsonNode health = api.get("/v1/network/health").data();
    assertThat(dash.cellTexts("freshness", 1)).hasSize(health.get("freshness").size());
    assertThat(dash.chartPoints("lag")).isPositive();
    // The sample's one selection resolved: attribution quality 1.
    assertThat(Double.parseDouble(dash.kpiRaw("quality", "attribution")))
        .isEqualTo(health.get("quality_24h").get("attribution_quality").asDouble())
        .isEqualTo(1.0);
    assertThat(dash.cellTexts("runs", 0)).hasSize(health.get("pipeline_runs").size());
    // Accepted events per hour over the 24 h before now: the route's rows summed per hour. The
    // sample's 65 events are all accepted in their hour, 21:00Z (RealSampleRoutesIT).
    java.util.TreeMap<String, Double> accepted = new java.util.TreeMap<>();
    for (JsonNode row : api.get("/v1/network/data-quality?limit=1000").data()) {
      accepted.merge(
          row.get("window_start").asText(), row.get("accepted_events").asDouble(), Double::sum);
    }
    assertThat(accepted).containsEntry("2026-01-08T21:00:00Z", 65.0);
    assertThat(dash.seriesNames("outcomes")).first().isEqualTo("Accepted");
    assertThat(dash.timeValues("outcomes", 0)).containsExactlyElementsOf(accepted.values());
  }

  @Test
  void healthAsOfAnEarlierEndShowsTheLakeAsItWasThen() {
    // Half an hour before the served as-of: the page asks for health and alerts as of its end,
    // so its ingest lag is the route's for that time (9484 s, JobAndHealthRoutesIT) and the
    // alerts are judged then.
    dash.open("health-earlier", "health.html?window=24h&end=2026-01-09T00:30&refresh=0");
    JsonNode health = api.get("/v1/network/health?as_of=2026-01-09T00:30:00Z").data();
    assertThat(dash.kpiRaw("quality", "ingest-lag"))
        .isEqualTo(health.get("ingest_lag_seconds").asText())
        .isEqualTo("9484");
    assertThat(dash.cellTexts("freshness", 1)).hasSize(health.get("freshness").size());
    assertThat(
            browser.findElements(By.cssSelector("#alerts .note")).stream()
                .map(WebElement::getText)
                .toList())
        .anySatisfy(note -> assertThat(note).startsWith("Judged as of 2026-01-09 00:30 UTC;"));
  }

  @Test
  void healthListsTheAlertsTheApiSaysAreFiring() {
    dash.open("health-alerts", "health.html");
    // The page asks for the API's now, which is the served as-of time: the same document.
    JsonNode alerts = api.get("/v1/network/alerts").data();
    assertThat(alerts.get("as_of").asText()).isEqualTo("2026-01-09T01:00:00Z");
    List<String> firing = new ArrayList<>();
    List<String> series = new ArrayList<>();
    long ok = 0;
    long unknown = 0;
    for (JsonNode alert : alerts.get("alerts")) {
      switch (alert.get("state").asText()) {
        case "firing" -> {
          firing.add(alert.get("name").asText());
          for (JsonNode s : alert.get("firing_series")) {
            series.add("org=" + s.get("labels").get("org").asText() + ": " + s.get("why").asText());
          }
        }
        case "ok" -> ok++;
        default -> unknown++;
      }
    }
    // As of the fixture's last run only the real sample's stale events fire (see
    // JobAndHealthRoutesIT): one alert on one org, whose labels the page prints as org=....
    assertThat(firing).containsExactly("NaapEventsStale");
    assertThat(dash.panelState("alerts")).isEqualTo("ready");
    assertThat(dash.cellTexts("alerts", 1)).isEqualTo(firing);
    assertThat(dash.cellTexts("alerts", 0)).containsExactly("critical");
    assertThat(dash.cellTexts("alerts", 3))
        .isEqualTo(series)
        .containsExactly("org=cloudspe: 11284.39 > 300");
    assertThat(dash.kpiRaw("alerts", "firing")).isEqualTo(Integer.toString(firing.size()));
    assertThat(dash.kpiRaw("alerts", "ok")).isEqualTo(Long.toString(ok)).isEqualTo("4");
    assertThat(dash.kpiRaw("alerts", "unknown")).isEqualTo(Long.toString(unknown)).isEqualTo("5");
  }

  @Test
  void healthSaysSoWhenNoAlertFires() {
    // Raising the one firing alert's threshold above the sample's 11284 s lag leaves nothing
    // firing; a second server serves that configuration over the same lake.
    ApiConfig config =
        ApiItEnvironment.config(
            java.util.Map.of("naap.alerts.thresholds", "NaapEventsStale:20000"));
    ApiService service = new ApiService(config, RouteCatalog::routes);
    service.refreshStatus();
    Javalin app =
        ApiServer.create(service, TokenBucketRateLimiter.of(config)).start("127.0.0.1", 0);
    try {
      browser.get("http://127.0.0.1:" + app.port() + "/dashboards/health.html?refresh=0");
      dash.waitReady();
      dash.saveScreenshot("health-no-alert");
      // Nothing firing is a result, not missing data: the panel is ready and says so.
      assertThat(dash.panelState("alerts")).isEqualTo("ready");
      assertThat(dash.cellTexts("alerts", 1)).isEmpty();
      assertThat(browser.findElement(By.cssSelector("#alerts .empty")).getText())
          .isEqualTo("No alert firing as of 2026-01-09 01:00 UTC.");
      assertThat(dash.kpiRaw("alerts", "firing")).isEqualTo("0");
      assertThat(dash.kpiRaw("alerts", "ok")).isEqualTo("5");
    } finally {
      app.stop();
      service.close();
    }
  }

  @Test
  void aRefusedQueryShowsTheApisReasonInThePanels() {
    // Not an address: the API refuses it (400), and the page says why instead of drawing nothing.
    browser.get(base + "/dashboards/performance.html?orchestrator=not-an-address");
    dash.waitReady();
    dash.saveScreenshot("performance-refused");
    WebElement error = browser.findElement(By.cssSelector("#kpis [role='alert']"));
    assertThat(dash.panelState("kpis")).isEqualTo("error");
    assertThat(error.getText()).startsWith("Could not load: 400").contains("orchestrator");
  }

  @Test
  void pagesRefreshThemselves() {
    dash.open("overview-refreshing", "index.html?refresh=1");
    String first = browser.findElement(By.id("status")).getText();
    // Every refresh rewrites the status line with the time it finished (to the second).
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.id("status")).getText().equals(first));
    dash.waitReady();
    assertThat(dash.chartPoints("demand")).isPositive();
  }

  @Test
  void filterFieldsSuggestTheValuesTheApiKnows() {
    dash.open("performance-suggestions", "performance.html");
    // The orchestrators of the newest snapshot, as /v1/streaming/orchestrators lists them.
    TreeSet<String> orchestrators = new TreeSet<>();
    api.get("/v1/streaming/orchestrators?limit=1000")
        .data()
        .forEach(row -> orchestrators.add(row.get("orchestrator_address").asText()));
    assertThat(orchestrators).contains(RealSampleRoutesIT.ORCH);
    assertThat(browser.findElement(By.id("f-orchestrator")).getAttribute("list"))
        .isEqualTo("f-orchestrator-options");
    assertThat(suggested("f-orchestrator-options")).containsExactlyElementsOf(orchestrators);
    assertThat(suggested("f-pipeline-options")).contains("live-video-to-video");
  }

  /** The options of a filter's datalist, once the page filled it. */
  private static List<String> suggested(String datalist) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.id(datalist)).getAttribute("data-count") != null);
    return browser.findElements(By.cssSelector("#" + datalist + " option")).stream()
        .map(option -> option.getAttribute("value"))
        .toList();
  }

  @Test
  void everyFormControlHasALabelAndTheSkipLinkComesFirst() {
    for (String page :
        List.of(
            "index", "realtime", "performance", "orchestrator", "supply", "economics", "jobs")) {
      browser.get(base + "/dashboards/" + page + ".html");
      dash.waitReady();
      Long unlabelled =
          (Long)
              dash.js(
                  "return [...document.querySelectorAll('input, select')]"
                      + ".filter(c => !document.querySelector('label[for=\"' + c.id + '\"]')).length;");
      assertThat(unlabelled).as(page).isZero();
    }
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
  }

  // ------------------------------------------------------------------ helpers

  /** One decimal, as the pages show scores. */
  private static String format1(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
