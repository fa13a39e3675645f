package io.naaplake.jobs.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The id of an export, also its directory name: {@code <dataset>_<from>_<to>_<format>_<versions
 * hash>}, e.g. {@code streaming_sla_hourly_2026-01-08_2026-01-09_csv_3f2a9c0d1b7e}. The versions
 * hash is the first 12 hex digits of the SHA-256 of the table versions as compact JSON with sorted
 * keys ({@code {"gold.streaming_sla_hourly":12}}, UTF-8), so the same window over the same table
 * versions has the same id, and a re-export after the table changed gets a new one.
 */
public final class ExportId {

  /** What every export id matches (the API relies on it to refuse path tricks). */
  public static final Pattern PATTERN = Pattern.compile("^[a-z0-9_-]+$");

  private static final int HASH_CHARS = 12;

  public static String of(
      String dataset,
      LocalDate from,
      LocalDate to,
      ExportFormat format,
      Map<String, Long> tableVersions) {
    String id =
        dataset
            + "_"
            + from
            + "_"
            + to
            + "_"
            + format.id()
            + "_"
            + Checksums.sha256Hex(versionsJson(tableVersions).getBytes(StandardCharsets.UTF_8))
                .substring(0, HASH_CHARS);
    if (!PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException("export id " + id + " does not match " + PATTERN);
    }
    return id;
  }

  /** Table versions as compact JSON with keys in sorted order: the text the id hashes. */
  static String versionsJson(Map<String, Long> tableVersions) {
    SortedMap<String, Long> sorted = new TreeMap<>(tableVersions);
    StringBuilder json = new StringBuilder("{");
    sorted.forEach(
        (table, version) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(JsonText.quote(table)).append(':').append(version);
        });
    return json.append('}').toString();
  }

  private ExportId() {}
}
