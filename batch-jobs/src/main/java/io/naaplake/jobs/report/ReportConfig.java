package io.naaplake.jobs.report;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;

/**
 * Configuration of the network reports, read once from {@link Settings}.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.reports.dir</td><td>.run/reports (relative paths resolved against the working
 *   directory); one directory per report id below it</td></tr>
 *   <tr><td>naap.reports.sla-threshold</td><td>95: orchestrators whose SLA score is below it are
 *   listed with their top failure reasons (the reference's recommended threshold)</td></tr>
 *   <tr><td>naap.reports.league-size</td><td>10: best and worst rows shown in the SLA league
 *   table (all rows when there are at most twice as many)</td></tr>
 *   <tr><td>naap.reports.failure-reasons</td><td>3: failure reasons listed per orchestrator below
 *   the threshold</td></tr>
 * </table>
 */
public record ReportConfig(
    Path reportsDir, double slaThreshold, int leagueSize, int failureReasons) {

  public ReportConfig {
    reportsDir = reportsDir.toAbsolutePath().normalize();
    if (!(slaThreshold >= 0 && slaThreshold <= 100)) {
      throw LakeErrors.badConfiguration(
          "naap.reports.sla-threshold", Double.toString(slaThreshold), "a score from 0 to 100");
    }
    Settings.requirePositive("naap.reports.league-size", leagueSize);
    Settings.requirePositive("naap.reports.failure-reasons", failureReasons);
  }

  public static ReportConfig from(Settings settings) {
    String threshold = settings.string("naap.reports.sla-threshold", "95");
    double parsed;
    try {
      parsed = Double.parseDouble(threshold);
    } catch (NumberFormatException e) {
      throw LakeErrors.badConfiguration(
          "naap.reports.sla-threshold", threshold, "a score from 0 to 100");
    }
    return new ReportConfig(
        Path.of(settings.string("naap.reports.dir", ".run/reports")),
        parsed,
        settings.integer("naap.reports.league-size", 10),
        settings.integer("naap.reports.failure-reasons", 3));
  }
}
