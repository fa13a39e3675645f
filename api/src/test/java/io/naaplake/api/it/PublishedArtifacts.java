package io.naaplake.api.it;

import io.naaplake.api.artifacts.ArtifactFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report and export directories the shared API server serves, laid out as the batch jobs
 * publish them. Written once, before the server starts, so every test class sees the same artifacts
 * whatever order failsafe runs them in.
 */
final class PublishedArtifacts {
  static final String DAILY = "daily-2026-01-08";
  static final String HOURLY = "hourly-2026-01-08T21";
  static final String EXPORT = "streaming_sla_hourly_2026-01-08_2026-01-09_csv_0123456789ab";
  static final String EXPORT_FILE = "streaming_sla_hourly.csv";
  static final String REPORT_FILE = "report.html";
  static final String CSV = "hour,orchestrator_address,sla_score\n2026-01-08T21:00:00Z,0xd0,85.0\n";
  static final String HTML = "<!doctype html><svg></svg><p>85.0</p>";

  private PublishedArtifacts() {}

  /** Clears both directories and publishes two reports, one unfinished report and one export. */
  static void publish(Path reports, Path exports) {
    try {
      clear(reports);
      clear(exports);
      Map<String, String> files = new LinkedHashMap<>();
      files.put(REPORT_FILE, HTML);
      files.put("report.md", "# Daily report\n");
      files.put("sla_league.csv", CSV);
      ArtifactFixtures.report(
          reports, DAILY, "2026-01-08T00:00:00Z", "2026-01-09T00:00:00Z", files, true);
      ArtifactFixtures.report(
          reports, HOURLY, "2026-01-08T21:00:00Z", "2026-01-08T22:00:00Z", files, true);
      // Being written: listed nowhere, 404 by id.
      ArtifactFixtures.report(
          reports,
          "daily-2026-01-09",
          "2026-01-09T00:00:00Z",
          "2026-01-10T00:00:00Z",
          files,
          false);
      ArtifactFixtures.export(
          exports, EXPORT, "streaming_sla_hourly", "2026-01-08", "2026-01-09", CSV);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the test artifacts", e);
    }
  }

  /**
   * A documented path with its parameters filled by things that exist: the sample's orchestrator,
   * the published daily report or export, and one of its files.
   */
  static String existingPath(String documentedPath, String orchestrator) {
    String id = documentedPath.startsWith("/v1/exports/") ? EXPORT : DAILY;
    String file = documentedPath.startsWith("/v1/exports/") ? EXPORT_FILE : REPORT_FILE;
    return documentedPath
        .replace("{address}", orchestrator)
        .replace("{id}", id)
        .replace("{name}", file);
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
