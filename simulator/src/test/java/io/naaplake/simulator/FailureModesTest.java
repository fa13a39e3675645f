package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure mode appears when enabled and none when disabled. */
class FailureModesTest {
  private static Recording failing;
  private static Recording healthy;

  @BeforeAll
  static void run() {
    failing =
        Recording.run(
            Recording.small()
                .duration(Duration.ofMinutes(90))
                .concurrentStreams(15)
                .failureRates(Recording.allFailures())
                .transportFaults(TransportFaults.none())
                .build());
    healthy =
        Recording.run(
            Recording.small()
                .duration(Duration.ofMinutes(90))
                .concurrentStreams(15)
                .orchestrators(40)
                .failureRates(FailureRates.none())
                .transportFaults(TransportFaults.none())
                .build());
  }

  private static List<ObjectNode> sessions(Recording r, String field, String value) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode s : r.truth(TruthFile.SESSIONS)) {
      if (s.get(field).asText().equals(value)) {
        out.add(s);
      }
    }
    return out;
  }

  private static Map<String, List<JsonNode>> statusesByStream(Recording r) {
    Map<String, List<JsonNode>> out = new TreeMap<>();
    for (Recording.Message m : r.ofType("ai_stream_status")) {
      out.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.data());
    }
    return out;
  }

  private static Set<String> streams(List<Recording.Message> messages) {
    Set<String> out = new HashSet<>();
    messages.forEach(m -> out.add(m.streamId()));
    return out;
  }

  @Test
  void noOrchestratorSessionsAreExcused() {
    assertThat(failing.traces("gateway_no_orchestrators_available")).isNotEmpty();
    List<ObjectNode> noOrch = sessions(failing, "outcome", "no_orchestrator");
    assertThat(noOrch).isNotEmpty();
    for (ObjectNode s : noOrch) {
      assertThat(s.get("served").asBoolean()).isFalse();
      assertThat(s.get("segments")).isEmpty();
    }
    assertThat(healthy.traces("gateway_no_orchestrators_available")).isEmpty();
    assertThat(sessions(healthy, "outcome", "no_orchestrator")).isEmpty();
  }

  @Test
  void swapsNameTheAbandonedOrchestratorAndAReason() {
    List<Recording.Message> swaps = failing.traces("orchestrator_swap");
    assertThat(swaps).isNotEmpty();
    for (Recording.Message swap : swaps) {
      assertThat(Catalog.SWAP_REASONS).contains(swap.data().get("message").asText());
      assertThat(swap.data().get("pipeline").asText()).startsWith("streamdiffusion");
      assertThat(swap.data().get("orchestrator_info").get("url").asText()).startsWith("https://");
    }
    boolean servedByTwo = false;
    for (ObjectNode s : sessions(failing, "failure_mode", "swap")) {
      if (s.get("swap_count").asInt() > 0 && s.get("segments").size() == 2) {
        servedByTwo = true;
        assertThat(s.get("segments").get(0).get("leave_reason").asText())
            .isIn(Catalog.SWAP_REASONS);
        assertThat(s.get("segments").get(1).get("host_id").asText())
            .isNotEqualTo(s.get("segments").get(0).get("host_id").asText());
      }
    }
    assertThat(servedByTwo).isTrue();
    assertThat(healthy.traces("orchestrator_swap")).isEmpty();
  }

  @Test
  void loadingOnlySessionsNeverPlay() {
    List<ObjectNode> loading = sessions(failing, "failure_mode", "loading_only");
    assertThat(loading).isNotEmpty();
    Set<String> playable = streams(failing.traces("gateway_receive_few_processed_segments"));
    Map<String, List<JsonNode>> statuses = statusesByStream(failing);
    int withStatus = 0;
    for (ObjectNode s : loading) {
      String stream = s.get("stream_id").asText();
      assertThat(playable).doesNotContain(stream);
      assertThat(s.get("outcome").asText()).isEqualTo("unexcused_failure");
      for (JsonNode status : statuses.getOrDefault(stream, List.of())) {
        assertThat(status.get("state").asText()).isIn("LOADING", "ERROR");
        assertThat(status.get("inference_status").get("fps").asDouble()).isZero();
      }
      if (statuses.containsKey(stream)) {
        withStatus++;
        assertThat(s.get("loading_only").asBoolean()).isTrue();
      }
    }
    assertThat(withStatus).isPositive();
    assertThat(sessions(healthy, "loading_only", "true")).isEmpty();
  }

  @Test
  void zeroOutputFpsSessionsPlayButReportNoFrames() {
    List<ObjectNode> zero = sessions(failing, "failure_mode", "zero_output_fps");
    assertThat(zero).isNotEmpty();
    Map<String, List<JsonNode>> statuses = statusesByStream(failing);
    for (ObjectNode s : zero) {
      assertThat(s.get("playable").asBoolean()).isTrue();
      assertThat(s.get("zero_output_fps").asBoolean()).isTrue();
      for (JsonNode status : statuses.getOrDefault(s.get("stream_id").asText(), List.of())) {
        assertThat(status.get("inference_status").get("fps").asDouble()).isZero();
      }
    }
    for (ObjectNode s : healthy.truth(TruthFile.SESSIONS)) {
      assertThat(s.get("zero_output_fps").asBoolean()).isFalse();
      assertThat(s.get("failure_mode").asText()).isEqualTo("none");
      assertThat(s.get("outcome").asText()).isEqualTo("success");
    }
  }

  @Test
  void errorsAreExcusableOrNot() {
    List<Recording.Message> errors = new ArrayList<>();
    for (Recording.Message m : failing.ofType("ai_stream_events")) {
      if ("error".equals(m.subtype())) {
        errors.add(m);
      }
    }
    long excusable =
        errors.stream().filter(m -> Catalog.excusable(m.data().get("message").asText())).count();
    assertThat(excusable).isPositive();
    assertThat(errors.size() - excusable).isPositive();
    assertThat(sessions(failing, "outcome", "excused_error")).isNotEmpty();
    assertThat(sessions(failing, "failure_mode", "startup_error_unexcused")).isNotEmpty();
    for (ObjectNode s : sessions(failing, "failure_mode", "startup_error_excusable")) {
      assertThat(s.get("outcome").asText()).isEqualTo("excused_error");
    }
    for (String message : Catalog.UNEXCUSED_ERRORS) {
      assertThat(Catalog.excusable(message)).isFalse();
    }
    for (String message : Catalog.EXCUSABLE_ERRORS) {
      assertThat(Catalog.excusable(message)).isTrue();
    }
    assertThat(healthy.ofType("ai_stream_events"))
        .allSatisfy(m -> assertThat(m.subtype()).isEqualTo("params_update"));
  }

  @Test
  void restartsCountUpInStatusAndEvents() {
    List<Recording.Message> restarts = new ArrayList<>();
    for (Recording.Message m : failing.ofType("ai_stream_events")) {
      if ("restart".equals(m.subtype())) {
        restarts.add(m);
      }
    }
    assertThat(restarts).isNotEmpty();
    assertThat(restarts.get(0).data().get("restart_count").asInt()).isPositive();
    assertThat(restarts.get(0).data().get("restart_logs")).isNotEmpty();
    boolean logsInStatus = false;
    boolean countInStatus = false;
    for (Recording.Message m : failing.ofType("ai_stream_status")) {
      JsonNode inference = m.data().get("inference_status");
      countInStatus |= inference.get("restart_count").asInt() > 0;
      logsInStatus |= inference.get("last_restart_logs").isArray();
    }
    assertThat(countInStatus).isTrue();
    assertThat(logsInStatus).isTrue();
    for (Recording.Message m : healthy.ofType("ai_stream_status")) {
      assertThat(m.data().get("inference_status").get("restart_count").asInt()).isZero();
    }
  }

  @Test
  void degradedHoursLowerOutputFps() {
    double[] degraded = new double[2];
    double[] normal = new double[2];
    for (ObjectNode row : failing.truth(TruthFile.SLA_HOURS)) {
      double[] target = row.get("degraded_fps_hour").asBoolean() ? degraded : normal;
      if (row.get("positive_output_fps_samples").asLong() > 0) {
        target[0] +=
            row.get("output_fps_sum").asDouble()
                / row.get("input_fps_sum").asDouble()
                * row.get("status_samples").asLong();
        target[1] += row.get("status_samples").asLong();
      }
    }
    assertThat(degraded[1]).isPositive();
    assertThat(degraded[0] / degraded[1]).isLessThan(0.8 * normal[0] / normal[1]);
    assertThat(healthy.truth(TruthFile.SLA_HOURS))
        .noneMatch(row -> row.get("degraded_fps_hour").asBoolean());
  }

  @Test
  void rentedGpusChurnTheirUuidsInLaterReports() {
    List<ObjectNode> churned = new ArrayList<>();
    for (ObjectNode gpu : failing.truth(TruthFile.GPUS)) {
      if (gpu.get("uuid_count").asInt() > 1) {
        assertThat(gpu.get("rented").asBoolean()).isTrue();
        churned.add(gpu);
      }
    }
    assertThat(churned).isNotEmpty();
    // The delivered capability reports show the same host under several UUIDs over time.
    Map<String, Set<String>> uuidsByUri = new TreeMap<>();
    for (Recording.Message m : failing.ofType("network_capabilities")) {
      for (JsonNode orchestrator : m.data()) {
        if (orchestrator.get("hardware").isArray()) {
          for (JsonNode hardware : orchestrator.get("hardware")) {
            hardware
                .path("gpu_info")
                .forEach(
                    gpu ->
                        uuidsByUri
                            .computeIfAbsent(
                                orchestrator.get("orch_uri").asText(), k -> new HashSet<>())
                            .add(gpu.get("id").asText()));
          }
        }
      }
    }
    ObjectNode gpu = churned.get(0);
    Set<String> reported = uuidsByUri.get(gpu.get("uri").asText());
    int reportedEpochs = 0;
    for (JsonNode epoch : gpu.get("uuids")) {
      if (epoch.get("reports_delivered").asLong() > 0) {
        assertThat(reported).contains(epoch.get("uuid").asText());
        reportedEpochs++;
      }
    }
    assertThat(reportedEpochs).isGreaterThan(0);
    assertThat(healthy.truth(TruthFile.GPUS)).allMatch(g -> g.get("uuid_count").asInt() == 1);
  }

  @Test
  void ratesCanBeSetPerOrchestrator() {
    FailureRates loadingOnly = new FailureRates(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    Recording r =
        Recording.run(
            Recording.small()
                .orchestrators(12)
                .failureRates(FailureRates.none())
                .orchestratorFailureRates(0, loadingOnly)
                .transportFaults(TransportFaults.none())
                .build());
    String first = r.truth(TruthFile.ORCHESTRATORS).get(0).get("orchestrator").asText();
    int onFirst = 0;
    for (ObjectNode s : r.truth(TruthFile.SESSIONS)) {
      if (s.get("segments").isEmpty()) {
        continue;
      }
      boolean servedByFirst = s.get("segments").get(0).get("orchestrator").asText().equals(first);
      assertThat(s.get("failure_mode").asText()).isEqualTo(servedByFirst ? "loading_only" : "none");
      onFirst += servedByFirst ? 1 : 0;
    }
    assertThat(onFirst).isPositive();
  }
}
