package io.naaplake.tools;

import java.util.Arrays;

/**
 * A Kafka message given as bytes, for what an {@link Envelope} cannot express: malformed JSON,
 * invalid UTF-8, oversized payloads, null keys or tombstones (a {@code null} value). Either part
 * may be {@code null}. The arrays are copied in and out, so a message cannot change after
 * construction.
 */
public record RawMessage(byte[] key, byte[] value) {
  public RawMessage {
    key = key == null ? null : key.clone();
    value = value == null ? null : value.clone();
  }

  @Override
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  @Override
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  /** Key plus value length, as counted in {@link PublishResult#payloadBytes()}. */
  public long sizeBytes() {
    return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawMessage message
        && Arrays.equals(key, message.key)
        && Arrays.equals(value, message.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "RawMessage[key "
        + (key == null ? "null" : key.length + " bytes")
        + ", value "
        + (value == null ? "null" : value.length + " bytes")
        + "]";
  }
}
