package io.naaplake.jobs.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.util.List;

/**
 * Envelopes that exercise silver's routing, deduplication and per-element quarantine, on {@code
 * network_events} (org daydream), dated 2025-12-02, ids prefixed {@code quirk-}:
 *
 * <ul>
 *   <li>{@link #DUPLICATED_ID}: one stream_trace delivered twice (identical bytes);
 *   <li>ignored: an {@code app_*} trace, a scope client-noise trace, an unsupported trace subtype
 *       and an unknown family;
 *   <li>{@link #BAD_PAYMENT_ID}: a payment whose faceValue is not a number;
 *   <li>{@link #PARTIAL_CAPABILITIES_ID}: capabilities of three orchestrators, the middle one with
 *       a blank address.
 * </ul>
 */
public final class SilverQuirksScenario implements FixtureScenario {
  public static final String TOPIC = "network_events";
  public static final String DUPLICATED_ID = "quirk-duplicated-trace";
  public static final String BAD_PAYMENT_ID = "quirk-bad-payment";
  public static final String PARTIAL_CAPABILITIES_ID = "quirk-partial-capabilities";
  public static final List<String> IGNORED_IDS =
      List.of("quirk-app-trace", "quirk-scope-trace", "quirk-other-trace", "quirk-unknown-family");
  private static final String TS = "1764633600000"; // 2025-12-02T00:00:00Z

  @Override
  public String name() {
    return "silver quirks";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    String duplicated =
        envelope(
            DUPLICATED_ID,
            "stream_trace",
            "{\"type\":\"gateway_receive_stream_request\",\"stream_id\":\"quirk-stream-1\","
                + "\"request_id\":\"qk000001\",\"timestamp\":"
                + TS
                + "}");
    List<RawMessage> messages =
        List.of(
            message(DUPLICATED_ID, duplicated),
            message(DUPLICATED_ID, duplicated),
            message(
                "quirk-app-trace",
                envelope(
                    "quirk-app-trace", "stream_trace", "{\"type\":\"app_send_stream_request\"}")),
            message(
                "quirk-scope-trace",
                envelope(
                    "quirk-scope-trace",
                    "stream_trace",
                    "{\"type\":\"stream_heartbeat\",\"client_source\":\"scope\"}")),
            message(
                "quirk-other-trace",
                envelope(
                    "quirk-other-trace",
                    "stream_trace",
                    "{\"type\":\"runner_receive_stream_request\"}")),
            message("quirk-unknown-family", envelope("quirk-unknown-family", "webrtc_stats", "{}")),
            message(
                BAD_PAYMENT_ID,
                envelope(
                    BAD_PAYMENT_ID,
                    "create_new_payment",
                    "{\"faceValue\":\"lots WEI\",\"winProb\":\"0.1\",\"numTickets\":\"1\","
                        + "\"recipient\":\"0xAbC\"}")),
            message(
                PARTIAL_CAPABILITIES_ID,
                envelope(
                    PARTIAL_CAPABILITIES_ID,
                    "network_capabilities",
                    "[{\"address\":\"0xQUIRK1\",\"orch_uri\":\"https://q1:8935\"},"
                        + "{\"address\":\"\",\"orch_uri\":\"https://q2:8935\"},"
                        + "{\"address\":\"0xQUIRK3\",\"orch_uri\":\"https://q3:8935\"}]")));
    return List.of(publisher.publishRaw(TOPIC, messages));
  }

  private static String envelope(String id, String type, String data) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"timestamp\":\""
        + TS
        + "\",\"gateway\":\"0xquirkgateway\",\"data\":"
        + data
        + "}";
  }

  private static RawMessage message(String key, String value) {
    return new RawMessage(key.getBytes(UTF_8), value.getBytes(UTF_8));
  }
}
