package io.naaplake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.NaapException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportWindowTest {
  private static final Instant RUN = Instant.parse("2026-01-09T01:00:00Z");

  @Test
  void idsFollowTheSharedContract() {
    ReportWindow day = new ReportWindow(ReportKind.DAILY, Instant.parse("2026-01-08T00:00:00Z"));
    assertThat(day.id()).isEqualTo("daily-2026-01-08");
    assertThat(day.end()).isEqualTo(Instant.parse("2026-01-09T00:00:00Z"));
    assertThat(day.previous().id()).isEqualTo("daily-2026-01-07");
    assertThat(day.weekBefore().id()).isEqualTo("daily-2026-01-01");
    ReportWindow hour = new ReportWindow(ReportKind.HOURLY, Instant.parse("2026-01-08T21:00:00Z"));
    assertThat(hour.id()).isEqualTo("hourly-2026-01-08T21");
    assertThat(hour.previous().id()).isEqualTo("hourly-2026-01-08T20");
    assertThat(hour.weekBefore().id()).isEqualTo("hourly-2026-01-01T21");
    assertThat(day.id() + hour.id())
        .matches("(daily-\\d{4}-\\d{2}-\\d{2}|hourly-\\d{4}-\\d{2}-\\d{2}T\\d{2})+");
  }

  @Test
  void aWindowMustStartOnItsBoundary() {
    assertThatThrownBy(
            () -> new ReportWindow(ReportKind.DAILY, Instant.parse("2026-01-08T01:00:00Z")))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("not the start of a UTC daily window");
  }

  @Test
  void commandLineDefaultsToTheLastCompleteWindowBeforeTheRunTime() {
    ReportMain.Arguments daily =
        ReportMain.parse(
            new String[] {"report", "--kind", "daily", "--run-time", RUN.toString()}, RUN);
    assertThat(daily.window().id()).isEqualTo("daily-2026-01-08");
    assertThat(daily.runTime()).isEqualTo(RUN);
    ReportMain.Arguments hourly =
        ReportMain.parse(
            new String[] {"report", "--kind", "hourly"}, Instant.parse("2026-01-09T01:30:00Z"));
    assertThat(hourly.window().id()).isEqualTo("hourly-2026-01-09T00");
    ReportMain.Arguments explicit =
        ReportMain.parse(
            new String[] {"report", "--kind", "hourly", "--window-start", "2026-01-08T21:00:00Z"},
            RUN);
    assertThat(explicit.window().id()).isEqualTo("hourly-2026-01-08T21");
    assertThatThrownBy(() -> ReportMain.parse(new String[] {"report", "--kind", "weekly"}, RUN))
        .hasMessageContaining("not daily or hourly");
    assertThatThrownBy(() -> ReportMain.parse(new String[] {"report"}, RUN))
        .hasMessageContaining("--kind is required");
  }
}
