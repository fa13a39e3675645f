package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one envelope {@code {id, type, timestamp, gateway, data}} as compact UTF-8 JSON, the field
 * order and forms of the real producer: {@code timestamp} is epoch ms as a string. The caller
 * writes {@code data} between {@link #begin} and {@link #finish}. One generator is reused for every
 * envelope (root values without separator). Not thread-safe; one per run.
 */
final class EnvelopeWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** A byte buffer that can be emptied and copied out. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(8_192);
    }
  }

  private final Buffer buffer = new Buffer();
  private final JsonGenerator generator;

  EnvelopeWriter() {
    try {
      generator = FACTORY.createGenerator(buffer);
      generator.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an envelope; returns the generator positioned to write the {@code data} value. */
  JsonGenerator begin(String id, String type, long timestampMillis, String gateway) {
    try {
      buffer.reset();
      generator.writeStartObject();
      generator.writeStringField("id", id);
      generator.writeStringField("type", type);
      generator.writeStringField("timestamp", Long.toString(timestampMillis));
      generator.writeStringField("gateway", gateway);
      generator.writeFieldName("data");
      return generator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the envelope and returns its bytes. */
  byte[] finish() {
    try {
      generator.writeEndObject();
      generator.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code orchestrator_info{address, url}}. */
  static void orchestratorInfo(JsonGenerator g, String address, String url) throws IOException {
    g.writeObjectFieldStart("orchestrator_info");
    g.writeStringField("address", address);
    g.writeStringField("url", url);
    g.writeEndObject();
  }

  static void nullableString(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  static void nullableLong(JsonGenerator g, String field, long value) throws IOException {
    if (value == Long.MIN_VALUE) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }
}
