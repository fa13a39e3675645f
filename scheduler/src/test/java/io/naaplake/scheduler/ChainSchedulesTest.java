package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

class ChainSchedulesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T12:03:17.250Z"), ZoneOffset.UTC);

  @Test
  void theHourlyChainStartsAtTheNextMultipleOfItsInterval() {
    assertThat(ChainSchedules.alignedStart(CLOCK.instant(), 300_000))
        .isEqualTo(Instant.parse("2026-01-15T12:05:00Z"));
    assertThat(ChainSchedules.alignedStart(Instant.parse("2026-01-15T12:05:00Z"), 300_000))
        .isEqualTo(Instant.parse("2026-01-15T12:05:00Z"));
  }

  @Test
  void recurringTriggersFireEveryMissedTime() {
    SchedulerConfig config = SchedulerConfig.from(Settings.of(Map.of()));
    SimpleTrigger hourly = (SimpleTrigger) ChainSchedules.trigger(Chain.HOURLY, config, CLOCK);
    assertThat(hourly.getRepeatInterval()).isEqualTo(300_000);
    assertThat(hourly.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
    assertThat(hourly.getStartTime().toInstant()).isEqualTo(Instant.parse("2026-01-15T12:05:00Z"));
    CronTrigger daily = (CronTrigger) ChainSchedules.trigger(Chain.DAILY, config, CLOCK);
    assertThat(daily.getTimeZone().getID()).isEqualTo("UTC");
    assertThat(daily.getFireTimeAfter(Date.from(CLOCK.instant())).toInstant())
        .isEqualTo(Instant.parse("2026-01-16T00:30:00Z"));
    for (Trigger trigger : new Trigger[] {hourly, daily}) {
      assertThat(trigger.getMisfireInstruction())
          .isEqualTo(Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);
    }
  }

  @Test
  void onlyAChangedScheduleCountsAsDifferent() {
    SchedulerConfig fiveMinutes = SchedulerConfig.from(Settings.of(Map.of()));
    SchedulerConfig oneMinute =
        SchedulerConfig.from(
            Settings.of(
                Map.of(
                    "naap.scheduler.hourly.interval", "1m", "naap.scheduler.daily.at", "01:00")));
    Clock later = Clock.offset(CLOCK, java.time.Duration.ofHours(5));
    for (Chain chain : Chain.values()) {
      Trigger stored = ChainSchedules.trigger(chain, fiveMinutes, CLOCK);
      // The same configuration later (another start time) is the same schedule.
      assertThat(
              ChainSchedules.sameSchedule(
                  stored, ChainSchedules.trigger(chain, fiveMinutes, later)))
          .isTrue();
      assertThat(
              ChainSchedules.sameSchedule(stored, ChainSchedules.trigger(chain, oneMinute, CLOCK)))
          .isFalse();
    }
  }
}
