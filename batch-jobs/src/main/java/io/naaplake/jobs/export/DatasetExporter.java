package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.schema.TableDeclaration;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Exports one gold dataset for a window of UTC days into {@code <exports-dir>/<export-id>/}: one
 * data file and {@code manifest.json}.
 *
 * <p>The table is read at one pinned Delta version (its latest, resolved once when the export
 * starts, unless the caller pins another), so the export is a function of (dataset, window, format,
 * table version): run twice, it writes byte-identical files under the same id. The export is
 * assembled in a staging directory ({@code <exports-dir>/.staging/}, invisible to the API, whose
 * ids never start with a dot), the manifest written last through a temporary file and an atomic
 * rename, and the whole directory then moved into place atomically: an export directory is either
 * complete or absent. Re-running an export whose directory exists checks the new result against it
 * and leaves it untouched; a difference is an error.
 *
 * <p>Exporting only reads the lake (Delta time travel), so it needs no writer lease and runs beside
 * the pipeline.
 */
public final class DatasetExporter {
  private static final String STAGING = ".staging";

  private final SparkSession spark;
  private final JobsConfig jobs;
  private final ExportConfig config;
  private final Consumer<String> progress;

  /**
   * @param spark a session of the lake's Spark; the exporter works in an isolated child session
   *     ({@link SparkSession#newSession}) with its own output settings, so the caller's SQL
   *     configuration is never changed
   */
  public DatasetExporter(
      SparkSession spark, JobsConfig jobs, ExportConfig config, Consumer<String> progress) {
    this.spark = exportSession(requireNonNull(spark, "spark is null"));
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.config = requireNonNull(config, "config is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * What to export.
   *
   * @param dataset a published gold table name ({@link ExportDatasets})
   * @param from first UTC date of the window
   * @param to first UTC date after the window
   * @param versions Delta versions to read instead of the latest, by qualified table name
   */
  public record Request(
      String dataset,
      LocalDate from,
      LocalDate to,
      ExportFormat format,
      Map<String, Long> versions) {
    public Request {
      requireNonNull(dataset, "dataset is null");
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      requireNonNull(format, "format is null");
      versions = Map.copyOf(versions);
    }
  }

  /**
   * What an export did.
   *
   * @param manifest the manifest of the export directory
   * @param directory the export directory
   * @param written true when this call wrote it; false when it existed already and matched
   * @param elapsed wall time the call took (reported, never written into the export)
   */
  public record Result(
      ExportManifest manifest, Path directory, boolean written, Duration elapsed) {}

  /**
   * Exports a dataset.
   *
   * @throws io.naaplake.errors.NaapException BAD_DATA for an unknown dataset, an empty window or a
   *     version the table does not have; EXPORT_MISMATCH when the export directory exists with
   *     different content
   */
  public Result export(Request request) {
    long started = System.nanoTime();
    TableDeclaration table = ExportDatasets.find(request.dataset());
    requireWindow(request.from(), request.to());
    long version = version(table, request.versions());
    Path exportsDir = config.exportsDir();
    String id =
        ExportId.of(
            table.name(),
            request.from(),
            request.to(),
            request.format(),
            Map.of(table.qualifiedName(), version));
    Path staging = exportsDir.resolve(STAGING).resolve(id + "-" + UUID.randomUUID());
    Path target = exportsDir.resolve(id);
    try {
      Files.createDirectories(staging);
      ExportManifest manifest =
          compute(table, request.from(), request.to(), request.format(), version, staging);
      ExportFiles.writeAtomically(staging.resolve(ExportManifest.FILE_NAME), manifest.toJson());
      boolean written = publish(staging, target, manifest);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      progress.accept(
          (written ? "exported " : "already exported, unchanged: ")
              + id
              + " ("
              + manifest.rowCount()
              + " rows, "
              + elapsed.toMillis()
              + " ms)");
      return new Result(manifest, target, written, elapsed);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("exporting " + id + " into " + exportsDir, e);
    } finally {
      ExportFiles.deleteTreeOrFail(staging);
    }
  }

  /**
   * Writes the data file of an export into {@code dir} and returns the manifest describing it (not
   * written). The verifier calls this to recompute a recorded export.
   */
  ExportManifest compute(
      TableDeclaration table,
      LocalDate from,
      LocalDate to,
      ExportFormat format,
      long version,
      Path dir) {
    ExportQuery query = new ExportQuery(table, from, to, version);
    Path file = dir.resolve(table.name() + "." + format.id());
    String reference = "delta.`" + jobs.tablePath(table.relativePath()).replace("`", "``") + "`";
    long rows =
        format == ExportFormat.CSV
            ? DataFileWriter.csv(spark, query, reference, file)
            : DataFileWriter.parquet(spark, query, reference, file);
    SortedMap<String, Long> versions = new TreeMap<>(Map.of(table.qualifiedName(), version));
    return new ExportManifest(
        ExportId.of(table.name(), from, to, format, versions),
        table.name(),
        table.qualifiedName(),
        new ExportManifest.Window(from, to, query.windowColumn().orElse(null), true),
        format,
        query.text(),
        versions,
        rows,
        List.of(
            new ExportManifest.FileEntry(
                file.getFileName().toString(), size(file), rows, Checksums.sha256Hex(file))),
        ExportVersions.METHODOLOGY,
        ExportVersions.generator(spark.version()));
  }

  /** The Delta version to read: the pinned one, checked against the table, else the latest. */
  long version(TableDeclaration table, Map<String, Long> pinned) {
    for (String name : pinned.keySet()) {
      if (!name.equals(table.qualifiedName())) {
        throw LakeErrors.badInput(
            "version of " + name,
            "the export of " + table.name() + " reads only " + table.qualifiedName());
      }
    }
    String path = jobs.tablePath(table.relativePath());
    if (!DeltaTable.isDeltaTable(spark, path)) {
      throw LakeErrors.badInput(
          "dataset " + table.name(),
          "there is no Delta table at " + path + "; run the pipeline first (./naap run)");
    }
    long latest = DeltaTable.forPath(spark, path).history(1).first().getLong(0);
    Long requested = pinned.get(table.qualifiedName());
    if (requested == null) {
      return latest;
    }
    if (requested < 0 || requested > latest) {
      throw LakeErrors.badInput(
          "version " + requested + " of " + table.qualifiedName(),
          "the table has versions 0 to " + latest);
    }
    return requested;
  }

  static void requireWindow(LocalDate from, LocalDate to) {
    if (!from.isBefore(to)) {
      throw LakeErrors.badInput(
          "window " + from + " to " + to,
          "--from must be before --to (the window is [from, to), whole UTC days)");
    }
  }

  /**
   * Moves the staged export into place, or, when the export exists, checks it matches. Returns
   * whether it moved.
   */
  private boolean publish(Path staging, Path target, ExportManifest manifest) throws IOException {
    if (Files.isDirectory(target) && !Files.exists(target.resolve(ExportManifest.FILE_NAME))) {
      // Not an export (no manifest: nothing this class leaves behind); replace it.
      progress.accept("replacing incomplete export directory " + target);
      ExportFiles.deleteTree(target);
    }
    if (!Files.exists(target)) {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (FileSystemException e) {
        // Another export of the same id moved its directory in first (rename onto a non-empty
        // directory fails); compare with it below. Any other failure is ours to report.
        if (!Files.exists(target.resolve(ExportManifest.FILE_NAME))) {
          throw e;
        }
      }
    }
    requireSame(target, manifest);
    return false;
  }

  /** An existing export must equal the one just computed, manifest and file checksums. */
  private static void requireSame(Path target, ExportManifest computed) {
    Path manifestFile = target.resolve(ExportManifest.FILE_NAME);
    ExportManifest existing = ExportManifest.parse(read(manifestFile), manifestFile.toString());
    List<String> problems = ExportVerifier.checkFiles(target, existing);
    if (!existing.equals(computed)) {
      problems = new ArrayList<>(problems);
      problems.add(
          "its manifest differs from the export computed now: "
              + String.join("; ", ExportVerifier.differences(existing, computed)));
    }
    if (!problems.isEmpty()) {
      throw LakeErrors.exportMismatch(target.toString(), String.join("; ", problems));
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("reading " + file, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("reading " + file, e);
    }
  }

  /**
   * The exporter's own session: UTC, java.time values out of rows (no JVM-zone conversions),
   * Parquet timestamps as INT64 microseconds UTC (readable everywhere, unlike INT96) and snappy
   * compression, whatever the caller's session says.
   */
  private static SparkSession exportSession(SparkSession parent) {
    SparkSession session = parent.newSession();
    session.conf().set("spark.sql.session.timeZone", "UTC");
    session.conf().set("spark.sql.datetime.java8API.enabled", "true");
    session.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    session.conf().set("spark.sql.parquet.compression.codec", "snappy");
    return session;
  }
}
