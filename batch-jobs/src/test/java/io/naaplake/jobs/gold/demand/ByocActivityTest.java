package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ByocActivityTest {
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");

  private static Dataset<Row> hourly;
  private static Map<String, Row> rows;
  private static int nextId;

  private static Map<String, Object> event(String time, Object... values) {
    Instant at = at(time);
    return with(
        row("org", "acme", "event_id", "ev-" + nextId++, "event_ts", at, "timestamp", at), values);
  }

  @BeforeAll
  static void derive() {
    Dataset<Row> auth =
        SilverRows.of(
            SilverTables.of(EventFamily.JOB_AUTH),
            event("2026-01-08T10:01:00Z", "capability", "cap-x", "success", true),
            event("2026-01-08T10:02:00Z", "capability", "cap-x", "success", true),
            event("2026-01-08T10:03:00Z", "capability", "cap-x", "success", false),
            // No result: an auth event, but no evidence either way.
            event("2026-01-08T10:04:00Z", "capability", "cap-x"),
            // No capability: the pipeline field names it.
            event("2026-01-08T10:05:00Z", "pipeline", "cap-y", "success", true));
    Dataset<Row> payments =
        SilverRows.of(
            SilverTables.of(EventFamily.JOB_PAYMENT),
            payment("10:10:00", "payment_created", "with_tickets", true),
            payment("10:11:00", "payment_created", "with_tickets", false),
            payment("10:12:00", "payment_stream_cycle", "success", false),
            payment("10:13:00", "payment_stream_cycle", "success", true),
            payment(
                "10:14:00",
                "payment_balance_sync",
                "diff",
                new BigDecimal("1000000000000000000"),
                "orchestrator_addr",
                "0xAAAA000000000000000000000000000000000001"),
            payment(
                "10:15:00",
                "payment_balance_sync",
                "diff",
                new BigDecimal("-250"),
                "orchestrator_addr",
                "0xaaaa000000000000000000000000000000000001"));
    Dataset<Row> workers =
        SilverRows.of(
            SilverTables.of(EventFamily.WORKER_LIFECYCLE),
            worker("10:20:00", "worker_registered", "http://w1:9000", "m1", "1.5"),
            worker("10:21:00", "worker_registered", "http://w2:9000", "m1", "2.25"),
            worker("10:22:00", "worker_capacity_exhausted", "http://w1:9000", "m1", null),
            worker("10:23:00", "worker_unregistered", "http://W2:9000/", "m1", "3"),
            // Hour 11: prices 1, 2 and 2: mean 5 / 3.
            worker("11:00:00", "worker_registered", "http://w3:9000", "m2", "1"),
            worker("11:01:00", "worker_registered", "http://w4:9000", "m2", "2"),
            worker("11:02:00", "worker_registered", "http://w5:9000", "m2", "2"));
    hourly = ByocActivity.hourly(auth, payments, workers, H11).cache();
    rows = SilverRows.byKey(hourly, "window_start", "capability");
  }

  private static Map<String, Object> payment(String time, String type, Object... values) {
    Map<String, Object> payment =
        with(
            event("2026-01-08T" + time + "Z", "capability", "cap-x", "type", type),
            "orchestrator_info_address",
            "0xBBBB000000000000000000000000000000000002");
    return with(payment, values);
  }

  private static Map<String, Object> worker(
      String time, String type, String url, String model, String price) {
    return with(
        event("2026-01-08T" + time + "Z", "capability", "cap-x", "type", type),
        "id",
        "w-" + nextId,
        "worker_url",
        url,
        "worker_options",
        List.of(row("model", model)),
        "price_per_unit",
        price == null ? null : new BigDecimal(price));
  }

  @Test
  void authPaymentsAndWorkersOfOneHourByHand() {
    SilverRows.assertDeclared(hourly, GoldDemandTables.BYOC_HOURLY);
    assertThat(rows).hasSize(3);
    Row x = rows.get(Timestamp.from(H10) + "|cap-x");
    // Auth: 4 events, 2 successes, 1 failure (the fourth has no result): 2 / (2 + 1).
    assertThat(x.<Long>getAs("auth_events")).isEqualTo(4L);
    assertThat(x.<Long>getAs("auth_successes")).isEqualTo(2L);
    assertThat(x.<Long>getAs("auth_failures")).isEqualTo(1L);
    assertThat(x.<Double>getAs("auth_success_rate")).isEqualTo(2.0 / 3.0);
    // Payments: 6 events; 2 created, 1 with tickets; 2 stream cycles, 1 failed; 2 balance syncs
    // with diffs 10^18 - 250 = 999999999999999750 wei, exact.
    assertThat(x.<Long>getAs("payment_events")).isEqualTo(6L);
    assertThat(x.<Long>getAs("payments_created")).isEqualTo(2L);
    assertThat(x.<Long>getAs("payments_with_tickets")).isEqualTo(1L);
    assertThat(x.<Long>getAs("payment_stream_cycles")).isEqualTo(2L);
    assertThat(x.<Long>getAs("payment_stream_cycle_failures")).isEqualTo(1L);
    assertThat(x.<Long>getAs("balance_syncs")).isEqualTo(2L);
    assertThat(x.<BigDecimal>getAs("balance_diff_wei_sum"))
        .isEqualByComparingTo("999999999999999750");
    // Orchestrators: 0xaaaa...01 (sent in two cases, one orchestrator) and 0xbbbb...02 = 2.
    assertThat(x.<Long>getAs("distinct_payment_orchestrators")).isEqualTo(2L);
    // Workers: 4 events, 2 registered, 1 unregistered, 1 capacity exhausted; w1 and w2 (W2 with a
    // trailing slash is w2) = 2 workers, 1 model; prices 1.5 + 2.25 + 3 = 6.75 over 3 = 2.25.
    assertThat(x.<Long>getAs("worker_events")).isEqualTo(4L);
    assertThat(x.<Long>getAs("workers_registered")).isEqualTo(2L);
    assertThat(x.<Long>getAs("workers_unregistered")).isEqualTo(1L);
    assertThat(x.<Long>getAs("worker_capacity_exhausted")).isEqualTo(1L);
    assertThat(x.<Long>getAs("distinct_workers")).isEqualTo(2L);
    assertThat(x.<Long>getAs("distinct_worker_models")).isEqualTo(1L);
    assertThat(x.<BigDecimal>getAs("worker_price_per_unit_sum")).isEqualByComparingTo("6.75");
    assertThat(x.<Long>getAs("worker_price_samples")).isEqualTo(3L);
    assertThat(x.<BigDecimal>getAs("avg_worker_price_per_unit")).isEqualByComparingTo("2.25");
    assertThat(x.<Boolean>getAs("is_settled")).isTrue();

    Row y = rows.get(Timestamp.from(H10) + "|cap-y");
    assertThat(y.<Long>getAs("auth_events")).isEqualTo(1L);
    assertThat(y.<Long>getAs("payment_events")).isZero();
    assertThat(y.<BigDecimal>getAs("balance_diff_wei_sum")).isEqualByComparingTo("0");
    assertThat(y.<BigDecimal>getAs("avg_worker_price_per_unit")).as("no evidence").isNull();
  }

  @Test
  void theMeanPriceIsExactTo18Decimals() {
    Row x = rows.get(Timestamp.from(H11) + "|cap-x");
    // (1 + 2 + 2) / 3 = 1.666666666666666666|67 → 1.666666666666666667 (half up at 18 places);
    // Spark's own decimal division would keep 6 places here.
    assertThat(x.<BigDecimal>getAs("avg_worker_price_per_unit"))
        .isEqualTo(new BigDecimal("1.666666666666666667"));
    assertThat(x.<Boolean>getAs("is_settled")).as("hour 11 ends after 11:00").isFalse();
  }

  @Test
  void hoursAddUpToTheWindow() {
    Dataset<Row> window = ByocActivity.overWindow(hourly, H10, H12);
    SilverRows.assertAdditive(GoldDemandTables.BYOC_HOURLY, hourly, window, H10, H12);
    Row x = SilverRows.byKey(window, "capability").get("cap-x");
    // Prices of both hours: 6.75 + 5 = 11.75 over 3 + 3 = 6 samples: 1.958333333333333333.
    assertThat(x.<BigDecimal>getAs("avg_worker_price_per_unit"))
        .isEqualTo(new BigDecimal("1.958333333333333333"));
    assertThat(x.<Long>getAs("worker_events")).isEqualTo(7L);
  }
}
