package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.schema.Column;
import io.naaplake.schema.events.EventContracts;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.schema.events.WireNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every delivered envelope has the shapes of the real data: the same envelope, and per family the
 * same field paths and value kinds as the real sample (plus documented extras for situations the
 * 65-event sample does not show), and only fields the lake's contract declares.
 */
class ShapeTest {
  private static Recording r;
  private static final Map<String, Map<String, Set<String>>> samplePaths = new TreeMap<>();
  private static final Map<String, Map<String, Set<String>>> generatedPaths = new TreeMap<>();

  /** Keys whose children are data (ids, model names, indexes), not field names. */
  private static final Set<String> DYNAMIC =
      Set.of("capacities", "PerCapability", "models", "gpu_info", "capability_options");

  /** Paths the sample cannot show: fields of situations absent from its one healthy session. */
  private static final Map<String, Set<String>> EXTRAS =
      Map.of(
          "stream_trace",
          Set.of("message", "pipeline", "client_source"),
          "ai_stream_status",
          Set.of(
              "inference_status.last_params.negative_prompt",
              "inference_status.last_params.num_inference_steps",
              "inference_status.last_params.prompt",
              "inference_status.last_params.seed",
              "inference_status.last_params.strength",
              "inference_status.last_restart_logs[]"),
          "stream_ingest_metrics",
          Set.of("stats.track_stats[].warnings", "stats.track_stats[].warnings[]"),
          "network_capabilities",
          Set.of(
              "[].capability_options",
              "[].capability_options.*",
              "[].capability_options.*[]",
              "[].capability_options.*[].model"),
          "create_new_payment",
          Set.of(),
          "discovery_results",
          Set.of());

  @BeforeAll
  static void run() throws IOException {
    r =
        Recording.run(
            Recording.small()
                .duration(Duration.ofMinutes(30))
                .transportFaults(Recording.allFaults())
                .failureRates(Recording.allFailures())
                .build());
    JsonNode export =
        Recording.JSON.readTree(
            Recording.sample("streaming-events-2026-01-08.kafka-ui.json").toFile());
    for (JsonNode wrapper : export) {
      JsonNode envelope = wrapper.get("value");
      collect(samplePaths, envelope.get("type").asText(), envelope.get("data"));
    }
    JsonNode capabilities =
        Recording.JSON.readTree(Recording.sample("getNetworkCapabilities.json").toFile());
    for (JsonNode orchestrator : capabilities.get("orchestrators")) {
      collect(
          samplePaths, "network_capabilities", Recording.JSON.createArrayNode().add(orchestrator));
    }
    for (Recording.Message m : r.envelopes()) {
      collect(generatedPaths, m.type(), m.data());
    }
  }

  private static void collect(
      Map<String, Map<String, Set<String>>> into, String family, JsonNode data) {
    paths(data, "", into.computeIfAbsent(family, f -> new TreeMap<>()));
  }

