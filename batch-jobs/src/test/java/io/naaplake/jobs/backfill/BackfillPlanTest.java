package io.naaplake.jobs.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillPlanTest {
  private static final List<BackfillLayer> BOTH = List.of(BackfillLayer.SILVER, BackfillLayer.GOLD);

  @Test
  void silverOnceForTheWindowThenGoldOneDayAtATimeOldestFirst() {
    List<BackfillPlan.Step> steps =
        BackfillPlan.of(request("2026-01-08", "2026-01-11", BOTH, "2026-03-01T00:00:00Z"));
    assertThat(steps.stream().map(BackfillPlan.Step::label))
        .containsExactly(
            "silver 2026-01-08..2026-01-10",
            "gold 2026-01-08",
            "gold 2026-01-09",
            "gold 2026-01-10");
    assertThat(steps.get(1).from()).isEqualTo(LocalDate.parse("2026-01-08"));
    assertThat(steps.get(1).until()).isEqualTo(LocalDate.parse("2026-01-09"));
    assertThat(steps.get(0).until()).isEqualTo(LocalDate.parse("2026-01-11"));
    // The run time is seven weeks later: the as-of tables read none of these days.
    assertThat(steps).noneMatch(BackfillPlan.Step::refreshAsOf);
  }

  @Test
  void onlyTheLayersAsked() {
    assertThat(
            BackfillPlan.of(
                    request(
                        "2026-01-08",
                        "2026-01-09",
                        List.of(BackfillLayer.GOLD),
                        "2026-03-01T00:00:00Z"))
                .stream()
                .map(BackfillPlan.Step::label))
        .containsExactly("gold 2026-01-08");
    assertThat(
            BackfillPlan.of(
                    request(
                        "2026-01-08",
                        "2026-01-10",
                        List.of(BackfillLayer.SILVER),
                        "2026-03-01T00:00:00Z"))
                .stream()
                .map(BackfillPlan.Step::label))
        .containsExactly("silver 2026-01-08..2026-01-09");
  }

  @Test
  void theLastGoldDayRefreshesTheAsOfTablesWhenTheLeaderboardReadsTheWindow() {
    // Run time 2026-01-15T06:00Z: the leaderboard reads hourly rows from 2026-01-08 on.
    String runTime = "2026-01-15T06:00:00Z";
    List<BackfillPlan.Step> steps =
        BackfillPlan.of(request("2026-01-06", "2026-01-09", BOTH, runTime));
    assertThat(steps.stream().map(BackfillPlan.Step::refreshAsOf))
        .containsExactly(false, false, false, true);
    // Days entirely before the reach, or entirely after the run time's date, do not.
    assertThat(BackfillPlan.of(request("2026-01-06", "2026-01-08", BOTH, runTime)))
        .noneMatch(BackfillPlan.Step::refreshAsOf);
    assertThat(BackfillPlan.of(request("2026-01-16", "2026-01-17", BOTH, runTime)))
        .noneMatch(BackfillPlan.Step::refreshAsOf);
    assertThat(BackfillPlan.of(request("2026-01-15", "2026-01-16", BOTH, runTime)))
        .last()
        .matches(BackfillPlan.Step::refreshAsOf);
  }

  private static BackfillRequest request(
      String from, String to, List<BackfillLayer> layers, String runTime) {
    return new BackfillRequest(
        LocalDate.parse(from), LocalDate.parse(to), layers, Instant.parse(runTime));
  }
}
