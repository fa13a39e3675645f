package io.naaplake.jobs.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A real gateway's {@code /getNetworkCapabilities} response (../shared/samples, 53 orchestrator
 * entries): its {@code orchestrators} array, unchanged, as the data of one network_capabilities
 * envelope {@link #EVENT_ID} dated {@link #TIMESTAMP}, on {@code network_events} (org daydream).
 * The sample is read from the samples directory at publish time, never copied into the repository.
 */
public final class RealCapabilitiesScenario implements FixtureScenario {
  public static final String FILE = "getNetworkCapabilities.json";
  public static final String TOPIC = "network_events";
  public static final String ORG = "daydream";
  public static final String EVENT_ID = "realcaps-1";
  public static final Instant TIMESTAMP = Instant.parse("2025-12-20T00:00:00Z");
  public static final String DATE = "2025-12-20";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return "real capabilities response";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    Path file = ItEnvironment.samples().resolve(FILE);
    try {
      JsonNode orchestrators = MAPPER.readTree(file.toFile()).get("orchestrators");
      if (orchestrators == null || !orchestrators.isArray()) {
        throw new IllegalStateException(file + " has no \"orchestrators\" array");
      }
      ObjectNode envelope = MAPPER.createObjectNode();
      envelope.put("id", EVENT_ID);
      envelope.put("type", "network_capabilities");
      envelope.put("timestamp", Long.toString(TIMESTAMP.toEpochMilli()));
      envelope.put("gateway", "");
      envelope.set("data", orchestrators);
      RawMessage message =
          new RawMessage(EVENT_ID.getBytes(UTF_8), MAPPER.writeValueAsBytes(envelope));
      return List.of(publisher.publishRaw(TOPIC, List.of(message)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
