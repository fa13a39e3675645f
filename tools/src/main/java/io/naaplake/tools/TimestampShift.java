package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.LakeErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Moves every timestamp of a set of events by one common offset, so an old capture replays as if it
 * had just happened ({@code replay --shift-to-now}) while every latency inside it (between the
 * envelope time and {@code data.timestamp}, between status fields, between events) stays exactly as
 * recorded. Which fields count as timestamps is decided by {@link TimestampFieldRule}; the whole
 * envelope, {@code data} included, is walked.
 */
public final class TimestampShift {
  private final long offsetMillis;

  private TimestampShift(long offsetMillis) {
    this.offsetMillis = offsetMillis;
  }

  public static TimestampShift byMillis(long offsetMillis) {
    return new TimestampShift(offsetMillis);
  }

  /**
   * The shift that moves the latest envelope {@code timestamp} of {@code envelopes} to the clock's
   * now, rounded to whole milliseconds. Every envelope must carry an epoch-millisecond timestamp.
   */
  public static TimestampShift latestToNow(List<Envelope> envelopes, Clock clock) {
    requireNonNull(clock, "clock is null");
    if (envelopes.isEmpty()) {
      throw LakeErrors.badInput("--shift-to-now", "there are no events to shift");
    }
    long latest = Long.MIN_VALUE;
    for (Envelope envelope : envelopes) {
      latest = Math.max(latest, envelopeMillis(envelope));
    }
    return new TimestampShift(
        roundedMillis(Duration.between(Instant.ofEpochMilli(latest), clock.instant())));
  }

  /** The envelope's own {@code timestamp} in epoch milliseconds. */
  static long envelopeMillis(Envelope envelope) {
    JsonNode timestamp = envelope.json().get("timestamp");
    OptionalLong millis =
        timestamp == null ? OptionalLong.empty() : TimestampFieldRule.epochMillis(timestamp);
    if (millis.isEmpty()) {
      throw LakeErrors.badInput(
          "event " + envelope.id(),
          "envelope timestamp "
              + timestamp
              + " is not epoch milliseconds; --shift-to-now needs one on every event");
    }
    return millis.getAsLong();
  }

  /** Half-up rounding; {@link Duration#toMillis()} alone would truncate. */
  private static long roundedMillis(Duration duration) {
    // getNano() is never negative, so seconds plus whole milliseconds of it is the floor.
    long floorMillis = duration.getSeconds() * 1000 + duration.getNano() / 1_000_000;
    return duration.getNano() % 1_000_000 >= 500_000 ? floorMillis + 1 : floorMillis;
  }

  public long offsetMillis() {
    return offsetMillis;
  }

  /** A shifted copy; {@code envelope} itself is not changed. */
  public Envelope apply(Envelope envelope) {
    ObjectNode copy = envelope.json().deepCopy();
    shiftFields(copy);
    return new Envelope(envelope.id(), envelope.type(), copy);
  }

  public List<Envelope> apply(List<Envelope> envelopes) {
    return envelopes.stream().map(this::apply).toList();
  }

  private void shiftFields(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::shiftFields);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    List<String> timestampNames = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getValue().isContainerNode()) {
        shiftFields(field.getValue());
      } else if (TimestampFieldRule.isTimestampName(field.getKey())) {
        timestampNames.add(field.getKey());
      }
    }
    for (String name : timestampNames) {
      Optional<JsonNode> shifted = TimestampFieldRule.shifted(object.get(name), offsetMillis);
      shifted.ifPresent(value -> object.set(name, value));
    }
  }
}
