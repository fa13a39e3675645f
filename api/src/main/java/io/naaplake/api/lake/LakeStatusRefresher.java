package io.naaplake.api.lake;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.SqlQuery;
import io.naaplake.errors.NaapException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Trino every refresh interval for the newest finished pipeline run, off the request path:
 * requests read {@link #current()} and never wait on it. A request that finds Trino unreachable
 * reports it through {@link #markUnreachable} so later requests fail fast until a poll succeeds
 * again; that poll is also how the API recovers by itself when Trino returns.
 */
public final class LakeStatusRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeStatusRefresher.class);

  private static final Pattern CATALOG = Pattern.compile("[a-z][a-z0-9_]*");

  private final TrinoLake lake;
  private final Clock clock;
  private final AtomicReference<LakeStatus> status;
  private final ScheduledExecutorService timer;

  public LakeStatusRefresher(TrinoLake lake, Clock clock) {
    this.lake = requireNonNull(lake, "lake is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.status = new AtomicReference<>(LakeStatus.unknown(clock.instant()));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lake-status-refresher");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Polls once now (so the first requests see a real status), then every interval. */
  public void start(java.time.Duration interval) {
    refresh();
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  public LakeStatus current() {
    return status.get();
  }

  /** A request found Trino unreachable: fail fast until the next successful poll. */
  public void markUnreachable(String why) {
    status.updateAndGet(s -> s.unreachable(why));
  }

  /** One poll; never throws (the timer must keep running). */
  public void refresh() {
    try {
      status.set(poll());
    } catch (NaapException e) {
      String detail = "Trino did not answer: " + e.code();
      LakeStatus before = status.get();
      if (before.reachable() || !before.detail().orElse("").equals(detail)) {
        LOG.warn("lake status poll failed: {} ({})", e.getMessage(), rootMessage(e));
      }
      status.updateAndGet(s -> s.unreachable(detail));
    } catch (RuntimeException e) {
      LOG.warn("lake status poll failed", e);
      status.updateAndGet(s -> s.unreachable("Trino did not answer"));
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private LakeStatus poll() {
    String catalog = lake.catalog();
    if (!CATALOG.matcher(catalog).matches()) {
      throw new IllegalStateException("bad catalog " + catalog);
    }
    String runs = "\"" + catalog + "\".\"ops\".\"job_runs\"";
    // Finished runs only: a failed run changed nothing a response reads.
    Instant now = clock.instant();
    // Readiness judges the gold the API serves as of now: a run stamped later (a rebuild of a
    // fixture lake, or a clock set back with --as-of) is not evidence of fresh data at now.
    List<Map<String, Object>> rows =
        lake.query(
            new SqlQuery(
                "SELECT"
                    + " max_by(run_id, finished_at) AS data_version,"
                    + " max(CASE WHEN job = ? AND run_time <= from_iso8601_timestamp(?)"
                    + " THEN run_time END) AS gold_run_time"
                    + " FROM "
                    + runs
                    + " WHERE status <> ?",
                List.of(
                    new SqlQuery.Parameter("gold"),
                    new SqlQuery.Parameter(now.toString()),
                    new SqlQuery.Parameter("failed")),
                1));
    Map<String, Object> row = rows.isEmpty() ? Map.of() : rows.get(0);
    return new LakeStatus(
        true,
        Optional.empty(),
        Optional.ofNullable((String) row.get("data_version")),
        Optional.ofNullable((Instant) row.get("gold_run_time")),
        now);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
