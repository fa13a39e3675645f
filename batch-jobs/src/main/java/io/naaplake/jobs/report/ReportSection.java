package io.naaplake.jobs.report;

import java.util.List;

/**
 * One section of a report: a heading, short notes (what the numbers mean, or why there are none),
 * charts and tables. Sections are built by the classes in {@code sections} and rendered by the
 * three renderers unchanged.
 */
public record ReportSection(
    String id, String title, List<String> notes, List<Chart> charts, List<ReportTable> tables) {
  public ReportSection {
    notes = List.copyOf(notes);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }
}
