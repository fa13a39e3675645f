package io.naaplake.jobs.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * A generated report, ready to render: its window, run time, sections and the methodology it was
 * computed under. Everything in it derives from the pinned table versions and the run time, so the
 * same inputs render byte-identical files.
 */
public record Report(
    ReportWindow window, Instant runTime, List<ReportSection> sections, Methodology methodology) {

  /** What the methodology footer states and report.json records. */
  public record Methodology(
      String methodologyVersion,
      String generatorVersion,
      SortedSet<String> slaSemanticsVersions,
      double slaThreshold,
      Map<String, Long> tableVersions) {
    public Methodology {
      slaSemanticsVersions =
          java.util.Collections.unmodifiableSortedSet(
              new java.util.TreeSet<>(slaSemanticsVersions));
      tableVersions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tableVersions));
    }
  }

  public Report {
    sections = List.copyOf(sections);
  }

  public String id() {
    return window.id();
  }

  public String title() {
    return "NaaP network report " + id();
  }

  /** Every table of every section, in order (one CSV each). */
  public List<ReportTable> tables() {
    return sections.stream().flatMap(s -> s.tables().stream()).toList();
  }
}
