package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampShiftTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.000Z");
  private static final long SAMPLE_LATEST = 1_767_909_115_610L; // 2026-01-08T21:51:55.610Z

  @Test
  void movesTheLatestEnvelopeToNowAndKeepsEveryLatency() {
    List<Envelope> sample = SampleEvents.envelopes();

    TimestampShift shift = TimestampShift.latestToNow(sample, Clock.fixed(NOW, ZoneOffset.UTC));
    List<Envelope> shifted = shift.apply(sample);

    assertThat(shift.offsetMillis()).isEqualTo(NOW.toEpochMilli() - SAMPLE_LATEST);
    assertThat(shifted.stream().mapToLong(TimestampShift::envelopeMillis).max().getAsLong())
        .isEqualTo(NOW.toEpochMilli());
    for (int i = 0; i < sample.size(); i++) {
      Envelope before = sample.get(i);
      Envelope after = shifted.get(i);
      assertThat(after.id()).isEqualTo(before.id());
      assertThat(after.json().get("timestamp").isTextual()).isTrue();
      assertThat(TimestampShift.envelopeMillis(after))
          .isEqualTo(TimestampShift.envelopeMillis(before) + shift.offsetMillis());
      JsonNode dataTimestamp = before.json().path("data").path("timestamp");
      if (dataTimestamp.isNumber()) {
        assertThat(
                after.json().path("data").path("timestamp").asLong()
                    - TimestampShift.envelopeMillis(after))
            .isEqualTo(dataTimestamp.asLong() - TimestampShift.envelopeMillis(before));
      }
    }
  }

  @Test
  void shiftsEveryEpochFieldOfAStatusEventAndNothingElse() {
    List<Envelope> sample = SampleEvents.envelopes();
    Envelope status = sample.get(10);
    long offset = 1_000_000;

    Envelope shifted = TimestampShift.byMillis(offset).apply(status);

    JsonNode before = status.json().get("data");
    JsonNode after = shifted.json().get("data");
    for (String pointer :
        List.of(
            "/timestamp",
            "/start_time",
            "/last_state_update_time",
            "/last_status_timestamp",
            "/inference_status/last_output_time",
            "/inference_status/last_params_update_time",
            "/input_status/last_input_time")) {
      assertThat(after.at(pointer).asLong())
          .as(pointer)
          .isEqualTo(before.at(pointer).asLong() + offset);
      assertThat(after.at(pointer).isIntegralNumber()).as(pointer).isTrue();
    }
    assertThat(after.at("/inference_status/last_error_time").isNull()).isTrue();
    assertThat(after.at("/inference_status/last_restart_time").isNull()).isTrue();
    assertThat(after.at("/inference_status/fps")).isEqualTo(before.at("/inference_status/fps"));
    assertThat(after.at("/restart_count")).isEqualTo(before.at("/restart_count"));
    assertThat(status.json().get("timestamp").asText())
        .as("the original is not changed")
        .isEqualTo("1767908955607");
  }

  @Test
  void leavesIngestMediaClocksAlone() {
    Envelope metrics = SampleEvents.envelopes().get(7);

    Envelope shifted = TimestampShift.byMillis(1_000_000).apply(metrics);

    JsonNode video = shifted.json().at("/data/stats/track_stats/0");
    assertThat(video.get("last_input_ts").decimalValue()).isEqualByComparingTo("4.892");
    assertThat(video.get("last_output_ts").asInt()).isZero();
    assertThat(shifted.json().at("/data/timestamp").asLong()).isEqualTo(1_767_909_950_608L);
  }

  @Test
  void keepsUnitAndRepresentationOfEachForm() {
    ObjectNode data =
        JsonSupport.newObject()
            .put("timestamp", 1_743_500_000_123L)
            .put("start_time", "1743500000123")
            .put("restart_time", 1_743_500_000L)
            .put("current_time_unix", 1_743_500_000_123L)
            .put("previous_time_unix", "1743500000")
            .put("completed_at", "2025-04-01T09:33:20.123Z")
            .put("time", "2025-04-01 09:33:20+02:00")
            .put("created_at", "2025-04-01T09:33:20.123456789")
            .put("last_restart_time", 0)
            .put("last_error_time", "")
            .put("latency_ms", 1_743_500_000_123L)
            .put("duration_ms", 250)
            .put("seq_ts", 12.5);
    data.set("last_output_time", decimal("1743500000.123"));
    data.set("last_input_time", decimal("1743500000.1"));
    data.putNull("last_params_update_time");

    JsonNode shifted = shiftData(data, 1_500);

    assertThat(shifted.get("timestamp").asLong()).isEqualTo(1_743_500_001_623L);
    assertThat(shifted.get("start_time").asText()).isEqualTo("1743500001623");
    assertThat(shifted.get("restart_time").asLong())
        .as("whole seconds, rounded half-even")
        .isEqualTo(1_743_500_002L);
    assertThat(shifted.get("current_time_unix").asLong()).isEqualTo(1_743_500_001_623L);
    assertThat(shifted.get("previous_time_unix").asText()).isEqualTo("1743500002");
    assertThat(shifted.get("completed_at").asText()).isEqualTo("2025-04-01T09:33:21.623Z");
    assertThat(shifted.get("time").asText()).isEqualTo("2025-04-01 09:33:22+02:00");
    assertThat(shifted.get("created_at").asText()).isEqualTo("2025-04-01T09:33:21.623456789");
    assertThat(serialised(shifted.get("last_output_time"))).isEqualTo("1743500001.623");
    assertThat(serialised(shifted.get("last_input_time"))).isEqualTo("1743500001.6");
    assertThat(shifted.get("last_restart_time").asInt()).isZero();
    assertThat(shifted.get("last_error_time").asText()).isEmpty();
    assertThat(shifted.get("last_params_update_time").isNull()).isTrue();
    assertThat(shifted.get("latency_ms").asLong())
        .as("not a timestamp name")
        .isEqualTo(1_743_500_000_123L);
    assertThat(shifted.get("duration_ms").asInt()).isEqualTo(250);
    assertThat(shifted.get("seq_ts").asDouble()).as("not an epoch").isEqualTo(12.5);
  }

  @Test
  void shiftsTimesInsideArraysAndNestedObjects() {
    ObjectNode data = JsonSupport.newObject();
    data.putArray("workers").addObject().put("registered_at", 1_767_908_945_298L);
    data.putObject("job").putObject("result").put("completed_at", 1_767_908_945_298L);

    JsonNode shifted = shiftData(data, -298);

    assertThat(shifted.at("/workers/0/registered_at").asLong()).isEqualTo(1_767_908_945_000L);
    assertThat(shifted.at("/job/result/completed_at").asLong()).isEqualTo(1_767_908_945_000L);
  }

  @Test
  void roundsTheOffsetToWholeMilliseconds() {
    Envelope envelope = envelope("1767908945298", JsonSupport.newObject());
    Instant now = Instant.ofEpochMilli(1_767_908_945_298L + 1_000).plusNanos(600_000);

    TimestampShift shift =
        TimestampShift.latestToNow(List.of(envelope), Clock.fixed(now, ZoneOffset.UTC));

    assertThat(shift.offsetMillis()).isEqualTo(1_001);
  }

  @Test
  void requiresAnEnvelopeTimestampOnEveryEvent() {
    Envelope envelope = envelope("yesterday", JsonSupport.newObject());

    assertThatThrownBy(
            () -> TimestampShift.latestToNow(List.of(envelope), Clock.fixed(NOW, ZoneOffset.UTC)))
        .hasMessageContaining("event e-1")
        .hasMessageContaining("not epoch milliseconds");
  }

  private static JsonNode shiftData(ObjectNode data, long offsetMillis) {
    return TimestampShift.byMillis(offsetMillis)
        .apply(envelope("1743500000123", data))
        .json()
        .get("data");
  }

  private static Envelope envelope(String timestamp, ObjectNode data) {
    ObjectNode json =
        JsonSupport.newObject().put("id", "e-1").put("type", "test").put("timestamp", timestamp);
    json.set("data", data);
    return Envelope.of(json, "test");
  }

  private static JsonNode decimal(String text) {
    return JsonSupport.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(text));
  }

  private static String serialised(JsonNode node) {
    return new String(JsonSupport.compactBytes(node), StandardCharsets.UTF_8);
  }
}
