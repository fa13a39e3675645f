package io.naaplake.jobs.report.render;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Report;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import java.util.List;
import java.util.Map;

/** The report as GitHub-flavoured Markdown: the same sections and tables (charts as a pointer). */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(inline(report.title())).append("\n\n");
    md.append("Window ")
        .append(report.window().start())
        .append(" to ")
        .append(report.window().end())
        .append(" (UTC, end exclusive). Run time ")
        .append(report.runTime())
        .append(".\n");
    for (ReportSection section : report.sections()) {
      md.append("\n## ").append(inline(section.title())).append("\n\n");
      for (String note : section.notes()) {
        md.append(inline(note)).append("\n\n");
      }
      for (Chart chart : section.charts()) {
        md.append("_Chart in report.html: ").append(inline(chart.title())).append("._\n\n");
      }
      for (ReportTable table : section.tables()) {
        table(md, table);
      }
    }
    md.append("\n## Methodology\n\n").append(inline(Methodology.text(report.methodology())));
    md.append("\n\n| Table | Delta version |\n|---|---:|\n");
    for (Map.Entry<String, Long> entry : report.methodology().tableVersions().entrySet()) {
      md.append("| ")
          .append(cell(entry.getKey()))
          .append(" | ")
          .append(entry.getValue())
          .append(" |\n");
    }
    return md.toString();
  }

  private static void table(StringBuilder md, ReportTable table) {
    md.append("**")
        .append(inline(table.caption()))
        .append("** (`")
        .append(table.name())
        .append(".csv`)\n\n");
    if (table.rows().isEmpty()) {
      md.append("No rows.\n\n");
      return;
    }
    md.append('|');
    for (ReportTable.Column column : table.columns()) {
      md.append(' ').append(cell(column.heading())).append(" |");
    }
    md.append("\n|");
    md.append("---|".repeat(table.columns().size()));
    md.append('\n');
    for (List<Cell> row : table.rows()) {
      md.append('|');
      for (Cell value : row) {
        md.append(' ').append(cell(value.display())).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** Text inside a table cell: pipes, backslashes and line breaks would break the row. */
  static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  /** Text in a paragraph: Markdown and HTML metacharacters escaped, one line. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.replace("\r", " ").replace("\n", " ").toCharArray()) {
      if ("\\`*_[]<>#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
