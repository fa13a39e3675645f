package io.naaplake.jobs.lake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The content of the lake's writer lease file, one JSON object:
 *
 * <pre>{@code
 * {
 *   "owner_id": "6f1c...-uuid",          random per holder: tells two holders apart
 *   "purpose": "cli: run",                who is writing and what
 *   "host": "etl-1",
 *   "pid": 4242,
 *   "acquired_at": "2026-01-09T00:00:00Z",   RFC 3339, UTC, milliseconds
 *   "heartbeat_at": "2026-01-09T00:01:00Z",  last renewal
 *   "expires_at": "2026-01-09T00:03:00Z",    heartbeat_at + TTL
 *   "version": 4                         +1 on every write; a takeover continues the count
 * }
 * }</pre>
 */
public record LeaseRecord(
    String ownerId,
    String purpose,
    String host,
    long pid,
    Instant acquiredAt,
    Instant heartbeatAt,
    Instant expiresAt,
    long version) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public LeaseRecord {
    requireNonNull(ownerId, "ownerId is null");
    requireNonNull(purpose, "purpose is null");
    requireNonNull(host, "host is null");
    requireNonNull(acquiredAt, "acquiredAt is null");
    requireNonNull(heartbeatAt, "heartbeatAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  /** A new holder in this process, acquiring at {@code now}. */
  static LeaseRecord newHolder(String purpose, Instant now, Duration ttl, long version) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return new LeaseRecord(
        UUID.randomUUID().toString(),
        purpose,
        localHost(),
        ProcessHandle.current().pid(),
        at,
        at,
        at.plus(ttl),
        version);
  }

  /** The same holding renewed at {@code now}. */
  LeaseRecord renewedAt(Instant now, Duration ttl) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return new LeaseRecord(ownerId, purpose, host, pid, acquiredAt, at, at.plus(ttl), version + 1);
  }

  /** An expired lease is one its holder stopped renewing: it may be taken over. */
  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** Same holder and same renewal: nobody wrote the lease in between. */
  boolean sameHolding(LeaseRecord other) {
    return ownerId.equals(other.ownerId) && heartbeatAt.equals(other.heartbeatAt);
  }

  /** Who holds it, for messages: purpose, owner id, host and pid. */
  public String holder() {
    return "\"" + purpose + "\" (owner " + ownerId + " on " + host + ", pid " + pid + ")";
  }

  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("owner_id", ownerId);
    node.put("purpose", purpose);
    node.put("host", host);
    node.put("pid", pid);
    node.put("acquired_at", acquiredAt.toString());
    node.put("heartbeat_at", heartbeatAt.toString());
    node.put("expires_at", expiresAt.toString());
    node.put("version", version);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /**
   * Parses a lease file.
   *
   * @throws IllegalArgumentException if the text is not a complete lease
   */
  static LeaseRecord fromJson(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      return new LeaseRecord(
          text(node, "owner_id"),
          text(node, "purpose"),
          text(node, "host"),
          number(node, "pid"),
          Instant.parse(text(node, "acquired_at")),
          Instant.parse(text(node, "heartbeat_at")),
          Instant.parse(text(node, "expires_at")),
          number(node, "version"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad timestamp: " + e.getParsedString(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field " + field + " missing or not a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field " + field + " missing or not an integer");
    }
    return value.asLong();
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // The host only helps a person find the holder; the owner id is what identifies it.
      return "unknown-host";
    }
  }
}
