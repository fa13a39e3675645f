package io.naaplake.jobs.report.render;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.Report;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script and no
 * external reference, so it reads the same offline. Every text from the data is escaped.
 */
public final class HtmlRenderer {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1a202c;"
          + "padding:0 1em}h1{font-size:1.6em}h2{border-bottom:1px solid #cbd5e0;margin-top:2em}"
          + "table{border-collapse:collapse;margin:1em 0;font-size:.85em}caption{text-align:left;"
          + "font-weight:600;padding:.3em 0}th,td{border:1px solid #e2e8f0;padding:.25em .5em;"
          + "vertical-align:top}th{background:#edf2f7;text-align:left}td.n{text-align:right;"
          + "font-variant-numeric:tabular-nums;white-space:nowrap}figure{margin:1em 0}"
          + "figcaption{font-weight:600}p.note{color:#4a5568}footer{margin-top:3em;"
          + "border-top:2px solid #cbd5e0;font-size:.85em}nav a{margin-right:1em}";

  private HtmlRenderer() {}

  public static String render(Report report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(report.title()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Html.escape(report.title()))
        .append("</h1>\n<p>Window ")
        .append(Html.escape(report.window().start().toString()))
        .append(" to ")
        .append(Html.escape(report.window().end().toString()))
        .append(" (UTC, end exclusive). Run time ")
        .append(Html.escape(report.runTime().toString()))
        .append(".</p>\n<nav>");
    for (ReportSection section : report.sections()) {
      html.append("<a href=\"#")
          .append(Html.escape(section.id()))
          .append("\">")
          .append(Html.escape(section.title()))
          .append("</a>");
    }
    html.append("<a href=\"#methodology\">Methodology</a></nav>\n</header>\n");
    for (ReportSection section : report.sections()) {
      section(html, section);
    }
    footer(html, report.methodology(), report);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder html, ReportSection section) {
    html.append("<section id=\"")
        .append(Html.escape(section.id()))
        .append("\">\n<h2>")
        .append(Html.escape(section.title()))
        .append("</h2>\n");
    for (String note : section.notes()) {
      html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
    }
    for (Chart chart : section.charts()) {
      html.append("<figure>\n<figcaption>")
          .append(Html.escape(chart.title()))
          .append("</figcaption>\n")
          .append(SvgCharts.svg(chart))
          .append("\n</figure>\n");
    }
    for (ReportTable table : section.tables()) {
      table(html, table);
    }
    html.append("</section>\n");
  }

  static void table(StringBuilder html, ReportTable table) {
    html.append("<table id=\"")
        .append(Html.escape(table.name()))
        .append("\">\n<caption>")
        .append(Html.escape(table.caption()))
        .append(" <small>(")
        .append(Html.escape(table.name()))
        .append(".csv)</small></caption>\n<thead><tr>");
    for (ReportTable.Column column : table.columns()) {
      html.append("<th>").append(Html.escape(column.heading())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    if (table.rows().isEmpty()) {
      html.append("<tr><td colspan=\"")
          .append(table.columns().size())
          .append("\">No rows.</td></tr>\n");
    }
    for (List<Cell> row : table.rows()) {
      html.append("<tr>");
      for (Cell cell : row) {
        html.append(
                cell.format() == Format.TEXT || cell.format() == Format.INSTANT
                    ? "<td>"
                    : "<td class=\"n\">")
            .append(Html.escape(cell.display()))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void footer(StringBuilder html, Report.Methodology methodology, Report report) {
    html.append("<footer id=\"methodology\">\n<h2>Methodology</h2>\n<p>")
        .append(Html.escape(Methodology.text(methodology)))
        .append("</p>\n<table id=\"table_versions\">\n<caption>Delta version of every table read")
        .append(
            "</caption>\n<thead><tr><th>Table</th><th>Delta version</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Long> entry : methodology.tableVersions().entrySet()) {
      html.append("<tr><td>")
          .append(Html.escape(entry.getKey()))
          .append("</td><td class=\"n\">")
          .append(entry.getValue())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<p>Generated for run time ")
        .append(Html.escape(report.runTime().toString()))
        .append(".</p>\n</footer>\n");
  }
}
