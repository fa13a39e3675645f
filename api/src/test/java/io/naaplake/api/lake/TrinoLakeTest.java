package io.naaplake.api.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrinoLakeTest {
  @Test
  void refusedConnectionsAndStartingOrStoppingServersAreUnreachable() {
    // The chain trino-jdbc 483 throws when nothing listens (measured).
    SQLException refused =
        new SQLException(
            "Error executing query: java.net.ConnectException: Failed to connect",
            new java.io.UncheckedIOException(new ConnectException("Connection refused")));
    assertThat(TrinoLake.isUnreachable(refused)).isTrue();
    assertThat(TrinoLake.isUnreachable(new SQLException("Query failed: SERVER_STARTING_UP")))
        .isTrue();
    assertThat(TrinoLake.isUnreachable(new SQLException("Server is shutting down"))).isTrue();
    // What Trino 476 answers between listening and loading its catalogs (measured).
    assertThat(
            TrinoLake.isUnreachable(
                new SQLException("Query failed (#1): Trino server is still initializing")))
        .isTrue();
  }

  @Test
  void aRejectedStatementIsNotUnavailability() {
    assertThat(
            TrinoLake.isUnreachable(new SQLException("line 1:8: Column 'nope' cannot be resolved")))
        .isFalse();
  }

  @Test
  void jdbcValuesBecomePlainJavaValues() throws SQLException {
    Instant instant = Instant.parse("2026-01-08T21:00:00Z");
    assertThat(TrinoLake.plain(Timestamp.from(instant))).isEqualTo(instant);
    assertThat(TrinoLake.plain(java.sql.Date.valueOf("2026-01-08")))
        .isEqualTo(LocalDate.parse("2026-01-08"));
    assertThat(TrinoLake.plain(List.of(Timestamp.from(instant)))).isEqualTo(List.of(instant));
    assertThat(TrinoLake.plain(Map.of("k", java.sql.Date.valueOf("2026-01-08"))))
        .isEqualTo(Map.of("k", LocalDate.parse("2026-01-08")));
    assertThat(TrinoLake.plain(null)).isNull();
    assertThat(TrinoLake.plain(7L)).isEqualTo(7L);
  }
}
