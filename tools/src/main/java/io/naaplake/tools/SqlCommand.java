package io.naaplake.tools;

import io.naaplake.config.Settings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code ./naap sql "QUERY"}: runs one query on Trino as a read-only identity and prints CSV with a
 * header (RFC 4180 quoting), so results pipe into other tools.
 *
 * <p>Keys: {@code naap.trino.url} (default jdbc:trino://127.0.0.1:18080), {@code naap.sql.user}
 * (default researcher: select-only under Trino's access rules).
 */
public final class SqlCommand {

  public static void main(String[] args) {
    if (args.length != 1 || args[0].isBlank()) {
      System.err.println("usage: ./naap sql \"SELECT ...\"");
      System.exit(2);
    }
    Settings settings = Settings.fromEnvironment();
    String url = settings.string("naap.trino.url", "jdbc:trino://127.0.0.1:18080");
    String user = settings.string("naap.sql.user", "researcher");
    try {
      run(url, user, args[0], System.out);
    } catch (SQLException e) {
      System.err.println(
          "naap sql: query failed on "
              + url
              + ": "
              + e.getMessage()
              + (e.getMessage() != null && e.getMessage().contains("Connection refused")
                  ? "\n  Trino is not running: start it with ./naap up"
                  : ""));
      System.exit(1);
    }
  }

  static void run(String url, String user, String sql, PrintStream out) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      int columns = meta.getColumnCount();
      StringBuilder line = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        line.append(i > 1 ? "," : "").append(csv(meta.getColumnLabel(i)));
      }
      out.println(line);
      while (rows.next()) {
        line.setLength(0);
        for (int i = 1; i <= columns; i++) {
          Object value = rows.getObject(i);
          line.append(i > 1 ? "," : "").append(value == null ? "" : csv(text(value)));
        }
        out.println(line);
      }
    }
  }

  /** Binary values print as hex, everything else as Trino's JDBC text form. */
  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }

  /** Quotes a field when it contains a comma, quote or line break. */
  static String csv(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private SqlCommand() {}
}
