package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsFileTest {
  private static final String TRACE =
      "{\"id\":\"59485235-8460-472f-a894-3b84f37ee9bb\",\"type\":\"stream_trace\","
          + "\"timestamp\":\"1767908945298\",\"gateway\":\"\",\"data\":{\"orchestrator_info\":"
          + "{\"address\":\"\",\"url\":\"\"},\"pipeline_id\":\"\",\"request_id\":\"db936fab\","
          + "\"stream_id\":\"stream-o5s73x-mk5zc8fy\",\"timestamp\":1767908945298,"
          + "\"type\":\"gateway_receive_stream_request\"}}";

  @TempDir Path directory;

  @Test
  void readsTheRealKafkaUiExport() {
    EventsFile file = EventsFile.read(SampleEvents.path());

    assertThat(file.format()).isEqualTo(EventsFile.Format.KAFKA_UI_EXPORT);
    assertThat(file.envelopes()).hasSize(65);
    assertThat(file.countByType())
        .isEqualTo(
            Map.of(
                "ai_stream_status", 17L,
                "create_new_payment", 6L,
                "discovery_results", 1L,
                "network_capabilities", 1L,
                "stream_ingest_metrics", 34L,
                "stream_trace", 6L));
    Envelope first = file.envelopes().get(0);
    assertThat(first.id()).isEqualTo("59485235-8460-472f-a894-3b84f37ee9bb");
    assertThat(first.type()).isEqualTo("stream_trace");
  }

  @Test
  void keepsEnvelopesByteForByteIncludingNumberForms() {
    EventsFile file = EventsFile.read(SampleEvents.path());

    assertThat(new String(file.envelopes().get(0).jsonBytes(), StandardCharsets.UTF_8))
        .isEqualTo(TRACE);
    String status = json(file.envelopes().get(10));
    assertThat(status).contains("\"fps\":17.298215447072742", "\"restart_count\":0");
    String metrics = json(file.envelopes().get(7));
    assertThat(metrics).contains("\"last_input_ts\":4.892", "\"jitter\":10.126770701625134");
  }

  @Test
  void keepsTrailingZerosAndLongDecimalsAsWritten() throws IOException {
    String line =
        "{\"id\":\"a\",\"type\":\"t\",\"data\":{\"fps\":0.0,\"x\":1.50,"
            + "\"start_time\":1743500000.123,\"big\":123456789012345678901234567890}}";
    Path path = write("numbers.jsonl", line);

    EventsFile file = EventsFile.read(path);

    assertThat(json(file.envelopes().get(0))).isEqualTo(line);
  }

  @Test
  void everyReplayedEnvelopeMeansWhatTheExportedOneMeant() throws IOException {
    ObjectMapper plain = new ObjectMapper();
    JsonNode export = plain.readTree(SampleEvents.path().toFile());

    EventsFile file = EventsFile.read(SampleEvents.path());

    for (int i = 0; i < export.size(); i++) {
      assertThat(plain.readTree(file.envelopes().get(i).jsonBytes()))
          .isEqualTo(export.get(i).get("value"));
    }
  }

  @Test
  void readsJsonLinesSkippingBlankLines() throws IOException {
    Path path =
        write("events.jsonl", "\n" + TRACE + "\n   \n" + TRACE.replace("5948", "0000") + "\n\n");

    EventsFile file = EventsFile.read(path);

    assertThat(file.format()).isEqualTo(EventsFile.Format.JSON_LINES);
    assertThat(file.envelopes())
        .extracting(Envelope::id)
        .containsExactly(
            "59485235-8460-472f-a894-3b84f37ee9bb", "00005235-8460-472f-a894-3b84f37ee9bb");
  }

  @Test
  void namesTheLineThatIsNotJson() throws IOException {
    Path path = write("events.jsonl", TRACE + "\n\n{\"id\": \"x\", \"type\": \n" + TRACE);

    assertThatThrownBy(() -> EventsFile.read(path))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining("events.jsonl line 3")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsTrailingGarbageOnALine() throws IOException {
    Path path = write("events.jsonl", TRACE + " trailing");

    assertThatThrownBy(() -> EventsFile.read(path)).hasMessageContaining("line 1");
  }

  @Test
  void rejectsAnEnvelopeWithoutId() throws IOException {
    Path path = write("events.jsonl", TRACE + "\n{\"type\":\"stream_trace\",\"data\":{}}");

    assertThatThrownBy(() -> EventsFile.read(path))
        .hasMessageContaining("line 2")
        .hasMessageContaining("'id' must be a non-empty string");
  }

  @Test
  void acceptsKafkaUiValuesGivenAsJsonStrings() throws IOException {
    String escaped = TRACE.replace("\"", "\\\"");
    Path path =
        write(
            "export.json",
            "[\n {\"id\":\"log-0\",\"topic\":\"elsewhere\",\"value\":\"" + escaped + "\"}\n]");

    EventsFile file = EventsFile.read(path);

    assertThat(file.envelopes())
        .singleElement()
        .extracting(Envelope::type)
        .isEqualTo("stream_trace");
    assertThat(json(file.envelopes().get(0))).isEqualTo(TRACE);
  }

  @Test
  void namesTheLineOfABadKafkaUiElement() throws IOException {
    Path path = write("export.json", "[\n{\"value\":" + TRACE + "},\n{\"value\": 42}\n]");

    assertThatThrownBy(() -> EventsFile.read(path))
        .hasMessageContaining("export.json line 3 (element 1)")
        .hasMessageContaining("'value' must be an envelope object");
  }

  @Test
  void rejectsATruncatedExport() throws IOException {
    Path path = write("export.json", "[\n{\"value\":" + TRACE + "},\n{\"value\":");

    assertThatThrownBy(() -> EventsFile.read(path)).hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsContentThatIsNeitherForm() throws IOException {
    Path path = write("events.csv", "id,type\n1,stream_trace\n");

    assertThatThrownBy(() -> EventsFile.read(path))
        .hasMessageContaining("neither JSON lines")
        .hasMessageContaining("starts with 'i'");
  }

  @Test
  void rejectsBytesThatAreNotUtf8() throws IOException {
    Path path = directory.resolve("latin1.jsonl");
    Files.write(path, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'});

    assertThatThrownBy(() -> EventsFile.read(path))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining("not UTF-8 text");
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    Path path = write("empty.jsonl", "\n\n");

    assertThatThrownBy(() -> EventsFile.read(path)).hasMessageContaining("holds no events");
  }

  @Test
  void rejectsAMissingFile() {
    Path path = directory.resolve("missing.jsonl");

    assertThatThrownBy(() -> EventsFile.read(path))
        .hasMessageContaining("missing.jsonl")
        .hasMessageContaining("no such file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String json(Envelope envelope) {
    return new String(envelope.jsonBytes(), StandardCharsets.UTF_8);
  }
}
