package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * One delivered Kafka message as the truth's {@code messages.jsonl} records it (field names are the
 * JSON names in snake case).
 *
 * @param seq delivery order across all topics, from 0
 * @param key the Kafka key as UTF-8 text
 * @param id envelope id; null when the message has none (malformed)
 * @param type envelope type; null when unreadable or absent
 * @param subtype {@code data.type} for families that carry one, else null
 * @param eventTime {@code data.timestamp} (or the envelope timestamp for families without one), ms;
 *     null for malformed messages
 * @param quarantineReason the bronze quarantine reason the message must get ({@code not_json},
 *     {@code not_an_object}, {@code missing_id}, {@code missing_type}); null for readable envelopes
 * @param route where silver must route the envelope: {@code accepted} or the reference's ignore
 *     reason ({@code unsupported_event_family}, {@code ignored_stream_trace_non_core_app}, ...);
 *     null for malformed messages
 * @param fault {@code none}, {@code duplicate}, {@code reorder}, {@code late}, {@code malformed},
 *     {@code unknown_family} or {@code ignored_trace}
 * @param copy 1, or 2 for the second delivery of a duplicate (same bytes, same key)
 * @param delayMs how long the message was held back after it was generated
 * @param valueSha256 hex SHA-256 of the value bytes (bronze's {@code payload_hash})
 */
public record DeliveredMessage(
    long seq,
    String topic,
    String key,
    String id,
    String type,
    String subtype,
    Long eventTime,
    String quarantineReason,
    String route,
    String fault,
    int copy,
    long delayMs,
    int valueBytes,
    String valueSha256) {

  public boolean malformed() {
    return quarantineReason != null;
  }

  /** The record as {@code messages.jsonl} holds it. */
  public ObjectNode toJson() {
    ObjectNode r = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(32));
    r.put("seq", seq);
    r.put("topic", topic);
    r.put("key", key);
    r.put("id", id);
    r.put("type", type);
    r.put("subtype", subtype);
    r.put("event_time", eventTime);
    r.put("malformed", malformed());
    r.put("quarantine_reason", quarantineReason);
    r.put("route", route);
    r.put("fault", fault);
    r.put("copy", copy);
    r.put("delay_ms", delayMs);
    r.put("value_bytes", valueBytes);
    r.put("value_sha256", valueSha256);
    return r;
  }

  /** Writes exactly the JSON of {@link #toJson()}, without building a tree. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("seq", seq);
    g.writeStringField("topic", topic);
    g.writeStringField("key", key);
    nullable(g, "id", id);
    nullable(g, "type", type);
    nullable(g, "subtype", subtype);
    if (eventTime == null) {
      g.writeNullField("event_time");
    } else {
      g.writeNumberField("event_time", eventTime.longValue());
    }
    g.writeBooleanField("malformed", malformed());
    nullable(g, "quarantine_reason", quarantineReason);
    nullable(g, "route", route);
    g.writeStringField("fault", fault);
    g.writeNumberField("copy", copy);
    g.writeNumberField("delay_ms", delayMs);
    g.writeNumberField("value_bytes", valueBytes);
    g.writeStringField("value_sha256", valueSha256);
    g.writeEndObject();
  }

  private static void nullable(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }
}
