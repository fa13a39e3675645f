package io.naaplake.jobs.silver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.jobs.silver.PayloadProblem.Reason;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeNormalizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private final EnvelopeNormalizer normalizer =
      new EnvelopeNormalizer(ClientIpPolicy.from(Optional.empty()));

  private NormalizedEvent normalize(String type, String data) {
    String envelope =
        "{\"id\":\"e\",\"type\":\""
            + type
            + "\",\"timestamp\":\"1767908945298\",\"data\":"
            + data
            + "}";
    return normalizer.normalize(type, envelope.getBytes(UTF_8));
  }

  private Map<String, Object> onlyRow(String type, String data) {
    NormalizedEvent event = normalize(type, data);
    assertThat(event.problems()).as("problems").isEmpty();
    assertThat(event.rows()).hasSize(1);
    return event.rows().get(0);
  }

  @Test
  void everyRealSampleEventIsTypedWithoutProblems() throws Exception {
    JsonNode export =
        JSON.readTree(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json").toFile());
    int typed = 0;
    for (JsonNode record : export) {
      JsonNode envelope = record.get("value");
      NormalizedEvent event =
          normalizer.normalize(envelope.get("type").asText(), JSON.writeValueAsBytes(envelope));
      assertThat(event.problems()).as(envelope.toString()).isEmpty();
      assertThat(event.ignoreReason()).isEmpty();
      typed += event.rows().isEmpty() ? 0 : 1;
    }
    // 65 events in the export, all of accepted families.
    assertThat(typed).isEqualTo(65);
  }

  @Test
  void everyRealOrchestratorIsTyped() throws Exception {
    JsonNode orchestrators =
        JSON.readTree(SAMPLES.resolve("getNetworkCapabilities.json").toFile()).get("orchestrators");
    NormalizedEvent event = normalize("network_capabilities", orchestrators.toString());
    assertThat(event.problems()).isEmpty();
    // 53 orchestrator entries in the response (samples/README.md).
    assertThat(event.rows()).hasSize(53);
    assertThat(event.rows()).extracting(r -> r.get("element_index")).startsWith(0, 1, 2);
  }

  @Test
  void faceValueInWeiWithSuffixAndInDecimalEth() {
    Map<String, Object> wei =
        onlyRow(
            "create_new_payment",
            "{\"faceValue\":\"2402400000000000 WEI\",\"winProb\":\"0.0009990010\","
                + "\"numTickets\":\"2\",\"price\":\"1635.021 wei/pixel\",\"recipient\":\"0xD0035\"}");
    assertThat(wei.get("face_value")).isEqualTo(new BigDecimal("2402400000000000"));
    assertThat(wei.get("win_prob")).isEqualTo(new BigDecimal("0.000999001000000000"));
    assertThat(wei.get("num_tickets")).isEqualTo(2);
    assertThat(wei.get("price")).isEqualTo(new BigDecimal("1635.021000000000000000"));
    assertThat(wei.get("recipient")).as("addresses are lower-cased").isEqualTo("0xd0035");

    Map<String, Object> eth =
        onlyRow(
            "create_new_payment",
            "{\"faceValue\":\"0.000000100000000000\",\"winProb\":\"0.5\",\"numTickets\":\"1\","
                + "\"recipient\":\"0xabc\"}");
    // 1e-7 ETH = 1e11 wei.
    assertThat(eth.get("face_value")).isEqualTo(new BigDecimal("100000000000"));
  }

  @Test
  void startTimeInEveryWireForm() {
    String status = "{\"type\":\"status\",\"start_time\":%s}";
    Instant expected = Instant.parse("2026-01-08T21:49:05.607Z");
    assertThat(onlyRow("ai_stream_status", status.formatted("1767908945607")).get("start_time"))
        .as("int ms")
        .isEqualTo(expected);
    assertThat(onlyRow("ai_stream_status", status.formatted("1767908945.607")).get("start_time"))
        .as("float seconds")
        .isEqualTo(expected);
    assertThat(
            onlyRow("ai_stream_status", status.formatted("\"2026-01-08T21:49:05.607Z\""))
                .get("start_time"))
        .as("ISO string")
        .isEqualTo(expected);
    assertThat(onlyRow("ai_stream_status", status.formatted("0")).get("start_time"))
        .as("zero means never")
        .isNull();
  }

  @Test
  void gpuInfoAsObjectAsArrayOrAbsent() {
    String orchestrator =
        "[{\"address\":\"0xA\",\"hardware\":[{\"pipeline\":\"live-video-to-video\","
            + "\"model_id\":\"m\",\"gpu_info\":%s}]}]";
    String gpu =
        "{\"id\":\"GPU-1\",\"name\":\"NVIDIA GeForce RTX 5090\",\"memory_total\":34190917632}";
    List<?> fromObject =
        gpus(normalize("network_capabilities", orchestrator.formatted("{\"0\":" + gpu + "}")));
    List<?> fromArray =
        gpus(normalize("network_capabilities", orchestrator.formatted("[" + gpu + "]")));
    assertThat(fromObject).isEqualTo(fromArray);
    assertThat(((StructValue) fromObject.get(0)).values())
        .containsExactly(0, "GPU-1", "NVIDIA GeForce RTX 5090", 34190917632L, null, null, null);
    NormalizedEvent withoutGpus =
        normalize(
            "network_capabilities",
            "[{\"address\":\"0xA\",\"hardware\":[{\"pipeline\":\"llm\",\"model_id\":\"m\"}]}]");
    assertThat(withoutGpus.problems()).as("a GPU-less offer is not an error").isEmpty();
    assertThat(gpus(withoutGpus)).isNull();
  }

  private static List<?> gpus(NormalizedEvent event) {
    assertThat(event.problems()).isEmpty();
    List<?> hardware = (List<?>) event.rows().get(0).get("hardware");
    return (List<?>) ((StructValue) hardware.get(0)).values().get(2);
  }

  @Test
  void oneBrokenOrchestratorDoesNotCondemnItsSiblings() {
    NormalizedEvent event =
        normalize(
            "network_capabilities",
            "[{\"address\":\"0xA\"},{\"address\":\"\"},{\"address\":\"0xC\"}]");
    assertThat(event.rows()).extracting(r -> r.get("address")).containsExactly("0xa", "0xc");
    assertThat(event.problems()).hasSize(1);
    assertThat(event.problems().get(0).elementIndex()).contains(1);
    assertThat(event.problems().get(0).problem().reason()).isEqualTo(Reason.MISSING_REQUIRED_FIELD);
  }

  @Test
  void emptyDiscoveryListIsQuarantined() {
    NormalizedEvent event = normalize("discovery_results", "[]");
    assertThat(event.rows()).isEmpty();
    assertThat(event.problems())
        .extracting(p -> p.problem().reason())
        .containsExactly(Reason.EMPTY_LIST);
  }

  @Test
  void discoveryLatencyIsAStringNumber() {
    NormalizedEvent event =
        normalize(
            "discovery_results",
            "[{\"address\":\"0xA\",\"url\":\"https://o:1\",\"latency_ms\":\"77\"}]");
    assertThat(event.rows().get(0).get("latency_ms")).isEqualTo(77L);
  }

  @Test
  void unparseableNumberIsQuarantinedWithItsField() {
    NormalizedEvent event =
        normalize(
            "create_new_payment",
            "{\"faceValue\":\"lots WEI\",\"winProb\":\"0.1\",\"numTickets\":\"1\",\"recipient\":\"0xa\"}");
    assertThat(event.rows()).isEmpty();
    assertThat(event.problems().get(0).problem().field()).isEqualTo("data.faceValue");
    assertThat(event.problems().get(0).problem().reason()).isEqualTo(Reason.UNPARSEABLE_VALUE);
  }

  @Test
  void ignoreRulesOfTheReference() {
    assertThat(normalize("webrtc_stats", "{}").ignoreReason()).contains("unsupported_event_family");
    assertThat(normalize("stream_trace", "{\"type\":\"app_send_stream_request\"}").ignoreReason())
        .contains("ignored_stream_trace_non_core_app");
    assertThat(
            normalize("stream_trace", "{\"type\":\"stream_heartbeat\",\"client_source\":\"scope\"}")
                .ignoreReason())
        .contains("ignored_stream_trace_scope_client_noise");
    assertThat(
            normalize("stream_trace", "{\"type\":\"runner_receive_stream_request\"}")
                .ignoreReason())
        .contains("unsupported_stream_trace_type");
  }

  @Test
  void clientIpsAreHashedWithAKeyAndDroppedWithout() {
    String batch =
        "{\"type\":\"ai_batch_request_received\",\"request_id\":\"r\",\"client_ip\":\"203.0.113.9\"}";
    assertThat(onlyRow("ai_batch_request", batch).get("client_ip")).isNull();
    EnvelopeNormalizer keyed = new EnvelopeNormalizer(ClientIpPolicy.from(Optional.of("k")));
    String envelope = "{\"id\":\"e\",\"type\":\"ai_batch_request\",\"data\":" + batch + "}";
    Object hashed =
        keyed
            .normalize("ai_batch_request", envelope.getBytes(UTF_8))
            .rows()
            .get(0)
            .get("client_ip");
    assertThat((String) hashed).startsWith("hmac:").doesNotContain("203.0.113.9").hasSize(69);
  }

  @Test
  void emptyStringsMeanAbsent() {
    Map<String, Object> row =
        onlyRow(
            "stream_trace",
            "{\"type\":\"gateway_receive_stream_request\",\"pipeline_id\":\"\","
                + "\"orchestrator_info\":{\"address\":\"\",\"url\":\"\"}}");
    assertThat(row.get("pipeline_id")).isNull();
    assertThat(row.get("orchestrator_info_address")).isNull();
  }
}
