package io.naaplake.jobs.report;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.report.sections.DataQualitySection;
import io.naaplake.jobs.report.sections.DemandSection;
import io.naaplake.jobs.report.sections.EconomicsSection;
import io.naaplake.jobs.report.sections.GpuSupplySection;
import io.naaplake.jobs.report.sections.JobsSection;
import io.naaplake.jobs.report.sections.SlaSection;
import io.naaplake.jobs.report.sections.SummarySection;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Builds a report's sections from its inputs. A daily report has every section of issue 7; an
 * hourly report the summary, SLA, demand and data quality of one hour.
 */
public final class ReportGenerator {
  /** Version of what the report computes and how; bump when a section's semantics change. */
  public static final String METHODOLOGY_VERSION = "network-report-v1";

  /** Version of the generator (layout and rendering). */
  public static final String GENERATOR_VERSION = "naap-report-generator-1";

  private ReportGenerator() {}

  /** Every table a report of this kind reads: pinned at the start, cited in the footer. */
  public static List<TableDeclaration> tablesRead(ReportKind kind) {
    LinkedHashSet<TableDeclaration> tables = new LinkedHashSet<>();
    tables.add(SummarySection.SOURCE);
    tables.add(SlaSection.source(kind));
    tables.add(SlaSection.FAILURES);
    tables.add(io.naaplake.jobs.report.sections.DemandSection.SOURCE);
    tables.add(DataQualitySection.QUALITY);
    tables.add(DataQualitySection.BRONZE_QUARANTINE);
    tables.add(DataQualitySection.REVISIONS);
    if (kind == ReportKind.DAILY) {
      tables.add(GpuSupplySection.SOURCE);
      tables.add(EconomicsSection.DAILY);
      tables.add(EconomicsSection.PAYMENTS);
      tables.add(EconomicsSection.PRICING);
      tables.add(JobsSection.REQUESTS);
      tables.add(JobsSection.BYOC);
    }
    return List.copyOf(tables);
  }

  /**
   * Generates the report of a complete window.
   *
   * @param runTime the run time the report is stamped with; the window must have ended by then
   */
  public static Report generate(
      ReportInputs inputs, ReportWindow window, Instant runTime, ReportConfig config) {
    if (window.end().isAfter(runTime)) {
      throw LakeErrors.badInput(
          "report window " + window.id(),
          "ends at " + window.end() + ", after the run time " + runTime + " (not complete yet)");
    }
    List<ReportSection> sections = new ArrayList<>();
    sections.add(SummarySection.build(inputs, window));
    List<Row> ranked = SlaSection.ranked(inputs, window);
    sections.addAll(SlaSection.build(inputs, window, config, ranked));
    if (window.kind() == ReportKind.DAILY) {
      sections.add(GpuSupplySection.build(inputs, window));
      sections.add(EconomicsSection.build(inputs, window));
    }
    sections.add(DemandSection.build(inputs, window));
    if (window.kind() == ReportKind.DAILY) {
      sections.add(JobsSection.build(inputs, window));
    }
    sections.add(DataQualitySection.build(inputs, window));
    SortedSet<String> semantics = new TreeSet<>(SlaSection.semanticsVersions(ranked));
    if (semantics.isEmpty()) {
      // No scored row: the version the gold tables are written under still defines the scores.
      semantics.add(GoldSlaTables.SEMANTICS_VERSION);
    }
    return new Report(
        window,
        runTime,
        sections,
        new Report.Methodology(
            METHODOLOGY_VERSION,
            GENERATOR_VERSION,
            semantics,
            config.slaThreshold(),
            inputs.tableVersions()));
  }
}
