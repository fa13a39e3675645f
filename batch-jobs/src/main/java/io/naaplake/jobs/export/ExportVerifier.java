package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.NaapException;
import io.naaplake.schema.TableDeclaration;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks an export against its manifest, then against the lake: every data file's size and SHA-256,
 * the export id against the fields it is derived from, and a recomputation of the dataset at the
 * recorded Delta versions (time travel) into a scratch directory, whose files must have the
 * recorded checksums. Each problem found is named, with the file it concerns.
 */
public final class ExportVerifier {
  private final DatasetExporter exporter;

  public ExportVerifier(DatasetExporter exporter) {
    this.exporter = requireNonNull(exporter, "exporter is null");
  }

  /**
   * The outcome of a verification.
   *
   * @param problems what is wrong, one sentence each; empty when the export verified
   * @param elapsed wall time the verification took
   */
  public record Report(Path manifest, List<String> problems, Duration elapsed) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }
  }

  public Report verify(Path manifestFile) {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    try {
      ExportManifest manifest =
          ExportManifest.parse(Files.readAllBytes(manifestFile), manifestFile.toString());
      Path dir = manifestFile.toAbsolutePath().getParent();
      problems.addAll(checkId(dir, manifest));
      problems.addAll(checkFiles(dir, manifest));
      problems.addAll(recompute(manifest));
    } catch (IOException e) {
      problems.add("cannot read " + manifestFile + ": " + e.getMessage());
    } catch (NaapException e) {
      problems.add(e.getMessage());
    }
    return new Report(manifestFile, problems, Duration.ofNanos(System.nanoTime() - started));
  }

  private static List<String> checkId(Path dir, ExportManifest manifest) {
    List<String> problems = new ArrayList<>();
    String expected =
        ExportId.of(
            manifest.dataset(),
            manifest.window().from(),
            manifest.window().to(),
            manifest.format(),
            manifest.tableVersions());
    if (!expected.equals(manifest.exportId())) {
      problems.add(
          "manifest.json: export_id "
              + manifest.exportId()
              + " does not match its dataset, window, format and table_versions, which give "
              + expected);
    }
    if (!dir.getFileName().toString().equals(manifest.exportId())) {
      problems.add(
          "the export directory is named "
              + dir.getFileName()
              + " but manifest.json says export_id "
              + manifest.exportId());
    }
    return problems;
  }

  /** Every listed file present with its size and SHA-256, and no unlisted file beside them. */
  static List<String> checkFiles(Path dir, ExportManifest manifest) {
    List<String> problems = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (ExportManifest.FileEntry entry : manifest.files()) {
      listed.add(entry.name());
      Path file = dir.resolve(entry.name()).normalize();
      if (!file.getParent().equals(dir.normalize()) || !Files.isRegularFile(file)) {
        problems.add(entry.name() + ": listed in manifest.json but missing from " + dir);
        continue;
      }
      long bytes;
      try {
        bytes = Files.size(file);
      } catch (IOException e) {
        problems.add(entry.name() + ": cannot be read (" + e.getMessage() + ")");
        continue;
      }
      if (bytes != entry.bytes()) {
        problems.add(entry.name() + ": " + bytes + " bytes, manifest.json says " + entry.bytes());
      }
      String sha256 = Checksums.sha256Hex(file);
      if (!sha256.equals(entry.sha256())) {
        problems.add(
            entry.name() + ": SHA-256 " + sha256 + ", manifest.json says " + entry.sha256());
      }
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.equals(ExportManifest.FILE_NAME) && !listed.contains(name)) {
          problems.add(name + ": in the export directory but not listed in manifest.json");
        }
      }
    } catch (IOException e) {
      problems.add("cannot list " + dir + ": " + e.getMessage());
    }
    return problems;
  }

  private List<String> recompute(ExportManifest recorded) throws IOException {
    TableDeclaration table = ExportDatasets.find(recorded.dataset());
    Long version = recorded.tableVersions().get(table.qualifiedName());
    if (version == null || recorded.tableVersions().size() != 1) {
      return List.of(
          "manifest.json: table_versions "
              + recorded.tableVersions()
              + " should name exactly the version of "
              + table.qualifiedName()
              + ", the table the dataset reads");
    }
    exporter.version(table, Map.of(table.qualifiedName(), version));
    Path scratch = Files.createTempDirectory("naap-export-verify-");
    try {
      ExportManifest recomputed =
          exporter.compute(
              table,
              recorded.window().from(),
              recorded.window().to(),
              recorded.format(),
              version,
              scratch);
      return differences(recorded, recomputed).stream()
          .map(
              difference ->
                  "recomputed at "
                      + table.qualifiedName()
                      + " version "
                      + version
                      + ", "
                      + difference)
          .toList();
    } finally {
      ExportFiles.deleteTree(scratch);
    }
  }

  /** How two manifests differ, one entry per differing field or file; empty when equal. */
  static List<String> differences(ExportManifest recorded, ExportManifest now) {
    List<String> differences = new ArrayList<>();
    compare(differences, "export_id", recorded, now, ExportManifest::exportId);
    compare(differences, "table", recorded, now, ExportManifest::table);
    compare(differences, "window", recorded, now, ExportManifest::window);
    compare(differences, "query", recorded, now, ExportManifest::query);
    compare(differences, "row_count", recorded, now, ExportManifest::rowCount);
    compare(differences, "methodology_version", recorded, now, ExportManifest::methodologyVersion);
    compare(differences, "generator_version", recorded, now, ExportManifest::generatorVersion);
    for (ExportManifest.FileEntry file : recorded.files()) {
      ExportManifest.FileEntry fresh =
          now.files().stream().filter(f -> f.name().equals(file.name())).findFirst().orElse(null);
      if (fresh == null) {
        differences.add(file.name() + " is not produced any more");
      } else if (!fresh.equals(file)) {
        differences.add(
            file.name()
                + " differs: SHA-256 "
                + fresh.sha256()
                + " ("
                + fresh.bytes()
                + " bytes, "
                + fresh.rows()
                + " rows), manifest.json says "
                + file.sha256()
                + " ("
                + file.bytes()
                + " bytes, "
                + file.rows()
                + " rows)");
      }
    }
    return differences;
  }

  private static void compare(
      List<String> differences,
      String field,
      ExportManifest recorded,
      ExportManifest now,
      Function<ExportManifest, Object> value) {
    if (!Objects.equals(value.apply(recorded), value.apply(now))) {
      differences.add(
          field + " is " + value.apply(now) + ", manifest.json says " + value.apply(recorded));
    }
  }
}
