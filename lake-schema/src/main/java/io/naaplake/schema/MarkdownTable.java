package io.naaplake.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table whose cells are escaped so that any comment renders as text.
 */
final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row of raw text cells (escaped on render). */
  MarkdownTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Text as inline code; backticks cannot occur in the names and types it is used for. */
  static String code(String text) {
    return "`" + text + "`";
  }

  void appendTo(StringBuilder out) {
    appendRow(out, header);
    out.append("|").append("---|".repeat(header.size())).append("\n");
    for (List<String> row : rows) {
      appendRow(out, row);
    }
  }

  private static void appendRow(StringBuilder out, List<String> cells) {
    out.append("|");
    for (String cell : cells) {
      out.append(" ").append(text(cell)).append(" |");
    }
    out.append("\n");
  }

  /**
   * Free text made safe for a cell or a paragraph: pipes would end the cell, angle brackets would
   * start HTML, asterisks would start emphasis, and a line break would end the table.
   */
  static String text(String cell) {
    return cell.replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace('\n', ' ');
  }
}
