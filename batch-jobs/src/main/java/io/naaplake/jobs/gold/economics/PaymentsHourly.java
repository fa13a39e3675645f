package io.naaplake.jobs.gold.economics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.capability.CapabilityCatalog;
import io.naaplake.jobs.silver.session.ObservedHints;
import io.naaplake.schema.GoldEconomicsTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.payment_links to gold.payments_hourly: ticket batches per UTC hour, org, gateway, sender,
 * recipient orchestrator, pipeline and model, summed exactly in wei (GoldEconomicsTables).
 *
 * <p>Pipeline and model of a payment, from the first source that names a model or pipeline:
 *
 * <ol>
 *   <li>the manifest: a manifest_id {@code <capability id>_<model>} gives the model
 *       (payment_links.model_hint) and the capability's pipeline (35 is live-video-to-video; an
 *       unknown id falls back to the pipeline the model implies, as for live events);
 *   <li>the linked session (link_status resolved): its canonical_pipeline and canonical_model;
 *   <li>the recipient's only offer: when the announcements of the recipient address (any org, any
 *       surface) within {@code offerWindow} before or after the payment offer exactly one distinct
 *       (pipeline, model), that pair;
 *   <li>else both unknown: null (no evidence).
 * </ol>
 *
 * The manifest and session ids are never join keys: the manifest is read, not joined.
 */
public final class PaymentsHourly {
  static final String FROM_MANIFEST = "manifest";
  static final String FROM_SESSION = "session";
  static final String FROM_OFFER = "offer";

  private static final String RESOLVED = "resolved";

  private PaymentsHourly() {}

  /**
   * Hourly payment rows.
   *
   * @param paymentLinks silver.payment_links rows of the hours to recompute (every payment of each
   *     recomputed (org, hour): a row is replaced whole); rows without event_ts have no hour and
   *     are left out
   * @param sessions silver.sessions rows of (at least) the sessions the payments link to; only
   *     session_key, canonical_pipeline and canonical_model are read
   * @param offers silver.capability_offers rows of announcements within {@code offerWindow} of
   *     those hours (any org); only orch_address, snapshot_ts, pipeline and model_id are read
   * @param offerWindow how far from a payment an announcement of its recipient counts (the
   *     attribution fresh window, 30 min by default, is a good value: orchestrators re-announce
   *     every 25 min)
   * @param settledBefore the run's settlement time: hours ending at or before it are settled
   */
  public static Dataset<Row> compute(
      Dataset<Row> paymentLinks,
      Dataset<Row> sessions,
      Dataset<Row> offers,
      Duration offerWindow,
      Instant settledBefore) {
    Dataset<Row> payments =
        paymentLinks
            .where(col("event_ts").isNotNull())
            .select(
                col("org"),
                col("event_id"),
                col("event_ts"),
                col("gateway"),
                col("sender"),
                col("recipient").as("orchestrator_address"),
                col("link_status"),
                col("linked_session_key"),
                col("face_value_wei"),
                col("win_prob"),
                col("num_tickets"),
                col("price_wei_per_pixel"),
                manifestPipeline().as("manifest_pipeline"),
                col("model_hint").as("manifest_model"));
    Dataset<Row> withSession =
        payments
            .join(
                sessions
                    .select(
                        col("session_key").as("s_key"),
                        col("canonical_pipeline").as("session_pipeline"),
                        col("canonical_model").as("session_model"))
                    // silver.sessions is keyed by session_key (it starts with the org)
                    .dropDuplicates("s_key"),
                col("link_status")
                    .equalTo(RESOLVED)
                    .and(col("linked_session_key").equalTo(col("s_key"))),
                "left")
            .drop("s_key");
    Column fromManifest = col("manifest_model").isNotNull();
    Column fromSession = col("session_pipeline").isNotNull().or(col("session_model").isNotNull());
    Dataset<Row> needOffer = withSession.where(fromManifest.or(fromSession).unary_$bang());
    Dataset<Row> onlyOffers = onlyOffers(needOffer, offers, offerWindow);
    Dataset<Row> sourced =
        withSession
            .join(
                onlyOffers,
                col("org").equalTo(col("oo_org")).and(col("event_id").equalTo(col("oo_event_id"))),
                "left")
            .withColumn(
                "model_source",
                when(fromManifest, FROM_MANIFEST)
                    .when(fromSession, FROM_SESSION)
                    .when(col("oo_pipeline").isNotNull(), FROM_OFFER))
            .withColumn(
                "pipeline",
                when(fromManifest, col("manifest_pipeline"))
                    .when(fromSession, col("session_pipeline"))
                    .otherwise(col("oo_pipeline")))
            .withColumn(
                "model_id",
                when(fromManifest, col("manifest_model"))
                    .when(fromSession, col("session_model"))
                    .otherwise(col("oo_model")));
    Dataset<Row> hourly =
        sourced
            .withColumn("window_start", GoldWindows.hourOf(col("event_ts")))
            .withColumn("tickets", col("num_tickets").cast("bigint"))
            .withColumn("ticket_face_value", col("face_value_wei").multiply(col("num_tickets")))
            .withColumn(
                "ticket_expected_value",
                WeiMath.EXPECTED_VALUE.apply(
                    col("face_value_wei"), col("win_prob"), col("num_tickets")))
            .withColumn("priced", when(col("price_wei_per_pixel").isNotNull(), col("tickets")))
            .withColumn(
                "price_times_tickets",
                WeiMath.TIMES_TICKETS.apply(col("price_wei_per_pixel"), col("num_tickets")))
            .groupBy(
                col("window_start"),
                col("org"),
                key("gateway"),
                key("sender"),
                col("orchestrator_address"),
                key("pipeline"),
                key("model_id"))
            .agg(
                count(lit(1)).as("payment_events"),
                zero(sum("tickets")).as("tickets"),
                zero(sum("ticket_face_value")).as("face_value_wei"),
                zero(sum("ticket_expected_value")).as("expected_value_wei"),
                zero(sum("priced")).as("priced_tickets"),
                zero(sum("price_times_tickets")).as("price_ticket_weighted_sum"),
                count(when(col("link_status").equalTo(RESOLVED), lit(1))).as("linked_events"),
                count_distinct(col("linked_session_key")).as("linked_sessions"),
                count(when(col("model_source").equalTo(FROM_MANIFEST), lit(1)))
                    .as("manifest_model_events"),
                count(when(col("model_source").equalTo(FROM_SESSION), lit(1)))
                    .as("session_model_events"),
                count(when(col("model_source").equalTo(FROM_OFFER), lit(1)))
                    .as("offer_model_events"))
            .withColumn(
                "price_wei_per_pixel",
                WeiMath.RATIO.apply(col("price_ticket_weighted_sum"), col("priced_tickets")))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(hourly, GoldEconomicsTables.PAYMENTS_HOURLY);
  }

