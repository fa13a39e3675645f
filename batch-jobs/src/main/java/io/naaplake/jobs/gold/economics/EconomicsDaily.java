package io.naaplake.jobs.gold.economics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.GoldEconomicsTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * gold.economics_daily per (UTC date, orchestrator): the day's payments (the sum of its
 * payments_hourly rows, so hours add up to the day by construction), the live sessions it served
 * and their usage minutes, and the signed tickets' billable seconds.
 */
public final class EconomicsDaily {
  private static final double MICROS_PER_MINUTE = 60_000_000.0;

  /** Measures and the source each comes from; a source without rows gives 0. */
  private static final List<String> PAYMENT_MEASURES =
      List.of("payment_events", "tickets", "face_value_wei", "expected_value_wei");

  private static final List<String> SESSION_MEASURES =
      List.of("sessions_attributed", "sessions_served", "usage_minutes");

  private static final List<String> TICKET_MEASURES =
      List.of("signed_ticket_batches", "billable_seconds", "signed_pixels", "signed_fee_wei");

  private EconomicsDaily() {}

  /**
   * Daily economics.
   *
   * @param paymentsHourly gold.payments_hourly rows of every hour of the days to recompute
   * @param sessions silver.sessions started on those days (start_date); reads org, session_key,
   *     start_date, playable, last_seen
   * @param selections silver.session_selections of those sessions, every selection of each (the
   *     next selection ends the previous one's usage); reads org, session_key, selection_seq,
   *     selection_ts, attributed_orch_address
   * @param signedTickets silver.create_signed_ticket rows of those days (by event time)
   * @param settledBefore the run's settlement time: days ending at or before it are settled
   */
  public static Dataset<Row> compute(
      Dataset<Row> paymentsHourly,
      Dataset<Row> sessions,
      Dataset<Row> selections,
      Dataset<Row> signedTickets,
      Instant settledBefore) {
    Dataset<Row> payments =
        paymentsHourly
            .groupBy("window_date", "orchestrator_address")
            .agg(
                sum("payment_events").as("payment_events"),
                sum("tickets").as("tickets"),
                sum("face_value_wei").as("face_value_wei"),
                sum("expected_value_wei").as("expected_value_wei"));
    List<Column> measures = new ArrayList<>();
    for (List<String> source : List.of(PAYMENT_MEASURES, SESSION_MEASURES, TICKET_MEASURES)) {
      source.forEach(name -> measures.add(coalesce(sum(col(name)), lit(0)).as(name)));
    }
    Dataset<Row> all =
        payments
            .unionByName(served(sessions, selections), true)
            .unionByName(signed(signedTickets), true)
            .groupBy("window_date", "orchestrator_address")
            .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
            .withColumn("expected_value_eth", WeiMath.WEI_TO_ETH.apply(col("expected_value_wei")))
            .withColumn(
                "expected_wei_per_usage_minute",
                when(
                    col("usage_minutes").gt(0),
                    col("expected_value_wei").cast("double").divide(col("usage_minutes"))))
            .withColumn("is_settled", GoldWindows.daySettled(col("window_date"), settledBefore));
    return Projections.of(all, GoldEconomicsTables.ECONOMICS_DAILY);
  }

  /**
   * Per (start date, orchestrator): sessions with a selection attributed to it, those that were
   * playable, and the minutes from each of its selections to the next one (else last_seen).
   */
  private static Dataset<Row> served(Dataset<Row> sessions, Dataset<Row> selections) {
    Dataset<Row> spans =
        selections
            .select(
                col("org"),
                col("session_key"),
                col("selection_seq"),
                col("selection_ts"),
                Identity.address(col("attributed_orch_address")).as("orchestrator_address"))
            .withColumn(
                "next_selection_ts",
                lead("selection_ts", 1)
                    .over(Window.partitionBy("org", "session_key").orderBy("selection_seq")))
            .where(col("orchestrator_address").isNotNull());
    Dataset<Row> withSession =
        spans.join(
            sessions.select(
                col("org").as("s_org"),
                col("session_key").as("s_key"),
                col("start_date"),
                col("playable"),
                col("last_seen")),
            col("org").equalTo(col("s_org")).and(col("session_key").equalTo(col("s_key"))));
    Column end = coalesce(col("next_selection_ts"), col("last_seen"));
    Column minutes =
        greatest(
            lit(0.0),
            unix_micros(end).minus(unix_micros(col("selection_ts"))).divide(MICROS_PER_MINUTE));
    return withSession
        .withColumn("minutes", coalesce(minutes, lit(0.0)))
        .groupBy(col("start_date").as("window_date"), col("orchestrator_address"))
        .agg(
            count_distinct(col("session_key")).as("sessions_attributed"),
            count_distinct(when(col("playable"), col("session_key"))).as("sessions_served"),
            sum("minutes").as("usage_minutes"));
  }

  /** Per (event date, orchestrator): signed-ticket batches and their billed seconds and fee. */
  private static Dataset<Row> signed(Dataset<Row> signedTickets) {
    Column time = coalesce(col("event_ts"), col("current_time_unix"), col("current_time"));
    return signedTickets
        .withColumn("orchestrator_address", Identity.address(col("orch_address")))
        .where(col("orchestrator_address").isNotNull())
        .withColumn("window_date", coalesce(GoldWindows.utcDate(time), col("event_date")))
        .groupBy("window_date", "orchestrator_address")
        .agg(
            count(lit(1)).as("signed_ticket_batches"),
            sum(col("billable_secs")).as("billable_seconds"),
            sum(col("pixels").cast("decimal(38,0)")).cast("bigint").as("signed_pixels"),
            sum(col("computed_fee")).as("signed_fee_wei"));
  }
}
