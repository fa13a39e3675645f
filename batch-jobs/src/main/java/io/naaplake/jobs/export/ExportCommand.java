package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import io.naaplake.schema.Layer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line of {@code ./naap export}: either an export or a verification.
 *
 * @param request the export to make; null for a verification
 * @param out the {@code --out} directory replacing {@code naap.exports.dir}
 * @param verify the manifest to verify; null for an export
 */
record ExportCommand(DatasetExporter.Request request, Optional<Path> out, Path verify) {

  static final String USAGE =
      "usage: ./naap export --dataset NAME --from YYYY-MM-DD --to YYYY-MM-DD --format csv|parquet"
          + " [--out DIR] [--version-of TABLE=VERSION]\n"
          + "       ./naap export verify MANIFEST";

  boolean isVerify() {
    return verify != null;
  }

  /**
   * Parses the arguments after {@code export}.
   *
   * @throws io.naaplake.errors.NaapException BAD_DATA naming the bad argument (and the valid
   *     datasets or formats where it is one of those)
   */
  static ExportCommand parse(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      if (args.length != 2) {
        throw LakeErrors.badInput("export verify", "expects exactly one MANIFEST path");
      }
      return new ExportCommand(null, Optional.empty(), Path.of(args[1]));
    }
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw LakeErrors.badInput(name, "needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--dataset", "--from", "--to", "--format", "--out" -> {
          if (options.put(name, value) != null) {
            throw LakeErrors.badInput(name, "given twice");
          }
        }
        case "--version-of" -> putVersion(versions, value);
        default -> throw LakeErrors.badInput(name, "unknown option");
      }
    }
    String dataset = ExportDatasets.find(required(options, "--dataset")).name();
    return new ExportCommand(
        new DatasetExporter.Request(
            dataset,
            date(options, "--from"),
            date(options, "--to"),
            ExportFormat.parse(required(options, "--format")),
            versions),
        Optional.ofNullable(options.get("--out")).map(Path::of),
        null);
  }

  /** {@code TABLE=VERSION}; a bare table name means the gold table. */
  private static void putVersion(Map<String, Long> versions, String value) {
    String[] parts = value.split("=", -1);
    if (parts.length != 2 || parts[0].isBlank()) {
      throw LakeErrors.badInput("--version-of " + value, "expected TABLE=VERSION");
    }
    String table =
        parts[0].contains(".") ? parts[0] : Layer.GOLD.schemaName() + "." + parts[0].trim();
    try {
      versions.put(table, Long.parseLong(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw LakeErrors.badInput("--version-of " + value, "the version must be an integer");
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw LakeErrors.badInput(name, "is required");
    }
    return value;
  }

  private static LocalDate date(Map<String, String> options, String name) {
    String value = required(options, name);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw LakeErrors.badInput(name + " '" + value + "'", "expected a UTC date like 2026-01-08");
    }
  }
}
