package io.naaplake.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections to the H2 job store. Quartz's own URL-based pools need c3p0 or HikariCP,
 * which it declares but does not bring; H2's built-in pool is enough for one scheduler and keeps
 * the database open between transactions (closing the last connection of an embedded file database
 * closes the file). The first connection creates Quartz's tables when they are absent.
 *
 * <p>Quartz creates this class by name and sets {@link #setUrl} from the {@code
 * org.quartz.dataSource.NAME.url} property, hence the public no-argument constructor.
 */
public final class H2StoreConnections implements ConnectionProvider {
  /**
   * The H2 system property that sets the address AUTO_SERVER listens on. The store is local: only
   * processes on this machine ({@code ./naap jobs}) may reach it.
   */
  private static final String H2_BIND_ADDRESS = "h2.bindAddress";

  private String url;
  private JdbcConnectionPool pool;

  /** The JDBC URL of the store; set by Quartz before {@link #initialize}. */
  public void setUrl(String url) {
    this.url = url;
  }

  @Override
  public void initialize() throws SQLException {
    if (url == null) {
      throw new SQLException("org.quartz.dataSource.<name>.url is not set");
    }
    bindAutoServerToLoopback();
    pool = JdbcConnectionPool.create(url, "", "");
    try (Connection connection = pool.getConnection()) {
      QuartzTables.createIfAbsent(connection);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void shutdown() {
    if (pool != null) {
      pool.dispose();
    }
  }

  /**
   * H2 reads the property once, when its classes load, so it is set before the first connection; an
   * explicit {@code -Dh2.bindAddress} wins.
   */
  private static void bindAutoServerToLoopback() {
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
  }
}
