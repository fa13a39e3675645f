package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RedundantFiresTest {
  private final RedundantFires fires = new RedundantFires(Duration.ofMinutes(5));

  @Test
  void catchUpFireWhoseSuccessorIsDueIsSkipped() {
    // Back at 12:31 after downtime: the 12:10 fire's successor (12:15) is due.
    Instant now = Instant.parse("2026-01-09T12:31:00Z");
    assertThat(fires.skipReason(fire(TriggerKind.MISFIRE_CATCH_UP, "12:10", 1), now))
        .hasValueSatisfying(reason -> assertThat(reason).contains("2026-01-09T12:15:00Z"));
    // The 12:30 fire's successor (12:35) is not due yet: it runs and reads everything.
    assertThat(fires.skipReason(fire(TriggerKind.MISFIRE_CATCH_UP, "12:30", 1), now)).isEmpty();
  }

  @Test
  void firstFireOfAnHourClosesThePreviousHourAndAlwaysRuns() {
    Instant now = Instant.parse("2026-01-09T14:00:00Z");
    assertThat(fires.skipReason(fire(TriggerKind.MISFIRE_CATCH_UP, "12:00", 1), now)).isEmpty();
    assertThat(fires.skipReason(fire(TriggerKind.SCHEDULED, "13:00", 1), now)).isEmpty();
    assertThat(fires.skipReason(fire(TriggerKind.SCHEDULED, "13:05", 1), now)).isPresent();
  }

  @Test
  void manualRunsRetriesAndTheDailyChainAlwaysRun() {
    Instant now = Instant.parse("2026-01-09T14:00:00Z");
    assertThat(fires.skipReason(fire(TriggerKind.MANUAL, "12:10", 1), now)).isEmpty();
    assertThat(fires.skipReason(fire(TriggerKind.MISFIRE_CATCH_UP, "12:10", 2), now)).isEmpty();
    assertThat(
            fires.skipReason(
                ChainRequest.at(
                    Chain.DAILY,
                    TriggerKind.MISFIRE_CATCH_UP,
                    Instant.parse("2026-01-08T00:30:00Z"),
                    1),
                now))
        .isEmpty();
  }

  private static ChainRequest fire(TriggerKind kind, String time, int attempt) {
    return ChainRequest.at(
        Chain.HOURLY, kind, Instant.parse("2026-01-09T" + time + ":00Z"), attempt);
  }
}
