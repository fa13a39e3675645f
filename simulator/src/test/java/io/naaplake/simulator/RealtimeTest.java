package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Real time with a fake wall clock: every message is delivered when due, and stop() ends it. */
class RealtimeTest {
  private static final long WALL_START = 1_790_000_000_000L;

  private final AtomicLong wall = new AtomicLong(WALL_START);
  private final List<long[]> deliveries = new ArrayList<>();

  private NetworkSimulator simulator(Duration duration) {
    SimulationConfig config =
        Recording.small()
            .realtime(true)
            .duration(duration)
            .transportFaults(TransportFaults.none())
            .build();
    return new NetworkSimulator(config, wall::get, wall::addAndGet);
  }

  private final MessageSink sink =
      (topic, key, value) -> {
        JsonNode envelope = Recording.parseObject(value);
        deliveries.add(new long[] {wall.get(), Long.parseLong(envelope.get("timestamp").asText())});
      };

  @Test
  void messagesAreDeliveredWhenDue() {
    SimulationSummary summary = simulator(Duration.ofMinutes(3)).run(sink, TruthSink.NONE);
    assertThat(summary.start().toEpochMilli()).isEqualTo(WALL_START);
    assertThat(deliveries).hasSizeGreaterThan(100);
    for (long[] delivery : deliveries) {
      assertThat(delivery[0]).isBetween(delivery[1], delivery[1] + 10);
    }
    assertThat(wall.get()).isGreaterThanOrEqualTo(deliveries.get(deliveries.size() - 1)[0]);
  }

  @Test
  void stopEndsTheRunAndKeepsTheTruth() {
    NetworkSimulator simulator = simulator(Duration.ofHours(1));
    Recording truth = new Recording();
    SimulationSummary summary =
        simulator.run(
            sink,
            truth,
            progress -> {
              if (progress.simulatedMillis() >= WALL_START + 60_000) {
                simulator.stop();
              }
            });
    assertThat(summary.end().toEpochMilli()).isBetween(WALL_START + 60_000, WALL_START + 61_000);
    assertThat(truth.truth(TruthFile.RUN).get(0).get("stopped_early").asBoolean()).isTrue();
    assertThat(truth.truth(TruthFile.SESSIONS)).isNotEmpty().hasSize((int) summary.sessions());
    assertThat(truth.truth(TruthFile.JOBS)).hasSize((int) summary.jobs());
    assertThat(truth.truth(TruthFile.SESSIONS)).anyMatch(s -> s.get("ongoing_at_end").asBoolean());
  }
}
