package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.LakeErrors;
import java.nio.charset.StandardCharsets;

/**
 * One event envelope {@code {id, type, timestamp, gateway, data}} as read or generated, with its id
 * and type pulled out because the Kafka key and every summary need them.
 *
 * <p>The JSON tree is shared, not copied, so a million generated envelopes cost one tree each:
 * nothing in this module mutates {@code json} after construction ({@link TimestampShift} works on a
 * copy), and callers must not either.
 */
public record Envelope(String id, String type, ObjectNode json) {
  public Envelope {
    requireNonNull(id, "id is null");
    requireNonNull(type, "type is null");
    requireNonNull(json, "json is null");
  }

  /**
   * Wraps a parsed envelope object. {@code origin} names where it came from (file and line) for the
   * error message when {@code id} or {@code type} is missing or not a non-empty string.
   */
  public static Envelope of(ObjectNode json, String origin) {
    return new Envelope(requiredText(json, "id", origin), requiredText(json, "type", origin), json);
  }

  private static String requiredText(ObjectNode json, String field, String origin) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw LakeErrors.badInput(
          origin, "envelope field '" + field + "' must be a non-empty string, found " + value);
    }
    return value.asText();
  }

  /** The Kafka key: the envelope id as UTF-8, as go-livepeer keys its messages. */
  public byte[] keyBytes() {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  /** The Kafka value: the envelope as compact UTF-8 JSON. */
  public byte[] jsonBytes() {
    return JsonSupport.compactBytes(json);
  }
}
