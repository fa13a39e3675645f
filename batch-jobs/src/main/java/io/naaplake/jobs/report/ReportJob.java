package io.naaplake.jobs.report;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.JobsConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Generates a network report from the lake and writes it under {@code naap.reports.dir}. Reads only
 * (no writer lease): every table is pinned at its current Delta version when the report starts.
 * {@link #run(SparkSession, Instant)} is the daily chain's step: the report of the last complete
 * UTC day before the run time.
 */
public final class ReportJob {
  private final JobsConfig jobs;
  private final ReportConfig config;

  /** What a report run produced. */
  public record Result(String id, Path directory, Map<String, Long> tableVersions) {}

  public ReportJob(JobsConfig jobs, ReportConfig config) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.config = requireNonNull(config, "config is null");
  }

  /** The daily report of the last complete UTC day before the run time. */
  public Result run(SparkSession spark, Instant runTime) {
    return run(
        spark,
        new ReportWindow(ReportKind.DAILY, ReportKind.DAILY.previousCompleteWindow(runTime)),
        runTime);
  }

  /** The report of the given window, stamped with the run time. */
  public Result run(SparkSession spark, ReportWindow window, Instant runTime) {
    try (PinnedLake lake =
        new PinnedLake(
            spark,
            jobs,
            ReportGenerator.tablesRead(window.kind()),
            "report_" + window.id().replace('-', '_'))) {
      Report report = ReportGenerator.generate(lake, window, runTime, config);
      Path directory = ReportFiles.write(report, config.reportsDir());
      return new Result(report.id(), directory, report.methodology().tableVersions());
    }
  }
}
