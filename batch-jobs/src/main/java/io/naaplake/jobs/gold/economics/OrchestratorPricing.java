package io.naaplake.jobs.gold.economics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.capability.CapabilityCatalog;
import io.naaplake.schema.GoldEconomicsTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * silver.capability_prices (effective quotes) and silver.capability_offers to
 * gold.orchestrator_pricing: the latest quote of each day per (orchestrator, pipeline or BYOC
 * capability, model). Which quote prices an offer follows silver's is_effective rule: a builtin
 * capability quote covers its pipeline and model, a BYOC (37) quote its capability; the global
 * quote covers the offers no capability quote covers. Rows:
 *
 * <ul>
 *   <li>each offer of an announcement, priced by the capability quote covering it (the first
 *       listed, should two), else by the announcement's global quote; an offer with neither has no
 *       price and no row;
 *   <li>each capability quote covering no offer of its announcement (model null for BYOC);
 *   <li>the global quote of an announcement without offers (pipeline and model null).
 * </ul>
 *
 * Then, per (UTC date of snapshot_ts, orchestrator, pipeline, model), the latest row wins.
 */
public final class OrchestratorPricing {
  static final String CAPABILITY = "capability";
  static final String GLOBAL = "global";

  private static final List<String> ANNOUNCEMENT = List.of("org", "event_id", "element_index");

  private OrchestratorPricing() {}

