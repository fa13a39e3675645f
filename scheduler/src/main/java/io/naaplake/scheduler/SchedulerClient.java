package io.naaplake.scheduler;

import io.naaplake.errors.LakeErrors;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A non-executing Quartz scheduler on the same store as the running {@link NaapScheduler}: what
 * {@code ./naap jobs} reads and changes schedules through. It has no worker threads and is never
 * started, so it runs no job, acquires no trigger and skips Quartz's start-up recovery; its changes
 * (a manual run, a pause) reach the running scheduler through the store, which polls it every
 * naap.scheduler.poll-interval when idle.
 */
final class SchedulerClient {
  private SchedulerClient() {}

  /**
   * Opens the client; close it with {@code shutdown(false)}. Quartz keeps one scheduler per name
   * and JVM, so in the JVM of a running {@link NaapScheduler} use {@link NaapScheduler#quartz}.
   */
  static Scheduler open(SchedulerConfig config) {
    try {
      if (SchedulerRepository.getInstance().lookup(QuartzProperties.SCHEDULER_NAME) != null) {
        throw new IllegalStateException(
            "a scheduler already runs in this JVM; use NaapScheduler.quartz()");
      }
      return new StdSchedulerFactory(QuartzProperties.client(config)).getScheduler();
    } catch (SchedulerException e) {
      throw LakeErrors.ioFailure("opening the scheduler store " + config.storeUrl(), e);
    }
  }
}
