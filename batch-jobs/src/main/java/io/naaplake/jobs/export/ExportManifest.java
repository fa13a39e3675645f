package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.errors.LakeErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code manifest.json} of an export: what was exported, from which table versions, and the size
 * and SHA-256 of every data file. Its bytes are deterministic (no wall-clock field, keys in a fixed
 * order, table versions sorted, two-space indent, LF line ends), so the same export always writes
 * the same manifest.
 *
 * @param exportId the directory name ({@link ExportId})
 * @param dataset the dataset, named as its gold table
 * @param table the qualified table read, e.g. {@code gold.streaming_sla_hourly}
 * @param window the window requested and the column it filtered on
 * @param format the data file format
 * @param query the Spark SQL that produced the rows, in file order
 * @param tableVersions the Delta version read of every table, by qualified name (kept sorted)
 * @param rowCount rows exported (the sum over the files)
 * @param files the data files, each with its size, rows and SHA-256
 * @param methodologyVersion the methodology versions of the gold rules ({@link ExportVersions})
 * @param generatorVersion the export format version and the Spark that wrote the files
 */
public record ExportManifest(
    String exportId,
    String dataset,
    String table,
    Window window,
    ExportFormat format,
    String query,
    Map<String, Long> tableVersions,
    long rowCount,
    List<FileEntry> files,
    String methodologyVersion,
    String generatorVersion) {

  /** The file name of the manifest inside an export directory. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The window of an export: rows whose {@code column} lies in {@code [from, to)}. {@code column}
   * is null when the table has no date column: the table was then exported whole, as of its
   * version, and the query has no WHERE clause.
   */
  public record Window(LocalDate from, LocalDate to, String column, boolean endExclusive) {
    public Window {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
    }
  }

  /** One data file of an export. */
  public record FileEntry(String name, long bytes, long rows, String sha256) {
    public FileEntry {
      requireNonNull(name, "name is null");
      requireNonNull(sha256, "sha256 is null");
    }
  }

  public ExportManifest {
    requireNonNull(exportId, "exportId is null");
    requireNonNull(dataset, "dataset is null");
    requireNonNull(table, "table is null");
    requireNonNull(window, "window is null");
    requireNonNull(format, "format is null");
    requireNonNull(query, "query is null");
    requireNonNull(methodologyVersion, "methodologyVersion is null");
    requireNonNull(generatorVersion, "generatorVersion is null");
    tableVersions = Collections.unmodifiableSortedMap(new TreeMap<>(tableVersions));
    files = List.copyOf(files);
  }

  /** The manifest's bytes: UTF-8 JSON, fixed key order, ending in a newline. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.setPrettyPrinter(printer);
      json.writeStartObject();
      json.writeStringField("export_id", exportId);
      json.writeStringField("dataset", dataset);
      json.writeStringField("table", table);
      json.writeObjectFieldStart("window");
      json.writeStringField("from", window.from().toString());
      json.writeStringField("to", window.to().toString());
      json.writeStringField("column", window.column());
      json.writeBooleanField("end_exclusive", window.endExclusive());
      json.writeEndObject();
      json.writeStringField("format", format.id());
      json.writeStringField("query", query);
      json.writeObjectFieldStart("table_versions");
      for (Map.Entry<String, Long> version : tableVersions.entrySet()) {
        json.writeNumberField(version.getKey(), version.getValue());
      }
      json.writeEndObject();
      json.writeNumberField("row_count", rowCount);
      json.writeArrayFieldStart("files");
      for (FileEntry file : files) {
        json.writeStartObject();
        json.writeStringField("name", file.name());
        json.writeNumberField("bytes", file.bytes());
        json.writeNumberField("rows", file.rows());
        json.writeStringField("sha256", file.sha256());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("methodology_version", methodologyVersion);
      json.writeStringField("generator_version", generatorVersion);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a manifest to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads a manifest.
   *
   * @throws io.naaplake.errors.NaapException BAD_DATA naming the field that is missing or wrong
   */
  public static ExportManifest parse(byte[] bytes, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw LakeErrors.badInput(source, "not JSON: " + e.getMessage());
    }
    try {
      JsonNode window = required(root, "window");
      SortedMap<String, Long> versions = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : required(root, "table_versions").properties()) {
        versions.put(field.getKey(), number(field.getValue(), "table_versions." + field.getKey()));
      }
      List<FileEntry> files = new ArrayList<>();
      for (JsonNode file : required(root, "files")) {
        files.add(
            new FileEntry(
                text(file, "name"),
                number(required(file, "bytes"), "bytes"),
                number(required(file, "rows"), "rows"),
                text(file, "sha256")));
      }
      JsonNode column = required(window, "column");
      return new ExportManifest(
          text(root, "export_id"),
          text(root, "dataset"),
          text(root, "table"),
          new Window(
              LocalDate.parse(text(window, "from")),
              LocalDate.parse(text(window, "to")),
              column.isNull() ? null : column.asText(),
              required(window, "end_exclusive").asBoolean()),
          ExportFormat.parse(text(root, "format")),
          text(root, "query"),
          versions,
          number(required(root, "row_count"), "row_count"),
          files,
          text(root, "methodology_version"),
          text(root, "generator_version"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw LakeErrors.badInput(source, e.getMessage());
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field " + field + " is not a string");
    }
    return value.asText();
  }

  private static long number(JsonNode value, String field) {
    if (!value.isIntegralNumber()) {
      throw new IllegalArgumentException("field " + field + " is not an integer");
    }
    return value.asLong();
  }
}
