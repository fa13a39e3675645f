package io.naaplake.jobs.report;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The two report kinds: a UTC day and a UTC hour. */
public enum ReportKind {
  DAILY("daily", ChronoUnit.DAYS, "yyyy-MM-dd"),
  HOURLY("hourly", ChronoUnit.HOURS, "yyyy-MM-dd'T'HH");

  private final String label;
  private final ChronoUnit unit;
  private final DateTimeFormatter idFormat;

  ReportKind(String label, ChronoUnit unit, String idPattern) {
    this.label = label;
    this.unit = unit;
    this.idFormat =
        DateTimeFormatter.ofPattern(idPattern, Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
  }

  public String label() {
    return label;
  }

  public Duration length() {
    return unit.getDuration();
  }

  /** {@code daily-2026-01-08} / {@code hourly-2026-01-08T21}: the report id of a window start. */
  public String id(Instant windowStart) {
    return label + "-" + idFormat.format(windowStart);
  }

  /** The last complete window before the run time (the previous day or hour). */
  public Instant previousCompleteWindow(Instant runTime) {
    return runTime.truncatedTo(unit).minus(length());
  }

  /** Whether the instant is the start of a window of this kind. */
  public boolean isWindowStart(Instant instant) {
    return instant.truncatedTo(unit).equals(instant);
  }

  public static ReportKind parse(String label) {
    for (ReportKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw LakeErrors.badInput("report kind", "'" + label + "' is not daily or hourly");
  }
}
