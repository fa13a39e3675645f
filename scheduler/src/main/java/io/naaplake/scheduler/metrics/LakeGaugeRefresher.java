package io.naaplake.scheduler.metrics;

import static java.util.Objects.requireNonNull;

import io.naaplake.alerts.GaugeReadings;
import io.naaplake.alerts.GaugeSource;
import io.naaplake.errors.NaapException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lake gauges on a timer, off the scrape path (a scrape never waits for Trino), and hands
 * them to {@link SchedulerMetrics}. When the lake cannot be read the lake series are replaced by
 * {@code naap_lake_up 0} alone: stale values would keep alerts firing, or silent, on old data.
 */
public final class LakeGaugeRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeGaugeRefresher.class);

  private final GaugeSource source;
  private final SchedulerMetrics metrics;
  private final Clock clock;
  private final Optional<Instant> asOf;
  private final ScheduledExecutorService timer;

  /**
   * @param asOf a fixed as-of time (a fixture lake), else the clock's time, truncated to seconds
   */
  public LakeGaugeRefresher(
      GaugeSource source, SchedulerMetrics metrics, Clock clock, Optional<Instant> asOf) {
    this.source = requireNonNull(source, "source is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.asOf = requireNonNull(asOf, "asOf is null");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lake-gauge-refresher");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Refreshes now and then every {@code interval}. */
  public void start(Duration interval) {
    timer.scheduleWithFixedDelay(
        this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One refresh; true when the lake was read. */
  public boolean refresh() {
    Instant at = asOf.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    try {
      metrics.updateLake(source.read(at));
      return true;
    } catch (NaapException e) {
      LOG.warn("lake gauges not refreshed: {}", e.getMessage());
      metrics.updateLake(GaugeReadings.unreachable(at));
      return false;
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // A bug must not end the timer: the next refresh may work, and the log says why.
      LOG.error("lake gauge refresh failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
