package io.naaplake.jobs.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A progress bar for long commands that work in counted steps, e.g. {@code [#####.....] 12/30 days
 * gold 2026-01-08 ETA 40s}.
 *
 * <p>On a terminal the bar is redrawn in place ({@code \r}) and notes are printed above it; in logs
 * and CI (no terminal) every update is a line of its own, so the file shows each step with its
 * time. The ETA is the mean time of the finished steps times the steps left; unknown ({@code --})
 * before the first step finishes.
 */
public final class ProgressBar {
  private static final int WIDTH = 10;

  private final PrintStream out;
  private final boolean redraw;
  private final Clock clock;
  private final String unit;
  private final int total;
  private final Instant started;
  private int done;
  private String current = "";
  private int drawnLength;

  /**
   * @param out where the bar goes (stderr: stdout stays for results)
   * @param redraw redraw one line in place (a terminal: {@code System.console() != null})
   * @param unit what a step is, plural ({@code "days"})
   * @param total how many steps the work has
   */
  public ProgressBar(PrintStream out, boolean redraw, Clock clock, String unit, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("a progress bar needs at least one step, got " + total);
    }
    this.out = requireNonNull(out, "out is null");
    this.redraw = redraw;
    this.clock = requireNonNull(clock, "clock is null");
    this.unit = requireNonNull(unit, "unit is null");
    this.total = total;
    this.started = clock.instant();
  }

  /** A bar on stderr that redraws in place when the process has a terminal. */
  public static ProgressBar onStderr(Clock clock, String unit, int total) {
    return new ProgressBar(System.err, System.console() != null, clock, unit, total);
  }

  /** Shows that the step {@code label} is now running. */
  public void begin(String label) {
    current = requireNonNull(label, "label is null");
    draw(line(done, current, eta()));
  }

  /** Counts the running step as finished. */
  public void complete() {
    if (done == total) {
      throw new IllegalStateException("all " + total + " " + unit + " are already complete");
    }
    done++;
    draw(line(done, current, eta()));
  }

  /** Prints a message without breaking the bar: above it on a terminal, as a line otherwise. */
  public void note(String message) {
    if (redraw) {
      clearLine();
      out.println(message);
      out.print(drawn(line(done, current, eta())));
    } else {
      out.println(message);
    }
    out.flush();
  }

  /** The final line, with the total time; ends the bar's line on a terminal. */
  public void finish(String summary) {
    String text =
        bar(done)
            + " "
            + done
            + "/"
            + total
            + " "
            + unit
            + "  "
            + summary
            + " in "
            + format(Duration.between(started, clock.instant()));
    if (redraw) {
      clearLine();
    }
    out.println(text);
    out.flush();
  }

  /** The bar's text for {@code done} finished steps, the running step and the ETA. */
  String line(int finished, String label, String eta) {
    return bar(finished)
        + " "
        + finished
        + "/"
        + total
        + " "
        + unit
        + (label.isEmpty() ? "" : "  " + label)
        + "  ETA "
        + eta;
  }

  private String bar(int finished) {
    int filled = (int) ((long) finished * WIDTH / total);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
  }

  private String eta() {
    if (done == 0) {
      return "--";
    }
    if (done == total) {
      return "0s";
    }
    Duration elapsed = Duration.between(started, clock.instant());
    return format(elapsed.multipliedBy(total - done).dividedBy(done));
  }

  /** 40s, 2m05s, 1h02m. */
  static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }

  private void draw(String text) {
    if (redraw) {
      out.print(drawn(text));
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** The text for an in-place redraw: padded over whatever longer text was drawn before. */
  private String drawn(String text) {
    String padding = " ".repeat(Math.max(0, drawnLength - text.length()));
    drawnLength = text.length();
    return "\r" + text + padding;
  }

  private void clearLine() {
    out.print("\r" + " ".repeat(drawnLength) + "\r");
    drawnLength = 0;
  }
}
