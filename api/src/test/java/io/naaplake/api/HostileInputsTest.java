package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.api.routes.ParamDoc;
import io.naaplake.api.routes.RouteDoc;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostileInputsTest {
  private static final long SEED = 20260115L;
  private static final URI BASE = URI.create("http://127.0.0.1:8080");
  private static final String ADDRESS = "0x" + "1f".repeat(20);
  private static final String ORCHESTRATOR_PREFIX = "/v1/orchestrators/";
  private static final String SLA_PATH = "/v1/streaming/sla";

  private static final RouteDoc ORCHESTRATOR =
      new RouteDoc(
          ORCHESTRATOR_PREFIX + "{address}",
          "One orchestrator",
          "Its capabilities and recent SLA.",
          "supply",
          List.of(
              ParamDoc.path("address", "Orchestrator address", "0x[0-9a-fA-F]{40}", ADDRESS),
              ParamDoc.instant("start", "Window start"),
              ParamDoc.integer("limit", "Page size", 1, 1000),
              ParamDoc.choice("window", "Grain", List.of("hour", "day"))),
          RouteDoc.Shape.OBJECT,
          List.of(Column.required("address", LakeType.string(), "Orchestrator address")));

  /** Its pipeline parameter is required, so every URL must carry a valid one unless it is hit. */
  private static final ParamDoc REQUIRED_PIPELINE =
      new ParamDoc(
          "pipeline",
          "query",
          "Pipeline name",
          true,
          "string",
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.of("[a-z-]+"),
          Optional.of("live-video-to-video"));

  private static final RouteDoc SLA =
      new RouteDoc(
          SLA_PATH,
          "Hourly streaming SLA",
          "One row per orchestrator and hour.",
          "streaming",
          List.of(
              REQUIRED_PIPELINE,
              ParamDoc.date("date", "Day"),
              ParamDoc.integer("limit", "Page size", 1, 1000),
              ParamDoc.text("cursor", "Next page", "[A-Za-z0-9_-]+")),
          RouteDoc.Shape.PAGE,
          List.of(
              Column.required("window_start", LakeType.timestamp(), "Hour start"),
              Column.measure("sessions", LakeType.bigint(), "Sessions started")));

  /** Query name/value pairs of a URL, decoded, in order. */
  private static List<Map.Entry<String, String>> query(URI uri) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (uri.getRawQuery() == null) {
      return pairs;
    }
    for (String pair : uri.getRawQuery().split("&", -1)) {
      int equals = pair.indexOf('=');
      pairs.add(Map.entry(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1))));
    }
    return pairs;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static Set<String> declaredNames(RouteDoc route) {
    return route.params().stream().map(ParamDoc::name).collect(Collectors.toSet());
  }

  @Test
  void valuesAreAtLeast1500DistinctStrings() {
    List<String> values = HostileInputs.values(SEED);
    assertThat(values).hasSizeGreaterThanOrEqualTo(1500).hasSize(HostileInputs.VALUE_COUNT);
    assertThat(new HashSet<>(values)).hasSameSizeAs(values);
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    assertThat(HostileInputs.values(SEED)).isEqualTo(HostileInputs.values(SEED));
  }

  @Test
  void anotherSeedChangesOnlyTheRandomPart() {
    List<String> curated = HostileInputs.curated();
    List<String> one = HostileInputs.values(1);
    List<String> two = HostileInputs.values(2);

    assertThat(one.subList(0, curated.size())).isEqualTo(curated);
    assertThat(two.subList(0, curated.size())).isEqualTo(curated);
    Set<String> onlyInOne = new HashSet<>(one.subList(curated.size(), one.size()));
    two.forEach(onlyInOne::remove);
    // Collisions between two seeds' random parts are possible but rare.
    assertThat(onlyInOne).hasSizeGreaterThan((one.size() - curated.size()) * 9 / 10);
  }

  @Test
  void curatedCategoriesArePresent() {
    List<String> values = HostileInputs.values(SEED);
    assertThat(values).contains("' OR 1=1 --");
    assertThat(values).anyMatch(v -> v.contains("DROP TABLE gold.streaming_sla_hourly"));
    assertThat(values).anyMatch(v -> v.contains("UNION SELECT"));
    assertThat(values).contains("\\'", "''");
    assertThat(values).contains("1e309", "99999999999999999999999", "9223372036854775808", "NaN");
    assertThat(values).contains("2026-13-45", "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z");
    assertThat(values).contains(" 2026-01-15T12:00:00Z ", "2026-01-01T00:00:00+25:00");
    assertThat(values).anyMatch(v -> v.contains("\u202E"));
    assertThat(values).anyMatch(v -> v.contains("\u200D"));
    assertThat(values).contains("\uD83D\uDE00", "\u0000", "\uFF11\uFF12\uFF13");
    assertThat(values).anyMatch(v -> v.length() >= 100_000);
    assertThat(values).anyMatch(v -> v.length() >= 10_240 && v.length() < 100_000);
    assertThat(values).contains("", " ", "\t");
    assertThat(values)
        .contains("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "C:\\windows\\win.ini");
    assertThat(values).contains("a\r\nX-Injected: 1");
    assertThat(values).contains("%s%n%x");
    assertThat(values).contains("<script>alert(1)</script>");
    assertThat(values).contains("${jndi:ldap://x}", "{{7*7}}");
    assertThat(values).contains("; ls -la", "$(id)");
  }

  @Test
  void cursorLookalikesDecodeToGarbageWrongTypesAndAMegabyte() {
    Pattern base64Url = Pattern.compile("[A-Za-z0-9_-]+");
    List<byte[]> decoded =
        HostileInputs.values(SEED).stream()
            .filter(v -> base64Url.matcher(v).matches() && v.length() % 4 != 1)
            .map(v -> Base64.getUrlDecoder().decode(v))
            .toList();
    assertThat(decoded).anyMatch(bytes -> bytes.length == 1 << 20);
    assertThat(decoded.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
        .contains("{", "[\"a\",1,true,null,{}]");
  }

  @Test
  void noValueHasALoneSurrogate() {
    for (String value : HostileInputs.values(SEED)) {
      assertThat(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isEqualTo(value);
    }
  }

  @Test
  void encodingKeepsOnlyLettersDigitsDashAndUnderscore() {
    assertThat(HostileInputs.encode("a/b")).isEqualTo("a%2Fb");
    assertThat(HostileInputs.encode("..")).isEqualTo("%2E%2E");
    assertThat(HostileInputs.encode("a b+c")).isEqualTo("a%20b%2Bc");
    assertThat(HostileInputs.encode("\u00E9")).isEqualTo("%C3%A9");
    assertThat(HostileInputs.encode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    assertThat(HostileInputs.encode("\u0000\r\n")).isEqualTo("%00%0D%0A");
    assertThat(HostileInputs.encode("Az09-_")).isEqualTo("Az09-_");
  }

  @Test
  void requestsParseStayUnderTheirRouteAndFillTheBudget() {
    List<URI> requests = HostileInputs.requests(BASE, List.of(ORCHESTRATOR, SLA), SEED, 300);

    List<URI> orchestrator =
        requests.stream().filter(u -> u.getRawPath().startsWith(ORCHESTRATOR_PREFIX)).toList();
    List<URI> sla = requests.stream().filter(u -> u.getRawPath().equals(SLA_PATH)).toList();
    assertThat(orchestrator).hasSize(300);
    assertThat(sla).hasSize(300);
    assertThat(requests).hasSize(600);
    assertThat(requests.subList(0, 300)).isEqualTo(orchestrator);
    for (URI uri : requests) {
      assertThat(uri.toString()).isEqualTo(uri.toASCIIString());
      assertThat(URI.create(uri.toString())).isEqualTo(uri);
      assertThat(uri.getScheme()).isEqualTo("http");
      assertThat(uri.getAuthority()).isEqualTo("127.0.0.1:8080");
      assertThat(uri.normalize().getRawPath()).isEqualTo(uri.getRawPath());
    }
    // One path segment after the prefix: a hostile address cannot add segments.
    assertThat(orchestrator)
        .allMatch(u -> u.getRawPath().matches("/v1/orchestrators/[A-Za-z0-9_%-]*"));
  }

  @Test
  void requestsRepeatEveryQueryParameterAndTryUnknownNames() {
    List<URI> requests = HostileInputs.requests(BASE, List.of(ORCHESTRATOR), SEED, 300);

    for (String name : List.of("start", "limit", "window")) {
      assertThat(requests)
          .as("repeated %s", name)
          .anyMatch(u -> query(u).stream().filter(p -> p.getKey().equals(name)).count() == 2);
    }
    assertThat(requests)
        .anyMatch(u -> query(u).equals(List.of(Map.entry("limit", "1"), Map.entry("limit", "1"))));
    Set<String> declared = declaredNames(ORCHESTRATOR);
    List<String> unknownNames =
        requests.stream()
            .flatMap(u -> query(u).stream())
            .map(Map.Entry::getKey)
            .filter(name -> !declared.contains(name))
            .toList();
    assertThat(unknownNames).contains("piepline", "LIMIT", "", "' OR 1=1 --", "a\r\nX-Injected: 1");
  }

  @Test
  void hostileValuesAreSpreadOverParametersWithoutRepeatsWithinTheBudget() {
    List<URI> requests = HostileInputs.requests(BASE, List.of(ORCHESTRATOR), SEED, 300);
    Set<String> declared = declaredNames(ORCHESTRATOR);

    Map<String, List<String>> valuesByTarget = new LinkedHashMap<>();
    for (URI uri : requests) {
      String segment = decode(uri.getRawPath().substring(ORCHESTRATOR_PREFIX.length()));
      List<Map.Entry<String, String>> query = query(uri);
      if (query.isEmpty()) {
        valuesByTarget.computeIfAbsent("address", k -> new ArrayList<>()).add(segment);
      } else if (query.size() == 1 && declared.contains(query.get(0).getKey())) {
        // Query parameters are tried on a valid path.
        assertThat(segment).isEqualTo(ADDRESS);
        valuesByTarget
            .computeIfAbsent(query.get(0).getKey(), k -> new ArrayList<>())
            .add(query.get(0).getValue());
      }
    }
    int hostile = valuesByTarget.values().stream().mapToInt(List::size).sum();
    // 300 minus 3 parameters x 2 repeats minus 16 unknown names.
    assertThat(hostile).isEqualTo(278);
    assertThat(valuesByTarget.keySet())
        .containsExactlyInAnyOrder("address", "start", "limit", "window");
    assertThat(valuesByTarget.values()).allMatch(list -> list.size() >= 69 && list.size() <= 70);
    List<String> all = valuesByTarget.values().stream().flatMap(List::stream).toList();
    assertThat(new HashSet<>(all)).hasSize(hostile);
  }

  @Test
  void anAmpleBudgetPutsEveryValueIntoEveryParameterOnce() {
    List<URI> requests = HostileInputs.requests(BASE, List.of(SLA), SEED, Integer.MAX_VALUE);
    List<String> values = HostileInputs.values(SEED);
    Set<String> declared = declaredNames(SLA);

    Map<String, List<String>> valuesByTarget = new LinkedHashMap<>();
    for (URI uri : requests) {
      List<Map.Entry<String, String>> query = query(uri);
      assertThat(query).as("pipeline is required").anyMatch(p -> p.getKey().equals("pipeline"));
      if (query.size() == 1) {
        valuesByTarget
            .computeIfAbsent("pipeline", k -> new ArrayList<>())
            .add(query.get(0).getValue());
      } else if (query.size() == 2
          && query.get(0).equals(Map.entry("pipeline", "live-video-to-video"))
          && declared.contains(query.get(1).getKey())
          && !query.get(1).getKey().equals("pipeline")) {
        valuesByTarget
            .computeIfAbsent(query.get(1).getKey(), k -> new ArrayList<>())
            .add(query.get(1).getValue());
      }
    }
    assertThat(valuesByTarget.keySet())
        .containsExactlyInAnyOrder("pipeline", "date", "limit", "cursor");
    for (List<String> tried : valuesByTarget.values()) {
      // Same size and same set of distinct values: each value exactly once.
      assertThat(tried).hasSameSizeAs(values);
      assertThat(new HashSet<>(tried).equals(new HashSet<>(values))).isTrue();
    }
    // 4 parameters x 2 repeats and 16 unknown names come on top of the hostile values.
    assertThat(requests).hasSize(4 * values.size() + 8 + 16);
  }

  @Test
  void pathValuesAreEncodedAsOneSegment() {
    RouteDoc addressOnly =
        new RouteDoc(
            ORCHESTRATOR.path(),
            ORCHESTRATOR.summary(),
            ORCHESTRATOR.description(),
            ORCHESTRATOR.tag(),
            ORCHESTRATOR.params().subList(0, 1),
            ORCHESTRATOR.shape(),
            ORCHESTRATOR.columns());
    List<URI> requests =
        HostileInputs.requests(BASE, List.of(addressOnly), SEED, Integer.MAX_VALUE);
    assertThat(requests)
        .extracting(URI::getRawPath)
        .contains(
            "/v1/orchestrators/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/v1/orchestrators/%27%20OR%201%3D1%20--",
            "/v1/orchestrators/%00",
            "/v1/orchestrators/");
    // No query parameters: only the unknown names and one URL per value.
    assertThat(requests).hasSize(16 + HostileInputs.VALUE_COUNT);
  }

  @Test
  void aBasePathPrefixesEveryRoute() {
    List<URI> requests =
        HostileInputs.requests(
            URI.create("https://api.example.org/naap/"), List.of(SLA), SEED, 100);
    assertThat(requests).hasSize(100).allMatch(u -> u.getRawPath().equals("/naap" + SLA_PATH));
  }

  @Test
  void theSameSeedGivesTheSameRequests() {
    assertThat(HostileInputs.requests(BASE, List.of(ORCHESTRATOR, SLA), SEED, 200))
        .isEqualTo(HostileInputs.requests(BASE, List.of(ORCHESTRATOR, SLA), SEED, 200));
  }

  @Test
  void aBudgetWithoutRoomForTheFixedCasesIsRefused() {
    assertThatThrownBy(() -> HostileInputs.requests(BASE, List.of(ORCHESTRATOR), SEED, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/v1/orchestrators/{address}");
    assertThat(HostileInputs.requests(BASE, List.of(ORCHESTRATOR), SEED, 22)).hasSize(22);
  }

  @Test
  void aTemplateWithUndeclaredPathParametersIsRefused() {
    RouteDoc undeclared =
        new RouteDoc(
            "/v1/orchestrators/{address}/history",
            "History",
            "Past rows.",
            "supply",
            List.of(ParamDoc.integer("limit", "Page size", 1, 1000)),
            RouteDoc.Shape.PAGE,
            List.of(Column.required("address", LakeType.string(), "Orchestrator address")));
    assertThatThrownBy(() -> HostileInputs.requests(BASE, List.of(undeclared), SEED, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{address}/history");
  }

  @Test
  void acceptableRejectionsAre400Or404ProblemJson() {
    assertThat(HostileInputs.isAcceptableRejection(400, "application/problem+json")).isTrue();
    assertThat(HostileInputs.isAcceptableRejection(404, "application/problem+json;charset=utf-8"))
        .isTrue();
    assertThat(HostileInputs.isAcceptableRejection(400, "text/html;charset=utf-8")).isFalse();
    assertThat(HostileInputs.isAcceptableRejection(400, null)).isFalse();
    assertThat(HostileInputs.isAcceptableRejection(500, "application/problem+json")).isFalse();
    assertThat(HostileInputs.isAcceptableRejection(200, "application/problem+json")).isFalse();
    assertThat(HostileInputs.isAcceptableRejection(429, "application/problem+json")).isFalse();
  }
}
