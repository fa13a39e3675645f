package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.time.Clock;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executing scheduler ({@code ./naap scheduler}): Quartz with a JDBC job store (JobStoreTX) on
 * the H2 file of {@link SchedulerConfig#storeUrl}, running the {@link Chain}s through a {@link
 * ChainRunner}. Schedules, pauses, pending retries and fire history live in the store, so a restart
 * resumes where the last instance stopped and first catches up every fire it missed, in order. One
 * instance per scheduler directory.
 */
public final class NaapScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NaapScheduler.class);

  private final Scheduler quartz;
  private final SingleSchedulerLock lock;

  private NaapScheduler(Scheduler quartz, SingleSchedulerLock lock) {
    this.quartz = quartz;
    this.lock = lock;
  }

  /**
   * Opens the store (creating Quartz's tables on first start), registers the chains and starts
   * firing.
   *
   * @param clock the time the run log and retry backoffs are computed from; Quartz fires on the
   *     system clock
   */
  public static NaapScheduler start(
      SchedulerConfig config, ChainRunner runner, RunRecorder recorder, Clock clock) {
    requireNonNull(config, "config is null");
    SingleSchedulerLock lock = SingleSchedulerLock.acquire(config.dir());
    Scheduler quartz = null;
    try {
      quartz = new StdSchedulerFactory(QuartzProperties.executing(config)).getScheduler();
      quartz.setJobFactory(
          new ChainJobFactory(runner, recorder, config.retry(), config.misfireThreshold(), clock));
      ChainSchedules.register(quartz, config, clock);
      quartz.start();
      LOG.info("scheduler started on {}", config.storeUrl());
      return new NaapScheduler(quartz, lock);
    } catch (SchedulerException | RuntimeException e) {
      shutdownQuietly(quartz);
      lock.close();
      if (e instanceof SchedulerException) {
        throw LakeErrors.ioFailure("starting the scheduler on " + config.storeUrl(), e);
      }
      throw (RuntimeException) e;
    }
  }

  /** The running Quartz scheduler, e.g. for {@link JobsCommand}. */
  public Scheduler quartz() {
    return quartz;
  }

  /** Stops firing, waits for the running chain to finish, and releases the store. */
  @Override
  public void close() {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("scheduler shutdown failed: {}", e.getMessage(), e);
    } finally {
      lock.close();
    }
  }

  private static void shutdownQuietly(Scheduler quartz) {
    if (quartz == null) {
      return;
    }
    try {
      quartz.shutdown(false);
    } catch (SchedulerException e) {
      LOG.warn("scheduler shutdown after a failed start failed: {}", e.getMessage());
    }
  }
}
