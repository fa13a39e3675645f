package io.naaplake.config;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw key/value settings with a fixed precedence, highest first:
 *
 * <ol>
 *   <li>JVM system properties ({@code -Dnaap.kafka.bootstrap-servers=...});
 *   <li>environment variables, the key upper-cased with dots and dashes as underscores ({@code
 *       NAAP_KAFKA_BOOTSTRAP_SERVERS});
 *   <li>the properties file named by {@code NAAP_CONFIG} (or {@code -Dnaap.config});
 *   <li>the default each typed configuration object declares.
 * </ol>
 *
 * Typed configuration objects (one per module) read from here once and validate; no other class
 * reads the environment.
 */
public final class Settings {
  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Settings from system properties, environment and the optional file. */
  public static Settings fromEnvironment() {
    Map<String, String> merged = new HashMap<>();
    String file = System.getProperty("naap.config", System.getenv("NAAP_CONFIG"));
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(Path.of(file)));
    }
    System.getenv()
        .forEach(
            (name, value) -> {
              if (name.startsWith("NAAP_") && !name.equals("NAAP_CONFIG")) {
                merged.put(envToKey(name), value);
              }
            });
    System.getProperties()
        .forEach(
            (name, value) -> {
              if (name.toString().startsWith("naap.")) {
                merged.put(name.toString(), value.toString());
              }
            });
    return new Settings(merged);
  }

  /** Settings from an explicit map (tests, embedded use). */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** A copy with some keys replaced. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged);
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw LakeErrors.badConfiguration("naap.config", file.toString(), "file must be readable");
    }
    Map<String, String> result = new HashMap<>();
    properties.forEach((k, v) -> result.put(k.toString(), v.toString()));
    return result;
  }

  /**
   * {@code NAAP_KAFKA_BOOTSTRAP_SERVERS} to {@code naap.kafka.bootstrap-servers} is ambiguous (dot
   * or dash?), so environment names are matched against keys by normalising both sides: see {@link
   * #normalise}.
   */
  static String envToKey(String environmentName) {
    return "env:" + environmentName;
  }

  private static String normalise(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private Optional<String> lookup(String key) {
    String direct = values.get(key);
    if (direct != null) {
      return Optional.of(direct);
    }
    return Optional.ofNullable(values.get("env:" + normalise(key)));
  }

  public String string(String key, String defaultValue) {
    return lookup(key).map(String::trim).orElse(defaultValue);
  }

  public Optional<String> optionalString(String key) {
    return lookup(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  public int integer(String key, int defaultValue) {
    String value = string(key, Integer.toString(defaultValue));
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw LakeErrors.badConfiguration(key, value, "expected an integer");
    }
  }

  public long longValue(String key, long defaultValue) {
    String value = string(key, Long.toString(defaultValue));
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw LakeErrors.badConfiguration(key, value, "expected an integer");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    String value = string(key, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw LakeErrors.badConfiguration(key, value, "expected true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 7d}. */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> value = optionalString(key);
    return value.isEmpty() ? defaultValue : Units.parseDuration(key, value.get());
  }

  /** Sizes as {@code 512B}, {@code 64kB}, {@code 1MB}, {@code 2GB} (binary multiples). */
  public DataSize dataSize(String key, DataSize defaultValue) {
    Optional<String> value = optionalString(key);
    return value.isEmpty() ? defaultValue : Units.parseDataSize(key, value.get());
  }

  /** Comma-separated list; blanks removed. */
  public List<String> list(String key, List<String> defaultValue) {
    Optional<String> value = optionalString(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return Arrays.stream(value.get().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Comma-separated {@code name:value} pairs, in order. */
  public Map<String, String> pairs(String key, Map<String, String> defaultValue) {
    Optional<String> value = optionalString(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : value.get().split(",")) {
      String[] parts = pair.trim().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw LakeErrors.badConfiguration(key, value.get(), "expected name:value[,name:value...]");
      }
      result.put(parts[0].trim(), parts[1].trim());
    }
    return result;
  }

  /** A value that must be positive. */
  public static long requirePositive(String key, long value) {
    if (value <= 0) {
      throw LakeErrors.badConfiguration(key, Long.toString(value), "must be positive");
    }
    return value;
  }

  /** The keys set explicitly (for diagnostics). */
  public Map<String, String> explicitValues() {
    return values;
  }

  static String requireKey(String key) {
    return requireNonNull(key, "key is null");
  }
}
