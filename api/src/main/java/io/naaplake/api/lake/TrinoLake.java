package io.naaplake.api.lake;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.SqlQuery;
import io.naaplake.errors.LakeErrors;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the API's read-only queries on Trino over JDBC, with the failure behaviour the API promises:
 * every query finishes, fails as "unavailable" (503) or fails as "timed out" (504) within the
 * configured query timeout; none hangs a request thread.
 *
 * <p>Each query runs on a pool thread and the request thread waits at most the query timeout, then
 * cancels the statement. A connection is opened per query: the Trino driver shares one HTTP client
 * across connections, so this is cheap and leaves no pooled connection to go stale when Trino
 * restarts.
 */
public final class TrinoLake implements AutoCloseable {

  /** What a query's outcome is called in metrics. */
  public enum Outcome {
    OK,
    TIMEOUT,
    UNAVAILABLE,
    ERROR
  }

  /** Told about every query (for metrics). */
  @FunctionalInterface
  public interface QueryListener {
    void finished(Duration elapsed, Outcome outcome);
  }

  private static final List<String> UNAVAILABLE_SIGNS =
      List.of(
          "Error starting query",
          "Error fetching next",
          "SERVER_STARTING_UP",
          "still initializing",
          "SERVER_SHUTTING_DOWN",
          "NO_NODES_AVAILABLE",
          "shutting down",
          "Connection refused",
          "Failed to connect");

  private final ApiConfig config;
  private final ExecutorService pool;
  private final AtomicReference<QueryListener> listener = new AtomicReference<>((d, o) -> {});

  public TrinoLake(ApiConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.pool = Executors.newCachedThreadPool(daemonThreads());
  }

  public void setListener(QueryListener value) {
    listener.set(requireNonNull(value, "listener is null"));
  }

  public String catalog() {
    return config.trinoCatalog();
  }

  /**
   * The rows of a query, each a column-name-to-value map in select order. Values: String, Long,
   * Integer, Double, Boolean, BigDecimal, Instant (timestamps), LocalDate, List and Map.
   *
   * @throws io.naaplake.errors.NaapException RETRIABLE when Trino cannot be reached or the query
   *     times out; FATAL when Trino rejects the statement (a bug in the API's SQL)
   */
  public List<Map<String, Object>> query(SqlQuery query) {
    requireNonNull(query, "query is null");
    long started = System.nanoTime();
    AtomicReference<PreparedStatement> running = new AtomicReference<>();
    Future<List<Map<String, Object>>> future = pool.submit(() -> execute(query, running));
    Outcome outcome = Outcome.ERROR;
    try {
      List<Map<String, Object>> rows =
          future.get(config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
      outcome = Outcome.OK;
      return rows;
    } catch (TimeoutException e) {
      outcome = Outcome.TIMEOUT;
      cancel(running.get());
      future.cancel(true);
      throw LakeErrors.trinoQueryTimeout(config.queryTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw LakeErrors.trinoUnavailable(config.trinoUrl(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (isUnreachable(cause)) {
        outcome = Outcome.UNAVAILABLE;
        throw LakeErrors.trinoUnavailable(config.trinoUrl(), cause);
      }
      throw LakeErrors.trinoQueryFailed(cause);
    } finally {
      listener.get().finished(Duration.ofNanos(System.nanoTime() - started), outcome);
    }
  }

  private List<Map<String, Object>> execute(
      SqlQuery query, AtomicReference<PreparedStatement> running) throws SQLException {
    try (Connection connection = DriverManager.getConnection(config.trinoUrl(), properties());
        PreparedStatement statement = connection.prepareStatement(query.sql())) {
      running.set(statement);
      query.bind(statement);
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), plain(result.getObject(i)));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("user", config.trinoUser());
    // The driver's own HTTP timeout; the pool's wait above is the one that bounds a request.
    properties.setProperty("timeout", config.queryTimeout().toMillis() + "ms");
    properties.setProperty("source", "naap-api");
    properties.setProperty("timezone", "UTC");
    return properties;
  }

  /** JDBC values to the plain Java values the JSON writer knows. */
  static Object plain(Object value) throws SQLException {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Array array) {
      List<Object> items = new ArrayList<>();
      for (Object item : (Object[]) array.getArray()) {
        items.add(plain(item));
      }
      return items;
    }
    if (value instanceof Object[] items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(plain(item));
      }
      return list;
    }
    if (value instanceof List<?> items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(plain(item));
      }
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plainMap = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        plainMap.put(String.valueOf(entry.getKey()), plain(entry.getValue()));
      }
      return plainMap;
    }
    if (value instanceof Instant || value == null) {
      return value;
    }
    return value;
  }

  /**
   * Whether a failure means Trino could not be asked (down, restarting, refusing connections) as
   * opposed to Trino answering with an error.
   */
  static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      // A server that is starting, stopping or has lost its workers answers with an error rather
      // than refusing the connection; none of these says anything about the query itself.
      for (String sign : UNAVAILABLE_SIGNS) {
        if (message.contains(sign)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void cancel(PreparedStatement statement) {
    if (statement == null) {
      return;
    }
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException e) {
      // The statement may already be closed; the query is abandoned either way.
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "trino-query-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
