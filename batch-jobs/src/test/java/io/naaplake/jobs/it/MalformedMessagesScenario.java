package io.naaplake.jobs.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.util.List;

/**
 * Messages that are not readable envelopes, plus two good ones, on {@code network_events} (org
 * daydream). Good envelopes are dated 2025-12-01 so they never mix with other scenarios' dates.
 *
 * <p>The oversized message is {@link #OVERSIZED_BYTES} long: above the fixture lake's maximum event
 * size ({@link FixtureLake#MAX_EVENT_SIZE}) but below Kafka's default 1 MB message limit.
 */
public final class MalformedMessagesScenario implements FixtureScenario {
  public static final String TOPIC = "network_events";

  /** Kafka key prefix of this scenario's unreadable messages, so tests can find exactly them. */
  public static final String KEY_PREFIX = "fixture-malformed-";

  public static final int OVERSIZED_BYTES = 200 * 1024;
  public static final String GOOD_ID_1 = "c0ffee00-0000-4000-8000-000000000001";
  public static final String GOOD_ID_2 = "c0ffee00-0000-4000-8000-000000000002";
  public static final String NO_TYPE_ID = "c0ffee00-0000-4000-8000-000000000003";

  /** Reason each malformed message must be quarantined with (one message per entry). */
  public static final List<String> EXPECTED_REASONS =
      List.of("not_json", "not_json", "missing_id", "missing_type", "not_an_object", "too_large");

  @Override
  public String name() {
    return "malformed messages";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    List<RawMessage> messages =
        List.of(
            message(KEY_PREFIX + "k1", "this is not json at all"),
            message(KEY_PREFIX + "k2", "{\"id\":\"x\",\"type\":\"stream_trace\""),
            message(
                KEY_PREFIX + "k3",
                "{\"type\":\"stream_trace\",\"timestamp\":\"1764547200000\",\"data\":{}}"),
            message(
                NO_TYPE_ID,
                "{\"id\":\"" + NO_TYPE_ID + "\",\"timestamp\":\"1764547200000\",\"data\":{}}"),
            message(KEY_PREFIX + "k5", "[{\"id\":\"a\",\"type\":\"stream_trace\"}]"),
            message(KEY_PREFIX + "k6", oversizedEnvelope()),
            message(GOOD_ID_1, goodEnvelope(GOOD_ID_1, "1764547200000")),
            message(GOOD_ID_2, goodEnvelope(GOOD_ID_2, "1764547260000")));
    return List.of(publisher.publishRaw(TOPIC, messages));
  }

  private static RawMessage message(String key, String value) {
    return new RawMessage(key.getBytes(UTF_8), value.getBytes(UTF_8));
  }

  private static String goodEnvelope(String id, String timestamp) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"stream_trace\",\"timestamp\":\""
        + timestamp
        + "\",\"gateway\":\"0xfixture\",\"data\":{\"type\":\"gateway_receive_stream_request\","
        + "\"stream_id\":\"fixture-malformed-1\",\"request_id\":\"mf000001\",\"timestamp\":"
        + timestamp
        + "}}";
  }

  private static String oversizedEnvelope() {
    String head =
        "{\"id\":\"c0ffee00-0000-4000-8000-0000000000ff\",\"type\":\"network_capabilities\","
            + "\"timestamp\":\"1764547200000\",\"gateway\":\"\",\"data\":{\"padding\":\"";
    String tail = "\"}}";
    return head + "x".repeat(OVERSIZED_BYTES - head.length() - tail.length()) + tail;
  }
}
