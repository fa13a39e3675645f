package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Checks that every dashboard page of a running API is filled: {@code ./naap dashboards check
 * [URL]} runs it against {@code naap.dashboards.url} (a demo's API, say), so it is skipped in
 * {@code ./naap test}, whose dashboards are checked value by value in {@link DashboardsIT}.
 *
 * <p>Every page is opened as of the API's now with the window {@code naap.dashboards.window}
 * (default 1h: in a demo, the last hour holds the simulated live network only). Filled means: no
 * console error, every panel settled with data (none empty or failed), every chart with data
 * points, and a network with open streams and served sessions. The orchestrator page shows the
 * overview's top orchestrator. Screenshots go to target/live-dashboard-screenshots/.
 */
@EnabledIfSystemProperty(named = "naap.dashboards.url", matches = ".+")
class LiveDashboardsIT {
  static final Path SCREENSHOTS = Path.of("target/live-dashboard-screenshots");
  static final List<String> PAGES =
      List.of(
          "index.html",
          "realtime.html",
          "performance.html",
          "supply.html",
          "economics.html",
          "jobs.html",
          "health.html");

  private static DashboardBrowser browser;
  private static String window;

  @BeforeAll
  static void startBrowser() throws IOException {
    String base = System.getProperty("naap.dashboards.url").replaceAll("/+$", "");
    window = System.getProperty("naap.dashboards.window", "1h");
    browser = DashboardBrowser.start(base, SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyPageIsFilled() {
    Map<String, List<String>> unfilled = new LinkedHashMap<>();
    for (String page : PAGES) {
      unfilled.put(page, unfilledPanels(page, page + "?window=" + window));
    }
    String top = topOrchestrator();
    unfilled.put(
        "orchestrator.html",
        unfilledPanels(
            "orchestrator.html", "orchestrator.html?window=" + window + "&orchestrator=" + top));
    unfilled.values().removeIf(List::isEmpty);
    assertThat(unfilled).as("panels without data, per page").isEmpty();
  }

  @Test
  void theNetworkIsLive() {
    browser.open("live-overview", "index.html?window=" + window);
    assertThat(Long.parseLong(browser.kpiRaw("live", "active-streams")))
        .as("open streams now")
        .isPositive();
    assertThat(Long.parseLong(browser.kpiRaw("live", "served")))
        .as("served sessions in the window")
        .isPositive();
  }

  /** Opens a page and lists its panels that are not filled, each with why. */
  private static List<String> unfilledPanels(String page, String pageAndQuery) {
    browser.open("live-" + page.replace(".html", ""), pageAndQuery);
    List<String> unfilled = new ArrayList<>();
    for (String panel : browser.panels()) {
      String state = browser.panelState(panel);
      if (!state.equals("ready")) {
        unfilled.add(panel + " (" + state + ")");
      } else if (browser.chartPoints(panel) == 0) {
        unfilled.add(panel + " (a chart without points)");
      }
    }
    return unfilled;
  }

  /** The address the overview's top-orchestrators table links first. */
  private static String topOrchestrator() {
    browser.open("live-overview", "index.html?window=" + window);
    List<WebElement> links =
        browser.driver().findElements(By.cssSelector("#top a[href*='orchestrator=']"));
    assertThat(links).as("orchestrators in the overview's top table").isNotEmpty();
    String href = links.get(0).getAttribute("href");
    return href.replaceAll(".*[?&]orchestrator=([^&]+).*", "$1");
  }
}
