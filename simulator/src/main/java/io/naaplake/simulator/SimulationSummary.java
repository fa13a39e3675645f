package io.naaplake.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run produced.
 *
 * @param messagesByFamily delivered messages per envelope type (noise included); unreadable
 *     messages count under {@code (malformed)}
 * @param messagesByTopic delivered messages per topic
 * @param eventsGenerated envelopes the simulated gateways produced (before transport faults, noise
 *     excluded)
 * @param messagesDelivered messages handed to the sink, duplicates and noise included
 * @param dropped generated events never delivered
 * @param duplicated events delivered twice
 * @param reordered events held back seconds
 * @param late events held back minutes to hours
 * @param malformed unreadable messages injected
 * @param noise readable envelopes the lake ignores (unknown families, ignored traces)
 * @param orchestrators orchestrators in the network
 * @param hosts orchestrator hosts (URIs)
 * @param liveSlots live streams the network's GPUs can serve at once
 */
public record SimulationSummary(
    Instant start,
    Instant end,
    int orchestrators,
    int hosts,
    int liveSlots,
    long eventsGenerated,
    long messagesDelivered,
    long dropped,
    long duplicated,
    long reordered,
    long late,
    long malformed,
    long noise,
    long sessions,
    long jobs,
    Map<String, Long> messagesByFamily,
    Map<String, Long> messagesByTopic) {

  public SimulationSummary {
    messagesByFamily = Collections.unmodifiableMap(new TreeMap<>(messagesByFamily));
    messagesByTopic = Collections.unmodifiableMap(new TreeMap<>(messagesByTopic));
  }
}
