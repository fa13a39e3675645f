package io.naaplake.jobs.gold.economics;

import static io.naaplake.jobs.gold.economics.TableRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.Column;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden economics_daily over two days and three orchestrators: the day's payments equal the sum of
 * its payments_hourly rows (every additive column, exactly), ETH is wei / 10^18 exactly, sessions
 * and usage minutes follow the selections attributed to each orchestrator, the fee per minute is a
 * ratio of sums, and signed tickets add billable seconds.
 */
class EconomicsDailyTest {
  private static final String A = "0x00000000000000000000000000000000000000aa";
  private static final String B = "0x00000000000000000000000000000000000000bb";
  private static final String C = "0x00000000000000000000000000000000000000cc";
  private static final LocalDate DAY1 = LocalDate.parse("2026-01-08");
  private static final LocalDate DAY2 = LocalDate.parse("2026-01-09");
  private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-09T06:00:00Z");

  private static List<Row> hourly;
  private static Map<List<Object>, Row> daily;

  @BeforeAll
  static void compute() {
    LocalSpark.get();
    Dataset<Row> links =
        TableRows.of(
            JobTables.PAYMENT_LINKS,
            payment(
                "a1",
                "cloudspe",
                A,
                "2026-01-08T10:05:00Z",
                "1000000000000000",
                "0.000999000999000999",
                3),
            payment(
                "a2", "daydream", A, "2026-01-08T11:20:00Z", "2402400000000000", "0.0009990010", 2),
            payment(
                "a3", "cloudspe", A, "2026-01-08T11:40:00Z", "1000000000000000", "0.0010000000", 1),
            payment(
                "a4", "cloudspe", A, "2026-01-09T00:10:00Z", "1000000000000000", "0.0010000000", 1),
            payment(
                "b1", "cloudspe", B, "2026-01-08T10:30:00Z", "500000000000000", "0.0020000000", 4));
    Dataset<Row> hourlyRows =
        PaymentsHourly.compute(
                links,
                TableRows.of(SessionTables.SESSIONS),
                TableRows.of(CapabilityTables.CAPABILITY_OFFERS),
                Duration.ofMinutes(30),
                SETTLED_BEFORE)
            .cache();
    hourly = hourlyRows.collectAsList();

    Dataset<Row> sessions =
        TableRows.of(
            SessionTables.SESSIONS,
            session("s1", DAY1, true, "2026-01-08T10:30:00Z"),
            session("s2", DAY1, false, "2026-01-08T10:07:00Z"),
            session("s3", DAY1, true, "2026-01-08T10:50:00Z"),
            session("s4", DAY2, true, "2026-01-09T00:15:00Z"));
    Dataset<Row> selections =
        TableRows.of(
            SelectionTables.SESSION_SELECTIONS,
            selection("s1", 0, "2026-01-08T10:01:00Z", A),
            selection("s1", 1, "2026-01-08T10:11:00Z", B),
            selection("s2", 0, "2026-01-08T10:05:00Z", A),
            selection("s3", 0, "2026-01-08T10:00:00Z", null),
            selection("s3", 1, "2026-01-08T10:20:00Z", A),
            selection("s4", 0, "2026-01-09T00:05:00Z", A));
    Dataset<Row> tickets =
        TableRows.of(
            SilverTables.of(EventFamily.CREATE_SIGNED_TICKET),
            ticket("t1", "0x00000000000000000000000000000000000000AA", 60.0, 1_000_000L, "100"),
            ticket("t2", A, 5.5, 2_000_000L, "250"),
            ticket("t3", C, 10.0, 0L, "7"));
    Dataset<Row> result =
        EconomicsDaily.compute(hourlyRows, sessions, selections, tickets, SETTLED_BEFORE);
    daily =
        TableRows.assertDeclared(result, GoldEconomicsTables.ECONOMICS_DAILY).stream()
            .collect(
                Collectors.toMap(
                    r ->
                        List.of(r.getAs("window_date").toString(), r.getAs("orchestrator_address")),
                    r -> r));
  }