  /**
   * Daily latest quotes.
   *
   * @param prices silver.capability_prices rows of the days to recompute (every announcement of
   *     each day: the latest of the day is picked here); rows without snapshot_ts are left out
   * @param offers silver.capability_offers rows of the same announcements
   * @param settledBefore the run's settlement time: days ending at or before it are settled
   */
  public static Dataset<Row> compute(
      Dataset<Row> prices, Dataset<Row> offers, Instant settledBefore) {
    Dataset<Row> quotes = prices.where(col("is_effective").and(col("snapshot_ts").isNotNull()));
    Dataset<Row> capability = prefixed(quotes.where(col("price_source").equalTo(CAPABILITY)), "c_");
    Dataset<Row> global = prefixed(quotes.where(col("price_source").equalTo(GLOBAL)), "g_");
    Dataset<Row> offered =
        prefixed(
            offers
                .where(col("snapshot_ts").isNotNull())
                .withColumn("warm", col("hardware_present").or(coalesce(col("warm"), lit(false)))),
            "o_");

    Column covers =
        col("c_pipeline")
            .equalTo(col("o_pipeline"))
            .and(
                col("o_capability_id")
                    .equalTo(CapabilityCatalog.BYOC)
                    .and(col("c_capability_id").equalTo(CapabilityCatalog.BYOC))
                    .or(col("c_model_id").equalTo(col("o_model_id"))));
    Dataset<Row> covering =
        offered
            .join(capability, sameAnnouncement("o_", "c_").and(covers))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy(
                                col("o_org"),
                                col("o_event_id"),
                                col("o_element_index"),
                                col("o_pipeline"),
                                col("o_model_id"))
                            .orderBy("c_price_index")))
            .where(col("rank").equalTo(1))
            .drop("rank");

    Dataset<Row> offerRows =
        offered
            .join(
                covering.select(
                    col("o_org").as("m_org"),
                    col("o_event_id").as("m_event_id"),
                    col("o_element_index").as("m_element_index"),
                    col("o_pipeline").as("m_pipeline"),
                    col("o_model_id").as("m_model_id"),
                    col("c_capability_id").as("m_capability_id"),
                    col("c_price_wei_per_unit").as("m_price"),
                    col("c_pixels_per_unit").as("m_pixels")),
                sameAnnouncement("o_", "m_")
                    .and(col("o_pipeline").equalTo(col("m_pipeline")))
                    .and(col("o_model_id").equalTo(col("m_model_id"))),
                "left")
            .join(global, sameAnnouncement("o_", "g_"), "left");
    Column byCapability = col("m_price").isNotNull();
    Dataset<Row> priced =
        offerRows
            .where(byCapability.or(col("g_price_wei_per_unit").isNotNull()))
            .select(
                col("o_org").as("org"),
                col("o_event_id").as("event_id"),
                col("o_element_index").as("element_index"),
                col("o_snapshot_ts").as("snapshot_ts"),
                col("o_orch_address").as("orchestrator_address"),
                col("o_orch_uri").as("orch_uri"),
                col("o_pipeline").as("pipeline"),
                col("o_model_id").as("model_id"),
                coalesce(col("m_capability_id"), col("o_capability_id")).as("capability_id"),
                when(byCapability, lit(CAPABILITY)).otherwise(lit(GLOBAL)).as("price_source"),
                when(byCapability, col("m_price"))
                    .otherwise(col("g_price_wei_per_unit"))
                    .as("price_wei_per_unit"),
                when(byCapability, col("m_pixels"))
                    .otherwise(col("g_pixels_per_unit"))
                    .as("pixels_per_unit"),
                col("o_warm").as("warm"));

    Dataset<Row> unusedCapability =
        capability
            .join(
                covering.select(
                    col("c_org").as("u_org"),
                    col("c_event_id").as("u_event_id"),
                    col("c_element_index").as("u_element_index"),
                    col("c_price_index").as("u_price_index")),
                sameAnnouncement("c_", "u_")
                    .and(col("c_price_index").equalTo(col("u_price_index"))),
                "left_anti")
            .select(quoteRow("c_", col("c_pipeline"), col("c_model_id")));
    Dataset<Row> globalWithoutOffers =
        global
            .join(
                offered.select(
                    col("o_org").as("u_org"),
                    col("o_event_id").as("u_event_id"),
                    col("o_element_index").as("u_element_index")),
                sameAnnouncement("g_", "u_"),
                "left_anti")
            .select(quoteRow("g_", lit(null).cast("string"), lit(null).cast("string")));

    Dataset<Row> rows =
        priced
            .unionByName(unusedCapability)
            .unionByName(globalWithoutOffers)
            .withColumn("window_date", GoldWindows.utcDate(col("snapshot_ts")));
    Column[] key = {
      col("window_date"), col("orchestrator_address"), col("pipeline"), col("model_id")
    };
    Dataset<Row> latest =
        rows.withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy(key)
                            .orderBy(
                                col("snapshot_ts").desc(),
                                col("org").desc(),
                                col("event_id").desc(),
                                col("element_index").desc())))
            .withColumn("quote_announcements", count(lit(1)).over(Window.partitionBy(key)))
            .where(col("rank").equalTo(1))
            .withColumn("quoted_at", col("snapshot_ts"))
            .withColumn(
                "wei_per_pixel",
                WeiMath.RATIO.apply(col("price_wei_per_unit"), col("pixels_per_unit")))
            .withColumn(
                "gwei_per_megapixel",
                WeiMath.GWEI_PER_MEGAPIXEL.apply(col("price_wei_per_unit"), col("pixels_per_unit")))
            .withColumn("is_settled", GoldWindows.daySettled(col("window_date"), settledBefore));
    return Projections.of(latest, GoldEconomicsTables.ORCHESTRATOR_PRICING);
  }

  /** A quote priced without an offer: warm is unknown. */
  private static Column[] quoteRow(String prefix, Column pipeline, Column model) {
    return new Column[] {
      col(prefix + "org").as("org"),
      col(prefix + "event_id").as("event_id"),
      col(prefix + "element_index").as("element_index"),
      col(prefix + "snapshot_ts").as("snapshot_ts"),
      col(prefix + "orch_address").as("orchestrator_address"),
      col(prefix + "orch_uri").as("orch_uri"),
      pipeline.as("pipeline"),
      model.as("model_id"),
      col(prefix + "capability_id").as("capability_id"),
      col(prefix + "price_source").as("price_source"),
      col(prefix + "price_wei_per_unit").as("price_wei_per_unit"),
      col(prefix + "pixels_per_unit").as("pixels_per_unit"),
      lit(null).cast("boolean").as("warm")
    };
  }

  private static Column sameAnnouncement(String left, String right) {
    Column condition = lit(true);
    for (String column : ANNOUNCEMENT) {
      condition = condition.and(col(left + column).equalTo(col(right + column)));
    }
    return condition;
  }

  /** Every column renamed with a prefix, so joins never meet two columns of one name. */
  private static Dataset<Row> prefixed(Dataset<Row> rows, String prefix) {
    List<Column> columns = new ArrayList<>();
    for (String name : rows.columns()) {
      columns.add(col(name).as(prefix + name));
    }
    return rows.select(columns.toArray(new Column[0]));
  }
}
