package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.api.QueryParams.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private static final Duration SEVEN_DAYS = Duration.ofDays(7);
  private static final Set<String> ALLOWED =
      Set.of(
          "start",
          "end",
          "limit",
          "window",
          "orchestrator",
          "pipeline",
          "model",
          "gpu",
          "date",
          "gateway");

  private static QueryParams params(String... nameValues) {
    Map<String, List<String>> raw = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      raw.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
    }
    return QueryParams.of(raw, ALLOWED);
  }

  private static void assertBad(Runnable parse, String parameter) {
    assertThatThrownBy(parse::run)
        .isInstanceOf(BadParameter.class)
        .satisfies(e -> assertThat(((BadParameter) e).parameter()).isEqualTo(parameter));
  }

  @Test
  void timeRangeDefaultsToTheDayBeforeNow() {
    assertThat(params().timeRange(NOW, SEVEN_DAYS))
        .isEqualTo(new TimeRange(NOW.minus(Duration.ofHours(24)), NOW));
  }

  @Test
  void timeRangeWithOnlyEndOrOnlyStart() {
    assertThat(params("end", "2026-01-10T00:00:00Z").timeRange(NOW, SEVEN_DAYS))
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-01-09T00:00:00Z"), Instant.parse("2026-01-10T00:00:00Z")));
    assertThat(params("start", "2026-01-15T06:00:00Z").timeRange(NOW, SEVEN_DAYS))
        .isEqualTo(new TimeRange(Instant.parse("2026-01-15T06:00:00Z"), NOW));
    assertThat(params("start", "2026-01-01T00:00:00Z").timeRange(NOW, SEVEN_DAYS))
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));
  }

  @Test
  void timeRangeAcceptsOffsetsAndReturnsUtc() {
    TimeRange range =
        params("start", "2026-01-15T01:00:00+01:00", "end", "2026-01-15T03:30:00.250Z")
            .timeRange(NOW, SEVEN_DAYS);
    assertThat(range.start()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(range.end()).isEqualTo(Instant.parse("2026-01-15T03:30:00.250Z"));
  }

  @Test
  void badTimesNameTheParameter() {
    for (String bad :
        List.of(
            "yesterday",
            "2026-01-15",
            "2026-01-15 12:00:00",
            "2026-01-15T12:00:00",
            "2026-13-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "2026-01-15T12:00:00Z' OR 1=1 --",
            "１２")) {
      assertBad(() -> params("start", bad).timeRange(NOW, SEVEN_DAYS), "start");
      assertBad(() -> params("end", bad).timeRange(NOW, SEVEN_DAYS), "end");
    }
  }

  @Test
  void rangeMustBeOrderedAndWithinTheRouteMaximum() {
    assertBad(
        () ->
            params("start", "2026-01-15T00:00:00Z", "end", "2026-01-14T00:00:00Z")
                .timeRange(NOW, SEVEN_DAYS),
        "start");
    assertBad(
        () ->
            params("start", "2026-01-15T00:00:00Z", "end", "2026-01-15T00:00:00Z")
                .timeRange(NOW, SEVEN_DAYS),
        "start");
    assertBad(
        () ->
            params("start", "2026-01-01T00:00:00Z", "end", "2026-01-08T00:00:01Z")
                .timeRange(NOW, SEVEN_DAYS),
        "start");
    assertThat(
            params("start", "2026-01-01T00:00:00Z", "end", "2026-01-08T00:00:00Z")
                .timeRange(NOW, SEVEN_DAYS)
                .end())
        .isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
  }

  @Test
  void limit() {
    assertThat(params().limit(50, 1000)).isEqualTo(50);
    assertThat(params("limit", "1").limit(50, 1000)).isEqualTo(1);
    assertThat(params("limit", "1000").limit(50, 1000)).isEqualTo(1000);
    for (String bad :
        List.of("0", "1001", "-1", "+5", "1e3", "5.0", "99999999999999999999", " 5", "abc")) {
      assertBad(() -> params("limit", bad).limit(50, 1000), "limit");
    }
  }

  @Test
  void unknownRepeatedAndEmptyParametersAreRefused() {
    assertBad(() -> params("piepline", "x"), "piepline");
    assertBad(() -> params("offset", "10"), "offset");
    assertBad(() -> params("limit", "5", "limit", "6").limit(50, 1000), "limit");
    assertBad(() -> params("pipeline", "").filter("pipeline"), "pipeline");
    assertBad(() -> params("pipeline", "a".repeat(300)).filter("pipeline"), "pipeline");
  }

  @Test
  void choiceFromAFixedSet() {
    Set<String> windows = Set.of("24h", "7d");
    assertThat(params().choice("window", windows, "24h")).isEqualTo("24h");
    assertThat(params("window", "7d").choice("window", windows, "24h")).isEqualTo("7d");
    assertBad(() -> params("window", "7D").choice("window", windows, "24h"), "window");
    assertBad(() -> params("window", "30d").choice("window", windows, "24h"), "window");
  }

  @Test
  void addressesAreCheckedAndLowerCased() {
    String mixed = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";
    assertThat(params("orchestrator", mixed).address("orchestrator"))
        .contains("0xabcdef0123456789abcdef0123456789abcdef01");
    for (String bad :
        List.of(
            "0x123",
            "abcdef0123456789abcdef0123456789abcdef0123",
            "0xZZcdef0123456789abcdef0123456789abcdef01",
            "0xabcdef0123456789abcdef0123456789abcdef01'--")) {
      assertBad(() -> params("orchestrator", bad).address("orchestrator"), "orchestrator");
    }
    assertBad(() -> QueryParams.address("address", "../../etc/passwd"), "address");
  }

  @Test
  void freeFiltersAllowRealNamesOnly() {
    for (String good :
        List.of(
            "live-video-to-video",
            "stabilityai/sd-turbo",
            "NVIDIA GeForce RTX 4090",
            "GPU-1a2b3c4d",
            "streamdiffusion-sdxl_v1.5")) {
      assertThat(params("model", good).filter("model")).contains(good);
    }
    for (String bad :
        List.of(
            "x' OR '1'='1",
            "a;DROP TABLE gold.x",
            "a\"b",
            "a\\b",
            "a\nb",
            " leading",
            "trailing ",
            "two  spaces",
            "ünïcode",
            "a\u0000b",
            "%27")) {
      assertBad(() -> params("model", bad).filter("model"), "model");
    }
  }

  @Test
  void gatewaysAreFreeFiltersLowerCasedAsTheLakeStoresThem() {
    assertThat(params("gateway", "0x8a69a765Cfa5a247852De15886101e5f551f743A").gateway("gateway"))
        .contains("0x8a69a765cfa5a247852de15886101e5f551f743a");
    assertThat(params("gateway", "Gateway.Example.COM:8935").gateway("gateway"))
        .contains("gateway.example.com:8935");
    assertThat(params().gateway("gateway")).isEmpty();
    assertBad(() -> params("gateway", "x' OR '1'='1").gateway("gateway"), "gateway");
  }

  @Test
  void date() {
    assertThat(params("date", "2026-01-15").date("date")).contains(LocalDate.of(2026, 1, 15));
    for (String bad : List.of("2026-02-30", "2026-1-5", "15/01/2026", "2026-01-15T00:00:00Z")) {
      assertBad(() -> params("date", bad).date("date"), "date");
    }
  }
}
