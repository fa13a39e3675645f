package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of every chain: asks the {@link ChainRunner} to run it, records the attempt, and
 * on a retriable failure schedules the next attempt as a one-shot trigger after the backoff of the
 * {@link RetryPolicy}. Bad-data and fatal failures are recorded once and not retried: the same
 * input fails again, or a human must act.
 *
 * <p>A chain never runs concurrently with itself; with one worker thread no two chains run at once.
 */
@DisallowConcurrentExecution
final class ChainJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ChainJob.class);

  private final ChainRunner runner;
  private final RunRecorder recorder;
  private final RetryPolicy retry;
  private final Duration misfireThreshold;
  private final Clock clock;

  ChainJob(
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
  public void execute(JobExecutionContext context) {
    Chain chain = Chain.byId(context.getJobDetail().getKey().getName());
    ChainRequest request = requestOf(chain, context);
    Instant startedAt = clock.instant();
    try {
      ChainResult result = runner.run(request);
      record(request, RunStatus.SUCCEEDED, Optional.empty(), result.summary(), startedAt);
    } catch (Exception e) {
      // Exceptions only: an Error (out of memory) is left to Quartz and the JVM.
      failed(context.getScheduler(), chain, request, e, startedAt);
    }
  }

  /**
   * The request of this fire. One-shot triggers carry kind, attempt and scheduled time; a recurring
   * trigger's run is scheduled, or a misfire catch-up when it fires later than the threshold.
   */
  ChainRequest requestOf(Chain chain, JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    Instant scheduled = context.getScheduledFireTime().toInstant();
    Instant fired = context.getFireTime().toInstant();
    TriggerKind kind =
        OneShotTriggers.kind(data)
            .orElseGet(
                () ->
                    Duration.between(scheduled, fired).compareTo(misfireThreshold) > 0
                        ? TriggerKind.MISFIRE_CATCH_UP
                        : TriggerKind.SCHEDULED);
    return ChainRequest.at(
        chain,
        kind,
        OneShotTriggers.scheduledTime(data).orElse(scheduled),
        OneShotTriggers.attempt(data));
  }

  private void failed(
      Scheduler scheduler, Chain chain, ChainRequest request, Exception error, Instant startedAt) {
    ErrorCategory category = NaapException.categoryOf(error);
    String message = String.valueOf(error.getMessage() == null ? error : error.getMessage());
    if (category == ErrorCategory.RETRIABLE && retry.allowsAttemptAfter(request.attempt())) {
      int next = request.attempt() + 1;
      Instant retryAt = clock.instant().plus(retry.backoffAfter(request.attempt()));
      try {
        scheduleRetry(scheduler, chain, request, next, retryAt);
        LOG.warn(
            "{} run of {} failed (attempt {}), retrying at {}: {}",
            chain.id(),
            request.scheduledTime(),
            request.attempt(),
            retryAt,
            message);
        record(
            request,
            RunStatus.RETRYING,
            Optional.of(category),
            message + " (attempt " + next + " at " + retryAt + ")",
            startedAt);
        return;
      } catch (SchedulerException e) {
        message += "; scheduling the retry failed: " + e.getMessage();
      }
    }
    LOG.error(
        "{} run of {} failed ({}, attempt {}): {}",
        chain.id(),
        request.scheduledTime(),
        category,
        request.attempt(),
        message,
        category == ErrorCategory.FATAL ? error : null);
    record(request, RunStatus.FAILED, Optional.of(category), message, startedAt);
  }

  /** Schedules the retry; a chain paused meanwhile gets it paused, so pause holds. */
  private static void scheduleRetry(
      Scheduler scheduler, Chain chain, ChainRequest request, int attempt, Instant at)
      throws SchedulerException {
    Trigger trigger =
        OneShotTriggers.retry(chain, request.kind(), request.scheduledTime(), attempt, at);
    scheduler.scheduleJob(trigger);
    if (scheduler.getTriggerState(chain.triggerKey()) == TriggerState.PAUSED) {
      scheduler.pauseTrigger(trigger.getKey());
    }
  }

  private void record(
      ChainRequest request,
      RunStatus status,
      Optional<ErrorCategory> category,
      String message,
      Instant startedAt) {
    RunRecord run =
        new RunRecord(
            request.chain(),
            request.kind(),
            request.scheduledTime(),
            request.attempt(),
            status,
            category,
            message,
            startedAt,
            Duration.between(startedAt, clock.instant()));
    try {
      recorder.record(run);
    } catch (RuntimeException e) {
      // The run happened either way; a lost record must not fail it or trigger a rerun.
      LOG.error("recording {} failed: {}", run, e.getMessage(), e);
    }
  }
}
