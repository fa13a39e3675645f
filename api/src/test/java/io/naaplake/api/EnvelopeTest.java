package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private static final Envelope.Meta META =
      new Envelope.Meta(Instant.parse("2026-01-15T12:00:00Z"), "req-7", "run-42");

  private static Map<String, Object> row(int id) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    return row;
  }

  private static List<Map<String, Object>> rows(int count) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  @Test
  void extraRowMeansAnotherPageWithACursorFromTheLastRowServed() throws Exception {
    Envelope envelope = Envelope.page(rows(3), 2, row -> "after-" + row.get("id"), META);
    JsonNode json = ApiJson.MAPPER.readTree(envelope.toJson());
    assertThat(json.get("data")).hasSize(2);
    assertThat(json.at("/pagination/next_cursor").asText()).isEqualTo("after-2");
    assertThat(json.at("/pagination/has_more").asBoolean()).isTrue();
    assertThat(json.at("/pagination/page_size").asInt()).isEqualTo(2);
    assertThat(json.at("/meta/generated_at").asText()).isEqualTo("2026-01-15T12:00:00Z");
    assertThat(json.at("/meta/request_id").asText()).isEqualTo("req-7");
    assertThat(json.at("/meta/data_version").asText()).isEqualTo("run-42");
  }

  @Test
  void lastPageHasANullCursor() throws Exception {
    for (int count : new int[] {0, 1, 2}) {
      JsonNode json =
          ApiJson.MAPPER.readTree(Envelope.page(rows(count), 2, row -> "x", META).toJson());
      assertThat(json.get("data")).hasSize(count);
      assertThat(json.at("/pagination/next_cursor").isNull()).isTrue();
      assertThat(json.at("/pagination/has_more").asBoolean()).isFalse();
    }
    JsonNode unknownVersion =
        ApiJson.MAPPER.readTree(
            Envelope.page(rows(0), 2, row -> "x", new Envelope.Meta(Instant.EPOCH, "r", null))
                .toJson());
    assertThat(unknownVersion.at("/meta/data_version").isNull()).isTrue();
  }

  @Test
  void valuesAreEncodedForClients() throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("face_value_wei", new BigDecimal("123456789012345678901234567890"));
    row.put("expected_value_wei", new BigDecimal("16800000007200.0000000000"));
    row.put("fraction", new BigDecimal("0.5000000000"));
    row.put("zero", new BigDecimal("0E-10"));
    row.put("window_start", Timestamp.from(Instant.parse("2026-01-15T11:00:00Z")));
    row.put("completed_at", OffsetDateTime.parse("2026-01-15T12:30:00.250+02:00"));
    row.put("window_date", LocalDate.of(2026, 1, 15));
    row.put("sla_score", 85.0);
    row.put("rate", Double.NaN);
    row.put("orchestrator_address", null);
    row.put("is_settled", true);
    String json = Envelope.page(List.of(row), 1, r -> "x", META).toJson();
    assertThat(json)
        .contains("\"face_value_wei\":\"123456789012345678901234567890\"")
        .contains("\"expected_value_wei\":\"16800000007200\"")
        .contains("\"fraction\":\"0.5\"")
        .contains("\"zero\":\"0\"")
        .contains("\"window_start\":\"2026-01-15T11:00:00Z\"")
        .contains("\"completed_at\":\"2026-01-15T10:30:00.250Z\"")
        .contains("\"window_date\":\"2026-01-15\"")
        .contains("\"sla_score\":85.0")
        .contains("\"rate\":null")
        .contains("\"orchestrator_address\":null")
        .contains("\"is_settled\":true");
  }

  @Test
  void decimalTextHasNoExponent() {
    assertThat(ApiJson.decimalText(new BigDecimal("1E+20"))).isEqualTo("100000000000000000000");
    assertThat(ApiJson.decimalText(new BigDecimal("-12.340"))).isEqualTo("-12.34");
  }
}
