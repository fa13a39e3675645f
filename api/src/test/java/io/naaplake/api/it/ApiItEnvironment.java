package io.naaplake.api.it;

import io.naaplake.api.ApiConfig;
import io.naaplake.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the API's integration tests find the lake: the Trino server {@code ./naap test} started,
 * over the fixture lake the batch-jobs integration tests built earlier in the same run (the reactor
 * builds batch-jobs before api). The API is served as of the fixture's second pipeline run, so "the
 * last 24 hours" means the same rows on every run.
 */
final class ApiItEnvironment {
  /** The fixture's late (second) pipeline run: FixtureLake.LATE_RUN_TIME in batch-jobs. */
  static final Instant AS_OF = Instant.parse("2026-01-09T01:00:00Z");

  static final String TRINO = "naap.trino.url";

  /** The shared server's artifact directories; ArtifactRoutesIT writes what they hold. */
  static final Path REPORTS_DIR = Path.of("target/it-artifacts/reports").toAbsolutePath();

  static final Path EXPORTS_DIR = Path.of("target/it-artifacts/exports").toAbsolutePath();

  private ApiItEnvironment() {}

  static String trinoUrl() {
    String value = System.getProperty(TRINO);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + TRINO
              + " is not set: the API integration tests need the real Trino and the fixture lake;"
              + " run them with ./naap test");
    }
    return value;
  }

  /** API configuration against the test Trino; rate limits high unless a test sets its own. */
  static ApiConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("naap.api.trino-url", trinoUrl());
    values.put("naap.api.port", "0");
    values.put("naap.api.as-of", AS_OF.toString());
    values.put("naap.api.rate-limit.rps", "1000000");
    values.put("naap.api.rate-limit.burst", "1000000");
    values.put("naap.api.refresh-interval", "1s");
    values.putAll(overrides);
    return ApiConfig.from(Settings.of(values));
  }

  /** The repository's infra directory (the tests run in the api module's directory). */
  static Path infra() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/trino.sh"))) {
        return dir.resolve("infra");
      }
    }
    throw new IllegalStateException("infra/trino.sh not found above " + here);
  }
}
