package io.naaplake.jobs.trino;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.schema.TableDeclaration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Makes lake tables visible in Trino under schemas bronze, silver, gold and ops. Runs as the
 * pipeline identity, the only user Trino's access rules allow to create schemas and register
 * tables. Registration is idempotent: a registered table is left alone (Trino reads new Delta
 * commits and added columns from the transaction log at query time), and a table registered at
 * another location (the lake moved) is re-registered.
 */
public final class TrinoRegistrar {
  private final JobsConfig config;

  public TrinoRegistrar(JobsConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /** Registers the table if needed; returns true when a registration was made. */
  public boolean register(TableDeclaration table) {
    return !registerAll(List.of(table)).isEmpty();
  }

  /**
   * Registers the tables that need it, over one connection: each schema created once, the
   * registered tables listed in one query, then a location check per registered table and a
   * registration per missing or moved one (a chain's 62 tables took 3–4 queries and a connection
   * each before). Returns the tables registered now, in the given order.
   */
  public List<TableDeclaration> registerAll(List<TableDeclaration> tables) {
    try (Connection connection = connect()) {
      Set<String> schemas = new LinkedHashSet<>();
      tables.forEach(table -> schemas.add(table.layer().schemaName()));
      Set<String> present = new HashSet<>();
      try {
        for (String schema : schemas) {
          createSchema(connection, schema);
        }
        present.addAll(registeredTables(connection, schemas));
      } catch (SQLException e) {
        throw LakeErrors.trinoRegistrationFailed("the schemas " + schemas, e);
      }
      List<TableDeclaration> registered = new ArrayList<>();
      for (TableDeclaration table : tables) {
        if (registerIfNeeded(connection, table, present.contains(key(table)))) {
          registered.add(table);
        }
      }
      return registered;
    } catch (SQLException e) {
      throw LakeErrors.trinoRegistrationFailed(tables.size() + " tables", e);
    }
  }

  private boolean registerIfNeeded(Connection connection, TableDeclaration table, boolean present) {
    try {
      String location = location(table);
      if (present) {
        if (sameLocation(tableLocation(connection, table), location)) {
          return false;
        }
        unregister(connection, table);
      }
      registerAt(connection, table, location);
      return true;
    } catch (SQLException e) {
      throw LakeErrors.trinoRegistrationFailed(table.qualifiedName(), e);
    }
  }

  private static String key(TableDeclaration table) {
    return table.layer().schemaName() + "." + table.name();
  }

  /** Where Trino's catalog finds the table: the configured lake location plus its path. */
  public String location(TableDeclaration table) {
    String base = config.trinoLakeLocation();
    return base.endsWith("/") ? base + table.relativePath() : base + "/" + table.relativePath();
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.trinoPipelineUser());
    try {
      return DriverManager.getConnection(config.trinoUrl(), properties);
    } catch (SQLException e) {
      throw LakeErrors.trinoUnavailable(config.trinoUrl(), e);
    }
  }

  private void createSchema(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // Identifiers come from the Layer enum, never from input.
      statement.execute(
          "CREATE SCHEMA IF NOT EXISTS " + quoted(config.trinoCatalog()) + "." + quoted(schema));
    }
  }

  /** schema.table of every table Trino lists in the given schemas. */
  private Set<String> registeredTables(Connection connection, Set<String> schemas)
      throws SQLException {
    String sql =
        "SELECT table_schema, table_name FROM "
            + quoted(config.trinoCatalog())
            + ".information_schema.tables WHERE table_schema IN ("
            + String.join(", ", Collections.nCopies(schemas.size(), "?"))
            + ")";
    Set<String> tables = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (String schema : schemas) {
        statement.setString(index++, schema);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1) + "." + rows.getString(2));
        }
      }
    }
    return tables;
  }

  private String tableLocation(Connection connection, TableDeclaration table) throws SQLException {
    String showCreate = "SHOW CREATE TABLE " + qualified(table);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(showCreate)) {
      rows.next();
      String ddl = rows.getString(1);
      int start = ddl.indexOf("location = '");
      if (start < 0) {
        return "";
      }
      int from = start + "location = '".length();
      return ddl.substring(from, ddl.indexOf('\'', from));
    }
  }

  private void unregister(Connection connection, TableDeclaration table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CALL "
              + quoted(config.trinoCatalog())
              + ".system.unregister_table(schema_name => "
              + literal(table.layer().schemaName())
              + ", table_name => "
              + literal(table.name())
              + ")");
    }
  }

  private void registerAt(Connection connection, TableDeclaration table, String location)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CALL "
              + quoted(config.trinoCatalog())
              + ".system.register_table(schema_name => "
              + literal(table.layer().schemaName())
              + ", table_name => "
              + literal(table.name())
              + ", table_location => "
              + literal(location)
              + ")");
    }
  }

  private static boolean sameLocation(String registered, String wanted) {
    return trimSlash(registered).equals(trimSlash(wanted));
  }

  private static String trimSlash(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  private String qualified(TableDeclaration table) {
    return quoted(config.trinoCatalog())
        + "."
        + quoted(table.layer().schemaName())
        + "."
        + quoted(table.name());
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** CALL arguments cannot be bound parameters in Trino; values are escaped literals. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
