package io.naaplake.jobs.schedule;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.export.RecurringExports;
import io.naaplake.jobs.maintenance.MaintenanceConfig;
import io.naaplake.jobs.maintenance.MaintenanceJob;
import io.naaplake.jobs.maintenance.MaintenanceResult;
import io.naaplake.jobs.report.ReportConfig;
import io.naaplake.jobs.report.ReportJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The steps of the daily chain, in the order they run: the daily report of the previous UTC day,
 * the exports configured as recurring ({@code naap.exports.recurring}) of that day, then table
 * maintenance (last, so it compacts what the day wrote and never vacuums what an export read).
 */
final class DailySteps {
  private DailySteps() {}

  static List<ChainStep> standard(
      Settings settings, JobsConfig jobs, ChainRunnerConfig chain, Consumer<String> progress) {
    return List.of(
        new DailyReportStep(new ReportJob(jobs, ReportConfig.from(settings))),
        new RecurringExportStep(RecurringExports.from(settings, progress)),
        new MaintenanceStep(
            new MaintenanceJob(
                jobs,
                MaintenanceConfig.from(settings),
                Clock.systemUTC(),
                progress,
                "scheduler daily maintenance",
                chain.leaseWait())));
  }

  /** The daily report: reads the lake at pinned versions and writes files outside it. */
  record DailyReportStep(ReportJob job) implements ChainStep {
    @Override
    public String name() {
      return "daily_report";
    }

    @Override
    public boolean writesLake() {
      return false;
    }

    @Override
    public StepResult run(SparkSession spark, Instant runTime) {
      ReportJob.Result report = job.run(spark, runTime);
      // The report commits to no table; the versions it read are in its report.json.
      return new StepResult(
          "report " + report.id() + " from " + report.tableVersions().size() + " pinned tables",
          0,
          0,
          Map.of());
    }
  }

  /** The recurring governance exports: read the lake at pinned versions, write files outside it. */
  record RecurringExportStep(RecurringExports exports) implements ChainStep {
    @Override
    public String name() {
      return "daily_exports";
    }

    @Override
    public boolean writesLake() {
      return false;
    }

    @Override
    public StepResult run(SparkSession spark, Instant runTime) {
      List<RecurringExports.Exported> exported = exports.run(spark, runTime);
      long rows = exported.stream().mapToLong(RecurringExports.Exported::rows).sum();
      String ids =
          exported.isEmpty()
              ? "none configured (naap.exports.recurring)"
              : String.join(
                  ", ", exported.stream().map(RecurringExports.Exported::exportId).toList());
      return new StepResult("exports " + ids, rows, rows, Map.of());
    }
  }

  /**
   * Table maintenance. It takes the writer lease itself for its whole run (and records its own
   * {@code maintenance} run and {@code ops.maintenance_actions} rows), so the chain must not hold
   * the lease around it: the lease is not re-entrant.
   */
  record MaintenanceStep(MaintenanceJob job) implements ChainStep {
    @Override
    public String name() {
      return "daily_maintenance";
    }

    @Override
    public boolean writesLake() {
      return false;
    }

    @Override
    public StepResult run(SparkSession spark, Instant runTime) {
      MaintenanceResult result = job.run(spark, runTime);
      return new StepResult(
          result.summary(), 0, result.actions().size(), result.run().tableVersions());
    }
  }
}
