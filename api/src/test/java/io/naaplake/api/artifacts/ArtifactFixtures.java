package io.naaplake.api.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes report and export directories the way the batch jobs publish them (data files, then the
 * metadata file listing their sizes and SHA-256), so the API's tests serve realistic artifacts
 * without running the jobs.
 */
public final class ArtifactFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArtifactFixtures() {}

  /** A complete daily or hourly report; {@code files} maps file names to their text. */
  public static ObjectNode report(
      Path reportsDir,
      String id,
      String windowStart,
      String windowEnd,
      Map<String, String> files,
      boolean complete)
      throws IOException {
    Path dir = Files.createDirectories(reportsDir.resolve(id));
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("id", id);
    metadata.put("kind", id.startsWith("daily") ? "daily" : "hourly");
    metadata.put("window_start", windowStart);
    metadata.put("window_end", windowEnd);
    metadata.put("run_time", windowEnd);
    metadata.put("methodology_version", "quality-benchmark-v1");
    metadata.put("generator_version", "test");
    metadata.putObject("table_versions").put("gold.streaming_sla_hourly", 12L);
    ArrayNode listed = metadata.putArray("files");
    for (Map.Entry<String, String> file : files.entrySet()) {
      ObjectNode entry =
          write(dir, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
      entry.put("media_type", file.getKey().endsWith(".html") ? "text/html" : "text/plain");
      listed.add(entry);
    }
    metadata.put("undeclared_field", "never served");
    if (complete) {
      JSON.writeValue(dir.resolve("report.json").toFile(), metadata);
    }
    return metadata;
  }

  /** A complete export of one CSV file covering [from, to). */
  public static ObjectNode export(
      Path exportsDir, String id, String dataset, String from, String to, String csv)
      throws IOException {
    Path dir = Files.createDirectories(exportsDir.resolve(id));
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("export_id", id);
    manifest.put("dataset", dataset);
    manifest.put("table", "gold." + dataset);
    ObjectNode window = manifest.putObject("window");
    window.put("from", from);
    window.put("to", to);
    window.put("column", "hour");
    window.put("end_exclusive", true);
    manifest.put("format", "csv");
    manifest.put("query", "SELECT * FROM gold." + dataset + " WHERE hour >= ? AND hour < ?");
    manifest.putObject("table_versions").put("gold." + dataset, 7L);
    long rows = csv.lines().count() - 1;
    manifest.put("row_count", rows);
    ObjectNode file = write(dir, dataset + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    file.put("rows", rows);
    manifest.putArray("files").add(file);
    manifest.put("methodology_version", "quality-benchmark-v1");
    manifest.put("generator_version", "test");
    JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    return manifest;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode write(Path dir, String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("bytes", (long) bytes.length);
    entry.put("sha256", sha256(bytes));
    return JSON.valueToTree(entry);
  }
}
