package io.naaplake.jobs.it;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Endpoints of the real services the integration tests run against. {@code ./naap test} starts a
 * Kafka broker and a Trino server and passes their addresses as system properties; without them the
 * tests fail with an instruction rather than a connection error.
 */
public final class ItEnvironment {
  public static final String KAFKA = "naap.kafka.bootstrap-servers";
  public static final String TRINO = "naap.trino.url";
  public static final String LAKE = "naap.lake.root";
  public static final String RUN_DIR = "naap.test.run-dir";
  public static final String SAMPLES = "naap.test.samples-dir";

  public static String require(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + key
              + " is not set: integration tests need real Kafka and Trino; run them with ./naap test");
    }
    return value;
  }

  public static String kafka() {
    return require(KAFKA);
  }

  public static String trinoUrl() {
    return require(TRINO);
  }

  public static Path runDir() {
    return Path.of(require(RUN_DIR));
  }

  public static Path samples() {
    Path dir = Path.of(require(SAMPLES));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("samples directory " + dir + " missing (../shared/samples)");
    }
    return dir;
  }

  /** Job configuration for the fixture lake, with overrides. */
  public static JobsConfig jobsConfig(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put(KAFKA, kafka());
    values.put(TRINO, trinoUrl());
    values.put(LAKE, require(LAKE));
    values.put("naap.spark.master", "local[2]");
    values.putAll(overrides);
    return JobsConfig.from(Settings.of(values));
  }

  /** Job configuration for a private lake under the run directory (ingest-mechanics tests). */
  public static JobsConfig privateLake(String name, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(overrides);
    values.put(LAKE, runDir().resolve("private-lakes").resolve(name).toString());
    values.put("naap.trino.register", "false");
    return jobsConfig(values);
  }

  private ItEnvironment() {}
}
