package io.naaplake.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quartz.Scheduler;

/**
 * Quartz's tables in the job store, created from the DDL the Quartz jar ships for H2, so the schema
 * always matches the Quartz version on the classpath.
 */
final class QuartzTables {
  /** The DDL inside the Quartz jar. */
  static final String H2_DDL = "org/quartz/impl/jdbcjobstore/tables_h2.sql";

  /** One table every Quartz schema has; its presence means the schema was created. */
  private static final String PROBE_TABLE = "QRTZ_TRIGGERS";

  private QuartzTables() {}

  /** Creates the tables in one transaction unless they exist; returns whether it created them. */
  static boolean createIfAbsent(Connection connection) throws SQLException {
    if (exist(connection)) {
      return false;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(readDdl())) {
        statement.execute(sql);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return true;
  }

  static boolean exist(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, PROBE_TABLE, new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  /**
   * The statements of a DDL script: comment lines dropped, split at semicolons; the script's own
   * COMMIT is left out because the caller commits.
   */
  static List<String> statements(String script) {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";")) {
      String sql = statement.strip();
      if (!sql.isEmpty() && !sql.equalsIgnoreCase("COMMIT")) {
        statements.add(sql);
      }
    }
    return statements;
  }

  private static String readDdl() throws SQLException {
    try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(H2_DDL)) {
      if (in == null) {
        throw new SQLException(H2_DDL + " is missing from the Quartz jar on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException("reading " + H2_DDL + " failed", e);
    }
  }
}
