package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed, validated access to a request's query parameters. Independent of Javalin (it takes the raw
 * name-to-values map) so every rule is unit-tested. Every refusal is a {@link BadParameter} naming
 * the parameter: an unknown name, a repeated name, an empty or over-long value, or a value outside
 * its format.
 */
public final class QueryParams {

  /** Longest value accepted for any parameter; longer input is refused before parsing. */
  static final int MAX_VALUE_LENGTH = 256;

  /** Longest free-text filter value (pipeline, model, org, gpu). */
  static final int MAX_FILTER_LENGTH = 128;

  /** The 24 hours before "now" when a route's {@code start} and {@code end} are both omitted. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  /**
   * Free filters: letters, digits and the punctuation real pipeline, model, org and GPU names use
   * ({@code stabilityai/sd-turbo}, {@code NVIDIA GeForce RTX 4090}, {@code GPU-1a2b}). Quotes,
   * semicolons, backslashes, control and non-ASCII characters are refused; values are bound as
   * parameters anyway, so this is a second line of defence and keeps cache keys and logs clean.
   */
  private static final Pattern FILTER =
      Pattern.compile("[A-Za-z0-9._:/@+()-]+( [A-Za-z0-9._:/@+()-]+)*");

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** Instants outside this range are refused: the lake holds nothing there, and SQL stays sane. */
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Wraps the raw parameters of one request and refuses names the route does not declare (a typo
   * like {@code piepline} must not silently return unfiltered data).
   *
   * @param raw parameter name to its values, as the HTTP layer parsed them
   * @param allowed every parameter name the route accepts
   */
  public static QueryParams of(Map<String, List<String>> raw, Set<String> allowed) {
    requireNonNull(raw, "raw is null");
    requireNonNull(allowed, "allowed is null");
    for (String name : new TreeSet<>(raw.keySet())) {
      if (!allowed.contains(name)) {
        throw new BadParameter(name, "unknown parameter; accepted: " + new TreeSet<>(allowed));
      }
    }
    return new QueryParams(Map.copyOf(raw));
  }

