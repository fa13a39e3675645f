package io.naaplake.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.schema.events.EventRouting;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every transport fault appears when enabled and none when disabled. */
class TransportFaultsTest {
  private static Recording faulty;
  private static Recording clean;

  @BeforeAll
  static void run() {
    faulty = Recording.run(Recording.small().transportFaults(Recording.allFaults()).build());
    clean = Recording.run(Recording.small().transportFaults(TransportFaults.none()).build());
  }

  /** The bronze quarantine rules: not_json, not_an_object, missing_id, missing_type or null. */
  static String quarantineReason(byte[] value) {
    JsonNode root;
    try (JsonParser parser = Recording.JSON.getFactory().createParser(value)) {
      root = Recording.JSON.readTree(parser);
      if (root == null || parser.nextToken() != null) {
        return "not_json";
      }
    } catch (IOException e) {
      return "not_json";
    }
    if (!root.isObject()) {
      return "not_an_object";
    }
    if (!root.path("id").isTextual() || root.get("id").asText().isBlank()) {
      return "missing_id";
    }
    if (!root.path("type").isTextual() || root.get("type").asText().isBlank()) {
      return "missing_type";
    }
    return null;
  }

  @Test
  void duplicatesAreTheSameBytesTwice() {
    Map<ByteBuffer, Integer> copies = new HashMap<>();
    for (Recording.Message m : faulty.messages) {
      copies.merge(ByteBuffer.wrap(m.value()), 1, Integer::sum);
    }
    long twice = copies.values().stream().filter(c -> c == 2).count();
    assertThat(twice).isEqualTo(faulty.summary.duplicated()).isPositive();
    assertThat(faulty.deliveries.stream().filter(d -> d.copy() == 2).count()).isEqualTo(twice);

    Map<ByteBuffer, Integer> cleanCopies = new HashMap<>();
    for (Recording.Message m : clean.messages) {
      cleanCopies.merge(ByteBuffer.wrap(m.value()), 1, Integer::sum);
    }
    assertThat(cleanCopies.values()).allMatch(c -> c == 1);
  }

  @Test
  void droppedEventsNeverArrive() {
    assertThat(faulty.summary.dropped()).isPositive();
    long generatedDelivered =
        faulty.deliveries.stream()
            .filter(d -> d.copy() == 1)
            .filter(d -> Set.of("none", "duplicate", "reorder", "late").contains(d.fault()))
            .count();
    assertThat(generatedDelivered)
        .isEqualTo(faulty.summary.eventsGenerated() - faulty.summary.dropped());
    assertThat(clean.summary.dropped()).isZero();
    assertThat(clean.summary.messagesDelivered()).isEqualTo(clean.summary.eventsGenerated());
  }

  @Test
  void reorderedAndLateEventsArriveAfterLaterOnes() {
    long maxSeen = Long.MIN_VALUE;
    int reorderedSeen = 0;
    int lateSeen = 0;
    for (DeliveredMessage d : faulty.deliveries) {
      if (d.eventTime() == null) {
        continue;
      }
      if (d.fault().equals("reorder")) {
        assertThat(d.delayMs()).isBetween(500L, 30_000L);
        if (d.eventTime() < maxSeen - 400) {
          reorderedSeen++;
        }
      }
      if (d.fault().equals("late")) {
        assertThat(d.delayMs()).isBetween(120_000L, 1_800_000L);
        if (d.eventTime() < maxSeen - 100_000) {
          lateSeen++;
        }
      }
      maxSeen = Math.max(maxSeen, d.eventTime());
    }
    assertThat(reorderedSeen).isPositive();
    assertThat(lateSeen).isPositive();

    long cleanMax = 0;
    for (DeliveredMessage d : clean.deliveries) {
      assertThat(d.fault()).isEqualTo("none");
      assertThat(d.delayMs()).isZero();
      assertThat(d.eventTime()).isGreaterThanOrEqualTo(cleanMax - 5);
      cleanMax = Math.max(cleanMax, d.eventTime());
    }
  }

  @Test
  void malformedMessagesGetTheirQuarantineReason() {
    Set<String> reasons = new TreeSet<>();
    List<Recording.Message> messages = faulty.messages;
    for (int i = 0; i < messages.size(); i++) {
      DeliveredMessage d = faulty.deliveries.get(i);
      String reason = quarantineReason(messages.get(i).value());
      assertThat(reason).isEqualTo(d.quarantineReason());
      assertThat(messages.get(i).text()).doesNotContain("\n");
      if (reason != null) {
        reasons.add(reason);
        assertThat(new String(messages.get(i).key(), UTF_8)).startsWith("test-malformed-");
        assertThat(d.fault()).isEqualTo("malformed");
        assertThat(d.route()).isNull();
      }
    }
    assertThat(reasons).containsExactly("missing_id", "missing_type", "not_an_object", "not_json");
    assertThat(clean.messages).allMatch(m -> quarantineReason(m.value()) == null);
  }

  @Test
  void unknownFamiliesAndIgnoredTracesAreRoutedAsTheReferenceDoes() {
    Set<String> routes = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (int i = 0; i < faulty.messages.size(); i++) {
      Recording.Message m = faulty.messages.get(i);
      DeliveredMessage d = faulty.deliveries.get(i);
      if (d.malformed()) {
        continue;
      }
      String expected =
          EventRouting.classify(
                  m.type(),
                  m.subtype(),
                  m.data().isObject() ? m.data().path("client_source").asText(null) : null)
              .ignoreReason()
              .orElse("accepted");
      assertThat(d.route()).isEqualTo(expected);
      routes.add(expected);
      if (expected.equals("unsupported_event_family")) {
        unknown.add(m.type());
        assertThat(d.fault()).isEqualTo("unknown_family");
      }
      if (d.fault().equals("ignored_trace")) {
        assertThat(expected).isNotEqualTo("accepted");
      }
    }
    assertThat(routes)
        .containsExactly(
            "accepted",
            "ignored_stream_trace_non_core_app",
            "ignored_stream_trace_scope_client_noise",
            "unsupported_event_family",
            "unsupported_stream_trace_type");
    assertThat(unknown).containsExactly("pipelines_api_request", "webrtc_stats");
    assertThat(clean.deliveries).allMatch(d -> d.route().equals("accepted"));
  }
}
