package io.naaplake.jobs.silver.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.events.EventFamily;
import io.naaplake.tools.EventsFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real sample's six payments (../shared/samples; org cloudspe as its topic maps). */
class PaymentLinksRealSampleTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final String SESSION = "cloudspe|stream-o5s73x-mk5zc8fy|db936fab";

  private static List<Row> links;

  @BeforeAll
  static void link() {
    List<String> envelopes =
        EventsFile.read(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json"))
            .envelopes()
            .stream()
            .map(envelope -> new String(envelope.jsonBytes(), UTF_8))
            .toList();
    // The sample's one session, written by hand as silver.sessions would key it: request
    // db936fab of stream stream-o5s73x-mk5zc8fy.
    links =
        PaymentLinks.link(
                Envelopes.typed(EventFamily.CREATE_NEW_PAYMENT, "cloudspe", envelopes),
                PaymentLinksTest.sessionKeys(RowFactory.create("cloudspe", "db936fab", SESSION)))
            .collectAsList();
  }

  @Test
  void sixPaymentsWithTheirExactFaceValues() {
    Map<BigDecimal, Long> faceValues =
        links.stream()
            .collect(
                Collectors.groupingBy(
                    row -> row.<BigDecimal>getAs("face_value_wei"), Collectors.counting()));
    // Two batches at 2,402,400,000,000,000 wei, four at 2,400,000,000,000,000 (the sample file).
    assertThat(faceValues)
        .containsOnly(
            Map.entry(new BigDecimal("2402400000000000"), 2L),
            Map.entry(new BigDecimal("2400000000000000"), 4L));
  }

  @Test
  void exactlyOneIsLinkedByRequestId() {
    List<Row> resolved =
        links.stream().filter(row -> "resolved".equals(row.getAs("link_status"))).toList();
    // Only the first payment carries requestID db936fab; the other five send "".
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).<String>getAs("event_id"))
        .isEqualTo("9c838785-dc30-4725-9769-34cc47792393");
    assertThat(resolved.get(0).<String>getAs("linked_session_key")).isEqualTo(SESSION);
    assertThat(links.stream().filter(row -> "none".equals(row.getAs("link_method")))).hasSize(5);
  }

  @Test
  void expectedValueOfTheSampleIsExact() {
    BigDecimal total =
        links.stream()
            .map(row -> row.<BigDecimal>getAs("expected_value_wei"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // 2402400000000000 × 0.000999001 × (2 + 1 tickets) = 3 × 2,400,000,002,400
    // plus 4 × 2400000000000000 × 0.001 × 1 = 4 × 2,400,000,000,000.
    assertThat(total).isEqualByComparingTo("16800000007200");
  }
}
