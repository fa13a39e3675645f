package io.naaplake.scheduler;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.quartz.JobDataMap;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The one-shot triggers of a chain, beside its recurring one: manual runs and retries. Each carries
 * in its job data what the run must use instead of Quartz's own view of the fire: the kind, the
 * attempt number and, for a retry, the first attempt's scheduled time (a retry fires later, but
 * must compute the same window). Quartz copies a trigger's data into the recovery trigger of a run
 * cut short by a crash, so a recovered retry keeps them too.
 */
final class OneShotTriggers {
  /** Group of manual and retry triggers; pausing a chain pauses them with its recurring one. */
  static final String GROUP = "one-shot";

  static final String KIND = "naap.kind";
  static final String ATTEMPT = "naap.attempt";
  static final String SCHEDULED_TIME = "naap.scheduled-time";

  /** A retry goes before a recurring fire due at the same time: the older window first. */
  private static final int RETRY_PRIORITY = Trigger.DEFAULT_PRIORITY + 1;

  private OneShotTriggers() {}

  /** Run {@code chain} now, as an operator asked; its scheduled and run time are {@code now}. */
  static Trigger manual(Chain chain, Instant now) {
    return oneShot(chain, "manual", now, TriggerKind.MANUAL, now, 1, Trigger.DEFAULT_PRIORITY);
  }

  /**
   * Attempt {@code attempt} of a run first scheduled at {@code scheduledTime}, fired at {@code at}.
   */
  static Trigger retry(
      Chain chain, TriggerKind kind, Instant scheduledTime, int attempt, Instant at) {
    return oneShot(chain, "retry", at, kind, scheduledTime, attempt, RETRY_PRIORITY);
  }

  static Optional<TriggerKind> kind(JobDataMap data) {
    return Optional.ofNullable(data.getString(KIND)).map(TriggerKind::fromLabel);
  }

  static int attempt(JobDataMap data) {
    String attempt = data.getString(ATTEMPT);
    return attempt == null ? 1 : Integer.parseInt(attempt);
  }

  static Optional<Instant> scheduledTime(JobDataMap data) {
    return Optional.ofNullable(data.getString(SCHEDULED_TIME))
        .map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)));
  }

  private static Trigger oneShot(
      Chain chain,
      String purpose,
      Instant fireAt,
      TriggerKind kind,
      Instant scheduledTime,
      int attempt,
      int priority) {
    JobDataMap data = new JobDataMap();
    // Strings only: the store keeps job data as properties (org.quartz.jobStore.useProperties).
    data.put(KIND, kind.label());
    data.put(ATTEMPT, Integer.toString(attempt));
    data.put(SCHEDULED_TIME, Long.toString(scheduledTime.toEpochMilli()));
    return TriggerBuilder.newTrigger()
        .withIdentity(
            chain.id()
                + "."
                + purpose
                + "."
                + scheduledTime.toEpochMilli()
                + "."
                + attempt
                + "."
                + fireAt.toEpochMilli(),
            GROUP)
        .forJob(chain.jobKey())
        .startAt(Date.from(fireAt))
        .withPriority(priority)
        .usingJobData(data)
        // Due while the scheduler was down: fire as soon as it is back, like the recurring ones.
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withMisfireHandlingInstructionIgnoreMisfires()
                .withRepeatCount(0))
        .build();
  }

  /** Whether {@code trigger} is one of these (not a recurring trigger). */
  static boolean isOneShot(Trigger trigger) {
    return trigger instanceof SimpleTrigger && GROUP.equals(trigger.getKey().getGroup());
  }
}
