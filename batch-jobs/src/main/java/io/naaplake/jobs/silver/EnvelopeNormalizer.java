package io.naaplake.jobs.silver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.jobs.silver.NormalizedEvent.ElementProblem;
import io.naaplake.jobs.silver.PayloadProblem.Reason;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.DataShape;
import io.naaplake.schema.events.EventContracts;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.schema.events.EventRoute;
import io.naaplake.schema.events.EventRouting;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bronze event to silver: routes it (accepted or the ignore rule of reference §1.3), then reads its
 * payload against the family's contract. Pure, no Spark. For array payloads each element stands
 * alone: a broken element is quarantined, its siblings are stored.
 */
public final class EnvelopeNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Decimals stay exact (prices and probabilities can arrive as JSON numbers). */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ClientIpPolicy clientIps;

  public EnvelopeNormalizer(ClientIpPolicy clientIps) {
    this.clientIps = clientIps;
  }

  /** Routes and reads one bronze event (its raw Kafka value and envelope type). */
  public NormalizedEvent normalize(String eventType, byte[] rawValue) {
    JsonNode data;
    try {
      data = JSON.readTree(rawValue).get("data");
    } catch (IOException e) {
      // Bronze only stores parseable envelopes; this guards against a changed bronze rule.
      return NormalizedEvent.quarantined(new PayloadProblem("$", Reason.NOT_JSON, e.getMessage()));
    }
    Optional<EventFamily> family = EventFamily.fromWireName(eventType);
    EventRoute route =
        EventRouting.classify(eventType, text(data, "type"), text(data, "client_source"));
    if (!route.isAccepted() || family.isEmpty()) {
      return NormalizedEvent.ignored(
          route
              .ignoreReason()
              .orElse(EventRoute.UNSUPPORTED_EVENT_FAMILY.ignoreReason().orElseThrow()));
    }
    return family.get().dataShape() == DataShape.ARRAY
        ? readArray(family.get(), data)
        : readObject(family.get(), data);
  }

  private NormalizedEvent readObject(EventFamily family, JsonNode data) {
    try {
      Map<String, Object> row =
          new PayloadReader(clientIps)
              .read(orMissing(data), EventContracts.payload(family), "data");
      return new NormalizedEvent(List.of(row), List.of(), Optional.empty());
    } catch (WireValueException e) {
      return NormalizedEvent.quarantined(e.problem());
    }
  }

  private NormalizedEvent readArray(EventFamily family, JsonNode data) {
    if (data == null || !data.isArray()) {
      return NormalizedEvent.quarantined(
          new PayloadProblem("data", Reason.WRONG_SHAPE, "expected an array: " + data));
    }
    if (data.isEmpty()) {
      return NormalizedEvent.quarantined(
          new PayloadProblem("data", Reason.EMPTY_LIST, "no elements"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<ElementProblem> problems = new ArrayList<>();
    PayloadReader reader = new PayloadReader(clientIps);
    for (int index = 0; index < data.size(); index++) {
      try {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(SilverTables.ELEMENT_INDEX, index);
        row.putAll(
            reader.read(data.get(index), EventContracts.payload(family), "data[" + index + "]"));
        rows.add(row);
      } catch (WireValueException e) {
        problems.add(new ElementProblem(Optional.of(index), e.problem()));
      }
    }
    return new NormalizedEvent(rows, problems, Optional.empty());
  }

  private static JsonNode orMissing(JsonNode data) {
    return data == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : data;
  }

  private static String text(JsonNode data, String field) {
    if (data == null || !data.isObject()) {
      return null;
    }
    JsonNode node = data.get(field);
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }
}
