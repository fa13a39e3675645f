package io.naaplake.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Best-effort reading of the timestamps producers put on the wire: epoch milliseconds (as number or
 * string), epoch seconds (integer or fractional, e.g. {@code 1743500000.123}) or ISO-8601.
 *
 * <p>Seconds and milliseconds are told apart by magnitude: any epoch below 10^11 is read as seconds
 * (10^11 ms is 1973-03-03, long before the network existed; 10^11 s is year 5138).
 */
public final class WireTimestamps {
  private static final double SECONDS_MILLIS_BOUNDARY = 1e11;

  /** Earliest plausible event time; anything before it is treated as unparseable. */
  private static final Instant EARLIEST = Instant.parse("2001-01-01T00:00:00Z");

  /** Latest plausible event time. */
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** Parses a wire timestamp; empty for blanks, zero, garbage or implausible instants. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> parsed =
        isNumeric(trimmed)
            ? fromEpochNumber(Double.parseDouble(trimmed), trimmed)
            : fromIso(trimmed);
    return parsed.filter(i -> !i.isBefore(EARLIEST) && i.isBefore(LATEST));
  }

  private static boolean isNumeric(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && !(i == 0 && c == '-')) {
        return false;
      }
    }
    return digit && text.indexOf('.') == text.lastIndexOf('.');
  }

  private static Optional<Instant> fromEpochNumber(double value, String text) {
    if (Math.abs(value) >= SECONDS_MILLIS_BOUNDARY) {
      return Optional.of(Instant.ofEpochMilli(integralMillis(text, value)));
    }
    long micros = Math.round(value * 1_000_000d);
    return Optional.of(Instant.ofEpochSecond(0, 0).plusNanos(micros * 1000L));
  }

  /** Integral milliseconds are kept exact (a double holds them exactly up to 2^53). */
  private static long integralMillis(String text, double value) {
    if (text.indexOf('.') < 0) {
      return Long.parseLong(text);
    }
    return Math.round(value);
  }

  private static Optional<Instant> fromIso(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException notInstant) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException notOffset) {
        return Optional.empty();
      }
    }
  }

  private WireTimestamps() {}
}
