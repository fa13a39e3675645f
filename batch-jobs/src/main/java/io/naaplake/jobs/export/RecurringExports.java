package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The daily chain's exports: every {@code naap.exports.recurring} entry exported for the UTC day
 * before the run time, at the tables' latest versions. Read-only on the lake, so it needs no writer
 * lease. Re-running a day whose tables did not change finds the same exports and leaves them as
 * they are; if a table changed, the day gets a new export beside the old one (its id carries the
 * table version).
 */
public final class RecurringExports {
  private final JobsConfig jobs;
  private final ExportConfig config;
  private final Consumer<String> progress;

  public RecurringExports(JobsConfig jobs, ExportConfig config, Consumer<String> progress) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.config = requireNonNull(config, "config is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Recurring exports configured by {@code settings}. */
  public static RecurringExports from(Settings settings, Consumer<String> progress) {
    return new RecurringExports(JobsConfig.from(settings), ExportConfig.from(settings), progress);
  }

  /**
   * One recurring export done.
   *
   * @param exportId the export directory's name
   * @param rows rows exported
   * @param written false when the export already existed unchanged
   */
  public record Exported(
      String exportId, String dataset, ExportFormat format, long rows, boolean written) {}

  /** Exports the UTC day before {@code runTime}; empty when nothing is configured. */
  public List<Exported> run(SparkSession spark, Instant runTime) {
    LocalDate to = LocalDate.ofInstant(runTime, ZoneOffset.UTC);
    LocalDate from = to.minusDays(1);
    List<Exported> done = new ArrayList<>();
    if (config.recurring().isEmpty()) {
      return done;
    }
    DatasetExporter exporter = new DatasetExporter(spark, jobs, config, progress);
    for (ExportConfig.Recurring recurring : config.recurring()) {
      DatasetExporter.Result result =
          exporter.export(
              new DatasetExporter.Request(
                  recurring.dataset(), from, to, recurring.format(), Map.of()));
      done.add(
          new Exported(
              result.manifest().exportId(),
              recurring.dataset(),
              recurring.format(),
              result.manifest().rowCount(),
              result.written()));
    }
    return done;
  }
}
