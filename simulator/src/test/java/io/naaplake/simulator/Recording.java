package io.naaplake.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything one simulation run produced, kept in memory, with parsing helpers for tests. */
final class Recording implements MessageSink, TruthSink {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One delivered message, parsed when it is a JSON object. */
  record Message(String topic, byte[] key, byte[] value, JsonNode json) {
    String type() {
      return json == null || !json.path("type").isTextual() ? null : json.get("type").asText();
    }

    JsonNode data() {
      return json.get("data");
    }

    String subtype() {
      JsonNode data = json == null ? null : json.get("data");
      return data != null && data.isObject() && data.has("type") ? data.get("type").asText() : null;
    }

    String streamId() {
      return data().path("stream_id").asText(null);
    }

    long dataTimestamp() {
      return data().path("timestamp").asLong();
    }

    long envelopeTimestamp() {
      return Long.parseLong(json.get("timestamp").asText());
    }

    String text() {
      return new String(value, UTF_8);
    }
  }

  final List<Message> messages = new ArrayList<>();
  final List<DeliveredMessage> deliveries = new ArrayList<>();
  final Map<TruthFile, List<ObjectNode>> truth = new EnumMap<>(TruthFile.class);
  SimulationSummary summary;

  static Recording run(SimulationConfig config) {
    Recording recording = new Recording();
    recording.summary = new NetworkSimulator(config).run(recording, recording);
    return recording;
  }

  /** A small, fast network: 20 simulated minutes, a dozen streams, every job kind. */
  static SimulationConfig.Builder small() {
    return SimulationConfig.builder()
        .seed(42)
        .duration(Duration.ofMinutes(20))
        .concurrentStreams(12)
        .streamIdPrefix("test-")
        .aiBatchJobsPerMinute(3)
        .llmJobsPerMinute(2)
        .byocJobsPerMinute(2);
  }

  /** Every transport fault, at rates that show each many times in a small run. */
  static TransportFaults allFaults() {
    return new TransportFaults(
        0.03, 0.03, 0.05, 0.02, Duration.ofMinutes(2), Duration.ofMinutes(30), 0.01, 0.03, 0.03);
  }

  /** Every failure mode, at rates that show each in a small run. */
  static FailureRates allFailures() {
    return new FailureRates(0.1, 0.15, 0.1, 0.1, 0.1, 0.1, 4, 4, 0.5, 0.6, 4);
  }

  @Override
  public void deliver(String topic, byte[] key, byte[] value) {
    messages.add(new Message(topic, key, value, parseObject(value)));
  }

  @Override
  public void accept(TruthFile file, ObjectNode record) {
    truth.computeIfAbsent(file, f -> new ArrayList<>()).add(record);
  }

  @Override
  public void message(DeliveredMessage message) {
    deliveries.add(message);
  }

  List<ObjectNode> truth(TruthFile file) {
    return truth.getOrDefault(file, List.of());
  }

  /** Readable envelopes (JSON objects with a string id and type). */
  List<Message> envelopes() {
    List<Message> out = new ArrayList<>();
    for (Message m : messages) {
      if (m.json != null
          && m.json.path("id").isTextual()
          && !m.json.get("id").asText().isBlank()
          && m.type() != null
          && !m.type().isBlank()) {
        out.add(m);
      }
    }
    return out;
  }

  List<Message> ofType(String type) {
    List<Message> out = new ArrayList<>();
    for (Message m : envelopes()) {
      if (type.equals(m.type())) {
        out.add(m);
      }
    }
    return out;
  }

  List<Message> traces(String subtype) {
    List<Message> out = new ArrayList<>();
    for (Message m : ofType("stream_trace")) {
      if (subtype.equals(m.subtype())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The value as a JSON object, or null when it is not one (strictly one JSON value). */
  static JsonNode parseObject(byte[] value) {
    try (JsonParser parser = JSON.getFactory().createParser(value)) {
      JsonNode node = JSON.readTree(parser);
      if (node == null || parser.nextToken() != null) {
        return null;
      }
      return node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The real samples beside the checkout (../shared/samples). */
  static Path sample(String name) {
    Path file =
        Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples")).resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " missing: ../shared must sit beside the checkout");
    }
    return file;
  }
}
