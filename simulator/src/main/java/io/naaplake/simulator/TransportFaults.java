package io.naaplake.simulator;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * What goes wrong between the gateways and Kafka, as probabilities per generated event.
 *
 * @param duplicateRate the same envelope bytes delivered twice (the producer's retries)
 * @param dropRate the event never reaches Kafka (full channel, failed batch)
 * @param reorderRate the event is held back 0.5 to 30 s, so it lands after later events
 * @param lateRate the event is held back between {@code lateMin} and {@code lateMax} (log-uniform)
 * @param malformedRate an unreadable message (not JSON, not an object, no id, no type) follows
 * @param unknownFamilyRate an envelope of a family the lake does not read ({@code webrtc_stats},
 *     {@code pipelines_api_request}) follows
 * @param ignoredTraceRate a stream_trace the lake ignores ({@code app_*}, scope client noise, an
 *     unsupported subtype) follows
 */
public record TransportFaults(
    double duplicateRate,
    double dropRate,
    double reorderRate,
    double lateRate,
    Duration lateMin,
    Duration lateMax,
    double malformedRate,
    double unknownFamilyRate,
    double ignoredTraceRate) {

  public TransportFaults {
    probability("duplicateRate", duplicateRate);
    probability("dropRate", dropRate);
    probability("reorderRate", reorderRate);
    probability("lateRate", lateRate);
    probability("malformedRate", malformedRate);
    probability("unknownFamilyRate", unknownFamilyRate);
    probability("ignoredTraceRate", ignoredTraceRate);
    if (dropRate + duplicateRate + reorderRate + lateRate > 1) {
      throw LakeErrors.badInput(
          "transport faults", "drop + duplicate + reorder + late rates must not exceed 1");
    }
    if (lateMin == null
        || lateMax == null
        || lateMin.toMillis() < 1_000
        || lateMax.compareTo(lateMin) < 0) {
      throw LakeErrors.badInput(
          "lateMin/lateMax", "expected 1s <= lateMin <= lateMax, got " + lateMin + "/" + lateMax);
    }
  }

  /** A perfect transport: every event delivered once, in order. */
  public static TransportFaults none() {
    return new TransportFaults(0, 0, 0, 0, Duration.ofMinutes(2), Duration.ofHours(3), 0, 0, 0);
  }

  /** Small rates of every fault, about what a healthy producer shows. */
  public static TransportFaults defaults() {
    return new TransportFaults(
        0.002, 0.002, 0.01, 0.001, Duration.ofMinutes(2), Duration.ofHours(3), 0.0005, 0.02, 0.01);
  }

  private static void probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw LakeErrors.badInput(name, "expected a probability in [0, 1], got " + value);
    }
  }
}
