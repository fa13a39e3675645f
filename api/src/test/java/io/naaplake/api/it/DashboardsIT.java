package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

  /** The scenario day of the fixture, as the dashboards' filters write it. */
  static final String SCENARIO = "window=24h&end=2025-11-11T00:00";

  static final String SCENARIO_API = "start=2025-11-10T00:00:00Z&end=2025-11-11T00:00:00Z";

  private static ChromeDriver browser;
  private static String base;
  private final ApiClient api = SharedApi.get().client();

  @BeforeAll
  static void startBrowser() throws IOException {
    base = "http://127.0.0.1:" + SharedApi.get().port();
    assertThat(Files.isExecutable(Path.of(CHROMIUM)))
        .as("Debian's chromium (./naap test installs it: apt-get install chromium)")
        .isTrue();
    assertThat(Files.isExecutable(Path.of(CHROMEDRIVER)))
        .as("Debian's chromedriver (apt-get install chromium-driver)")
        .isTrue();
    // The driver and browser are given explicitly, so Selenium Manager never downloads either.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1366,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void rootOpensTheOverviewWithTheLiveNumbersOfTheApi() {
    browser.get(base + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/dashboards/index.html");
    open("overview", "index.html");
    // The real sample's one session started in the 24 h before the as-of time (served = 1), the
    // same number /v1/network/summary counts.
    JsonNode summary = api.get("/v1/network/summary").data().get("current");
    assertThat(summary.get("startup_success_sessions").asLong()).isEqualTo(1);
    assertThat(kpiRaw("live", "served")).isEqualTo("1");
    assertThat(kpiRaw("network", "requested"))
        .isEqualTo(summary.get("requested_sessions").asText());
    // Expected fees of the sample's six payments, exact: 16,800,000,007,200 wei = 16,800 gwei.
    assertThat(kpiRaw("network", "fees")).isEqualTo(summary.get("expected_fees_wei").asText());
    assertThat(kpiText("network", "fees")).isEqualTo("16,800 gwei");
    // Its E2E latency, 106 ms (RealSampleRoutesIT), and no open session at 01:00Z.
    assertThat(kpiText("live", "e2e")).startsWith("106 ms");
    assertThat(api.get("/v1/streaming/active").data()).isEmpty();
    assertThat(kpiRaw("live", "active-streams")).isEqualTo("0");
    assertThat(chartPoints("demand")).isPositive();
    assertThat(chartPoints("top-chart")).isPositive();
    // The leaderboard's SLA score of the sample's orchestrator, 85.0, as the table shows it.
    JsonNode top = api.get("/v1/leaderboard").data().get(0);
    assertThat(top.get("orchestrator_address").asText()).isEqualTo(RealSampleRoutesIT.ORCH);
    assertThat(cellTexts("top", 3)).containsExactly(format1(top.get("sla_score").asDouble()));
    // The sample hour is younger than the lateness horizon: its numbers are provisional.
    assertThat(browser.findElements(By.cssSelector("#live .badge.provisional"))).isNotEmpty();

    open("overview-unknown-org", "index.html?org=no-such-org");
    assertThat(panelState("demand")).isEqualTo("empty");
    assertThat(kpiRaw("live", "served")).isEqualTo("0");
  }

  @Test
  void overviewFitsAPhoneScreen() {
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      open("overview-phone", "index.html");
      Long overflow =
          (Long)
              js(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
      assertThat(chartPoints("demand")).isPositive();
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 1000));
    }
  }

  @Test
  void realTimeShowsOpenSessionsAndCapacity() {
    open("realtime", "realtime.html");
    // No session is open at the as-of time (the API agrees), so the page says so.
    assertThat(api.get("/v1/streaming/active").data()).isEmpty();
    assertThat(panelState("sessions")).isEqualTo("empty");
    assertThat(panelState("per-orchestrator")).isEqualTo("empty");
    // The latest supply hour (21:00Z) runs one stream of the sample's model.
    JsonNode model = api.get("/v1/streaming/models").data().get(0);
    assertThat(model.get("active_streams").asLong()).isEqualTo(1);
    assertThat(chartValues("capacity", 0)).containsExactly(1.0);

    open("realtime-other-pipeline", "realtime.html?pipeline=no-such-pipeline");
    assertThat(panelState("capacity")).isEqualTo("empty");
  }

  @Test
  void performanceMatchesTheHourlySlaRoute() {
    open("performance", "performance.html?" + SCENARIO);
    for (String chart : List.of("sla", "startup", "fps", "e2e", "ptff", "swap", "failures")) {
      assertThat(chartPoints(chart)).as(chart).isPositive();
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
    open(
        "performance-one-orchestrator",
        "performance.html?" + SCENARIO + "&orchestrator=" + orchestrator);
    assertThat(Double.parseDouble(kpiRaw("kpis", "sla")))
        .isCloseTo(weighted / sessions, within(1e-9));
    assertThat(cellTexts("ranking", 0)).hasSize(1);

    open("performance-by-pipeline", "performance.html?" + SCENARIO + "&group=pipeline");
    assertThat(seriesNames("sla")).contains("live-video-to-video");
  }

  @Test
  void orchestratorPageShowsTheProfileAndFees() {
    open("orchestrator-list", "orchestrator.html");
    assertThat(panelState("known")).isEqualTo("ready");
    open("orchestrator", "orchestrator.html?orchestrator=" + RealSampleRoutesIT.ORCH);
    JsonNode profile = api.get("/v1/orchestrators/" + RealSampleRoutesIT.ORCH).data();
    assertThat(kpiRaw("identity", "address")).isEqualTo(RealSampleRoutesIT.ORCH);
    assertThat(kpiRaw("identity", "gpus")).isEqualTo(profile.get("physical_gpus").asText());
    assertThat(chartPoints("trend")).isPositive();
    assertThat(chartPoints("fees")).isPositive();
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
    assertThat(cellTexts("latest-sla", 8)).containsExactly("85.0");
  }

  @Test
  void supplyShowsInventoryCapacityAndHistory() {
    open("supply", "supply.html?" + SCENARIO);
    assertThat(chartPoints("inventory")).isPositive();
    assertThat(chartPoints("history")).isPositive();
    // Physical GPUs per GPU model on 2025-11-10, in the route's order.
    JsonNode gpus = api.get("/v1/supply/gpus?date=2025-11-10").data();
    List<Double> physical = new ArrayList<>();
    gpus.forEach(row -> physical.add(row.get("physical_gpus").asDouble()));
    assertThat(chartValues("inventory", 0)).isEqualTo(physical);

    open("supply-by-pipeline", "supply.html?" + SCENARIO + "&by=pipeline");
    assertThat(categories("inventory")).contains("live-video-to-video");
  }

  @Test
  void economicsShowsExactFeesPerGroup() {
    open("economics", "economics.html?" + SCENARIO);
    assertThat(chartPoints("fees")).isPositive();
    assertThat(chartPoints("face")).isPositive();
    assertThat(chartPoints("price-chart")).isPositive();
    // The totals KPI is Σ expected_value_wei of /v1/economics/payments for the same window
    // (recomputed here from the JSON; the wei strings are exact, their doubles agree to a wei).
    double expected = 0;
    for (JsonNode row : api.get("/v1/economics/payments?" + SCENARIO_API + "&limit=1000").data()) {
      expected += Double.parseDouble(row.get("expected_value_wei").asText());
    }
    assertThat(Double.parseDouble(kpiRaw("totals", "expected"))).isCloseTo(expected, within(1.0));

    open("economics-by-pipeline", "economics.html?" + SCENARIO + "&group_by=pipeline");
    assertThat(seriesNames("fees")).contains("live-video-to-video");
  }

  @Test
  void jobsShowVolumesAndFollowTheWindow() {
    open("jobs", "jobs.html?" + SCENARIO);
    assertThat(chartPoints("ai-batch")).isPositive();
    assertThat(chartPoints("byoc")).isPositive();
    // AI batch jobs requested on the scenario day: Σ total_jobs of the route for the same window.
    long total = 0;
    for (JsonNode row : api.get("/v1/requests/ai-batch/summary?" + SCENARIO_API).data()) {
      total += row.get("total_jobs").asLong();
    }
    assertThat(total).isPositive();
    assertThat(kpiRaw("totals", "ai-batch-jobs")).isEqualTo(Long.toString(total));
    assertThat(panelState("llm")).isEqualTo("ready");

    // The 24 h before the as-of time hold no job.
    open("jobs-default-window", "jobs.html");
    assertThat(panelState("ai-batch")).isEqualTo("empty");
    assertThat(kpiRaw("totals", "ai-batch-jobs")).isEqualTo("0");
  }

  @Test
  void healthShowsFreshnessRunsAndQuality() {
    open("health", "health.html");
    JsonNode health = api.get("/v1/network/health").data();
    assertThat(cellTexts("freshness", 1)).hasSize(health.get("freshness").size());
    assertThat(chartPoints("lag")).isPositive();
    // The sample's one selection resolved: attribution quality 1.
    assertThat(Double.parseDouble(kpiRaw("quality", "attribution")))
        .isEqualTo(health.get("quality_24h").get("attribution_quality").asDouble())
        .isEqualTo(1.0);
    assertThat(cellTexts("runs", 0)).hasSize(health.get("pipeline_runs").size());
  }

  @Test
  void aRefusedQueryShowsTheApisReasonInThePanels() {
    // Not an address: the API refuses it (400), and the page says why instead of drawing nothing.
    browser.get(base + "/dashboards/performance.html?orchestrator=not-an-address");
    waitReady();
    saveScreenshot("performance-refused");
    WebElement error = browser.findElement(By.cssSelector("#kpis [role='alert']"));
    assertThat(panelState("kpis")).isEqualTo("error");
    assertThat(error.getText()).startsWith("Could not load: 400").contains("orchestrator");
  }

  @Test
  void pagesRefreshThemselves() {
    open("overview-refreshing", "index.html?refresh=1");
    String first = browser.findElement(By.id("status")).getText();
    // Every refresh rewrites the status line with the time it finished (to the second).
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.id("status")).getText().equals(first));
    waitReady();
    assertThat(chartPoints("demand")).isPositive();
  }

  @Test
  void everyFormControlHasALabelAndTheSkipLinkComesFirst() {
    for (String page :
        List.of(
            "index", "realtime", "performance", "orchestrator", "supply", "economics", "jobs")) {
      browser.get(base + "/dashboards/" + page + ".html");
      waitReady();
      Long unlabelled =
          (Long)
              js(
                  "return [...document.querySelectorAll('input, select')]"
                      + ".filter(c => !document.querySelector('label[for=\"' + c.id + '\"]')).length;");
      assertThat(unlabelled).as(page).isZero();
    }
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
  }

  // ------------------------------------------------------------------ helpers

  /** Opens a page, waits until every panel settled, saves a screenshot, and checks for errors. */
  private void open(String screenshot, String pageAndQuery) {
    browser.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
    browser.get(base + "/dashboards/" + pageAndQuery);
    waitReady();
    saveScreenshot(screenshot);
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    @SuppressWarnings("unchecked")
    List<String> pageErrors = (List<String>) js("return window.__dashErrors || [];");
    errors.addAll(pageErrors);
    assertThat(errors).as("console errors on %s", pageAndQuery).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-state='error']")))
        .as("panels that failed on %s", pageAndQuery)
        .isEmpty();
  }

  private void waitReady() {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> "ready".equals(js("return document.body.dataset.state;")));
  }

  private void saveScreenshot(String name) {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private String panelState(String panel) {
    return browser.findElement(By.id(panel)).getAttribute("data-state");
  }

  private String kpiRaw(String panel, String kpi) {
    return kpi(panel, kpi).getAttribute("data-raw");
  }

  /** The KPI's shown value (the dd's text without its badges). */
  private String kpiText(String panel, String kpi) {
    return kpi(panel, kpi)
        .findElement(By.tagName("dd"))
        .getText()
        .replace("provisional", "")
        .trim();
  }

  private WebElement kpi(String panel, String kpi) {
    return browser.findElement(By.cssSelector("#" + panel + " [data-kpi='" + kpi + "']"));
  }

  /** The texts of one column of a panel's table, badges removed. */
  private List<String> cellTexts(String panel, int column) {
    List<String> texts = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#" + panel + " tbody tr"))) {
      texts.add(
          row.findElements(By.tagName("td"))
              .get(column)
              .getText()
              .replace("provisional", "")
              .trim());
    }
    return texts;
  }

  /**
   * Script prefix: {@code option} is the ECharts option of the chart in panel arguments[0], null
   * when the panel shows no chart.
   */
  private static final String OPTION =
      "const box = document.querySelector('#' + arguments[0] + ' .chart');"
          + " const option = box ? echarts.getInstanceByDom(box).getOption() : null;";

  /** Data points of every series of the panel's ECharts instance; -1 without a chart. */
  private long chartPoints(String panel) {
    return (Long)
        js(
            OPTION + " return option ? option.series.reduce((n, s) => n + s.data.length, 0) : -1;",
            panel);
  }

  @SuppressWarnings("unchecked")
  private List<Double> chartValues(String panel, int series) {
    List<Object> values =
        (List<Object>)
            js(OPTION + " return option.series[arguments[1]].data.map(Number);", panel, series);
    return values.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> seriesNames(String panel) {
    return (List<String>) js(OPTION + " return option.series.map(s => s.name);", panel);
  }

  /** The category axis' labels of a bar chart. */
  @SuppressWarnings("unchecked")
  private List<String> categories(String panel) {
    return (List<String>)
        js(
            OPTION
                + " const axis = option.yAxis[0].type === 'category' ? option.yAxis[0]"
                + " : option.xAxis[0]; return axis.data;",
            panel);
  }

  /** One decimal, as the pages show scores. */
  private static String format1(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
