package io.naaplake.jobs.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.simulator.DeliveredMessage;
import io.naaplake.simulator.FailureRates;
import io.naaplake.simulator.NetworkSimulator;
import io.naaplake.simulator.SimulationConfig;
import io.naaplake.simulator.TransportFaults;
import io.naaplake.simulator.TruthFile;
import io.naaplake.simulator.TruthSink;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two simulated hours of a small network (seed 2025, from 2025-11-10T10:00Z, stream ids {@code
 * fixture-sim-}) with every failure mode and transport fault on at raised rates, published to both
 * fixture topics in delivery order. The truth of the delivered messages is kept for the tests.
 */
public final class SimulatedNetworkScenario implements FixtureScenario {
  public static final String STREAM_PREFIX = "fixture-sim-";
  public static final Instant START = Instant.parse("2025-11-10T10:00:00Z");

  private static final List<DeliveredMessage> DELIVERED = new ArrayList<>();

  /** Every message the simulator delivered (a duplicate once per delivery), in delivery order. */
  public static synchronized List<DeliveredMessage> delivered() {
    return List.copyOf(DELIVERED);
  }

  static SimulationConfig config() {
    return SimulationConfig.builder()
        .seed(2025)
        .start(START)
        .duration(Duration.ofHours(2))
        .concurrentStreams(4)
        .streamIdPrefix(STREAM_PREFIX)
        .failureRates(FailureRates.defaults())
        .transportFaults(
            new TransportFaults(
                0.02,
                0.02,
                0.05,
                0.01,
                Duration.ofMinutes(2),
                Duration.ofMinutes(40),
                0.01,
                0.03,
                0.02))
        .build();
  }

  @Override
  public String name() {
    return "simulated network (2 h, all faults)";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    Map<String, List<RawMessage>> byTopic = new LinkedHashMap<>();
    List<DeliveredMessage> delivered = new ArrayList<>();
    TruthSink truth =
        new TruthSink() {
          @Override
          public void accept(TruthFile file, ObjectNode record) {}

          @Override
          public void message(DeliveredMessage message) {
            delivered.add(message);
          }

          @Override
          public boolean wants(TruthFile file) {
            return file == TruthFile.MESSAGES;
          }
        };
    new NetworkSimulator(config())
        .run(
            (topic, key, value) ->
                byTopic
                    .computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(new RawMessage(key, value)),
            truth);
    synchronized (SimulatedNetworkScenario.class) {
      DELIVERED.clear();
      DELIVERED.addAll(delivered);
    }
    List<PublishResult> results = new ArrayList<>();
    byTopic.forEach((topic, messages) -> results.add(publisher.publishRaw(topic, messages)));
    return results;
  }
}
