package io.naaplake.notebooks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The lake's Trino over JDBC, in the configured catalog, as a read-only user: the connection a
 * researcher's {@code %sql trino://researcher@host:port/delta} opens.
 */
public final class TrinoSession implements SqlSession {
  private final Connection connection;
  private final int queryTimeoutSeconds;

  private TrinoSession(Connection connection, int queryTimeoutSeconds) {
    this.connection = connection;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  public static TrinoSession open(NotebooksConfig config) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.trinoUser());
    properties.setProperty("source", "naap-notebooks");
    Connection connection = DriverManager.getConnection(config.trinoUrl(), properties);
    connection.setCatalog(config.trinoCatalog());
    return new TrinoSession(connection, (int) config.queryTimeout().toSeconds());
  }

  @Override
  public QueryResult query(String sql, int maxRows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      try (ResultSet rows = statement.executeQuery(sql)) {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> kept = new ArrayList<>();
        long total = 0;
        while (rows.next()) {
          total++;
          if (kept.size() < maxRows) {
            kept.add(row(rows, meta));
          }
        }
        return new QueryResult(columns, kept, total);
      }
    }
  }

  private static List<String> row(ResultSet rows, ResultSetMetaData meta) throws SQLException {
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      values.add(text(rows, i, meta.getColumnType(i)));
    }
    return values;
  }

  /**
   * A value as the notebook shows it: numbers in plain notation (wei stay exact, doubles without
   * exponents), binary as hex, everything else (timestamps with their zone, arrays) as Trino's JDBC
   * text, which does not depend on this JVM's time zone.
   */
  static String text(ResultSet rows, int column, int type) throws SQLException {
    switch (type) {
      case Types.DOUBLE, Types.REAL, Types.FLOAT -> {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : plain(value);
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal value = rows.getBigDecimal(column);
        return value == null ? null : value.toPlainString();
      }
      case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY -> {
        byte[] value = rows.getBytes(column);
        return value == null ? null : HexFormat.of().formatHex(value);
      }
      default -> {
        return rows.getString(column);
      }
    }
  }

  /** 85.0, 0.00001, 4591997320238.404: the shortest decimal that reads back as the double. */
  static String plain(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return exact.scale() <= 0 ? exact.setScale(1).toPlainString() : exact.toPlainString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
