package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One documented request parameter of a route: what {@code /openapi.json} publishes and what the
 * hostile-input tests aim at. The route's handler enforces the same rules through {@code
 * QueryParams}; the catalog builds both from one place.
 *
 * @param name the parameter name
 * @param location {@code query} or {@code path}
 * @param description what it selects, its default and its limits
 * @param required whether a request must give it (path parameters always)
 * @param type {@code string} or {@code integer}
 * @param format {@code date-time}, {@code date} or empty
 * @param enumValues the accepted values of an enumerated parameter, else empty
 * @param minimum the smallest integer accepted, if bounded
 * @param maximum the largest integer accepted, if bounded
 * @param pattern the regular expression a string must match, if any
 * @param example a value that is accepted (used in the docs and by {@code ./naap bench api})
 */
public record ParamDoc(
    String name,
    String location,
    String description,
    boolean required,
    String type,
    Optional<String> format,
    List<String> enumValues,
    Optional<Integer> minimum,
    Optional<Integer> maximum,
    Optional<String> pattern,
    Optional<String> example) {

  public ParamDoc {
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    requireNonNull(description, "description is null");
    requireNonNull(type, "type is null");
    requireNonNull(format, "format is null");
    enumValues = List.copyOf(enumValues);
    requireNonNull(minimum, "minimum is null");
    requireNonNull(maximum, "maximum is null");
    requireNonNull(pattern, "pattern is null");
    requireNonNull(example, "example is null");
    if (!location.equals("query") && !location.equals("path")) {
      throw new IllegalArgumentException("location must be query or path: " + location);
    }
    if (!type.equals("string") && !type.equals("integer")) {
      throw new IllegalArgumentException("type must be string or integer: " + type);
    }
    if (location.equals("path") && !required) {
      throw new IllegalArgumentException("path parameter " + name + " must be required");
    }
  }

  /** An optional free-text query parameter. */
  public static ParamDoc text(String name, String description, String pattern) {
    return new ParamDoc(
        name,
        "query",
        description,
        false,
        "string",
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(pattern),
        Optional.empty());
  }

  /** An optional RFC 3339 instant. */
  public static ParamDoc instant(String name, String description) {
    return new ParamDoc(
        name,
        "query",
        description,
        false,
        "string",
        Optional.of("date-time"),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** An optional ISO date. */
  public static ParamDoc date(String name, String description) {
    return new ParamDoc(
        name,
        "query",
        description,
        false,
        "string",
        Optional.of("date"),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** An optional enumerated parameter. */
  public static ParamDoc choice(String name, String description, List<String> values) {
    return new ParamDoc(
        name,
        "query",
        description,
        false,
        "string",
        Optional.empty(),
        values,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** An optional bounded integer. */
  public static ParamDoc integer(String name, String description, int minimum, int maximum) {
    return new ParamDoc(
        name,
        "query",
        description,
        false,
        "integer",
        Optional.empty(),
        List.of(),
        Optional.of(minimum),
        Optional.of(maximum),
        Optional.empty(),
        Optional.empty());
  }

  /** A path parameter (always required). */
  public static ParamDoc path(String name, String description, String pattern, String example) {
    return new ParamDoc(
        name,
        "path",
        description,
        true,
        "string",
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(pattern),
        Optional.of(example));
  }

  /** The same parameter with an example value. */
  public ParamDoc withExample(String value) {
    return new ParamDoc(
        name,
        location,
        description,
        required,
        type,
        format,
        enumValues,
        minimum,
        maximum,
        pattern,
        Optional.of(value));
  }
}
