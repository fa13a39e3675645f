package io.naaplake.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The truth agrees with the delivered messages it describes. */
class TruthTest {
  private static SimulationConfig config;
  private static Recording r;

  /** Distinct delivered envelopes (first copy of each id), in delivery order. */
  private static final Map<String, Recording.Message> distinct = new LinkedHashMap<>();

  @BeforeAll
  static void run() {
    config =
        Recording.small()
            .duration(Duration.ofMinutes(40))
            .transportFaults(Recording.allFaults())
            .failureRates(Recording.allFailures())
            .build();
    r = Recording.run(config);
    for (Recording.Message m : r.envelopes()) {
      distinct.putIfAbsent(m.json().get("id").asText(), m);
    }
  }

  private static List<Recording.Message> distinct(String type) {
    List<Recording.Message> out = new ArrayList<>();
    for (Recording.Message m : distinct.values()) {
      if (m.type().equals(type)) {
        out.add(m);
      }
    }
    return out;
  }

  private static long sum(TruthFile file, String field) {
    return r.truth(file).stream().mapToLong(n -> n.get(field).asLong()).sum();
  }

  @Test
  void deliveredMessageListEqualsTheEmittedMessages() throws Exception {
    assertThat(r.deliveries).hasSameSizeAs(r.messages);
    assertThat((long) r.messages.size()).isEqualTo(r.summary.messagesDelivered());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < r.messages.size(); i++) {
      Recording.Message m = r.messages.get(i);
      DeliveredMessage d = r.deliveries.get(i);
      assertThat(d.seq()).isEqualTo(i);
      assertThat(d.topic()).isEqualTo(m.topic());
      assertThat(d.key()).isEqualTo(new String(m.key(), UTF_8));
      assertThat(d.valueBytes()).isEqualTo(m.value().length);
      assertThat(d.valueSha256()).isEqualTo(HexFormat.of().formatHex(sha.digest(m.value())));
      if (!d.malformed()) {
        assertThat(d.id()).isEqualTo(m.json().get("id").asText()).isEqualTo(d.key());
        assertThat(d.type()).isEqualTo(m.type());
        assertThat(d.subtype()).isEqualTo(m.subtype());
      }
    }
  }

  @Test
  void sessionCountsAreThoseOfTheDeliveredEvents() {
    assertThat(sum(TruthFile.SESSIONS, "status_samples_delivered"))
        .isEqualTo(distinct("ai_stream_status").size());
    assertThat(sum(TruthFile.SESSIONS, "ingest_metrics_delivered"))
        .isEqualTo(distinct("stream_ingest_metrics").size());
    assertThat(
            sum(TruthFile.SESSIONS, "payments_delivered")
                + sum(TruthFile.JOBS, "payments_delivered"))
        .isEqualTo(distinct("create_new_payment").size());
    assertThat(sum(TruthFile.SESSIONS, "status_samples"))
        .isGreaterThan(sum(TruthFile.SESSIONS, "status_samples_delivered"));
    assertThat(r.truth(TruthFile.SESSIONS)).hasSize((int) r.summary.sessions());
    assertThat(r.truth(TruthFile.JOBS)).hasSize((int) r.summary.jobs());
  }

  @Test
  void latenciesAreThoseCarriedByTheDeliveredEvents() {
    Map<String, Long> request = new HashMap<>();
    Map<String, Long> firstProcessed = new HashMap<>();
    Map<String, Long> firstIngest = new HashMap<>();
    Map<String, Long> runnerProcessed = new HashMap<>();
    for (Recording.Message m : distinct("stream_trace")) {
      Map<String, Long> target =
          switch (m.subtype()) {
            case "gateway_receive_stream_request" -> request;
            case "gateway_receive_first_processed_segment" -> firstProcessed;
            case "gateway_send_first_ingest_segment" -> firstIngest;
            case "runner_send_first_processed_segment" -> runnerProcessed;
            default -> null;
          };
      if (target != null) {
        target.merge(m.streamId(), m.dataTimestamp(), Math::min);
      }
    }
    int checked = 0;
    for (ObjectNode s : r.truth(TruthFile.SESSIONS)) {
      String stream = s.get("stream_id").asText();
      Long startup =
          request.containsKey(stream) && firstProcessed.containsKey(stream)
              ? firstProcessed.get(stream) - request.get(stream)
              : null;
      Long e2e =
          firstIngest.containsKey(stream) && runnerProcessed.containsKey(stream)
              ? runnerProcessed.get(stream) - firstIngest.get(stream)
              : null;
      assertThat(s.get("startup_latency_ms").isNull() ? null : s.get("startup_latency_ms").asLong())
          .isEqualTo(startup);
      assertThat(s.get("e2e_latency_ms").isNull() ? null : s.get("e2e_latency_ms").asLong())
          .isEqualTo(e2e);
      assertThat(s.get("requested_observable").asBoolean()).isEqualTo(request.containsKey(stream));
      checked += startup != null ? 1 : 0;
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void selectionSignalsAndNoOrchTracesAreThoseOfTheDeliveredEvents() {
    // stream id|orchestrator url -> delivered trace, status and stream events naming it
    Map<String, Long> signals = new HashMap<>();
    Set<String> noOrch = new HashSet<>();
    for (String type : List.of("stream_trace", "ai_stream_status", "ai_stream_events")) {
      for (Recording.Message m : distinct(type)) {
        String url = m.data().path("orchestrator_info").path("url").asText("");
        if (!url.isEmpty()) {
          signals.merge(m.streamId() + "|" + url, 1L, Long::sum);
        }
        if ("gateway_no_orchestrators_available".equals(m.subtype())) {
          noOrch.add(m.streamId());
        }
      }
    }
    long segments = 0;
    long unseen = 0;
    for (ObjectNode s : r.truth(TruthFile.SESSIONS)) {
      String stream = s.get("stream_id").asText();
      assertThat(s.get("no_orch_trace_delivered").asBoolean())
          .as(stream)
          .isEqualTo(noOrch.contains(stream));
      Set<String> urls = new HashSet<>();
      for (JsonNode segment : s.get("segments")) {
        String url = segment.get("orchestrator_uri").asText();
        // a session never returns to a host, so the URL names one segment
        assertThat(urls.add(url)).isTrue();
        long delivered = signals.getOrDefault(stream + "|" + url, 0L);
        assertThat(segment.get("signals_delivered").asLong()).as(stream).isEqualTo(delivered);
        segments++;
        unseen += delivered == 0 ? 1 : 0;
      }
    }
    assertThat(segments).isGreaterThan(unseen).isPositive();
    assertThat(noOrch).isNotEmpty();
  }

  @Test
  void slaPrimitivesAddUpToTheDeliveredEvents() {
    assertThat(sum(TruthFile.SLA_HOURS, "status_samples"))
        .isEqualTo(distinct("ai_stream_status").size());
    double fps = 0;
    for (Recording.Message m : distinct("ai_stream_status")) {
      fps += m.data().get("inference_status").get("fps").asDouble();
    }
    double truthFps =
        r.truth(TruthFile.SLA_HOURS).stream()
            .mapToDouble(n -> n.get("output_fps_sum").asDouble())
            .sum();
    assertThat(truthFps).isCloseTo(fps, within(1e-6 * fps));
    Set<String> requested = new HashSet<>();
    for (Recording.Message m : distinct("stream_trace")) {
      if (m.subtype().equals("gateway_receive_stream_request")) {
        requested.add(m.streamId());
      }
    }
    assertThat(sum(TruthFile.SLA_HOURS, "requested_sessions")).isEqualTo(requested.size());
    assertThat(sum(TruthFile.SLA_HOURS, "requested_sessions_real")).isEqualTo(r.summary.sessions());
    long outcomes =
        sum(TruthFile.SLA_HOURS, "startup_success_sessions")
            + sum(TruthFile.SLA_HOURS, "startup_excused_sessions")
            + sum(TruthFile.SLA_HOURS, "startup_unexcused_sessions");
    assertThat(outcomes).isEqualTo(requested.size());
  }

  @Test
  void paymentTotalsAreExactWeiOfTheDeliveredPayments() {
    Map<String, String> topicOrg = new HashMap<>();
    config.orgTopics().forEach((org, topic) -> topicOrg.put(topic, org));
    Map<String, BigInteger[]> expectedRows = new TreeMap<>();
    Map<String, BigDecimal> expectedValue = new TreeMap<>();
    for (Recording.Message m : distinct("create_new_payment")) {
      JsonNode data = m.data();
      String face = data.get("faceValue").asText();
      assertThat(face).endsWith(" WEI");
      assertThat(data.get("price").asText()).endsWith(" wei/pixel");
      assertThat(data.get("winProb").asText()).matches("0\\.\\d{10}");
      BigInteger faceValue = new BigInteger(face.substring(0, face.length() - 4));
      BigInteger tickets = new BigInteger(data.get("numTickets").asText());
      long hour = Math.floorDiv(m.envelopeTimestamp(), 3_600_000L) * 3_600_000L;
      String key =
          java.time.Instant.ofEpochMilli(hour)
              + "|"
              + topicOrg.get(m.topic())
              + "|"
              + data.get("recipient").asText().toLowerCase(java.util.Locale.ROOT);
      BigInteger[] row =
          expectedRows.computeIfAbsent(
              key, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
      row[0] = row[0].add(faceValue);
      row[1] = row[1].add(faceValue.multiply(tickets));
      expectedValue.merge(
          key,
          new BigDecimal(faceValue.multiply(tickets))
              .multiply(new BigDecimal(data.get("winProb").asText())),
          BigDecimal::add);
    }
    Map<String, ObjectNode> truthRows = new TreeMap<>();
    for (ObjectNode row : r.truth(TruthFile.PAYMENTS_HOURLY)) {
      if (row.get("payments_delivered").asLong() > 0) {
        truthRows.put(
            row.get("hour").asText()
                + "|"
                + row.get("org").asText()
                + "|"
                + row.get("recipient").asText(),
            row);
      }
    }
    assertThat(truthRows.keySet()).isEqualTo(expectedRows.keySet());
    truthRows.forEach(
        (key, row) -> {
          assertThat(new BigInteger(row.get("face_value_wei").asText()))
              .isEqualTo(expectedRows.get(key)[0]);
          assertThat(new BigInteger(row.get("face_value_times_tickets_wei").asText()))
              .isEqualTo(expectedRows.get(key)[1]);
          assertThat(new BigDecimal(row.get("expected_value_wei").asText()))
              .isEqualByComparingTo(expectedValue.get(key));
          assertThat(row.get("expected_value_wei").asText()).matches("\\d+");
        });
    assertThat(sum(TruthFile.PAYMENTS_HOURLY, "payments_emitted"))
        .isGreaterThan(sum(TruthFile.PAYMENTS_HOURLY, "payments_delivered"));
  }

  @Test
  void observableGpusWereReportedAloneBeforeSelection() {
    // uri|topic -> (report time, gpu ids) of delivered capability reports
    Map<String, List<Object[]>> reports = new HashMap<>();
    Map<String, Long> reportsPerUuid = new HashMap<>();
    for (Recording.Message m : distinct("network_capabilities")) {
      for (JsonNode orchestrator : m.data()) {
        Set<String> ids = new HashSet<>();
        if (orchestrator.get("hardware").isArray()) {
          for (JsonNode hardware : orchestrator.get("hardware")) {
            hardware.path("gpu_info").forEach(gpu -> ids.add(gpu.get("id").asText()));
          }
        }
        ids.forEach(id -> reportsPerUuid.merge(id, 1L, Long::sum));
        reports
            .computeIfAbsent(
                orchestrator.get("orch_uri").asText() + "|" + m.topic(), k -> new ArrayList<>())
            .add(new Object[] {m.envelopeTimestamp(), ids});
      }
    }
    int observable = 0;
    int hidden = 0;
    for (ObjectNode s : r.truth(TruthFile.SESSIONS)) {
      for (JsonNode segment : s.get("segments")) {
        String uuid = segment.get("gpu_uuid").asText();
        boolean seen = false;
        boolean alone = true;
        for (Object[] report :
            reports.getOrDefault(
                segment.get("orchestrator_uri").asText() + "|" + s.get("topic").asText(),
                List.of())) {
          @SuppressWarnings("unchecked")
          Set<String> ids = (Set<String>) report[1];
          if ((Long) report[0] <= segment.get("from").asLong() && ids.contains(uuid)) {
            alone &= ids.size() == 1;
            seen = true;
          }
        }
        if (segment.get("gpu_observable").asBoolean()) {
          assertThat(seen).isTrue();
          assertThat(alone).isTrue();
          observable++;
        } else {
          assertThat(segment.get("gpu_not_observable_reason").asText())
              .isIn("multi_gpu_host", "capability_report_not_delivered");
          if (segment
              .get("gpu_not_observable_reason")
              .asText()
              .equals("capability_report_not_delivered")) {
            assertThat(seen).isFalse();
          }
          hidden++;
        }
      }
    }
    assertThat(observable).isPositive();
    assertThat(hidden).isPositive();
    for (ObjectNode gpu : r.truth(TruthFile.GPUS)) {
      for (JsonNode epoch : gpu.get("uuids")) {
        String uuid = epoch.get("uuid").asText();
        assertThat(epoch.get("reports_delivered").asLong())
            .isEqualTo(reportsPerUuid.getOrDefault(uuid, 0L));
        assertThat(epoch.get("observable").asBoolean()).isEqualTo(reportsPerUuid.containsKey(uuid));
      }
    }
  }
}
