package io.naaplake.jobs.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tabular part of a report section: HTML and Markdown render it as a table, CSV as the file
 * {@code <name>.csv}. Rows are in their final order; every row has one cell per column.
 */
public record ReportTable(
    String name, String caption, List<Column> columns, List<List<Cell>> rows) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

  /** A column: its CSV header (snake case, stable) and the heading people read. */
  public record Column(String key, String heading) {}

  public ReportTable {
    requireNonNull(caption, "caption is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("table name must match [a-z0-9_]+: " + name);
    }
    columns = List.copyOf(columns);
    List<List<Cell>> copied = new ArrayList<>();
    for (List<Cell> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            name + ": row has " + row.size() + " cells for " + columns.size() + " columns");
      }
      copied.add(List.copyOf(row));
    }
    rows = List.copyOf(copied);
  }

  /** Builds a table column by column, then row by row. */
  public static Builder builder(String name, String caption) {
    return new Builder(name, caption);
  }

  public static final class Builder {
    private final String name;
    private final String caption;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();

    private Builder(String name, String caption) {
      this.name = name;
      this.caption = caption;
    }

    public Builder column(String key, String heading) {
      columns.add(new Column(key, heading));
      return this;
    }

    public Builder row(List<Cell> cells) {
      rows.add(cells);
      return this;
    }

    public ReportTable build() {
      return new ReportTable(name, caption, columns, rows);
    }
  }
}
