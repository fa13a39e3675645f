package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Read-only queries on Trino for the lake gauges, as the read-only identity, in UTC, one connection
 * per query (the driver shares its HTTP client, and no pooled connection goes stale across a Trino
 * restart).
 */
final class TrinoReader {
  /** Messages of a Trino that cannot answer at all (as opposed to rejecting a query). */
  private static final List<String> UNREACHABLE_SIGNS =
      List.of(
          "Error starting query",
          "Error fetching next",
          "SERVER_STARTING_UP",
          "NO_NODES_AVAILABLE",
          "Connection refused",
          "Failed to connect");

  private final AlertsConfig config;

  TrinoReader(AlertsConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  String catalog() {
    return config.trinoCatalog();
  }

  /**
   * The rows of a query, each a column-to-value map; timestamps as Instant.
   *
   * @param parameters bound in order: String, Long or Instant (sent as ISO text; the SQL wraps the
   *     placeholder in {@code from_iso8601_timestamp})
   * @throws io.naaplake.errors.NaapException RETRIABLE when Trino cannot be reached, FATAL when it
   *     rejects the query
   */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    Properties properties = new Properties();
    properties.setProperty("user", config.trinoUser());
    properties.setProperty("timeout", config.queryTimeout().toMillis() + "ms");
    properties.setProperty("source", "naap-alerts");
    properties.setProperty("timezone", "UTC");
    try (Connection connection = DriverManager.getConnection(config.trinoUrl(), properties);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout((int) Math.max(1, config.queryTimeout().toSeconds()));
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        statement.setObject(i + 1, value instanceof Instant ? value.toString() : value);
      }
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = result.getObject(i);
            row.put(meta.getColumnLabel(i), value instanceof Timestamp t ? t.toInstant() : value);
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      if (isUnreachable(e)) {
        throw LakeErrors.trinoUnavailable(config.trinoUrl(), e);
      }
      throw LakeErrors.trinoQueryFailed(e);
    }
  }

  static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (UNREACHABLE_SIGNS.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }
}