  /** The single value of a parameter, or empty when absent. */
  public Optional<String> single(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw new BadParameter(name, "given more than once; pass it once");
    }
    String value = given.get(0);
    if (value == null || value.isEmpty()) {
      throw new BadParameter(name, "empty; omit the parameter or give a value");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new BadParameter(name, "longer than " + MAX_VALUE_LENGTH + " characters");
    }
    return Optional.of(value);
  }

  /** An RFC 3339 instant (any offset; returned in UTC), or empty when absent. */
  public Optional<Instant> instant(String name) {
    return single(name).map(value -> parseInstant(name, value));
  }

  /** An ISO date ({@code 2026-01-15}), or empty when absent. */
  public Optional<LocalDate> date(String name) {
    return single(name)
        .map(
            value -> {
              if (!ISO_DATE.matcher(value).matches()) {
                throw new BadParameter(name, "expected a date like 2026-01-15");
              }
              try {
                return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
              } catch (DateTimeException e) {
                throw new BadParameter(name, "expected a date like 2026-01-15");
              }
            });
  }

  /**
   * The {@code start}/{@code end} range. Both omitted: the {@link #DEFAULT_WINDOW} before now. Only
   * {@code end}: the default window before it. Only {@code start}: up to now (or the default window
   * after it, if that is earlier). Then {@code start < end} and the range must not exceed the
   * route's maximum.
   *
   * @param now the request's "now" (the as-of clock)
   * @param maxWindow the longest range the route serves
   */
  public TimeRange timeRange(Instant now, Duration maxWindow) {
    Optional<Instant> start = instant("start");
    Optional<Instant> end = instant("end");
    Instant resolvedEnd;
    Instant resolvedStart;
    if (start.isPresent() && end.isEmpty()) {
      resolvedStart = start.get();
      Instant windowEnd = resolvedStart.plus(DEFAULT_WINDOW);
      resolvedEnd = windowEnd.isBefore(now) ? windowEnd : now;
      if (!resolvedEnd.isAfter(resolvedStart)) {
        resolvedEnd = windowEnd;
      }
    } else {
      resolvedEnd = end.orElse(now);
      resolvedStart = start.orElse(resolvedEnd.minus(DEFAULT_WINDOW));
    }
    if (!resolvedStart.isBefore(resolvedEnd)) {
      throw new BadParameter(start.isPresent() ? "start" : "end", "start must be before end");
    }
    if (Duration.between(resolvedStart, resolvedEnd).compareTo(maxWindow) > 0) {
      throw new BadParameter(
          start.isPresent() ? "start" : "end",
          "range longer than this route's maximum of " + describe(maxWindow));
    }
    return new TimeRange(resolvedStart, resolvedEnd);
  }

  /** Page size: {@code defaultLimit} when absent, else an integer in 1..maxLimit. */
  public int limit(int defaultLimit, int maxLimit) {
    Optional<String> value = single("limit");
    if (value.isEmpty()) {
      return defaultLimit;
    }
    String expectation = "expected an integer in 1.." + maxLimit;
    if (!DIGITS.matcher(value.get()).matches()) {
      throw new BadParameter("limit", expectation);
    }
    int limit = Integer.parseInt(value.get());
    if (limit < 1 || limit > maxLimit) {
      throw new BadParameter("limit", expectation);
    }
    return limit;
  }

  /** One of a fixed set of values (exact, case-sensitive), or {@code defaultValue} when absent. */
  public String choice(String name, Set<String> allowed, String defaultValue) {
    return choice(name, allowed).orElse(defaultValue);
  }

  /** One of a fixed set of values (exact, case-sensitive), or empty when absent. */
  public Optional<String> choice(String name, Set<String> allowed) {
    return single(name)
        .map(
            value -> {
              if (!allowed.contains(value)) {
                throw new BadParameter(name, "expected one of " + new TreeSet<>(allowed));
              }
              return value;
            });
  }

  /** An Ethereum address ({@code 0x} and 40 hex digits), lower-cased as the lake stores it. */
  public Optional<String> address(String name) {
    return single(name).map(value -> address(name, value));
  }

  /** Validates an address given elsewhere (a path parameter), lower-cased. */
  public static String address(String name, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new BadParameter(name, "expected an address: 0x followed by 40 hex digits");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * A gateway (ETH address or host): a free filter, lower-cased as silver stores it, so checksum
   * case and lower case find the same gateway.
   */
  public Optional<String> gateway(String name) {
    return filter(name).map(value -> value.toLowerCase(Locale.ROOT));
  }

  /** A free filter (pipeline, model, org, gpu): safe characters only, at most 128 of them. */
  public Optional<String> filter(String name) {
    return single(name)
        .map(
            value -> {
              if (value.length() > MAX_FILTER_LENGTH || !FILTER.matcher(value).matches()) {
                throw new BadParameter(
                    name,
                    "expected at most "
                        + MAX_FILTER_LENGTH
                        + " letters, digits, single spaces and ._:/@+()- characters");
              }
              return value;
            });
  }

  private static Instant parseInstant(String name, String value) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new BadParameter(name, "expected an RFC 3339 time like 2026-01-15T12:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
      throw new BadParameter(name, "expected a time between 2000 and 2200");
    }
    return instant;
  }

  private static String describe(Duration duration) {
    if (duration.toHours() % 24 == 0) {
      return duration.toDays() + "d";
    }
    return duration.toHours() + "h";
  }

  /**
   * A half-open UTC range {@code [start, end)}.
   *
   * @param start inclusive
   * @param end exclusive
   */
  public record TimeRange(Instant start, Instant end) {
    public TimeRange {
      requireNonNull(start, "start is null");
      requireNonNull(end, "end is null");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("start must be before end");
      }
    }
  }
}
