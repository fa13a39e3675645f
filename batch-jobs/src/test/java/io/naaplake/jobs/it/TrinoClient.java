package io.naaplake.jobs.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Small trino-jdbc helper for tests: run a query as a given user, rows as lists of objects. */
public final class TrinoClient {
  public static final String PIPELINE_USER = "naap_pipeline";
  public static final String READER_USER = "researcher";

  public static Connection connect(String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    return DriverManager.getConnection(ItEnvironment.trinoUrl(), properties);
  }

  public static List<List<Object>> query(String user, String sql) throws SQLException {
    try (Connection connection = connect(user);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<List<Object>> result = new ArrayList<>();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    }
  }

  public static long count(String sql) throws SQLException {
    return ((Number) query(READER_USER, sql).get(0).get(0)).longValue();
  }

  public static void execute(String user, String sql) throws SQLException {
    try (Connection connection = connect(user);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private TrinoClient() {}
}
