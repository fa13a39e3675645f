package io.naaplake.notebooks;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The rows a cell's query returned, as text, and how they are shown in the notebook: an HTML table
 * (what GitHub and Jupyter render) and a plain-text table (what terminals and diffs show). Only the
 * first {@code rows.size()} of {@code totalRows} rows are kept; both renderings say so.
 *
 * @param columns the column labels
 * @param rows the rows kept, each value its text or null for SQL NULL
 * @param totalRows how many rows the query returned
 */
public record QueryResult(List<String> columns, List<List<String>> rows, long totalRows) {

  /** How SQL NULL is shown. */
  static final String NULL = "NULL";

  public QueryResult {
    requireNonNull(columns, "columns is null");
    requireNonNull(rows, "rows is null");
    columns = List.copyOf(columns);
    List<List<String>> copied = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copied);
    if (totalRows < rows.size()) {
      throw new IllegalArgumentException(totalRows + " total rows but " + rows.size() + " kept");
    }
  }

  /** The value of a column in a kept row (null for SQL NULL). */
  public String value(int row, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return rows.get(row).get(index);
  }

  /** "3 rows", or "first 50 of 73 rows" when rows were left out. */
  String rowNote() {
    if (totalRows > rows.size()) {
      return "first " + rows.size() + " of " + totalRows + " rows";
    }
    return totalRows == 1 ? "1 row" : totalRows + " rows";
  }

  String html() {
    StringBuilder html = new StringBuilder("<table>\n<thead>\n<tr>");
    columns.forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(value -> html.append("<td>").append(escape(shown(value))).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n<p>").append(rowNote()).append("</p>").toString();
  }

  /** A bordered table with left-aligned columns, then the row note. */
  String plainText() {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], shown(row.get(i)).length());
      }
    }
    StringBuilder border = new StringBuilder("+");
    for (int width : widths) {
      border.append("-".repeat(width + 2)).append('+');
    }
    StringBuilder text = new StringBuilder().append(border).append('\n');
    appendLine(text, columns, widths);
    text.append(border).append('\n');
    for (List<String> row : rows) {
      appendLine(text, row, widths);
    }
    if (!rows.isEmpty()) {
      text.append(border).append('\n');
    }
    return text.append(rowNote()).toString();
  }

  private static void appendLine(StringBuilder text, List<String> values, int[] widths) {
    text.append('|');
    for (int i = 0; i < widths.length; i++) {
      String value = shown(values.get(i));
      text.append(' ').append(value).append(" ".repeat(widths[i] - value.length())).append(" |");
    }
    text.append('\n');
  }

  private static String shown(String value) {
    return Optional.ofNullable(value).orElse(NULL);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
