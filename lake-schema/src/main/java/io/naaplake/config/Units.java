package io.naaplake.config;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of durations and sizes written with units. */
final class Units {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|kB|KB|MB|GB)");

  static Duration parseDuration(String key, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw LakeErrors.badConfiguration(
          key, text, "expected a duration like 500ms, 30s, 5m, 2h, 7d");
    }
    long amount = parseAmount(key, text, m.group(1));
    try {
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> throw new IllegalStateException("unreachable unit " + m.group(2));
      };
    } catch (ArithmeticException e) {
      throw LakeErrors.badConfiguration(key, text, "duration out of range");
    }
  }

  static DataSize parseDataSize(String key, String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw LakeErrors.badConfiguration(key, text, "expected a size like 512B, 64kB, 1MB, 2GB");
    }
    long amount = parseAmount(key, text, m.group(1));
    long multiplier =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "B" -> 1L;
          case "KB" -> 1024L;
          case "MB" -> 1024L * 1024;
          case "GB" -> 1024L * 1024 * 1024;
          default -> throw new IllegalStateException("unreachable unit " + m.group(2));
        };
    try {
      return DataSize.ofBytes(Math.multiplyExact(amount, multiplier));
    } catch (ArithmeticException e) {
      throw LakeErrors.badConfiguration(key, text, "size out of range");
    }
  }

  private static long parseAmount(String key, String text, String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw LakeErrors.badConfiguration(key, text, "number out of range");
    }
  }

  private Units() {}
}
