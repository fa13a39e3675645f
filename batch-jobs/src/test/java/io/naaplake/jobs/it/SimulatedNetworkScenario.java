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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two simulated hours of a small network (seed 2025, from 2025-11-10T10:00Z, stream ids {@code
 * fixture-sim-}) with every failure mode on and every transport fault at raised rates, published to
 * both fixture topics in delivery order. The truth is kept in memory for the tests: every delivered
 * message, and the sessions, jobs, orchestrator hosts and physical GPUs ({@link #truth}).
 *
 * <p>8 concurrent streams give about 90 sessions (a dozen failed or swapped, some whose request or
 * milestones were dropped) and about 15,000 messages: enough for the truth comparisons to meet
 * every failure mode without slowing the fixture build. UUID churn runs at 3 per rented host-hour
 * instead of the default 0.5, because with this seed the default churns no GPU within two hours; at
 * 3 both rented hosts churn (one with a single GPU, so sessions are attributed across a churn).
 */
public final class SimulatedNetworkScenario implements FixtureScenario {
  public static final String STREAM_PREFIX = "fixture-sim-";
  public static final Instant START = Instant.parse("2025-11-10T10:00:00Z");

  /** The truth files kept; the run record is skipped. */
  public static final Set<TruthFile> KEPT =
      Set.copyOf(
          EnumSet.of(
              TruthFile.MESSAGES,
              TruthFile.SESSIONS,
              TruthFile.SLA_HOURS,
              TruthFile.PAYMENTS_HOURLY,
              TruthFile.JOBS,
              TruthFile.ORCHESTRATORS,
              TruthFile.GPUS));

  private static final List<DeliveredMessage> DELIVERED = new ArrayList<>();
  private static final Map<TruthFile, List<ObjectNode>> TRUTH = new EnumMap<>(TruthFile.class);

  /** Every message the simulator delivered (a duplicate once per delivery), in delivery order. */
  public static synchronized List<DeliveredMessage> delivered() {
    return List.copyOf(DELIVERED);
  }

  /**
   * The records of one kept truth file other than messages ({@link #delivered()}), in the order the
   * simulator wrote them; empty until the fixture lake is built. Read only.
   */
  public static synchronized List<ObjectNode> truth(TruthFile file) {
    if (!KEPT.contains(file) || file == TruthFile.MESSAGES) {
      throw new IllegalArgumentException("the scenario keeps no " + file + " records here");
    }
    return List.copyOf(TRUTH.getOrDefault(file, List.of()));
  }

  static SimulationConfig config() {
    return SimulationConfig.builder()
        .seed(2025)
        .start(START)
        .duration(Duration.ofHours(2))
        .concurrentStreams(8)
        .streamIdPrefix(STREAM_PREFIX)
        .failureRates(failureRates())
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

  /** The defaults, with UUID churn raised from 0.5 to 3 per rented host and hour. */
  private static FailureRates failureRates() {
    FailureRates d = FailureRates.defaults();
    return new FailureRates(
        d.noOrchestrator(),
        d.swap(),
        d.loadingOnly(),
        d.zeroOutputFps(),
        d.excusableError(),
        d.unexcusedError(),
        d.restartsPerHour(),
        d.errorsPerHour(),
        d.degradedFpsHour(),
        d.rentedHostShare(),
        3.0);
  }

  @Override
  public String name() {
    return "simulated network (2 h, all faults)";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    Map<String, List<RawMessage>> byTopic = new LinkedHashMap<>();
    List<DeliveredMessage> delivered = new ArrayList<>();
    Map<TruthFile, List<ObjectNode>> records = new EnumMap<>(TruthFile.class);
    TruthSink truth =
        new TruthSink() {
          @Override
          public void accept(TruthFile file, ObjectNode record) {
            records.computeIfAbsent(file, f -> new ArrayList<>()).add(record);
          }

          @Override
          public void message(DeliveredMessage message) {
            delivered.add(message);
          }

          @Override
          public boolean wants(TruthFile file) {
            return KEPT.contains(file);
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
      TRUTH.clear();
      records.forEach((file, list) -> TRUTH.put(file, List.copyOf(list)));
    }
    List<PublishResult> results = new ArrayList<>();
    byTopic.forEach((topic, messages) -> results.add(publisher.publishRaw(topic, messages)));
    return results;
  }
}
