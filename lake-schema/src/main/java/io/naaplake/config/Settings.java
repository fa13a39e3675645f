package io.naaplake.config;

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
 * reads the environment. Keys under a pass-through prefix (e.g. {@code naap.kafka.client.}) are
 * read from system properties and the file only: see {@link #withPrefix}.
 */
public final class Settings {
  private final Map<String, String> explicit;
  private final Map<String, String> environment;
  private final Map<String, String> file;

  private Settings(
      Map<String, String> explicit, Map<String, String> environment, Map<String, String> file) {
    this.explicit = Map.copyOf(explicit);
    this.environment = Map.copyOf(environment);
    this.file = Map.copyOf(file);
  }

  /** Settings from system properties, environment and the optional file. */
  public static Settings fromEnvironment() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties()
        .forEach((name, value) -> properties.put(name.toString(), value.toString()));
    return from(properties, System.getenv());
  }

  /**
   * Settings from the given system properties and environment (testable form of {@link
   * #fromEnvironment}). Only {@code naap.*} properties and {@code NAAP_*} variables are read.
   */
  public static Settings from(Map<String, String> systemProperties, Map<String, String> env) {
    Map<String, String> explicit = new HashMap<>();
    systemProperties.forEach(
        (name, value) -> {
          if (name.startsWith("naap.")) {
            explicit.put(name, value);
          }
        });
    Map<String, String> environment = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("NAAP_")) {
            environment.put(name, value);
          }
        });
    String configFile = explicit.getOrDefault("naap.config", environment.get("NAAP_CONFIG"));
    Map<String, String> file =
        configFile == null || configFile.isBlank() ? Map.of() : readFile(Path.of(configFile));
    return new Settings(explicit, environment, file);
  }

  /** Settings from an explicit map (tests, embedded use); highest precedence. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values, Map.of(), Map.of());
  }

  /** A copy with some keys replaced (at the highest precedence). */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(explicit);
    merged.putAll(overrides);
    return new Settings(merged, environment, file);
  }

  private static Map<String, String> readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException e) {
      throw LakeErrors.badConfiguration("naap.config", path.toString(), "file must be readable");
    }
    Map<String, String> result = new HashMap<>();
    properties.forEach((k, v) -> result.put(k.toString(), v.toString()));
    return result;
  }

  /**
   * The environment variable a key is read from: upper case, dots and dashes as underscores ({@code
   * naap.kafka.bootstrap-servers} is {@code NAAP_KAFKA_BOOTSTRAP_SERVERS}).
   */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private Optional<String> lookup(String key) {
    String value = explicit.get(key);
    if (value == null) {
      value = environment.get(environmentName(key));
    }
    if (value == null) {
      value = file.get(key);
    }
    return Optional.ofNullable(value);
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

  /** Explicit (highest-precedence) values; kept until the tools read pass-through keys. */
  public Map<String, String> explicitValues() {
    return explicit;
  }

  /**
   * Keys under a prefix from the properties file and explicit settings, with the prefix removed
   * (environment variables cannot carry the dotted names pass-through keys need).
   */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> result = new LinkedHashMap<>();
    file.forEach((key, value) -> putStripped(result, prefix, key, value));
    explicit.forEach((key, value) -> putStripped(result, prefix, key, value));
    return result;
  }

  private static void putStripped(
      Map<String, String> result, String prefix, String key, String value) {
    if (key.startsWith(prefix) && key.length() > prefix.length()) {
      result.put(key.substring(prefix.length()), value);
    }
  }
}
