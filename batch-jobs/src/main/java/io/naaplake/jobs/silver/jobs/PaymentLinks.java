package io.naaplake.jobs.silver.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.JobTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * silver.create_new_payment to silver.payment_links: each ticket batch in exact wei, linked to a
 * live session only by its request id within the same org (reference §2.11). When several sessions
 * share the request id the link is ambiguous and none is picked.
 */
public final class PaymentLinks {
  static final String BY_REQUEST_ID = "request_id";
  static final String NOT_LINKED = "none";
  static final String RESOLVED = "resolved";
  static final String AMBIGUOUS = "ambiguous";
  static final String UNRESOLVED = "unresolved";

  private static final int MAX_PRECISION = 38;

  /**
   * face × win_prob × tickets, exact. Spark's decimal multiplication cannot do it: a decimal(38,0)
   * times a decimal(38,18) exceeds 38 digits, so Spark would cut the scale to 6 and round. Payment
   * rows are few (one per ticket batch), so a Java function is cheap.
   */
  private static final UserDefinedFunction EXPECTED_VALUE =
      udf(
          (UDF3<BigDecimal, BigDecimal, Integer, BigDecimal>) PaymentLinks::expectedValue,
          DataTypes.createDecimalType(MAX_PRECISION, JobTables.EXPECTED_VALUE_SCALE));

  /**
   * Payment links.
   *
   * @param payments silver.create_new_payment rows
   * @param sessionKeys one row per session (org, request_id, session_key), from silver.sessions;
   *     duplicates are harmless
   */
  public static Dataset<Row> link(Dataset<Row> payments, Dataset<Row> sessionKeys) {
    Dataset<Row> linked =
        payments(payments)
            .join(
                candidates(sessionKeys),
                col("org")
                    .equalTo(col("candidate_org"))
                    .and(col("request_id").equalTo(col("candidate_request_id"))),
                "left");
    return JobColumns.project(withLink(linked), JobTables.PAYMENT_LINKS);
  }

  private static Dataset<Row> payments(Dataset<Row> payments) {
    return payments.select(
        col("org"),
        col("event_id"),
        col("event_ts"),
        coalesce(UtcDate.of("event_ts"), col("event_date")).as("payment_date"),
        col("gateway"),
        Identity.text(col("request_id")).as("request_id"),
        col("manifest_id"),
        col("session_id"),
        // "35_streamdiffusion-sdxl-faceid": capability id, underscore, model id.
        Identity.text(regexp_extract(col("manifest_id"), "^[0-9]+_(.+)$", 1)).as("model_hint"),
        Identity.address(col("sender")).as("sender"),
        Identity.address(col("recipient")).as("recipient"),
        Identity.uri(col("orchestrator")).as("orch_url"),
        col("face_value").as("face_value_wei"),
        col("win_prob"),
        col("num_tickets"),
        EXPECTED_VALUE
            .apply(col("face_value"), col("win_prob"), col("num_tickets"))
            .as("expected_value_wei"),
        col("price").as("price_wei_per_pixel"));
  }

  /** Per (org, request id): how many distinct sessions carry it, and the key when just one. */
  private static Dataset<Row> candidates(Dataset<Row> sessionKeys) {
    return sessionKeys
        .select(
            col("org").as("candidate_org"),
            Identity.text(col("request_id")).as("candidate_request_id"),
            col("session_key"))
        .where(
            col("candidate_org")
                .isNotNull()
                .and(col("candidate_request_id").isNotNull())
                .and(col("session_key").isNotNull()))
        .groupBy("candidate_org", "candidate_request_id")
        .agg(
            count_distinct(col("session_key")).cast("int").as("candidate_sessions"),
            min("session_key").as("only_session_key"));
  }

  private static Dataset<Row> withLink(Dataset<Row> linked) {
    Column count = col("candidate_sessions");
    return linked
        .withColumn("candidate_sessions", coalesce(count, lit(0)))
        .withColumn("linked_session_key", when(count.equalTo(1), col("only_session_key")))
        .withColumn("link_method", when(count.geq(1), BY_REQUEST_ID).otherwise(NOT_LINKED))
        .withColumn(
            "link_status",
            when(count.equalTo(1), RESOLVED).when(count.gt(1), AMBIGUOUS).otherwise(UNRESOLVED));
  }

  /** Exact product at scale 18; null when an input is null or the value needs over 38 digits. */
  static BigDecimal expectedValue(BigDecimal faceValue, BigDecimal winProb, Integer tickets) {
    if (faceValue == null || winProb == null || tickets == null) {
      return null;
    }
    BigDecimal value =
        faceValue
            .multiply(winProb)
            .multiply(BigDecimal.valueOf(tickets))
            // Exact: face has scale 0 and win_prob scale <= 18, so no digit is dropped.
            .setScale(JobTables.EXPECTED_VALUE_SCALE, RoundingMode.UNNECESSARY);
    return value.precision() > MAX_PRECISION ? null : value;
  }

  private PaymentLinks() {}
}
