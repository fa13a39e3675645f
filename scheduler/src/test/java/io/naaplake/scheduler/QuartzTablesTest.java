package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuartzTablesTest {

  @Test
  void theShippedDdlSplitsIntoItsStatements() {
    List<String> statements =
        QuartzTables.statements(
            "-- a comment; with a semicolon\nCREATE TABLE A (X INT);\n\nALTER TABLE A ADD Y INT;\n"
                + "COMMIT;\n");
    assertThat(statements).containsExactly("CREATE TABLE A (X INT)", "ALTER TABLE A ADD Y INT");
  }

  @Test
  void theFirstConnectionCreatesQuartzTablesOnce(@TempDir Path dir) throws SQLException {
    H2StoreConnections connections = open(dir);
    try (Connection connection = connections.getConnection()) {
      assertThat(QuartzTables.exist(connection)).isTrue();
      assertThat(tableCount(connection)).isEqualTo(11);
      assertThat(QuartzTables.createIfAbsent(connection)).isFalse();
    } finally {
      connections.shutdown();
    }
    // A second start on the same file finds the tables and keeps their rows.
    H2StoreConnections again = open(dir);
    try (Connection connection = again.getConnection()) {
      assertThat(tableCount(connection)).isEqualTo(11);
    } finally {
      again.shutdown();
    }
  }

  private static H2StoreConnections open(Path dir) throws SQLException {
    H2StoreConnections connections = new H2StoreConnections();
    connections.setUrl(SchedulerConfig.defaultStoreUrl(dir));
    connections.initialize();
    return connections;
  }

  private static int tableCount(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'QRTZ%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
