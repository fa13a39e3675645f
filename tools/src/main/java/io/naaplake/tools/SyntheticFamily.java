package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

/**
 * The event families the generator emits and their share of the stream, in percent. The shares
 * follow a live network: ingest metrics every 5 s and status every 10 s per stream dominate; traces
 * and payments come a few per stream; discovery and capability reports are rare.
 */
enum SyntheticFamily {
  STREAM_INGEST_METRICS("stream_ingest_metrics", 50),
  AI_STREAM_STATUS("ai_stream_status", 25),
  STREAM_TRACE("stream_trace", 10),
  CREATE_NEW_PAYMENT("create_new_payment", 8),
  DISCOVERY_RESULTS("discovery_results", 3),
  AI_STREAM_EVENTS("ai_stream_events", 3),
  NETWORK_CAPABILITIES("network_capabilities", 1);

  private final String type;
  private final int percent;

  SyntheticFamily(String type, int percent) {
    this.type = requireNonNull(type, "type is null");
    this.percent = percent;
  }

  /** The envelope {@code type}. */
  String type() {
    return type;
  }

  int percent() {
    return percent;
  }

  /** The family for a roll in {@code [0, 100)}: each family owns {@code percent} of the rolls. */
  static SyntheticFamily forRoll(int roll) {
    int upper = 0;
    for (SyntheticFamily family : values()) {
      upper += family.percent;
      if (roll < upper) {
        return family;
      }
    }
    throw new IllegalArgumentException("roll " + roll + " is outside [0, 100)");
  }
}
