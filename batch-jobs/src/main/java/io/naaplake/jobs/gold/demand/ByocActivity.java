package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.GoldWindows.indicator;
import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.GoldDemandTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * silver.job_auth, silver.job_payment and silver.worker_lifecycle to gold.byoc_hourly: per UTC
 * hour, org and BYOC capability, auth results, payment events and worker lifecycle events. Each
 * event is placed by its event time (envelope timestamp, else payload timestamp); events with
 * neither are left out.
 */
public final class ByocActivity {
  private static final int PRICE_SCALE = 18;

  /** Exact mean of a decimal(38,18) sum over a count, rounded half up at 18 decimals. */
  private static final UserDefinedFunction MEAN_PRICE =
      udf(
          (UDF2<BigDecimal, Long, BigDecimal>)
              (sum, samples) ->
                  sum == null || samples == null || samples == 0
                      ? null
                      : sum.divide(BigDecimal.valueOf(samples), PRICE_SCALE, RoundingMode.HALF_UP),
          DataTypes.createDecimalType(38, PRICE_SCALE));

  private ByocActivity() {}

  /**
   * The hourly BYOC rows of the events given (pass every event of each hour to recompute).
   *
   * @param jobAuth silver.job_auth rows
   * @param jobPayment silver.job_payment rows
   * @param workerLifecycle silver.worker_lifecycle rows
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(
      Dataset<Row> jobAuth,
      Dataset<Row> jobPayment,
      Dataset<Row> workerLifecycle,
      Instant settledBefore) {
    Dataset<Row> events =
        auth(jobAuth).unionByName(payments(jobPayment)).unionByName(workers(workerLifecycle));
    Dataset<Row> rows =
        events
            .where(col("event_time").isNotNull())
            .groupBy(
                GoldWindows.hourOf(col("event_time")).as("window_start"),
                col("org"),
                col("capability"))
            .agg(
                total(indicator(col("source").equalTo("auth"))).as("auth_events"),
                total(indicator(col("source").equalTo("auth").and(col("success"))))
                    .as("auth_successes"),
                total(indicator(col("source").equalTo("auth").and(col("success").unary_$bang())))
                    .as("auth_failures"),
                total(indicator(col("source").equalTo("payment"))).as("payment_events"),
                total(indicator(paymentType("payment_created"))).as("payments_created"),
                total(indicator(paymentType("payment_created").and(col("with_tickets"))))
                    .as("payments_with_tickets"),
                total(indicator(paymentType("payment_stream_cycle"))).as("payment_stream_cycles"),
                total(
                        indicator(
                            paymentType("payment_stream_cycle").and(col("success").unary_$bang())))
                    .as("payment_stream_cycle_failures"),
                total(indicator(paymentType("payment_balance_sync"))).as("balance_syncs"),
                coalesce(
                        expr("sum(case when subtype = 'payment_balance_sync' then diff end)"),
                        lit(0).cast("decimal(38,0)"))
                    .as("balance_diff_wei_sum"),
                total(indicator(col("source").equalTo("worker"))).as("worker_events"),
                total(indicator(workerType("worker_registered"))).as("workers_registered"),
                total(indicator(workerType("worker_unregistered"))).as("workers_unregistered"),
                total(indicator(workerType("worker_capacity_exhausted")))
                    .as("worker_capacity_exhausted"),
                coalesce(
                        expr("sum(price_per_unit)"), lit(0).cast("decimal(38," + PRICE_SCALE + ")"))
                    .as("worker_price_per_unit_sum"),
                count(col("price_per_unit")).as("worker_price_samples"),
                count_distinct(col("worker_url")).as("distinct_workers"),
                count_distinct(col("worker_model")).as("distinct_worker_models"),
                count_distinct(col("payment_orchestrator")).as("distinct_payment_orchestrators"))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(withRates(rows), GoldDemandTables.BYOC_HOURLY);
  }

  /**
   * BYOC activity over {@code [from, to)} from hourly rows: primitives summed per (org,
   * capability), the success rate and mean price recomputed from the sums. Distinct counts are not
   * carried (they need the events).
   */
  public static Dataset<Row> overWindow(Dataset<Row> hourly, Instant from, Instant to) {
    return withRates(GoldWindows.rollUp(hourly, GoldDemandTables.BYOC_HOURLY, from, to));
  }

  private static Dataset<Row> withRates(Dataset<Row> rows) {
    return rows.withColumn(
            "auth_success_rate",
            ratio(col("auth_successes"), col("auth_successes").plus(col("auth_failures"))))
        .withColumn(
            "avg_worker_price_per_unit",
            MEAN_PRICE.apply(col("worker_price_per_unit_sum"), col("worker_price_samples")));
  }

  private static Column paymentType(String type) {
    return col("source").equalTo("payment").and(col("subtype").equalTo(type));
  }

  private static Column workerType(String type) {
    return col("source").equalTo("worker").and(col("subtype").equalTo(type));
  }

  private static Column eventTime() {
    return coalesce(col("event_ts"), col("timestamp"));
  }

  private static Column subtype() {
    return lower(trim(col("type")));
  }

  private static Dataset<Row> auth(Dataset<Row> jobAuth) {
    return jobAuth.select(
        col("org"),
        lit("auth").as("source"),
        eventTime().as("event_time"),
        coalesce(Identity.text(col("capability")), Identity.text(col("pipeline"))).as("capability"),
        subtype().as("subtype"),
        col("success"),
        lit(null).cast("boolean").as("with_tickets"),
        lit(null).cast("decimal(38,0)").as("diff"),
        lit(null).cast("string").as("payment_orchestrator"),
        lit(null).cast("string").as("worker_url"),
        lit(null).cast("string").as("worker_model"),
        lit(null).cast("decimal(38," + PRICE_SCALE + ")").as("price_per_unit"));
  }

  private static Dataset<Row> payments(Dataset<Row> jobPayment) {
    return jobPayment.select(
        col("org"),
        lit("payment").as("source"),
        eventTime().as("event_time"),
        Identity.text(col("capability")).as("capability"),
        subtype().as("subtype"),
        col("success"),
        col("with_tickets"),
        col("diff").cast("decimal(38,0)").as("diff"),
        coalesce(
                Identity.address(col("orchestrator_addr")),
                Identity.address(col("orchestrator_info_address")))
            .as("payment_orchestrator"),
        lit(null).cast("string").as("worker_url"),
        lit(null).cast("string").as("worker_model"),
        lit(null).cast("decimal(38," + PRICE_SCALE + ")").as("price_per_unit"));
  }

  private static Dataset<Row> workers(Dataset<Row> workerLifecycle) {
    return workerLifecycle.select(
        col("org"),
        lit("worker").as("source"),
        eventTime().as("event_time"),
        Identity.text(col("capability")).as("capability"),
        subtype().as("subtype"),
        lit(null).cast("boolean").as("success"),
        lit(null).cast("boolean").as("with_tickets"),
        lit(null).cast("decimal(38,0)").as("diff"),
        lit(null).cast("string").as("payment_orchestrator"),
        Identity.uri(col("worker_url")).as("worker_url"),
        Identity.text(expr("try_element_at(worker_options, 1).model")).as("worker_model"),
        col("price_per_unit").cast("decimal(38," + PRICE_SCALE + ")").as("price_per_unit"));
  }
}
