package io.naaplake.schema.events;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where an envelope goes: accepted into silver, or ignored with a reason. The reason strings are
 * the reference system's {@code ignore_reason} values, so ignored-event counts stay comparable.
 */
public enum EventRoute {
  ACCEPTED(
      null, "A family the lake reads, with an accepted subtype where the family restricts them."),
  UNSUPPORTED_EVENT_FAMILY(
      "unsupported_event_family", "The envelope type is not one of the families above."),
  IGNORED_STREAM_TRACE_NON_CORE_APP(
      "ignored_stream_trace_non_core_app",
      "A stream_trace whose subtype starts with app_ (any case): the Daydream app's own traces."),
  IGNORED_STREAM_TRACE_SCOPE_CLIENT_NOISE(
      "ignored_stream_trace_scope_client_noise",
      "A stream_trace with data.client_source = scope and one of the scope client's lifecycle"
          + " subtypes."),
  UNSUPPORTED_STREAM_TRACE_TYPE(
      "unsupported_stream_trace_type",
      "Any other stream_trace subtype outside the accepted list (or none)."),
  /**
   * Assigned by the silver parser, the only place that reads the payload; {@link
   * EventRouting#classify} never returns it.
   */
  MALFORMED_OR_INVALID_PAYLOAD(
      "malformed_or_invalid_payload",
      "Catch-all, assigned by the silver parser: an accepted family whose data does not have the"
          + " family's shape or lacks a required field.");

  private final String ignoreReason;
  private final String description;

  EventRoute(String ignoreReason, String description) {
    this.ignoreReason = ignoreReason;
    this.description = requireNonNull(description, "description is null");
  }

  public boolean isAccepted() {
    return this == ACCEPTED;
  }

  /** The {@code ignore_reason} string; empty for {@link #ACCEPTED}. */
  public Optional<String> ignoreReason() {
    return Optional.ofNullable(ignoreReason);
  }

  /** When this route applies, in a sentence (for the data dictionary). */
  public String description() {
    return description;
  }
}
