package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Gives Quartz {@link ChainJob}s wired with the runner and recorder (Quartz stores class names).
 */
final class ChainJobFactory implements JobFactory {
  private final ChainRunner runner;
  private final RunRecorder recorder;
  private final RetryPolicy retry;
  private final Duration misfireThreshold;
  private final Clock clock;

  ChainJobFactory(
      ChainRunner runner,
      RunRecorder recorder,
      RetryPolicy retry,
      Duration misfireThreshold,
      Clock clock) {
    this.runner = requireNonNull(runner, "runner is null");
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.misfireThreshold = requireNonNull(misfireThreshold, "misfireThreshold is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> jobClass = bundle.getJobDetail().getJobClass();
    if (jobClass != ChainJob.class) {
      throw new SchedulerException(
          "the store holds a job of class " + jobClass.getName() + "; only ChainJob runs here");
    }
    return new ChainJob(runner, recorder, retry, misfireThreshold, clock);
  }
}