  @Test
  void paymentsOfTheDayAreExact() {
    Row a = daily(DAY1, A);
    // a1 + a2 + a3 (three hourly rows: 10:00 cloudspe, 11:00 cloudspe, 11:00 daydream)
    // events 3; tickets 3 + 2 + 1 = 6
    assertThat(a.<Long>getAs("payment_events")).isEqualTo(3L);
    assertThat(a.<Long>getAs("tickets")).isEqualTo(6L);
    // face 10^15 × 3 + 2,402,400,000,000,000 × 2 + 10^15 × 1 = 8,804,800,000,000,000
    assertThat(a.<BigDecimal>getAs("face_value_wei")).isEqualByComparingTo("8804800000000000");
    // EV 2,997,002,997,002.997 + 4,800,000,004,800 + 1,000,000,000,000 = 8,797,003,001,802.997
    assertThat(a.<BigDecimal>getAs("expected_value_wei"))
        .isEqualTo(new BigDecimal("8797003001802.9970000000"));
    // ETH = wei / 10^18 exactly: 0.000008797003001802997, at 28 places
    assertThat(a.<BigDecimal>getAs("expected_value_eth"))
        .isEqualTo(new BigDecimal("0.0000087970030018029970000000"));
    // B: 5 × 10^14 × 0.002 × 4 = 4,000,000,000,000; face 2,000,000,000,000,000
    assertThat(daily(DAY1, B).<BigDecimal>getAs("expected_value_wei"))
        .isEqualByComparingTo("4000000000000");
    assertThat(daily(DAY1, B).<BigDecimal>getAs("face_value_wei"))
        .isEqualByComparingTo("2000000000000000");
  }

