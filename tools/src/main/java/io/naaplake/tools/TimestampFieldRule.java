package io.naaplake.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Which JSON fields hold points in time, and how to move them.
 *
 * <p>A field is a timestamp when its name says so ({@code timestamp}, {@code time}, or ending in
 * {@code _time}, {@code _timestamp}, {@code _ts}, {@code _at}, {@code _time_unix}) <em>and</em> its
 * value reads as one: an epoch number in seconds or milliseconds (see {@link EpochNumber}), written
 * as a JSON integer, a JSON decimal or a numeric string, or an ISO-8601 date-time string. The name
 * alone is not enough: producers mix units and reuse {@code *_ts} for media clocks, so a value
 * outside 2001..2100 (0, null, "", a stream-relative {@code last_input_ts} of 4.892 s) is left
 * alone. The shifted value keeps the JSON type, the unit and the number of decimals.
 */
final class TimestampFieldRule {
  private static final List<String> NAME_SUFFIXES =
      List.of("_time", "_timestamp", "_ts", "_at", "_time_unix");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[1-9][0-9]*(\\.[0-9]+)?");
  private static final Instant FIRST_PLAUSIBLE = Instant.parse("2001-01-01T00:00:00Z");
  private static final Instant END_PLAUSIBLE = Instant.parse("2100-01-01T00:00:00Z");

  static boolean isTimestampName(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT);
    return name.equals("timestamp")
        || name.equals("time")
        || NAME_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /** {@code value} moved by {@code offsetMillis}, or empty when it is not a point in time. */
  static Optional<JsonNode> shifted(JsonNode value, long offsetMillis) {
    if (value.isIntegralNumber()) {
      return EpochNumber.of(new BigDecimal(value.bigIntegerValue()))
          .map(epoch -> LongNode.valueOf(epoch.plusMillis(offsetMillis).longValueExact()));
    }
    if (value.isBigDecimal()) {
      return EpochNumber.of(value.decimalValue())
          .map(epoch -> DecimalNode.valueOf(epoch.plusMillis(offsetMillis)));
    }
    if (value.isFloatingPointNumber()) {
      return EpochNumber.of(BigDecimal.valueOf(value.doubleValue()))
          .map(epoch -> DoubleNode.valueOf(epoch.plusMillis(offsetMillis).doubleValue()));
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (DECIMAL_TEXT.matcher(text).matches()) {
        return EpochNumber.of(new BigDecimal(text))
            .map(epoch -> TextNode.valueOf(epoch.plusMillis(offsetMillis).toPlainString()));
      }
      return IsoTimestamp.parse(text)
          .filter(iso -> isPlausible(iso.instant()))
          .map(iso -> TextNode.valueOf(iso.plusMillis(offsetMillis).format()));
    }
    return Optional.empty();
  }

  /** The point in time {@code value} holds, in epoch milliseconds, if it holds one. */
  static OptionalLong epochMillis(JsonNode value) {
    Optional<EpochNumber> epoch = Optional.empty();
    if (value.isNumber()) {
      epoch = EpochNumber.of(value.decimalValue());
    } else if (value.isTextual() && DECIMAL_TEXT.matcher(value.asText()).matches()) {
      epoch = EpochNumber.of(new BigDecimal(value.asText()));
    } else if (value.isTextual()) {
      return IsoTimestamp.parse(value.asText())
          .map(IsoTimestamp::instant)
          .filter(TimestampFieldRule::isPlausible)
          .map(instant -> OptionalLong.of(instant.toEpochMilli()))
          .orElse(OptionalLong.empty());
    }
    return epoch.map(e -> OptionalLong.of(e.toEpochMillis())).orElse(OptionalLong.empty());
  }

  private static boolean isPlausible(Instant instant) {
    return !instant.isBefore(FIRST_PLAUSIBLE) && instant.isBefore(END_PLAUSIBLE);
  }

  private TimestampFieldRule() {}
}
