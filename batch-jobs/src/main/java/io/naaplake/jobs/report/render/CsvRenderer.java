package io.naaplake.jobs.report.render;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.ReportTable;
import java.util.List;

/**
 * A report table as CSV (RFC 4180, LF line ends): a header of the column keys, then the exact
 * values (wei as integer strings without separators, decimals without exponent, nulls empty).
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  public static String render(ReportTable table) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", table.columns().stream().map(c -> field(c.key())).toList()));
    csv.append('\n');
    for (List<Cell> row : table.rows()) {
      csv.append(String.join(",", row.stream().map(c -> field(c.csv())).toList())).append('\n');
    }
    return csv.toString();
  }

  static String field(String value) {
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