  /**
   * Pipeline of the manifest's capability id ({@code 35_model} is live-video-to-video); for an id
   * the catalog does not know, the pipeline the model implies (streamdiffusion models are
   * live-video-to-video); null for an opaque manifest.
   */
  private static Column manifestPipeline() {
    String byId =
        CapabilityCatalog.PIPELINES.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + ", '" + e.getValue() + "'")
            .collect(Collectors.joining(", ", "map(", ")"));
    Column catalog =
        expr(
            "try_element_at("
                + byId
                + ", try_cast(regexp_extract(manifest_id, '^([0-9]+)_.+$', 1) as int))");
    return when(
        col("model_hint").isNotNull(),
        coalesce(catalog, ObservedHints.pipeline(lit(null).cast("string"), col("model_hint"))));
  }

  /** Per payment: the (pipeline, model) of the recipient's offers nearby, when only one. */
  private static Dataset<Row> onlyOffers(
      Dataset<Row> payments, Dataset<Row> offers, Duration offerWindow) {
    long windowMicros = offerWindow.toNanos() / 1_000;
    Dataset<Row> nearby =
        payments
            .select(
                col("org").as("oo_org"),
                col("event_id").as("oo_event_id"),
                col("event_ts").as("oo_ts"),
                col("orchestrator_address").as("oo_address"))
            .join(
                offers
                    .where(col("snapshot_ts").isNotNull())
                    .select(
                        col("orch_address").as("o_address"),
                        col("snapshot_ts").as("o_ts"),
                        col("pipeline").as("o_pipeline"),
                        col("model_id").as("o_model")),
                col("oo_address")
                    .equalTo(col("o_address"))
                    .and(
                        abs(unix_micros(col("o_ts")).minus(unix_micros(col("oo_ts"))))
                            .leq(windowMicros)));
    return nearby
        .groupBy("oo_org", "oo_event_id")
        .agg(
            count_distinct(col("o_pipeline"), col("o_model")).as("offer_pairs"),
            min("o_pipeline").as("oo_pipeline"),
            min("o_model").as("oo_model"))
        .where(col("offer_pairs").equalTo(1))
        .drop("offer_pairs");
  }

  /** A dimension as a key column: null when unknown (no evidence). */
  private static Column key(String dimension) {
    return col(dimension).as(dimension);
  }

  /** A sum that is 0, not null, over rows that all lack the value. */
  private static Column zero(Column sum) {
    return coalesce(sum, lit(0));
  }
}
