package io.naaplake.jobs.report;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The UTC window [start, end) a report covers, and the windows it is compared with. */
public record ReportWindow(ReportKind kind, Instant start) {
  public ReportWindow {
    requireNonNull(kind, "kind is null");
    requireNonNull(start, "start is null");
    if (!kind.isWindowStart(start)) {
      throw LakeErrors.badInput(
          "report window", start + " is not the start of a UTC " + kind.label() + " window");
    }
  }

  public Instant end() {
    return start.plus(kind.length());
  }

  public String id() {
    return kind.id(start);
  }

  /** The window just before (the previous day or hour). */
  public ReportWindow previous() {
    return new ReportWindow(kind, start.minus(kind.length()));
  }

  /** The same window one week earlier (the same day or hour of the previous week). */
  public ReportWindow weekBefore() {
    return new ReportWindow(kind, start.minus(Duration.ofDays(7)));
  }

  /** UTC date of the start: the partition every gold table of the window is in. */
  public LocalDate date() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }

  /** Spark SQL predicate: {@code column} (a timestamp) in [start, end), pruned by its date. */
  public String timePredicate(String timestampColumn, String dateColumn) {
    return dateColumn
        + " = DATE '"
        + date()
        + "' AND "
        + timestampColumn
        + " >= TIMESTAMP '"
        + start
        + "' AND "
        + timestampColumn
        + " < TIMESTAMP '"
        + end()
        + "'";
  }
}
