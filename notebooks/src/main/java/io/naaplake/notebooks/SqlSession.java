package io.naaplake.notebooks;

import java.sql.SQLException;

/** Where a notebook's queries run: Trino over JDBC ({@link TrinoSession}), or a fake in tests. */
public interface SqlSession extends AutoCloseable {

  /**
   * Runs one statement and returns its first {@code maxRows} rows and the number of rows.
   *
   * @throws SQLException when the query fails; the message is what the notebook shows
   */
  QueryResult query(String sql, int maxRows) throws SQLException;

  @Override
  void close() throws SQLException;
}
