package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Cell;
import io.naaplake.jobs.report.Chart;
import io.naaplake.jobs.report.Format;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** Reading typed values out of collected Spark rows, and the differences the deltas show. */
final class Values {
  private Values() {}

  /** The row's value of a column as a Java value a {@link Cell} holds (timestamps as instants). */
  static Object get(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  static Long count(Row row, String column) {
    Object value = get(row, column);
    return value == null ? null : ((Number) value).longValue();
  }

  static Double number(Row row, String column) {
    Object value = get(row, column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  static String text(Row row, String column) {
    Object value = get(row, column);
    return value == null ? null : value.toString();
  }

  static Instant instant(Row row, String column) {
    return (Instant) get(row, column);
  }

  /** Cells of the named columns of a row, each with its format. */
  static List<Cell> cells(Row row, List<Map.Entry<String, Format>> columns) {
    List<Cell> cells = new ArrayList<>();
    for (Map.Entry<String, Format> column : columns) {
      cells.add(Cell.of(get(row, column.getKey()), column.getValue()));
    }
    return cells;
  }

  /**
   * current − prior, in the type of the values (exact for decimals and counts); null when either is
   * null (no evidence on one side is not a change of zero).
   */
  static Object difference(Object current, Object prior) {
    if (current == null || prior == null) {
      return null;
    }
    if (current instanceof BigDecimal a && prior instanceof BigDecimal b) {
      return a.subtract(b);
    }
    if (current instanceof Long a && prior instanceof Long b) {
      return a - b;
    }
    return ((Number) current).doubleValue() - ((Number) prior).doubleValue();
  }

  /** A bar chart of rows: one bar per row, labelled and measured by the two functions. */
  static Chart bars(
      String title,
      String unit,
      List<Row> rows,
      Function<Row, String> label,
      Function<Row, Double> value) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Row row : rows) {
      labels.add(label.apply(row));
      values.add(value.apply(row));
    }
    return Chart.bar(title, unit, labels, values);
  }
}
