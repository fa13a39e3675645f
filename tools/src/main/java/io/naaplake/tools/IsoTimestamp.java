package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 date-time string such as {@code 2026-01-08T21:49:05.298Z}, parsed so that it can be
 * moved in time and written back in exactly its original layout: the same date/time separator, the
 * same number of fraction digits and the same zone suffix text. A string without a zone is read as
 * UTC (the house rule); shifting it is zone-independent anyway.
 */
record IsoTimestamp(
    LocalDateTime localDateTime, String separator, int fractionDigits, String zoneSuffix) {

  private static final Pattern LAYOUT =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})([Tt ])(\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?"
              + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

  /** Nanoseconds one unit of the last fraction digit stands for, by number of digits. */
  private static final long[] NANOS_PER_LAST_DIGIT = {
    1_000_000_000L, 100_000_000L, 10_000_000L, 1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L
  };

  IsoTimestamp {
    requireNonNull(localDateTime, "localDateTime is null");
    requireNonNull(separator, "separator is null");
    requireNonNull(zoneSuffix, "zoneSuffix is null");
  }

  static Optional<IsoTimestamp> parse(String text) {
    Matcher m = LAYOUT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String fraction = m.group(4) == null ? "" : m.group(4);
    String zone = m.group(5) == null ? "" : m.group(5);
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(3));
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      IsoTimestamp parsed =
          new IsoTimestamp(local.withNano(nanos), m.group(2), fraction.length(), zone);
      parsed.offset(); // rejects suffixes such as +25:00
      return Optional.of(parsed);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  Instant instant() {
    return localDateTime.toInstant(offset());
  }

  private ZoneOffset offset() {
    return zoneSuffix.isEmpty() || zoneSuffix.equalsIgnoreCase("Z")
        ? ZoneOffset.UTC
        : ZoneOffset.of(zoneSuffix);
  }

  /** Moved by {@code offsetMillis}, rounded half-up to the precision the string was written in. */
  IsoTimestamp plusMillis(long offsetMillis) {
    LocalDateTime moved = localDateTime.plus(Duration.ofMillis(offsetMillis));
    long unit = NANOS_PER_LAST_DIGIT[fractionDigits];
    long remainder = moved.getNano() % unit;
    LocalDateTime rounded =
        remainder * 2 >= unit ? moved.plusNanos(unit - remainder) : moved.minusNanos(remainder);
    return new IsoTimestamp(rounded, separator, fractionDigits, zoneSuffix);
  }

  String format() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%04d-%02d-%02d%s%02d:%02d:%02d",
                localDateTime.getYear(),
                localDateTime.getMonthValue(),
                localDateTime.getDayOfMonth(),
                separator,
                localDateTime.getHour(),
                localDateTime.getMinute(),
                localDateTime.getSecond()));
    if (fractionDigits > 0) {
      String nanos = String.format(Locale.ROOT, "%09d", localDateTime.getNano());
      text.append('.').append(nanos, 0, fractionDigits);
    }
    return text.append(zoneSuffix).toString();
  }
}
