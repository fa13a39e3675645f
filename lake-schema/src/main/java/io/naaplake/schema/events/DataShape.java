package io.naaplake.schema.events;

/** The JSON shape of an envelope's {@code data} field. */
public enum DataShape {
  /** A single JSON object: one event, one payload. */
  OBJECT,
  /** A JSON array of objects: one event carries several payload elements (fan-out in silver). */
  ARRAY
}
