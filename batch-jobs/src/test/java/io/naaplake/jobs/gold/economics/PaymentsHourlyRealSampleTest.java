package io.naaplake.jobs.gold.economics;

import static io.naaplake.jobs.gold.economics.TableRows.row;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.jobs.silver.jobs.PaymentLinks;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.tools.EventsFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real sample (../shared/samples, org cloudspe as its topic maps) through silver's typed events
 * and PaymentLinks into payments_hourly: the issue's "Must show" figures for 2026-01-08 21:00.
 */
class PaymentsHourlyRealSampleTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final String SESSION = "cloudspe|stream-o5s73x-mk5zc8fy|db936fab";
  private static final String ORCHESTRATOR = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
  private static final Instant HOUR = Instant.parse("2026-01-08T21:00:00Z");

  private static List<Row> rows;

  @BeforeAll
  static void compute() {
    List<String> envelopes =
        EventsFile.read(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json"))
            .envelopes()
            .stream()
            .map(envelope -> new String(envelope.jsonBytes(), UTF_8))
            .toList();
    var spark = LocalSpark.get();
    // The sample's one session, keyed as silver.sessions keys it (request db936fab).
    StructType keys =
        new StructType()
            .add("org", DataTypes.StringType)
            .add("request_id", DataTypes.StringType)
            .add("session_key", DataTypes.StringType);
    Dataset<Row> links =
        PaymentLinks.link(
            TypedEvents.typed(spark, EventFamily.CREATE_NEW_PAYMENT, "cloudspe", envelopes),
            spark.createDataFrame(
                List.of(RowFactory.create("cloudspe", "db936fab", SESSION)), keys));
    Dataset<Row> offers =
        CapabilityInventoryTransform.offers(
            TypedEvents.typed(spark, EventFamily.NETWORK_CAPABILITIES, "cloudspe", envelopes));
    Dataset<Row> sessions =
        TableRows.of(
            SessionTables.SESSIONS,
            row(
                "org", "cloudspe",
                "session_key", SESSION,
                "canonical_pipeline", "live-video-to-video",
                "canonical_model", "streamdiffusion-sdxl-faceid"));
    rows =
        TableRows.assertDeclared(
            PaymentsHourly.compute(
                links,
                sessions,
                offers,
                Duration.ofMinutes(30),
                Instant.parse("2026-01-10T00:00:00Z")),
            GoldEconomicsTables.PAYMENTS_HOURLY);
  }

  @Test
  void theHourSumsToTheIssuesFigures() {
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(r.<Timestamp>getAs("window_start").toInstant()).isEqualTo(HOUR));
    // Six batches 21:49:05-21:51:53: two at 2,402,400,000,000,000 wei (2 and 1 tickets, win prob
    // 0.000999001) and four at 2,400,000,000,000,000 (1 ticket each, win prob 0.001).
    // events 6; tickets 2 + 1 + 4 × 1 = 7
    assertThat(sum("payment_events")).isEqualTo(6L);
    assertThat(sum("tickets")).isEqualTo(7L);
    // face: 2,402,400,000,000,000 × 3 + 2,400,000,000,000,000 × 4
    //     = 7,207,200,000,000,000 + 9,600,000,000,000,000 = 16,807,200,000,000,000
    assertThat(decimalSum("face_value_wei")).isEqualByComparingTo("16807200000000000");
    // expected: 2,402,400,000,000,000 × 0.000999001 × 3 = 2,400,000,002,400 × 3 = 7,200,000,007,200
    //         + 2,400,000,000,000,000 × 0.001 × 4 = 9,600,000,000,000
    //         = 16,800,000,007,200
    assertThat(decimalSum("expected_value_wei")).isEqualByComparingTo("16800000007200");
  }

  @Test
  void oneRowAttributedToTheRecipientsOnlyOffer() {
    // The first batch names the model in its manifest (35_streamdiffusion-sdxl-faceid) and links
    // to the session by request id; the other five send an opaque manifest and no request id,
    // and the recipient's one announcement (21:50:21, within 30 minutes of each) offers only
    // live-video-to-video / streamdiffusion-sdxl-faceid: all six land in one row.
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<String>getAs("org")).isEqualTo("cloudspe");
    // The sample's envelopes carry an empty gateway: silver reads it as unknown (null).
    assertThat(row.<String>getAs("gateway")).isNull();
    assertThat(row.<String>getAs("sender")).isEqualTo("0x5ae4e42db3671370a0c25aff451e7482aaec3d0b");
    assertThat(row.<String>getAs("orchestrator_address")).isEqualTo(ORCHESTRATOR);
    assertThat(row.<String>getAs("pipeline")).isEqualTo("live-video-to-video");
    assertThat(row.<String>getAs("model_id")).isEqualTo("streamdiffusion-sdxl-faceid");
    assertThat(row.<Long>getAs("manifest_model_events")).isEqualTo(1L);
    assertThat(row.<Long>getAs("offer_model_events")).isEqualTo(5L);
    assertThat(row.<Long>getAs("linked_events")).isEqualTo(1L);
    assertThat(row.<Long>getAs("linked_sessions")).isEqualTo(1L);
    // Every batch quotes 1635.021 wei/pixel: the ticket-weighted price is that price,
    // from 1635.021 × 7 = 11,445.147 over 7 priced tickets.
    assertThat(row.<BigDecimal>getAs("price_ticket_weighted_sum"))
        .isEqualByComparingTo("11445.147");
    assertThat(row.<BigDecimal>getAs("price_wei_per_pixel")).isEqualByComparingTo("1635.021");
    assertThat(row.<Boolean>getAs("is_settled")).isTrue();
  }

  private static long sum(String column) {
    return rows.stream().mapToLong(r -> r.<Long>getAs(column)).sum();
  }

  private static BigDecimal decimalSum(String column) {
    return rows.stream()
        .map(r -> r.<BigDecimal>getAs(column))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
