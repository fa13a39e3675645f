package io.naaplake.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.report.render.CsvRenderer;
import io.naaplake.jobs.report.render.HtmlRenderer;
import io.naaplake.jobs.report.render.MarkdownRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a report to {@code <reports-dir>/<report-id>/}: report.html, report.md, one CSV per table,
 * then report.json (its presence means the report is complete) through a temporary file and an
 * atomic rename. Regenerating a report first removes its report.json, so a reader never sees a
 * complete marker over half-written files, then replaces every file.
 */
public final class ReportFiles {
  public static final String MANIFEST = "report.json";

  /** One file of a report, as report.json lists it. */
  public record ReportFile(String name, long bytes, String sha256, String mediaType) {}

  private ReportFiles() {}

  /** Renders and writes the report; returns its directory. */
  public static Path write(Report report, Path reportsDir) {
    Path dir = reportsDir.resolve(report.id());
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(MANIFEST));
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      List<ReportFile> files = new ArrayList<>();
      files.add(file(dir, "report.html", HtmlRenderer.render(report), "text/html"));
      files.add(file(dir, "report.md", MarkdownRenderer.render(report), "text/markdown"));
      for (ReportTable table : report.tables()) {
        files.add(file(dir, table.name() + ".csv", CsvRenderer.render(table), "text/csv"));
      }
      Path temporary = dir.resolve("." + MANIFEST + ".tmp");
      Files.write(temporary, manifest(report, files));
      Files.move(
          temporary,
          dir.resolve(MANIFEST),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing report " + report.id() + " to " + dir, e);
    }
  }

  private static ReportFile file(Path dir, String name, String text, String mediaType)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(name), bytes);
    return new ReportFile(name, bytes.length, sha256(bytes), mediaType);
  }

  /** report.json: the fields of the shared contract, in its order, pretty-printed. */
  static byte[] manifest(Report report, List<ReportFile> files) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", report.id());
    json.put("kind", report.window().kind().label());
    json.put("window_start", report.window().start().toString());
    json.put("window_end", report.window().end().toString());
    json.put("run_time", report.runTime().toString());
    json.put("methodology_version", report.methodology().methodologyVersion());
    json.put("generator_version", report.methodology().generatorVersion());
    json.put("table_versions", report.methodology().tableVersions());
    List<Map<String, Object>> listed = new ArrayList<>();
    for (ReportFile file : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", file.name());
      entry.put("bytes", file.bytes());
      entry.put("sha256", file.sha256());
      entry.put("media_type", file.mediaType());
      listed.add(entry);
    }
    json.put("files", listed);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    return (mapper.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
