package io.naaplake.schema.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class EventContractsTest {

  @Test
  void everyFamilyHasAPayloadInFamilyOrder() {
    assertThat(EventContracts.payloads().keySet()).containsExactly(EventFamily.values());
    for (EventFamily family : EventFamily.values()) {
      assertThat(EventContracts.payload(family).fields()).as(family.wireName()).isNotEmpty();
    }
  }

  @Test
  void arrayFamiliesHaveArrayData() {
    assertThat(EventContracts.dataType(EventFamily.DISCOVERY_RESULTS))
        .isEqualTo(LakeType.arrayOf(EventContracts.payload(EventFamily.DISCOVERY_RESULTS)));
    assertThat(EventContracts.dataType(EventFamily.STREAM_TRACE))
        .isEqualTo(EventContracts.payload(EventFamily.STREAM_TRACE));
  }

  @Test
  void familiesWithASubtypeRequireTheirTypeField() {
    for (EventFamily family : EventFamily.values()) {
      Optional<Column> type = field(EventContracts.payload(family), "type");
      if (family.hasSubtype()) {
        assertThat(type).as(family.wireName()).isPresent();
        assertThat(type.get().nullable()).as(family.wireName()).isFalse();
        assertThat(type.get().type()).isEqualTo(LakeType.string());
      }
    }
  }

  @Test
  void columnNamesAreWireNamesInSnakeCaseAndTagsOnlyMarkDifferences() {
    List<String> problems = new ArrayList<>();
    forEachField(
        (path, column) -> {
          String wireName = WireNames.wireName(column);
          if (!WireNames.toSnakeCase(wireName).equals(column.name())) {
            problems.add(path + ": wire name " + wireName + " does not give " + column.name());
          }
          if (column.comment().startsWith("wire: ") && wireName.equals(column.name())) {
            problems.add(path + ": needless wire tag");
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void moneyIsExact() {
    LakeType.Struct payment = EventContracts.payload(EventFamily.CREATE_NEW_PAYMENT);
    assertThat(type(payment, "face_value")).isEqualTo(LakeType.decimal(38, 0));
    assertThat(type(payment, "win_prob")).isEqualTo(LakeType.decimal(38, 18));
    assertThat(type(payment, "num_tickets")).isEqualTo(LakeType.integer());
    LakeType.Struct ticket = EventContracts.payload(EventFamily.CREATE_SIGNED_TICKET);
    assertThat(type(ticket, "computed_fee")).isEqualTo(LakeType.decimal(38, 0));
    assertThat(type(ticket, "session_balance")).isEqualTo(LakeType.decimal(38, 0));
  }

  @Test
  void gpuInfoIsNormalisedToAnArrayOfGpusWithByteSizes() {
    LakeType.Struct hardware =
        element(type(EventContracts.payload(EventFamily.NETWORK_CAPABILITIES), "hardware"));
    LakeType.Struct gpu = element(type(hardware, "gpu_info"));
    assertThat(type(gpu, "memory_total")).isEqualTo(LakeType.bigint());
    assertThat(type(gpu, "memory_free")).isEqualTo(LakeType.bigint());
    assertThat(names(gpu)).contains("id", "name", "major", "minor");
  }

  @Test
  void perCapabilityIsFlattenedToOneElementPerCapabilityAndModel() {
    LakeType.Struct capabilities =
        (LakeType.Struct)
            type(EventContracts.payload(EventFamily.NETWORK_CAPABILITIES), "capabilities");
    LakeType.Struct constraints = (LakeType.Struct) type(capabilities, "constraints");
    assertThat(names(element(type(constraints, "per_capability"))))
        .containsExactly(
            "capability_id", "model_id", "warm", "capacity", "capacity_in_use", "runner_version");
  }

  @Test
  void trackStatsAreAnArrayOfStructs() {
    LakeType.Struct stats =
        (LakeType.Struct) type(EventContracts.payload(EventFamily.STREAM_INGEST_METRICS), "stats");
    assertThat(names(element(type(stats, "track_stats"))))
        .contains("type", "jitter", "packets_lost", "packet_loss_pct", "warnings");
  }

  @Test
  void realEnvelopesHaveTheDeclaredEnvelopeFields() throws IOException {
    List<String> declared = names(Envelope.SCHEMA);
    for (JsonNode envelope : realEnvelopes()) {
      List<String> present = new ArrayList<>();
      envelope.fieldNames().forEachRemaining(present::add);
      assertThat(present).containsExactlyInAnyOrderElementsOf(declared);
    }
  }

  /** The contract covers real data: every field a real payload carries is declared and fits. */
  @Test
  void everyFieldOfRealPayloadsIsDeclaredWithACompatibleType() throws IOException {
    List<String> problems = new ArrayList<>();
    for (JsonNode envelope : realEnvelopes()) {
      EventFamily family = EventFamily.fromWireName(envelope.get("type").asText()).orElseThrow();
      JsonNode data = envelope.get("data");
      assertThat(data.isArray()).isEqualTo(family.dataShape() == DataShape.ARRAY);
      new Coverage(problems).check(family.wireName(), data, EventContracts.dataType(family));
    }
    assertThat(problems).isEmpty();
  }

  /** Walks a JSON value along a contract type, collecting what does not fit. */
  private record Coverage(List<String> problems) {

    void check(String path, JsonNode node, LakeType type) {
      if (node == null || node.isNull()) {
        return;
      }
      if (type instanceof LakeType.Struct struct) {
        checkStruct(path, node, struct);
      } else if (type instanceof LakeType.Array array) {
        checkArray(path, node, array);
      } else if (type instanceof LakeType.MapOf map) {
        expect(path, node.isObject(), "an object for a map");
        node.fields().forEachRemaining(e -> check(path + "{}", e.getValue(), map.value()));
      } else {
        checkScalar(path, node, type);
      }
    }

    private void checkStruct(String path, JsonNode node, LakeType.Struct struct) {
      if (!expect(path, node.isObject(), "an object")) {
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        Optional<Column> column =
            struct.fields().stream()
                .filter(c -> WireNames.wireName(c).equals(entry.getKey()))
                .findFirst();
        if (column.isEmpty()) {
          problems.add(path + "." + entry.getKey() + " is not declared");
        } else {
          check(path + "." + entry.getKey(), entry.getValue(), column.get().type());
        }
      }
    }

    /**
     * Arrays, plus the two keyed-object forms the contract normalises to arrays: gpu_info's {"0":
     * gpu} and PerCapability's {capability: {models: {model: capacity}}}.
     */
    private void checkArray(String path, JsonNode node, LakeType.Array array) {
      if (node.isArray()) {
        node.forEach(element -> check(path + "[]", element, array.element()));
        return;
      }
      if (!expect(path, node.isObject(), "an array or a keyed object")) {
        return;
      }
      LakeType element = array.element();
      boolean perCapability =
          element instanceof LakeType.Struct struct && names(struct).contains("capability_id");
      node.fields()
          .forEachRemaining(
              entry -> {
                if (perCapability) {
                  entry
                      .getValue()
                      .get("models")
                      .fields()
                      .forEachRemaining(model -> check(path + "[]", model.getValue(), element));
                } else {
                  check(path + "[]", entry.getValue(), element);
                }
              });
    }

    private void checkScalar(String path, JsonNode node, LakeType type) {
      if (type.equals(LakeType.string())) {
        return; // Any JSON value: text, or raw JSON text for objects and arrays.
      }
      expect(path, node.isValueNode(), "a scalar for " + type);
      if (type.equals(LakeType.bool())) {
        expect(path, node.isBoolean(), "a boolean");
      } else if (type.equals(LakeType.integer())) {
        expect(path, node.isTextual() || node.canConvertToInt(), "an int");
      } else if (type.equals(LakeType.bigint()) || type.equals(LakeType.timestamp())) {
        expect(path, node.isTextual() || node.canConvertToLong(), "a long");
      } else if (type instanceof LakeType.Decimal decimal) {
        checkDecimal(path, node, decimal);
      } else {
        expect(path, node.isNumber() || node.isTextual(), "a number");
      }
    }

    /** Str-num decimals, with the unit suffixes the contract's comments name stripped. */
    private void checkDecimal(String path, JsonNode node, LakeType.Decimal decimal) {
      String text = node.asText().replace(" WEI", "").replace(" wei/pixel", "");
      BigDecimal value = new BigDecimal(text);
      expect(path, value.scale() <= decimal.scale(), "at most " + decimal.scale() + " decimals");
      expect(
          path,
          value.precision() - value.scale() <= decimal.precision() - decimal.scale(),
          "at most " + (decimal.precision() - decimal.scale()) + " integer digits");
    }

    private boolean expect(String path, boolean condition, String what) {
      if (!condition) {
        problems.add(path + " is not " + what);
      }
      return condition;
    }
  }

  /**
   * Every real envelope we have, read from ../shared/samples (beside the checkout, never copied
   * into the repo): the 65 values of the Kafka-UI export, and the capabilities response's 53
   * orchestrators wrapped as one network_capabilities envelope.
   */
  private static List<JsonNode> realEnvelopes() throws IOException {
    Path samples = Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> envelopes = new ArrayList<>();
    for (JsonNode record :
        json.readTree(samples.resolve("streaming-events-2026-01-08.kafka-ui.json").toFile())) {
      envelopes.add(record.get("value"));
    }
    ObjectNode capabilities = json.createObjectNode();
    capabilities.put("id", "00000000-0000-4000-8000-000000000001");
    capabilities.put("type", "network_capabilities");
    capabilities.put("timestamp", "1767908945298");
    capabilities.put("gateway", "");
    capabilities.set(
        "data",
        json.readTree(samples.resolve("getNetworkCapabilities.json").toFile())
            .get("orchestrators"));
    envelopes.add(capabilities);
    assertThat(envelopes).hasSize(66);
    return envelopes;
  }

  private static void forEachField(BiConsumer<String, Column> action) {
    for (Map.Entry<EventFamily, LakeType.Struct> payload : EventContracts.payloads().entrySet()) {
      forEachField(payload.getKey().wireName(), payload.getValue(), action);
    }
  }

  private static void forEachField(String path, LakeType type, BiConsumer<String, Column> action) {
    if (type instanceof LakeType.Struct struct) {
      for (Column column : struct.fields()) {
        action.accept(path + "." + column.name(), column);
        forEachField(path + "." + column.name(), column.type(), action);
      }
    } else if (type instanceof LakeType.Array array) {
      forEachField(path + "[]", array.element(), action);
    } else if (type instanceof LakeType.MapOf map) {
      forEachField(path + "{}", map.value(), action);
    }
  }

  private static Optional<Column> field(LakeType.Struct struct, String name) {
    return struct.fields().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static LakeType type(LakeType.Struct struct, String name) {
    return field(struct, name).orElseThrow(() -> new AssertionError("no field " + name)).type();
  }

  private static LakeType.Struct element(LakeType array) {
    return (LakeType.Struct) ((LakeType.Array) array).element();
  }

  private static List<String> names(LakeType.Struct struct) {
    return struct.fields().stream().map(Column::name).toList();
  }
}
