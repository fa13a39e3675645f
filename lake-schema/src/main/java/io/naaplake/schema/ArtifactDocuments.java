package io.naaplake.schema;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.struct;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * The metadata files of the pipeline's published artifacts — network reports ({@code report.json})
 * and governance exports ({@code manifest.json}) — declared once: the batch jobs write these
 * fields, the API serves them and documents them from these declarations.
 *
 * <p>Both are directories named by the artifact's id holding data files and one metadata file,
 * written last (temp file, then atomic rename): a directory without it is incomplete and never
 * listed.
 */
public final class ArtifactDocuments {

  /** The metadata file of a report directory. */
  public static final String REPORT_METADATA_FILE = "report.json";

  /** The metadata file of an export directory. */
  public static final String EXPORT_METADATA_FILE = "manifest.json";

  /** {@code daily-YYYY-MM-DD} (the UTC day covered) or {@code hourly-YYYY-MM-DDTHH}. */
  public static final String REPORT_ID_PATTERN =
      "^(daily-\\d{4}-\\d{2}-\\d{2}|hourly-\\d{4}-\\d{2}-\\d{2}T\\d{2})$";

  /** {@code <dataset>_<from>_<to>_<format>_<12 hex of the versions' hash>}. */
  public static final String EXPORT_ID_PATTERN = "^[a-z0-9][a-z0-9_-]{0,199}$";

  /** A data file's name inside an artifact directory (no path separators, no dot files). */
  public static final String FILE_NAME_PATTERN = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$";

  private static final Column TABLE_VERSIONS =
      Column.required(
          "table_versions",
          mapOf(string(), bigint()),
          "Delta version of every table read, by qualified table name (gold.streaming_sla_hourly):"
              + " reading the tables at these versions reproduces the artifact.");

  private static final Column METHODOLOGY_VERSION =
      Column.required(
          "methodology_version",
          string(),
          "SLA semantics version of the numbers (gold.streaming_sla_hourly.sla_semantics_version).");

  private static final Column GENERATOR_VERSION =
      Column.required("generator_version", string(), "Version of the program that wrote it.");

  private static Column files(String comment, Column... extra) {
    List<Column> fields =
        new java.util.ArrayList<>(
            List.of(
                Column.required("name", string(), "File name inside the artifact's directory."),
                Column.measure("bytes", bigint(), "File size in bytes."),
                Column.required(
                    "sha256", string(), "SHA-256 of the file's bytes, lower-case hex.")));
    fields.addAll(List.of(extra));
    return Column.required("files", arrayOf(struct(fields.toArray(Column[]::new))), comment);
  }

  /** The fields of {@code report.json}, in the order they are written. */
  public static final List<Column> REPORT =
      List.of(
          Column.required("id", string(), "Report id, also its directory name: daily-2026-01-08."),
          Column.required("kind", string(), "daily or hourly."),
          Column.required("window_start", timestamp(), "Start of the UTC window covered."),
          Column.required("window_end", timestamp(), "End of the window (exclusive)."),
          Column.required("run_time", timestamp(), "Run time the report was generated for."),
          METHODOLOGY_VERSION,
          GENERATOR_VERSION,
          TABLE_VERSIONS,
          files(
              "Every file of the report except report.json itself.",
              Column.required(
                  "media_type", string(), "Content type: text/html, text/markdown or text/csv.")));

  /** The fields of {@code manifest.json}, in the order they are written. */
  public static final List<Column> EXPORT_MANIFEST =
      List.of(
          Column.required("export_id", string(), "Export id, also its directory name."),
          Column.required("dataset", string(), "Dataset name: the gold table's name."),
          Column.required("table", string(), "Qualified table read: gold.<dataset>."),
          Column.required(
              "window",
              struct(
                  Column.required("from", string(), "First UTC date of the window (YYYY-MM-DD)."),
                  Column.required("to", string(), "UTC date the window ends before."),
                  Column.optional(
                      "column", string(), "Time column filtered; null when exported whole."),
                  Column.required(
                      "end_exclusive", LakeType.bool(), "Always true: rows before `to`.")),
              "The window exported."),
          Column.required("format", string(), "csv or parquet."),
          Column.required("query", string(), "The exact query text the export ran."),
          TABLE_VERSIONS,
          Column.measure("row_count", bigint(), "Rows exported."),
          files("The data files.", Column.measure("rows", bigint(), "Rows in the file.")),
          METHODOLOGY_VERSION,
          GENERATOR_VERSION);

  private ArtifactDocuments() {}
}
