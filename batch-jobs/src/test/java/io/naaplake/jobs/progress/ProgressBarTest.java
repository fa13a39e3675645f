package io.naaplake.jobs.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.jobs.lake.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-08T00:00:00Z"));

  @Test
  void linesModePrintsOneLinePerUpdateWithTheMeanStepTimeAsEta() {
    ProgressBar bar = new ProgressBar(out, false, clock, "days", 4);
    bar.begin("gold 2026-01-08");
    clock.advance(Duration.ofSeconds(20));
    bar.complete();
    bar.begin("gold 2026-01-09");
    clock.advance(Duration.ofSeconds(40));
    bar.complete();
    bar.begin("gold 2026-01-10");
    // 2 of 4 steps in 60 s: 30 s per step, 2 steps left, 60 s (1m00s).
    assertThat(text().split("\n"))
        .containsExactly(
            "[..........] 0/4 days  gold 2026-01-08  ETA --",
            "[##........] 1/4 days  gold 2026-01-08  ETA 1m00s",
            "[##........] 1/4 days  gold 2026-01-09  ETA 1m00s",
            "[#####.....] 2/4 days  gold 2026-01-09  ETA 1m00s",
            "[#####.....] 2/4 days  gold 2026-01-10  ETA 1m00s");
  }

  @Test
  void terminalModeRedrawsInPlaceAndPadsOverLongerText() {
    ProgressBar bar = new ProgressBar(out, true, clock, "days", 3);
    bar.begin("silver 2026-01-08..2026-01-11");
    clock.advance(Duration.ofSeconds(9));
    bar.complete();
    bar.begin("gold 2026-01-08");
    String first = "[..........] 0/3 days  silver 2026-01-08..2026-01-11  ETA --";
    String second = "[###.......] 1/3 days  silver 2026-01-08..2026-01-11  ETA 18s";
    String third = "[###.......] 1/3 days  gold 2026-01-08  ETA 18s";
    assertThat(text())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + second
                + "\r"
                + third
                + " ".repeat(second.length() - third.length()));
    assertThat(text()).doesNotContain("\n");
  }

  @Test
  void notesGoAboveTheBarOnATerminal() {
    ProgressBar bar = new ProgressBar(out, true, clock, "days", 2);
    bar.begin("gold 2026-01-08");
    bytes.reset();
    bar.note("gold: 12 rows");
    String line = "[..........] 0/2 days  gold 2026-01-08  ETA --";
    assertThat(text())
        .isEqualTo("\r" + " ".repeat(line.length()) + "\r" + "gold: 12 rows\n" + "\r" + line);
  }

  @Test
  void finishPrintsTheTotalTimeAndEndsTheLine() {
    ProgressBar bar = new ProgressBar(out, false, clock, "days", 2);
    bar.begin("gold 2026-01-08");
    clock.advance(Duration.ofMinutes(61));
    bar.complete();
    bar.begin("gold 2026-01-09");
    clock.advance(Duration.ofSeconds(125));
    bar.complete();
    bar.finish("backfill done");
    assertThat(text().split("\n"))
        .endsWith(
            "[##########] 2/2 days  gold 2026-01-09  ETA 0s",
            "[##########] 2/2 days  backfill done in 1h03m");
  }

  @Test
  void durationsReadAsSecondsMinutesOrHours() {
    assertThat(ProgressBar.format(Duration.ofMillis(999))).isEqualTo("0s");
    assertThat(ProgressBar.format(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(ProgressBar.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(ProgressBar.format(Duration.ofSeconds(3725))).isEqualTo("1h02m");
  }

  @Test
  void refusesMoreCompletionsThanSteps() {
    ProgressBar bar = new ProgressBar(out, false, clock, "days", 1);
    bar.begin("gold 2026-01-08");
    bar.complete();
    assertThatThrownBy(bar::complete).hasMessageContaining("already complete");
    assertThatThrownBy(() -> new ProgressBar(out, false, clock, "days", 0))
        .hasMessageContaining("at least one step");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
