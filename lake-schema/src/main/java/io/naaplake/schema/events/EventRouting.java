package io.naaplake.schema.events;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The routing rules of reference §1.3 as data plus one pure function. Silver's Spark translation
 * may either call {@link #classify} or build the same decision from the public constants; the order
 * of checks below is the contract (first match wins).
 */
public final class EventRouting {

  /** stream_trace subtypes with this prefix (any case) come from the app, not the network. */
  public static final String NON_CORE_APP_PREFIX = "app_";

  /** The {@code data.client_source} whose lifecycle chatter is ignored. */
  public static final String SCOPE_CLIENT_SOURCE = "scope";

  /**
   * stream_trace subtypes ignored when {@code data.client_source} is {@value #SCOPE_CLIENT_SOURCE}.
   */
  public static final Set<String> SCOPE_CLIENT_NOISE_SUBTYPES =
      EventFamily.orderedSet(
          "stream_heartbeat",
          "pipeline_load_start",
          "pipeline_loaded",
          "session_created",
          "stream_started",
          "playback_ready",
          "session_closed",
          "stream_stopped",
          "pipeline_unloaded",
          "websocket_connected",
          "websocket_disconnected",
          "error");

  /**
   * Routes one envelope.
   *
   * @param type the envelope {@code type}; null or unknown gives {@link
   *     EventRoute#UNSUPPORTED_EVENT_FAMILY}
   * @param subtype {@code data.type}, or null when absent
   * @param clientSource {@code data.client_source}, or null when absent
   */
  public static EventRoute classify(String type, String subtype, String clientSource) {
    Optional<EventFamily> family = EventFamily.fromWireName(type);
    if (family.isEmpty()) {
      return EventRoute.UNSUPPORTED_EVENT_FAMILY;
    }
    if (family.get() != EventFamily.STREAM_TRACE) {
      return EventRoute.ACCEPTED;
    }
    if (subtype != null && subtype.toLowerCase(Locale.ROOT).startsWith(NON_CORE_APP_PREFIX)) {
      return EventRoute.IGNORED_STREAM_TRACE_NON_CORE_APP;
    }
    if (SCOPE_CLIENT_SOURCE.equals(clientSource) && SCOPE_CLIENT_NOISE_SUBTYPES.contains(subtype)) {
      return EventRoute.IGNORED_STREAM_TRACE_SCOPE_CLIENT_NOISE;
    }
    if (!EventFamily.STREAM_TRACE.acceptedSubtypes().orElseThrow().contains(subtype)) {
      return EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE;
    }
    return EventRoute.ACCEPTED;
  }

  private EventRouting() {}
}
