package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A statement ready for {@link PreparedStatement}: SQL text that holds only identifiers from the
 * lake-schema allow-list, constants and {@code ?} placeholders, and the values for those
 * placeholders in order. User input only ever travels in {@link #parameters}.
 *
 * @param sql the statement text
 * @param parameters one per {@code ?}, in order
 * @param pageSize rows per page; the statement fetches one more to learn whether a next page exists
 */
public record SqlQuery(String sql, List<Parameter> parameters, int pageSize) {

  public SqlQuery {
    requireNonNull(sql, "sql is null");
    parameters = List.copyOf(parameters);
    long placeholders = sql.chars().filter(c -> c == '?').count();
    if (placeholders != parameters.size()) {
      throw new IllegalStateException(
          placeholders + " placeholders but " + parameters.size() + " parameters");
    }
  }

  /** Binds every parameter, in order, to a statement prepared from {@link #sql}. */
  public void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).bind(statement, i + 1);
    }
  }

  /**
   * One bound value. Timestamps, dates and decimals travel as text and are converted in SQL ({@code
   * from_iso8601_timestamp(?)}, {@code CAST(? AS date)}, {@code CAST(? AS decimal(p,s))}): that
   * keeps the JDBC session time zone out of instant comparisons and decimals exact.
   *
   * @param value a String, Long, Integer, Double or Boolean; never null
   */
  public record Parameter(Object value) {
    public Parameter {
      requireNonNull(value, "value is null");
      if (!(value instanceof String
          || value instanceof Long
          || value instanceof Integer
          || value instanceof Double
          || value instanceof Boolean)) {
        throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
      }
    }

    void bind(PreparedStatement statement, int index) throws SQLException {
      if (value instanceof String text) {
        statement.setString(index, text);
      } else if (value instanceof Long number) {
        statement.setLong(index, number);
      } else if (value instanceof Integer number) {
        statement.setInt(index, number);
      } else if (value instanceof Double number) {
        statement.setDouble(index, number);
      } else {
        statement.setBoolean(index, (Boolean) value);
      }
    }
  }
}