  @Test
  void everyAdditiveColumnOfTheHoursSumsToTheDay() {
    List<String> measures =
        GoldEconomicsTables.PAYMENTS_HOURLY.columns().stream()
            .filter(Column::additive)
            .map(Column::name)
            .filter(name -> GoldEconomicsTables.ECONOMICS_DAILY.column(name).isPresent())
            .toList();
    // The measures both tables carry: payment_events, tickets, face_value_wei, expected_value_wei.
    assertThat(measures)
        .containsExactly("payment_events", "tickets", "face_value_wei", "expected_value_wei");
    for (Row day : daily.values()) {
      for (String measure : measures) {
        BigDecimal hours =
            hourly.stream()
                .filter(h -> h.getAs("window_date").equals(day.getAs("window_date")))
                .filter(
                    h -> h.getAs("orchestrator_address").equals(day.getAs("orchestrator_address")))
                .map(h -> new BigDecimal(h.getAs(measure).toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(day.getAs(measure).toString()))
            .as("%s of %s %s", measure, day.getAs("window_date"), day.getAs("orchestrator_address"))
            .isEqualByComparingTo(hours);
      }
    }
    // Σ of the whole table agrees too: 5 payments, 3 + 2 + 1 + 1 + 4 = 11 tickets.
    assertThat(daily.values().stream().mapToLong(r -> r.<Long>getAs("payment_events")).sum())
        .isEqualTo(5L);
    assertThat(daily.values().stream().mapToLong(r -> r.<Long>getAs("tickets")).sum())
        .isEqualTo(11L);
  }

  @Test
  void sessionsAndUsageMinutesFollowTheAttributedSelections() {
    // s1: A 10:01 -> swap 10:11 (10 min), B 10:11 -> last_seen 10:30 (19 min); playable.
    // s2: A 10:05 -> last_seen 10:07 (2 min); not playable.
    // s3: unattributed 10:00 -> 10:20 (nobody), A 10:20 -> last_seen 10:50 (30 min); playable.
    // A day 1: sessions s1, s2, s3 = 3; served s1, s3 = 2; minutes 10 + 2 + 30 = 42.
    Row a = daily(DAY1, A);
    assertThat(a.<Long>getAs("sessions_attributed")).isEqualTo(3L);
    assertThat(a.<Long>getAs("sessions_served")).isEqualTo(2L);
    assertThat(a.<Double>getAs("usage_minutes")).isCloseTo(42.0, within(1e-9));
    // B day 1: s1 only, 19 minutes.
    Row b = daily(DAY1, B);
    assertThat(b.<Long>getAs("sessions_attributed")).isEqualTo(1L);
    assertThat(b.<Long>getAs("sessions_served")).isEqualTo(1L);
    assertThat(b.<Double>getAs("usage_minutes")).isCloseTo(19.0, within(1e-9));
    // A day 2: s4 00:05 -> 00:15, 10 minutes.
    assertThat(daily(DAY2, A).<Double>getAs("usage_minutes")).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void feePerMinuteIsTheRatioOfTheDaysSums() {
    // A day 1: 8,797,003,001,802.997 / 42 = 209,452,452,423.880880952...
    assertThat(daily(DAY1, A).<Double>getAs("expected_wei_per_usage_minute"))
        .isCloseTo(209_452_452_423.88088, within(1e-3));
    // B day 1: 4,000,000,000,000 / 19 = 210,526,315,789.473684...
    assertThat(daily(DAY1, B).<Double>getAs("expected_wei_per_usage_minute"))
        .isCloseTo(210_526_315_789.47368, within(1e-3));
    // C has signed tickets but no sessions: no minutes, no ratio.
    assertThat(daily(DAY1, C).<Double>getAs("expected_wei_per_usage_minute")).isNull();
  }

  @Test
  void signedTicketsAddBillableSecondsPerOrchestrator() {
    // t1 (address in checksum case) and t2 are A's: 2 batches, 60 + 5.5 = 65.5 s,
    // 1,000,000 + 2,000,000 pixels, 100 + 250 = 350 wei.
    Row a = daily(DAY1, A);
    assertThat(a.<Long>getAs("signed_ticket_batches")).isEqualTo(2L);
    assertThat(a.<Double>getAs("billable_seconds")).isCloseTo(65.5, within(1e-9));
    assertThat(a.<Long>getAs("signed_pixels")).isEqualTo(3_000_000L);
    assertThat(a.<BigDecimal>getAs("signed_fee_wei")).isEqualByComparingTo("350");
    // C: signed tickets only; every payment and session measure is 0, not null.
    Row c = daily(DAY1, C);
    assertThat(c.<Long>getAs("signed_ticket_batches")).isEqualTo(1L);
    assertThat(c.<Long>getAs("payment_events")).isZero();
    assertThat(c.<BigDecimal>getAs("expected_value_wei")).isEqualByComparingTo("0");
    assertThat(c.<BigDecimal>getAs("expected_value_eth")).isEqualByComparingTo("0");
    assertThat(c.<Double>getAs("usage_minutes")).isZero();
    // B has no signed tickets: 0 batches, 0 seconds.
    assertThat(daily(DAY1, B).<Long>getAs("signed_ticket_batches")).isZero();
    // Rows: A and B and C on day 1, A on day 2.
    assertThat(daily).hasSize(4);
  }

  @Test
  void daysSettleWhenTheyEnd() {
    // Settled before 2026-01-09 06:00: day 1 (ends 01-09 00:00) is, day 2 (ends 01-10) is not.
    assertThat(daily(DAY1, A).<Boolean>getAs("is_settled")).isTrue();
    assertThat(daily(DAY2, A).<Boolean>getAs("is_settled")).isFalse();
  }

  private static Row daily(LocalDate date, String orchestrator) {
    Row row = daily.get(List.of(date.toString(), orchestrator));
    assertThat(row).as("economics_daily row %s %s", date, orchestrator).isNotNull();
    return row;
  }

  private static Map<String, Object> payment(
      String id,
      String org,
      String recipient,
      String time,
      String face,
      String winProb,
      int tickets) {
    return row(
        "org",
        org,
        "event_id",
        id,
        "event_ts",
        Instant.parse(time),
        "sender",
        "0x5ae4e42db3671370a0c25aff451e7482aaec3d0b",
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
  }

  private static Map<String, Object> session(
      String id, LocalDate startDate, boolean playable, String lastSeen) {
    return row(
        "org",
        "cloudspe",
        "session_key",
        "cloudspe|" + id + "|r",
        "start_date",
        startDate,
        "playable",
        playable,
        "last_seen",
        Instant.parse(lastSeen));
  }

  private static Map<String, Object> selection(
      String session, int seq, String time, String orchestrator) {
    return row(
        "org",
        "cloudspe",
        "session_key",
        "cloudspe|" + session + "|r",
        "selection_seq",
        seq,
        "selection_ts",
        Instant.parse(time),
        "attributed_orch_address",
        orchestrator);
  }

  private static Map<String, Object> ticket(
      String id, String orchestrator, double billableSeconds, long pixels, String fee) {
    return row(
        "org", "cloudspe",
        "event_id", id,
        "event_ts", Instant.parse("2026-01-08T10:02:00Z"),
        "event_date", DAY1,
        "orch_address", orchestrator,
        "billable_secs", billableSeconds,
        "pixels", pixels,
        "computed_fee", new BigDecimal(fee));
  }
}
