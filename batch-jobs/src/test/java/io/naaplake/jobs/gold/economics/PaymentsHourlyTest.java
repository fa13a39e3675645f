package io.naaplake.jobs.gold.economics;

import static io.naaplake.jobs.gold.economics.TableRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.SessionTables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden payments_hourly: exact expected value, ticket-weighted price, the pipeline/model sources
 * in order (manifest, linked session, the recipient's only offer, none), hours and settlement.
 * Every expected number is worked out by hand in the comments.
 */
class PaymentsHourlyTest {
  private static final Instant H10 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-08T11:30:00Z");
  private static final Duration OFFER_WINDOW = Duration.ofMinutes(30);

  private static final String SENDER = "0x5ae4e42db3671370a0c25aff451e7482aaec3d0b";
  private static final String EXACT = "0x0000000000000000000000000000000000000e0e";
  private static final String ROUNDED = "0x0000000000000000000000000000000000000f0f";
  private static final String SOURCES = "0x000000000000000000000000000000000000abcd";
  private static final String ONE_OFFER = "0x0000000000000000000000000000000000000001";
  private static final String TWO_OFFERS = "0x0000000000000000000000000000000000000002";
  private static final String FAR_OFFER = "0x0000000000000000000000000000000000000003";
  private static final String SESSION = "cloudspe|stream-1|req-1";

  private static List<Row> rows;

  @BeforeAll
  static void compute() {
    LocalSpark.get();
    Dataset<Row> links =
        TableRows.of(
            JobTables.PAYMENT_LINKS,
            // Exactness group (EXACT, 10:00 hour, no pipeline evidence at all).
            payment(
                "p1",
                EXACT,
                H10.plusSeconds(60),
                "1000000000000000",
                "0.000999000999000999",
                3,
                "price_wei_per_pixel",
                new BigDecimal("1000.5")),
            payment(
                "p2",
                EXACT,
                H10.plusSeconds(120),
                "2402400000000000",
                "0.0009990010",
                2,
                "price_wei_per_pixel",
                new BigDecimal("1635.021")),
            payment("p3", EXACT, H10.plusSeconds(180), "1000000000000000", "0.0010000000", 1),
            // One wei at a probability with 18 decimals: more decimals than scale 10 holds.
            payment("p4", ROUNDED, H10.plusSeconds(240), "1", "0.000999000999000999", 1),
            // Sources, same recipient and hour: manifest beats session; session; neither.
            payment(
                "m1",
                SOURCES,
                H10.plusSeconds(300),
                "1000",
                "0.5",
                1,
                "manifest_id",
                "35_streamdiffusion-sdxl-faceid",
                "model_hint",
                "streamdiffusion-sdxl-faceid",
                "link_status",
                "resolved",
                "linked_session_key",
                SESSION),
            payment(
                "m2",
                SOURCES,
                H10.plusSeconds(310),
                "1000",
                "0.5",
                1,
                "manifest_id",
                "99_streamdiffusion",
                "model_hint",
                "streamdiffusion"),
            payment(
                "s1",
                SOURCES,
                H10.plusSeconds(320),
                "1000",
                "0.5",
                1,
                "manifest_id",
                "d05da5dd",
                "link_status",
                "resolved",
                "linked_session_key",
                SESSION),
            payment("o1", ONE_OFFER, H10.plusSeconds(600), "1000", "0.5", 1),
            payment("o2", TWO_OFFERS, H10.plusSeconds(600), "1000", "0.5", 1),
            payment("o3", FAR_OFFER, H10.plusSeconds(600), "1000", "0.5", 1),
            // Hour edges: the last microsecond of 10:00 and the first of 11:00.
            payment("e1", EXACT, H10.plusSeconds(3600).minusNanos(1000), "7", "0.5", 2),
            payment("e2", EXACT, H10.plusSeconds(3600), "7", "0.5", 2),
            // No event time: no hour, left out.
            payment("x1", EXACT, null, "7", "0.5", 2));
    Dataset<Row> sessions =
        TableRows.of(
            SessionTables.SESSIONS,
            row(
                "org", "cloudspe",
                "session_key", SESSION,
                "canonical_pipeline", "live-video-to-video",
                "canonical_model", "streamdiffusion-sdxl"));
    Dataset<Row> offers =
        TableRows.of(
            CapabilityTables.CAPABILITY_OFFERS,
            // ONE_OFFER: the same pair announced twice within 30 minutes (10:00 and 10:25).
            offer(ONE_OFFER, H10, "text-to-image", "black-forest-labs/FLUX.1-dev"),
            offer(
                ONE_OFFER, H10.plusSeconds(1500), "text-to-image", "black-forest-labs/FLUX.1-dev"),
            // TWO_OFFERS: two pairs in one announcement: no only offer.
            offer(TWO_OFFERS, H10.plusSeconds(900), "live-video-to-video", "streamdiffusion-sdxl"),
            offer(TWO_OFFERS, H10.plusSeconds(900), "upscale", "stabilityai/x4"),
            // FAR_OFFER: 31 minutes after the payment at 10:10.
            offer(FAR_OFFER, H10.plusSeconds(600 + 31 * 60), "upscale", "stabilityai/x4"));
    Dataset<Row> hourly =
        PaymentsHourly.compute(links, sessions, offers, OFFER_WINDOW, SETTLED_BEFORE);
    rows = TableRows.assertDeclared(hourly, GoldEconomicsTables.PAYMENTS_HOURLY);
  }

  @Test
  void expectedValueIsExactFromTheDecimals() {
    Row exact = only(EXACT, H10, null);
    // p1: 1,000,000,000,000,000 × 0.000999000999000999 × 3 = 999,000,999,000.999 × 3
    //     = 2,997,002,997,002.997 (a double holds ~16 digits and would lose the last one)
    // p2: 2,402,400,000,000,000 × 0.000999001 × 2 = 2,400,000,002,400 × 2 = 4,800,000,004,800
    // p3: 1,000,000,000,000,000 × 0.001 × 1 = 1,000,000,000,000
    // e1: 7 × 0.5 × 2 = 7
    // Σ = 2,997,002,997,002.997 + 4,800,000,004,800 + 1,000,000,000,000 + 7
    //   = 8,797,003,001,809.997
    assertThat(exact.<BigDecimal>getAs("expected_value_wei"))
        .isEqualTo(new BigDecimal("8797003001809.9970000000"));
    // Face value Σ face × tickets: 10^15 × 3 + 2,402,400,000,000,000 × 2 + 10^15 × 1 + 7 × 2
    //   = 3,000,000,000,000,000 + 4,804,800,000,000,000 + 1,000,000,000,000,000 + 14
    //   = 8,804,800,000,000,014
    assertThat(exact.<BigDecimal>getAs("face_value_wei"))
        .isEqualTo(new BigDecimal("8804800000000014"));
    // events p1, p2, p3, e1; tickets 3 + 2 + 1 + 2 = 8
    assertThat(exact.<Long>getAs("payment_events")).isEqualTo(4L);
    assertThat(exact.<Long>getAs("tickets")).isEqualTo(8L);
  }

  @Test
  void moreDecimalsThanScaleTenRoundHalfEven() {
    // 1 × 0.000999000999000999 × 1 = 0.000999000999000999; at 10 places 0.0009990009|99... rounds
    // up to 0.0009990010 (the documented error below 10^-10 wei).
    assertThat(only(ROUNDED, H10, null).<BigDecimal>getAs("expected_value_wei"))
        .isEqualTo(new BigDecimal("0.0009990010"));
  }

  @Test
  void priceIsTicketWeightedFromItsTwoSums() {
    Row exact = only(EXACT, H10, null);
    // Priced events p1 (1000.5 wei/pixel, 3 tickets) and p2 (1635.021, 2 tickets); p3 and e1 have
    // no price. Numerator 1000.5 × 3 + 1635.021 × 2 = 3001.5 + 3270.042 = 6271.542;
    // denominator 3 + 2 = 5; price 6271.542 / 5 = 1254.3084 (a plain mean would be 1317.7605).
    assertThat(exact.<BigDecimal>getAs("price_ticket_weighted_sum"))
        .isEqualByComparingTo("6271.542");
    assertThat(exact.<Long>getAs("priced_tickets")).isEqualTo(5L);
    assertThat(exact.<BigDecimal>getAs("price_wei_per_pixel")).isEqualByComparingTo("1254.3084");
  }

  @Test
  void pipelineAndModelFromManifestThenSessionThenOnlyOffer() {
    Map<List<Object>, Row> byKey =
        rows.stream()
            .filter(r -> !r.getAs("orchestrator_address").equals(EXACT))
            .collect(
                Collectors.toMap(
                    r ->
                        java.util.Arrays.<Object>asList(
                            r.<String>getAs("orchestrator_address"),
                            r.<String>getAs("pipeline"),
                            r.<String>getAs("model_id")),
                    r -> r));
    // m1 has a manifest and a linked session: the manifest wins (35 is live-video-to-video).
    // m2's capability 99 is unknown: the model implies the pipeline (streamdiffusion*).
    // s1's manifest is opaque: its linked session names the pair.
    assertThat(
            rows.stream()
                .filter(r -> r.getAs("orchestrator_address").equals(SOURCES))
                .map(
                    r ->
                        tuple(
                            r.getAs("pipeline"),
                            r.getAs("model_id"),
                            r.getAs("payment_events"),
                            r.getAs("manifest_model_events"),
                            r.getAs("session_model_events"),
                            r.getAs("offer_model_events"),
                            r.getAs("linked_events"),
                            r.getAs("linked_sessions")))
                .toList())
        .containsExactlyInAnyOrder(
            tuple("live-video-to-video", "streamdiffusion-sdxl-faceid", 1L, 1L, 0L, 0L, 1L, 1L),
            tuple("live-video-to-video", "streamdiffusion", 1L, 1L, 0L, 0L, 0L, 0L),
            tuple("live-video-to-video", "streamdiffusion-sdxl", 1L, 0L, 1L, 0L, 1L, 1L));
    // o1: the recipient announced one pair (twice) within 30 minutes: that pair.
    assertThat(byKey.get(List.of(ONE_OFFER, "text-to-image", "black-forest-labs/FLUX.1-dev")))
        .satisfies(r -> assertThat(r.<Long>getAs("offer_model_events")).isEqualTo(1L));
    // o2: two pairs; o3: the only announcement is 31 minutes away. Neither names a pair: both
    // are unknown: null (no evidence).
    assertThat(byKey).containsKey(java.util.Arrays.asList(TWO_OFFERS, null, null));
    assertThat(byKey).containsKey(java.util.Arrays.asList(FAR_OFFER, null, null));
  }

  @Test
  void hoursSplitAtTheBoundaryAndSettleWhenTheyEnd() {
    // e1 (10:59:59.999999) is in the 10:00 row; e2 (11:00:00) makes the 11:00 row; x1 has no time.
    Row eleven = only(EXACT, H10.plusSeconds(3600), null);
    assertThat(eleven.<Long>getAs("payment_events")).isEqualTo(1L);
    assertThat(eleven.<BigDecimal>getAs("face_value_wei")).isEqualByComparingTo("14");
    // Settled before 11:30: the 10:00 hour (ends 11:00) is; the 11:00 hour (ends 12:00) is not.
    assertThat(only(EXACT, H10, null).<Boolean>getAs("is_settled")).isTrue();
    assertThat(eleven.<Boolean>getAs("is_settled")).isFalse();
    assertThat(eleven.getAs("window_date").toString()).isEqualTo("2026-01-08");
    // 13 payments, 1 without time: 12 events in all rows.
    assertThat(rows.stream().mapToLong(r -> r.<Long>getAs("payment_events")).sum()).isEqualTo(12L);
  }

  private static Row only(String orchestrator, Instant hour, String pipeline) {
    List<Row> matching =
        rows.stream()
            .filter(r -> r.getAs("orchestrator_address").equals(orchestrator))
            .filter(r -> r.<Timestamp>getAs("window_start").toInstant().equals(hour))
            .filter(r -> java.util.Objects.equals(r.getAs("pipeline"), pipeline))
            .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  /** A payment_links row; {@code extra} are further column/value pairs. */
  private static Map<String, Object> payment(
      String id,
      String recipient,
      Instant time,
      String face,
      String winProb,
      int tickets,
      Object... extra) {
    Map<String, Object> values =
        row(
            "org",
            "cloudspe",
            "event_id",
            id,
            "event_ts",
            time,
            "gateway",
            "gw-1",
            "sender",
            SENDER,
            "recipient",
            recipient,
            "face_value_wei",
            new BigDecimal(face),
            "win_prob",
            new BigDecimal(winProb),
            "num_tickets",
            tickets,
            "link_status",
            "unresolved");
    values.putAll(row(extra));
    return values;
  }

  private static Map<String, Object> offer(
      String address, Instant time, String pipeline, String model) {
    return row(
        "org", "daydream",
        "event_id", "cap-" + time,
        "element_index", 0,
        "snapshot_ts", time,
        "orch_address", address,
        "pipeline", pipeline,
        "model_id", model);
  }
}
