package io.naaplake.jobs.bronze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.wire.WireTimestamps;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides whether one Kafka message is a readable envelope (kept in {@code bronze.raw_events}) or
 * must be quarantined, and reads the envelope fields bronze indexes. Pure Java, no Spark, so every
 * rule is unit-tested directly.
 *
 * <p>Bronze accepts every JSON object with a non-blank string {@code id} and {@code type}, whatever
 * the family: routing known families and ignoring the others is silver's job, and keeping them here
 * means a later parser fix can re-read them.
 */
public final class EnvelopeClassifier implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DETAIL_CHARS = 300;

  private final int maxEventBytes;
  private final int prefixBytes;

  public EnvelopeClassifier(int maxEventBytes, int prefixBytes) {
    if (maxEventBytes <= 0 || prefixBytes <= 0) {
      throw new IllegalArgumentException("sizes must be positive");
    }
    this.maxEventBytes = maxEventBytes;
    this.prefixBytes = prefixBytes;
  }

  /** Classifies one message value (null for a tombstone). */
  public Classification classify(byte[] value) {
    if (value == null) {
      return Classification.quarantined(
          QuarantineReason.NOT_JSON, "null value (tombstone)", new byte[0], null, null);
    }
    if (value.length > maxEventBytes) {
      return Classification.quarantined(
          QuarantineReason.TOO_LARGE,
          value.length + " bytes exceeds the maximum event size of " + maxEventBytes + " bytes",
          prefix(value),
          null,
          null);
    }
    JsonNode root;
    try {
      root = readSingleValue(value);
    } catch (IOException e) {
      return Classification.quarantined(
          QuarantineReason.NOT_JSON, truncate(e.getMessage()), prefix(value), null, null);
    }
    if (!root.isObject()) {
      return Classification.quarantined(
          QuarantineReason.NOT_AN_OBJECT,
          "top-level JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          prefix(value),
          null,
          null);
    }
    return classifyObject(root, value);
  }

  private Classification classifyObject(JsonNode root, byte[] value) {
    Optional<String> id = nonBlankText(root.get("id"));
    Optional<String> type = nonBlankText(root.get("type"));
    if (id.isEmpty()) {
      return Classification.quarantined(
          QuarantineReason.MISSING_ID,
          "envelope has no non-blank string id",
          prefix(value),
          null,
          type.orElse(null));
    }
    if (type.isEmpty()) {
      return Classification.quarantined(
          QuarantineReason.MISSING_TYPE,
          "envelope has no non-blank string type",
          prefix(value),
          id.get(),
          null);
    }
    JsonNode data = root.get("data");
    return Classification.accepted(
        new EnvelopeFields(
            id.get(),
            type.get(),
            data != null && data.isObject() ? scalarText(data.get("type")) : null,
            WireTimestamps.parse(scalarText(root.get("timestamp"))).orElse(null),
            scalarText(root.get("gateway")),
            data != null && data.isObject() ? scalarText(data.get("schema_version")) : null));
  }

  /** Reads exactly one JSON value; trailing content makes the message not JSON. */
  private static JsonNode readSingleValue(byte[] value) throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(value)) {
      JsonNode root = JSON.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw new IOException("empty document");
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new IOException("trailing content after the JSON value: " + trailing);
      }
      return root;
    }
  }

  private static Optional<String> nonBlankText(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  /** Text of a scalar (strings and numbers both appear on the wire); null otherwise. */
  private static String scalarText(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  private byte[] prefix(byte[] value) {
    return Arrays.copyOf(value, Math.min(value.length, prefixBytes));
  }

  private static String truncate(String text) {
    String safe = text == null ? "unreadable JSON" : text;
    return safe.length() <= MAX_DETAIL_CHARS ? safe : safe.substring(0, MAX_DETAIL_CHARS) + "...";
  }

  /** Why a message was quarantined; the wire names are stable and documented in the catalog. */
  public enum QuarantineReason {
    NOT_JSON("not_json"),
    NOT_AN_OBJECT("not_an_object"),
    MISSING_ID("missing_id"),
    MISSING_TYPE("missing_type"),
    TOO_LARGE("too_large");

    private final String code;

    QuarantineReason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Envelope fields bronze indexes. Nullable fields are null when absent. */
  public record EnvelopeFields(
      String eventId,
      String eventType,
      String eventSubtype,
      Instant eventTimestamp,
      String gateway,
      String schemaVersion) {}

  /** Either accepted envelope fields or a quarantine reason with the kept prefix. */
  public record Classification(
      EnvelopeFields envelope,
      QuarantineReason reason,
      String reasonDetail,
      byte[] valuePrefix,
      String envelopeId,
      String eventType) {

    static Classification accepted(EnvelopeFields envelope) {
      return new Classification(
          envelope, null, null, null, envelope.eventId(), envelope.eventType());
    }

    static Classification quarantined(
        QuarantineReason reason, String detail, byte[] prefix, String id, String type) {
      return new Classification(null, reason, detail, prefix, id, type);
    }

    public boolean isAccepted() {
      return reason == null;
    }
  }
}
