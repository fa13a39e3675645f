package io.naaplake.scheduler;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: left-aligned columns, two spaces apart. */
final class PlainTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  PlainTable(String... header) {
    this.header = List.of(header);
  }

  PlainTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + header.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The table, one line per row after the header, each ending in a newline. */
  String render() {
    int[] widths = new int[header.size()];
    for (List<String> line : lines()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines()) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        out.append(line.get(i));
        if (i < widths.length - 1) {
          out.append(" ".repeat(widths[i] - line.get(i).length() + 2));
        }
      }
      text.append(out.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private List<List<String>> lines() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    return lines;
  }
}
