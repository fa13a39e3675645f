package io.naaplake.jobs.bronze;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.bronze.EnvelopeClassifier.Classification;
import io.naaplake.jobs.bronze.EnvelopeClassifier.QuarantineReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeClassifierTest {
  private final EnvelopeClassifier classifier = new EnvelopeClassifier(1024, 16);

  private Classification classify(String json) {
    return classifier.classify(json.getBytes(UTF_8));
  }

  @Test
  void readsTheEnvelopeOfARealSampleEvent() {
    Classification result =
        classify(
            "{\"id\":\"59485235-8460-472f-a894-3b84f37ee9bb\",\"type\":\"stream_trace\","
                + "\"timestamp\":\"1767908945298\",\"gateway\":\"\",\"data\":{\"type\":"
                + "\"gateway_receive_stream_request\",\"timestamp\":1767908945298}}");
    assertThat(result.isAccepted()).isTrue();
    assertThat(result.envelope().eventId()).isEqualTo("59485235-8460-472f-a894-3b84f37ee9bb");
    assertThat(result.envelope().eventType()).isEqualTo("stream_trace");
    assertThat(result.envelope().eventSubtype()).isEqualTo("gateway_receive_stream_request");
    assertThat(result.envelope().eventTimestamp())
        .isEqualTo(Instant.parse("2026-01-08T21:49:05.298Z"));
    assertThat(result.envelope().gateway()).isEmpty();
  }

  @Test
  void arrayDataHasNoSubtypeButIsAccepted() {
    Classification result =
        classify("{\"id\":\"a\",\"type\":\"discovery_results\",\"timestamp\":\"x\",\"data\":[]}");
    assertThat(result.isAccepted()).isTrue();
    assertThat(result.envelope().eventSubtype()).isNull();
    assertThat(result.envelope().eventTimestamp()).as("unparseable timestamp").isNull();
  }

  @Test
  void schemaVersionIsRead() {
    Classification result =
        classify("{\"id\":\"a\",\"type\":\"t\",\"data\":{\"schema_version\":\"2\"}}");
    assertThat(result.envelope().schemaVersion()).isEqualTo("2");
  }

  @Test
  void unknownFamiliesAreKeptInBronze() {
    assertThat(classify("{\"id\":\"a\",\"type\":\"webrtc_stats\",\"data\":{}}").isAccepted())
        .isTrue();
  }

  @Test
  void notJson() {
    assertReason("hello", QuarantineReason.NOT_JSON);
    assertReason("{\"id\":\"a\",\"type\":\"t\"", QuarantineReason.NOT_JSON);
    assertReason("{\"id\":\"a\",\"type\":\"t\"} trailing", QuarantineReason.NOT_JSON);
    assertReason("", QuarantineReason.NOT_JSON);
    assertThat(classifier.classify(null).reason()).isEqualTo(QuarantineReason.NOT_JSON);
  }

  @Test
  void notAnObject() {
    assertReason("[1,2]", QuarantineReason.NOT_AN_OBJECT);
    assertReason("42", QuarantineReason.NOT_AN_OBJECT);
  }

  @Test
  void missingOrBlankId() {
    assertReason("{\"type\":\"t\"}", QuarantineReason.MISSING_ID);
    assertReason("{\"id\":\"  \",\"type\":\"t\"}", QuarantineReason.MISSING_ID);
    assertReason("{\"id\":7,\"type\":\"t\"}", QuarantineReason.MISSING_ID);
    assertThat(classify("{\"type\":\"t\"}").eventType()).isEqualTo("t");
  }

  @Test
  void missingType() {
    Classification result = classify("{\"id\":\"abc\",\"type\":\"\"}");
    assertThat(result.reason()).isEqualTo(QuarantineReason.MISSING_TYPE);
    assertThat(result.envelopeId()).isEqualTo("abc");
  }

  @Test
  void tooLargeKeepsAPrefixOnly() {
    String big = "{\"id\":\"a\",\"type\":\"t\",\"data\":\"" + "x".repeat(2000) + "\"}";
    Classification result = classify(big);
    assertThat(result.reason()).isEqualTo(QuarantineReason.TOO_LARGE);
    assertThat(result.valuePrefix()).hasSize(16);
    // 29 bytes of head + 2000 x + 2 bytes of tail.
    assertThat(result.reasonDetail()).contains("2031 bytes").contains("1024");
  }

  @Test
  void exactlyTheMaximumSizeIsAccepted() {
    String head = "{\"id\":\"a\",\"type\":\"t\",\"data\":\"";
    String json = head + "x".repeat(1024 - head.length() - 2) + "\"}";
    assertThat(json.getBytes(UTF_8)).hasSize(1024);
    assertThat(classify(json).isAccepted()).isTrue();
  }

  private void assertReason(String json, QuarantineReason reason) {
    Classification result = classify(json);
    assertThat(result.reason()).as(json).isEqualTo(reason);
    assertThat(result.reasonDetail()).isNotBlank();
  }
}