  /** Field paths ("a.b", arrays as "[]", data keys as "*") with the kinds of value seen there. */
  private static void paths(JsonNode node, String path, Map<String, Set<String>> out) {
    if (node.isObject()) {
      String last = path.substring(path.lastIndexOf('.') + 1);
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = DYNAMIC.contains(last) ? "*" : field.getKey();
        String child = path.isEmpty() ? name : path + "." + name;
        out.computeIfAbsent(child, k -> new TreeSet<>()).add(kind(field.getValue()));
        paths(field.getValue(), child, out);
      }
    } else if (node.isArray()) {
      String child = path + "[]";
      for (JsonNode element : node) {
        out.computeIfAbsent(child, k -> new TreeSet<>()).add(kind(element));
        paths(element, child, out);
      }
    }
  }

  private static String kind(JsonNode node) {
    if (node.isNumber()) {
      return node.isIntegralNumber() ? "int" : "float";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void envelopesHaveTheRealFiveFields() {
    for (Recording.Message m : r.envelopes()) {
      List<String> fields = new ArrayList<>();
      m.json().fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "type", "timestamp", "gateway", "data");
      assertThat(m.json().get("id").asText())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(m.json().get("timestamp").isTextual()).isTrue();
      assertThat(m.json().get("timestamp").asText()).matches("17\\d{11}");
      assertThat(m.json().get("gateway").asText()).matches("|0x[0-9a-fA-F]{40}");
      assertThat(m.key())
          .isEqualTo(m.json().get("id").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyFamilyOfTheSampleHasItsFieldsAndValueKinds() {
    for (String family : EXTRAS.keySet()) {
      Map<String, Set<String>> sample = samplePaths.get(family);
      Map<String, Set<String>> generated = generatedPaths.get(family);
      assertThat(generated).as(family).isNotNull();
      assertThat(generated.keySet())
          .as(family + " has every sample field")
          .containsAll(sample.keySet());
      Set<String> extra = new TreeSet<>(generated.keySet());
      extra.removeAll(sample.keySet());
      assertThat(extra).as(family + " adds only documented fields").isSubsetOf(EXTRAS.get(family));
      for (Map.Entry<String, Set<String>> path : sample.entrySet()) {
        Set<String> sampleKinds = new TreeSet<>(path.getValue());
        sampleKinds.remove("null");
        if (sampleKinds.isEmpty()
            || family.equals("network_capabilities") && path.getKey().endsWith("]")) {
          continue; // the sample only has null here: any kind is news to it
        }
        Set<String> kinds = new TreeSet<>(generated.get(path.getKey()));
        kinds.remove("null");
        if (sampleKinds.equals(Set.of("int")) && kinds.contains("float")) {
          kinds.remove("float"); // e.g. packet_loss_pct: 0 in the sample, a rate when lossy
          kinds.add("int");
        }
        assertThat(kinds).as(family + " " + path.getKey()).isSubsetOf(sampleKinds);
      }
    }
  }

  @Test
  void everyFieldIsDeclaredByTheLakeContract() {
    for (Map.Entry<String, Map<String, Set<String>>> family : generatedPaths.entrySet()) {
      EventFamily.fromWireName(family.getKey())
          .ifPresent(
              known -> {
                Set<String> declared = new TreeSet<>();
                for (Column column : EventContracts.payload(known).fields()) {
                  declared.add(WireNames.wireName(column));
                }
                String prefix = known.dataShape().name().equals("ARRAY") ? "[]." : "";
                for (String path : family.getValue().keySet()) {
                  if (path.equals("[]") || !path.startsWith(prefix)) {
                    continue;
                  }
                  String top = path.substring(prefix.length()).split("[.\\[]")[0];
                  assertThat(declared).as(family.getKey() + " " + path).contains(top);
                }
              });
    }
    assertThat(generatedPaths.keySet())
        .contains(
            "ai_batch_request",
            "ai_llm_request",
            "job_gateway",
            "job_orchestrator",
            "job_auth",
            "job_payment",
            "worker_lifecycle",
            "ai_stream_events");
  }

  @Test
  void numbersTheRealDataWritesAsStringsAreStrings() {
    for (Recording.Message m : r.ofType("create_new_payment")) {
      m.data()
          .fields()
          .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
    }
    for (Recording.Message m : r.ofType("discovery_results")) {
      assertThat(m.data()).isNotEmpty();
      for (JsonNode candidate : m.data()) {
        assertThat(candidate.get("latency_ms").asText()).matches("\\d+");
        assertThat(candidate.get("address").asText()).matches("0x[0-9a-f]{40}");
      }
    }
    for (Recording.Message m : r.ofType("ai_stream_status")) {
      assertThat(m.data().get("start_time").isIntegralNumber()).isTrue();
      assertThat(m.data().get("orchestrator_info").get("address").asText())
          .matches("0x[0-9a-f]{40}");
    }
    for (Recording.Message m : r.ofType("network_capabilities")) {
      JsonNode orchestrator = m.data().get(0);
      assertThat(orchestrator.get("address").asText())
          .isEqualTo(Ids.checksum(orchestrator.get("address").asText().substring(2)));
    }
  }
}
