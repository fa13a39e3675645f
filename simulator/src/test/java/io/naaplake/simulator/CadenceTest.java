package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The generated stream follows the configured cadences, checked from the messages alone. */
class CadenceTest {

  private static Recording run(Cadences cadences, Duration duration) {
    return Recording.run(
        Recording.small()
            .duration(duration)
            .concurrentStreams(6)
            .cadences(cadences)
            .transportFaults(TransportFaults.none())
            .failureRates(FailureRates.none())
            .build());
  }

  @Test
  void defaultCadencesAreTheRealOnes() {
    Recording r = run(Cadences.defaults(), Duration.ofMinutes(55));
    checkStatus(r, 10_000);
    checkIngestMetrics(r, 5_000);
    checkPayments(r, 2, 6_000, 50_000);
    checkCapabilities(r, Duration.ofMinutes(25).toMillis());
  }

  @Test
  void cadencesAreConfigurable() {
    Cadences cadences =
        new Cadences(
            Duration.ofSeconds(7),
            Duration.ofSeconds(3),
            1,
            Duration.ofSeconds(4),
            Duration.ofSeconds(20),
            Duration.ofMinutes(4),
            Duration.ofMinutes(1));
    Recording r = run(cadences, Duration.ofMinutes(15));
    checkStatus(r, 7_000);
    checkIngestMetrics(r, 3_000);
    checkPayments(r, 1, 4_000, 20_000);
    checkCapabilities(r, Duration.ofMinutes(4).toMillis());
  }

  /** Every ~interval from the runner's start_time, with up to 20 ms of jitter. */
  private static void checkStatus(Recording r, long interval) {
    Map<String, List<JsonNode>> byRunner = new TreeMap<>();
    for (Recording.Message m : r.ofType("ai_stream_status")) {
      byRunner
          .computeIfAbsent(
              m.streamId() + "|" + m.data().get("start_time").asLong(), k -> new ArrayList<>())
          .add(m.data());
    }
    assertThat(byRunner).hasSizeGreaterThan(5);
    int gaps = 0;
    for (List<JsonNode> statuses : byRunner.values()) {
      long start = statuses.get(0).get("start_time").asLong();
      long first = statuses.get(0).get("timestamp").asLong();
      assertThat(first - start).isBetween(interval, interval + 20);
      for (int i = 1; i < statuses.size(); i++) {
        long gap =
            statuses.get(i).get("timestamp").asLong()
                - statuses.get(i - 1).get("timestamp").asLong();
        assertThat(gap).isBetween(interval - 20, interval + 20);
        assertThat(statuses.get(i).get("last_status_timestamp").asLong())
            .isEqualTo(statuses.get(i - 1).get("timestamp").asLong());
        gaps++;
      }
    }
    assertThat(gaps).isGreaterThan(100);
  }

  /** Every interval (+1 ms now and then, as in the sample). */
  private static void checkIngestMetrics(Recording r, long interval) {
    Map<String, List<Long>> byStream = new TreeMap<>();
    for (Recording.Message m : r.ofType("stream_ingest_metrics")) {
      byStream.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.dataTimestamp());
    }
    int gaps = 0;
    for (List<Long> times : byStream.values()) {
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1)).isBetween(interval, interval + 1);
        gaps++;
      }
    }
    assertThat(gaps).isGreaterThan(200);
  }

  /**
   * Per payment session: the first right after selection (linked by requestID, manifest
   * "35_<model>"), {@code initial} more {@code initialInterval} apart, then every interval +-8 %.
   */
  private static void checkPayments(Recording r, int initial, long initialInterval, long interval) {
    Map<String, List<Recording.Message>> bySession = new TreeMap<>();
    for (Recording.Message m : r.ofType("create_new_payment")) {
      if (m.data().get("manifestID").asText().startsWith("35_")
          || m.data().get("requestID").asText().isEmpty()) {
        bySession
            .computeIfAbsent(m.data().get("sessionID").asText(), k -> new ArrayList<>())
            .add(m);
      }
    }
    int checkedSteady = 0;
    for (List<Recording.Message> payments : bySession.values()) {
      JsonNode first = payments.get(0).data();
      if (!first.get("manifestID").asText().startsWith("35_")) {
        continue; // a batch job's payment: one per job
      }
      assertThat(first.get("requestID").asText()).hasSize(8);
      assertThat(first.get("numTickets").asText()).isEqualTo("2");
      long t0 = payments.get(0).envelopeTimestamp();
      for (int k = 1; k < payments.size(); k++) {
        JsonNode data = payments.get(k).data();
        assertThat(data.get("requestID").asText()).isEmpty();
        long t = payments.get(k).envelopeTimestamp();
        if (k <= initial) {
          assertThat(t - t0 - initialInterval * k).isBetween(0L, 60L);
        } else {
          long gap = t - payments.get(k - 1).envelopeTimestamp();
          assertThat(gap)
              .isBetween(Math.round(interval * 0.92) - 1, Math.round(interval * 1.08) + 1);
          checkedSteady++;
        }
      }
    }
    assertThat(checkedSteady).isGreaterThan(10);
  }

  /** Every interval exactly, per (topic, gateway, orchestrator URI). */
  private static void checkCapabilities(Recording r, long interval) {
    Map<String, List<Long>> byReporter = new TreeMap<>();
    for (Recording.Message m : r.ofType("network_capabilities")) {
      for (JsonNode orchestrator : m.data()) {
        String key =
            m.topic()
                + "|"
                + m.json().get("gateway").asText()
                + "|"
                + orchestrator.get("orch_uri").asText();
        byReporter.computeIfAbsent(key, k -> new ArrayList<>()).add(m.envelopeTimestamp());
      }
    }
    int gaps = 0;
    for (List<Long> times : byReporter.values()) {
      assertThat(times.get(0) - r.summary.start().toEpochMilli()).isLessThan(60_000);
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1)).isEqualTo(interval);
        gaps++;
      }
    }
    assertThat(gaps).isGreaterThan(10);
  }
}
