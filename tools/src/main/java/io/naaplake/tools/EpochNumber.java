package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A number that reads as a point in time: epoch seconds or epoch milliseconds between 2001-01-01
 * and 2100-01-01 UTC. The two ranges do not overlap (seconds end below 4.2e9, milliseconds start
 * above 9.7e11), so the unit follows from the value. Anything else (zero, durations such as {@code
 * latency_ms}, media clocks such as ingest {@code last_input_ts} of a few seconds) is not a point
 * in time.
 */
record EpochNumber(BigDecimal value, Unit unit) {
  /** The unit the producer wrote the value in; a shifted value keeps it. */
  enum Unit {
    SECONDS,
    MILLISECONDS
  }

  private static final BigDecimal FIRST_SECOND = BigDecimal.valueOf(978_307_200L); // 2001-01-01
  private static final BigDecimal END_SECOND = BigDecimal.valueOf(4_102_444_800L); // 2100-01-01
  private static final BigDecimal FIRST_MILLI = FIRST_SECOND.movePointRight(3);
  private static final BigDecimal END_MILLI = END_SECOND.movePointRight(3);

  EpochNumber {
    requireNonNull(value, "value is null");
    requireNonNull(unit, "unit is null");
  }

  /** The value as a point in time, or empty when it is outside both plausible ranges. */
  static Optional<EpochNumber> of(BigDecimal value) {
    if (within(value, FIRST_SECOND, END_SECOND)) {
      return Optional.of(new EpochNumber(value, Unit.SECONDS));
    }
    if (within(value, FIRST_MILLI, END_MILLI)) {
      return Optional.of(new EpochNumber(value, Unit.MILLISECONDS));
    }
    return Optional.empty();
  }

  private static boolean within(BigDecimal value, BigDecimal first, BigDecimal end) {
    return value.compareTo(first) >= 0 && value.compareTo(end) < 0;
  }

  /**
   * The value moved by {@code offsetMillis}, in the same unit and with the same number of decimals:
   * whole seconds stay whole seconds, so their shift is rounded to the second (half-even).
   */
  BigDecimal plusMillis(long offsetMillis) {
    BigDecimal offset =
        unit == Unit.SECONDS
            ? BigDecimal.valueOf(offsetMillis, 3)
            : BigDecimal.valueOf(offsetMillis);
    return value.add(offset).setScale(Math.max(value.scale(), 0), RoundingMode.HALF_EVEN);
  }

  /** The point in time in epoch milliseconds, rounded half-up. */
  long toEpochMillis() {
    BigDecimal millis = unit == Unit.SECONDS ? value.movePointRight(3) : value;
    return millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
