package io.naaplake.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chains' jobs and recurring triggers, registered idempotently: what the store already holds is
 * kept, so fire history, pending misfires and a paused state survive a restart. Only a trigger
 * whose schedule no longer matches the configuration is replaced, and stays paused if it was.
 *
 * <p>Every recurring trigger ignores Quartz's misfire policy (MISFIRE_INSTRUCTION_IGNORE_MISFIRE
 * _POLICY): after downtime Quartz fires each missed time, oldest first, each with its own scheduled
 * time. The "fire once now" policies would run a single catch-up with the current time, and the
 * hourly chain would then never close the hours it missed.
 */
final class ChainSchedules {
  private static final Logger LOG = LoggerFactory.getLogger(ChainSchedules.class);

  private ChainSchedules() {}

  static void register(Scheduler scheduler, SchedulerConfig config, Clock clock)
      throws SchedulerException {
    for (Chain chain : Chain.values()) {
      if (!scheduler.checkExists(chain.jobKey())) {
        scheduler.addJob(job(chain), false);
      }
      Trigger wanted = trigger(chain, config, clock);
      Trigger existing = scheduler.getTrigger(chain.triggerKey());
      if (existing == null) {
        Date firstFire = scheduler.scheduleJob(wanted);
        LOG.info("{}: scheduled, first fire {}", chain.id(), firstFire.toInstant());
      } else if (!sameSchedule(existing, wanted)) {
        TriggerState state = scheduler.getTriggerState(chain.triggerKey());
        scheduler.rescheduleJob(chain.triggerKey(), wanted);
        if (state == TriggerState.PAUSED) {
          scheduler.pauseTrigger(chain.triggerKey());
        }
        LOG.info(
            "{}: schedule changed in the configuration, replaced (fires missed under the old"
                + " schedule are dropped)",
            chain.id());
      }
    }
  }

  static JobDetail job(Chain chain) {
    return JobBuilder.newJob(ChainJob.class)
        .withIdentity(chain.jobKey())
        .withDescription("the " + chain.id() + " chain")
        // Kept while no trigger points at it, e.g. between a one-shot and the recurring trigger.
        .storeDurably()
        // Killed mid-run: Quartz reruns it at the next start, with its original scheduled time.
        .requestRecovery()
        .build();
  }

  static Trigger trigger(Chain chain, SchedulerConfig config, Clock clock) {
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger().withIdentity(chain.triggerKey()).forJob(chain.jobKey());
    return switch (chain) {
      case HOURLY ->
          builder
              .startAt(Date.from(alignedStart(clock.instant(), config.hourlyInterval().toMillis())))
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(config.hourlyInterval().toMillis())
                      .repeatForever()
                      .withMisfireHandlingInstructionIgnoreMisfires())
              .build();
      case DAILY ->
          builder
              .startAt(Date.from(clock.instant()))
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(config.dailyCron())
                      .inTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
                      .withMisfireHandlingInstructionIgnoreMisfires())
              .build();
    };
  }

  /**
   * The first multiple of {@code intervalMillis} since the epoch at or after {@code now}: a
   * 5-minute interval fires at :00, :05, ... whenever the scheduler was first started.
   */
  static Instant alignedStart(Instant now, long intervalMillis) {
    long millis = now.toEpochMilli();
    long remainder = Math.floorMod(millis, intervalMillis);
    return Instant.ofEpochMilli(remainder == 0 ? millis : millis - remainder + intervalMillis);
  }

  static boolean sameSchedule(Trigger existing, Trigger wanted) {
    if (existing.getMisfireInstruction() != wanted.getMisfireInstruction()) {
      return false;
    }
    if (existing instanceof SimpleTrigger have && wanted instanceof SimpleTrigger want) {
      return have.getRepeatInterval() == want.getRepeatInterval()
          && have.getRepeatCount() == want.getRepeatCount();
    }
    if (existing instanceof CronTrigger have && wanted instanceof CronTrigger want) {
      return have.getCronExpression().equals(want.getCronExpression())
          && have.getTimeZone().getID().equals(want.getTimeZone().getID());
    }
    return false;
  }
}
