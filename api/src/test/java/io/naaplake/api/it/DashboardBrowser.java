package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's headless Chromium, driven by its chromedriver (nothing is downloaded), opening the
 * dashboards of one API: waits until every panel of a page settled, saves a screenshot, checks
 * there was no console error, and reads panels, KPIs and ECharts options back.
 */
final class DashboardBrowser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /**
   * Script prefix: {@code option} is the ECharts option of the chart in panel arguments[0], null
   * when the panel shows no chart.
   */
  private static final String OPTION =
      "const box = document.querySelector('#' + arguments[0] + ' .chart');"
          + " const option = box ? echarts.getInstanceByDom(box).getOption() : null;";

  private final ChromeDriver driver;
  private final String base;
  private final Path screenshots;

  private DashboardBrowser(ChromeDriver driver, String base, Path screenshots) {
    this.driver = driver;
    this.base = base;
    this.screenshots = screenshots;
  }

  /** Starts the browser for the API at {@code base} (e.g. http://127.0.0.1:8080). */
  static DashboardBrowser start(String base, Path screenshots) throws IOException {
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
    // The flags a closed network needs: no update, sync or first-run traffic.
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
    Files.createDirectories(screenshots);
    return new DashboardBrowser(new ChromeDriver(service, options), base, screenshots);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a page, waits until every panel settled, saves a screenshot, and checks for errors. */
  void open(String screenshot, String pageAndQuery) {
    openOn(base, screenshot, pageAndQuery);
  }

  /** As {@link #open}, on the API server at {@code root} (e.g. one served as of another time). */
  void openOn(String root, String screenshot, String pageAndQuery) {
    driver.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
    driver.get(root + "/dashboards/" + pageAndQuery);
    waitReady();
    saveScreenshot(screenshot);
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    @SuppressWarnings("unchecked")
    List<String> pageErrors = (List<String>) js("return window.__dashErrors || [];");
    errors.addAll(pageErrors);
    assertThat(errors).as("console errors on %s", pageAndQuery).isEmpty();
    assertThat(driver.findElements(By.cssSelector("[data-state='error']")))
        .as("panels that failed on %s", pageAndQuery)
        .isEmpty();
  }

  /** Waits until the page's panels all settled (loaded, empty or failed). */
  void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> "ready".equals(js("return document.body.dataset.state;")));
  }

  void saveScreenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The ids of the page's panels, in page order. */
  List<String> panels() {
    return driver.findElements(By.cssSelector("#panels > section[id]")).stream()
        .map(p -> p.getAttribute("id"))
        .toList();
  }

  /** loading, empty, error or ready. */
  String panelState(String panel) {
    return driver.findElement(By.id(panel)).getAttribute("data-state");
  }

  String kpiRaw(String panel, String kpi) {
    return kpi(panel, kpi).getAttribute("data-raw");
  }

  /** The KPI's shown value (the dd's text without its badges). */
  String kpiText(String panel, String kpi) {
    return kpi(panel, kpi)
        .findElement(By.tagName("dd"))
        .getText()
        .replace("provisional", "")
        .trim();
  }

  private WebElement kpi(String panel, String kpi) {
    return driver.findElement(By.cssSelector("#" + panel + " [data-kpi='" + kpi + "']"));
  }

  /** The texts of one column of a panel's table, badges removed. */
  List<String> cellTexts(String panel, int column) {
    List<String> texts = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#" + panel + " tbody tr"))) {
      texts.add(
          row.findElements(By.tagName("td"))
              .get(column)
              .getText()
              .replace("provisional", "")
              .trim());
    }
    return texts;
  }

  /** Data points of every series of the panel's ECharts instance; -1 without a chart. */
  long chartPoints(String panel) {
    return (Long)
        js(
            OPTION + " return option ? option.series.reduce((n, s) => n + s.data.length, 0) : -1;",
            panel);
  }

  @SuppressWarnings("unchecked")
  List<Double> chartValues(String panel, int series) {
    List<Object> values =
        (List<Object>)
            js(OPTION + " return option.series[arguments[1]].data.map(Number);", panel, series);
    return values.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  /** The values of one series of a time chart (points of [time, value]), oldest first. */
  @SuppressWarnings("unchecked")
  List<Double> timeValues(String panel, int series) {
    List<Object> values =
        (List<Object>)
            js(
                OPTION + " return option.series[arguments[1]].data.map(d => Number(d.value[1]));",
                panel,
                series);
    return values.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  @SuppressWarnings("unchecked")
  List<String> seriesNames(String panel) {
    return (List<String>) js(OPTION + " return option.series.map(s => s.name);", panel);
  }

  /** The category axis' labels of a bar chart. */
  @SuppressWarnings("unchecked")
  List<String> categories(String panel) {
    return (List<String>)
        js(
            OPTION
                + " const axis = option.yAxis[0].type === 'category' ? option.yAxis[0]"
                + " : option.xAxis[0]; return axis.data;",
            panel);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
