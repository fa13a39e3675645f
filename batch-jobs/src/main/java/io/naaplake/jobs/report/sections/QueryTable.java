package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** A report table whose rows are a query's rows, column for column (the query orders them). */
final class QueryTable {
  /** A query column: its name (CSV header), heading and display format. */
  record Col(String key, String heading, Format format) {}

  private final String name;
  private final String caption;
  private final List<Col> columns = new ArrayList<>();

  QueryTable(String name, String caption) {
    this.name = name;
    this.caption = caption;
  }

  QueryTable col(String key, String heading, Format format) {
    columns.add(new Col(key, heading, format));
    return this;
  }

  ReportTable of(List<Row> rows) {
    ReportTable.Builder table = ReportTable.builder(name, caption);
    columns.forEach(c -> table.column(c.key(), c.heading()));
    for (Row row : rows) {
      List<Cell> cells = new ArrayList<>();
      for (Col c : columns) {
        cells.add(Cell.of(Values.get(row, c.key()), c.format()));
      }
      table.row(cells);
    }
    return table.build();
  }

  ReportTable run(ReportInputs inputs, String sql) {
    return of(inputs.query(sql));
  }
}
