package io.naaplake.jobs.silver.attribution;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.SilverWindows;
import io.naaplake.schema.AttributionColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which orchestrator served a selection (reference §2.8, with this project's windows): a pure
 * transform from selections plus announcement evidence to the attribution columns.
 *
 * <p>Input selections need {@code org}, {@code selection_key} (unique), {@code selection_ts},
 * {@code observed_url}, {@code observed_address}, {@code pipeline_hint} and {@code model_hint};
 * every input column is passed through and the {@link AttributionColumns} are appended (replacing
 * any of the same name).
 *
 * <ol>
 *   <li>Candidates: announcements of the same org whose URI equals the observed URL (identity
 *       priority 0); only without a URL, those whose canonical address (1) or hot-wallet address
 *       (2) equals the observed address. Only the best priority present is kept.
 *   <li>Freshness, from the announcement closest to the selection on each orchestrator surface
 *       (address, URI): at or up to {@code freshWindow} before it is {@code matched}; up to {@code
 *       futureSkew} after it is {@code future_skew}; older, up to {@code staleLookback}, is {@code
 *       stale}. The best class present wins.
 *   <li>Compatibility: offers of the kept announcements are scored by how many of the selection's
 *       hints (pipeline, model) they match; when any offer matches, only the best-scoring offers
 *       stay.
 *   <li>More than one surface left is {@code ambiguous}: no orchestrator is named. One surface
 *       names it; its GPUs for the matched pipeline and model decide the GPU: exactly one physical
 *       GPU is named, several leave it blank, none is {@code hardware_less}.
 * </ol>
 *
 * Evidence is never invented: every status but resolved says what was missing.
 */
public final class Attribution {
  public static final String SELECTION_KEY = "selection_key";

  private Attribution() {}

  public static Dataset<Row> attribute(
      Dataset<Row> selections, AttributionEvidence evidence, SilverWindows windows) {
    Dataset<Row> wanted =
        selections.select(
            col("org").as("a_org"),
            col(SELECTION_KEY).as("a_key"),
            col("selection_ts").as("a_ts"),
            col("observed_url").as("a_url"),
            col("observed_address").as("a_address"),
            lower(col("pipeline_hint")).as("a_pipeline_hint"),
            lower(col("model_hint")).as("a_model_hint"));
    Dataset<Row> snapshots = snapshots(evidence.snapshots());
    Dataset<Row> decided =
        decide(compatibleOffers(best(candidates(wanted, snapshots, windows)), evidence.offers()));
    Dataset<Row> withGpu = gpus(decided, evidence.hardware(), evidence.uuidMap());
    Dataset<Row> addressOnly = addressMatchPresent(wanted, snapshots, windows);
    Dataset<Row> outcome =
        wanted
            .select("a_key", "a_url", "a_address")
            .join(withGpu, col("a_key").equalTo(col("d_key")), "left")
            .join(addressOnly, col("a_key").equalTo(col("m_key")), "left");
    Dataset<Row> attribution = outcome.select(attributionColumns());
    List<Column> passThrough = new ArrayList<>();
    for (String name : selections.columns()) {
      if (!isAttributionColumn(name)) {
        passThrough.add(col("s." + name));
      }
    }
    for (io.naaplake.schema.Column column : AttributionColumns.COLUMNS) {
      passThrough.add(col("r." + column.name()));
    }
    return selections
        .as("s")
        .join(attribution.as("r"), col("s." + SELECTION_KEY).equalTo(col("r.r_key")), "left")
        .select(passThrough.toArray(new Column[0]));
  }

  private static boolean isAttributionColumn(String name) {
    return AttributionColumns.COLUMNS.stream().anyMatch(c -> c.name().equals(name));
  }

  private static Dataset<Row> snapshots(Dataset<Row> snapshots) {
    return snapshots.select(
        col("org").as("s_org"),
        col("event_id").as("s_event_id"),
        col("element_index").as("s_element"),
        col("snapshot_ts").as("s_ts"),
        col("orch_address").as("s_address"),
        col("local_address").as("s_local"),
        col("orch_uri").as("s_uri"));
  }

  /** Announcements of the observed identity within the look-back and skew windows. */
  private static Dataset<Row> candidates(
      Dataset<Row> wanted, Dataset<Row> snapshots, SilverWindows windows) {
    Dataset<Row> byUri =
        wanted
            .where(col("a_url").isNotNull())
            .join(
                snapshots,
                col("a_org").equalTo(col("s_org")).and(col("a_url").equalTo(col("s_uri"))))
            .withColumn("priority", lit(0));
    Dataset<Row> addressOnly =
        wanted.where(col("a_url").isNull().and(col("a_address").isNotNull()));
    Dataset<Row> byAddress =
        addressOnly
            .join(
                snapshots,
                col("a_org").equalTo(col("s_org")).and(col("a_address").equalTo(col("s_address"))))
            .withColumn("priority", lit(1));
    Dataset<Row> byAlias =
        addressOnly
            .join(
                snapshots,
                col("a_org").equalTo(col("s_org")).and(col("a_address").equalTo(col("s_local"))))
            .withColumn("priority", lit(2));
    return withinWindows(byUri.unionByName(byAddress).unionByName(byAlias), windows);
  }

  private static Dataset<Row> withinWindows(Dataset<Row> pairs, SilverWindows windows) {
    Column deltaMs = expr("unix_millis(s_ts) - unix_millis(a_ts)");
    return pairs
        .withColumn("delta_ms", deltaMs)
        .where(
            col("delta_ms")
                .between(-windows.staleLookback().toMillis(), windows.futureSkew().toMillis()))
        .withColumn(
            "freshness",
            when(col("delta_ms").gt(0), 1)
                .when(col("delta_ms").geq(-windows.freshWindow().toMillis()), 0)
                .otherwise(2));
  }

  /** Best identity priority, then best freshness class, then the closest announcement. */
  private static Dataset<Row> best(Dataset<Row> candidates) {
    WindowSpec perSelection = Window.partitionBy("a_key");
    WindowSpec perSurface =
        Window.partitionBy("a_key", "s_address", "s_uri")
            .orderBy(abs(col("delta_ms")), col("s_event_id"), col("s_element"));
    return candidates
        .withColumn("best_priority", min("priority").over(perSelection))
        .where(col("priority").equalTo(col("best_priority")))
        .withColumn("best_freshness", min("freshness").over(perSelection))
        .where(col("freshness").equalTo(col("best_freshness")))
        .withColumn("surface_rank", row_number().over(perSurface))
        .where(col("surface_rank").equalTo(1));
  }

  /** Keeps the offers that agree best with the selection's hints (all when none agrees). */
  private static Dataset<Row> compatibleOffers(Dataset<Row> best, Dataset<Row> offers) {
    Dataset<Row> offered =
        offers.select(
            col("org").as("o_org"),
            col("event_id").as("o_event_id"),
            col("element_index").as("o_element"),
            col("pipeline").as("o_pipeline"),
            col("model_id").as("o_model"));
    Column agreement =
        hint(col("a_pipeline_hint"), col("o_pipeline"), col("o_model"))
            .plus(hint(col("a_model_hint"), col("o_pipeline"), col("o_model")));
    return best.join(
            offered,
            col("s_org")
                .equalTo(col("o_org"))
                .and(col("s_event_id").equalTo(col("o_event_id")))
                .and(col("s_element").equalTo(col("o_element"))),
            "left")
        .withColumn("agreement", agreement)
        .withColumn("best_agreement", max("agreement").over(Window.partitionBy("a_key")))
        .where(col("agreement").equalTo(col("best_agreement")));
  }

  /** 1 when the hint names the offer's pipeline or model (case-insensitive), else 0. */
  private static Column hint(Column hint, Column pipeline, Column model) {
    return when(
            hint.isNotNull()
                .and(
                    coalesce(lower(pipeline).equalTo(hint), lit(false))
                        .or(coalesce(lower(model).equalTo(hint), lit(false)))),
            1)
        .otherwise(0);
  }

  /** One row per selection with candidates: how many surfaces remain and, if one, which. */
  private static Dataset<Row> decide(Dataset<Row> offered) {
    Column surface =
        concat_ws("|", coalesce(col("s_address"), lit("")), coalesce(col("s_uri"), lit("")));
    return offered
        .groupBy(col("a_key").as("d_key"))
        .agg(
            countDistinct(surface).as("surfaces"),
            min("freshness").as("freshness"),
            min("s_org").as("d_org"),
            min("s_address").as("d_address"),
            min("s_uri").as("d_uri"),
            min("s_event_id").as("d_event_id"),
            min("s_element").as("d_element"),
            min("s_ts").as("d_ts"),
            unique("o_pipeline").as("d_pipeline"),
            unique("o_model").as("d_model"));
  }

  /** The value when all non-null values agree, else null. */
  private static Column unique(String column) {
    return when(countDistinct(col(column)).equalTo(1), min(column));
  }

  /** GPUs of the decided announcement for the matched pipeline and model. */
  private static Dataset<Row> gpus(Dataset<Row> decided, Dataset<Row> hardware, Dataset<Row> map) {
    Dataset<Row> gpus =
        hardware
            .select(
                col("org").as("h_org"),
                col("event_id").as("h_event_id"),
                col("element_index").as("h_element"),
                col("pipeline").as("h_pipeline"),
                col("model_id").as("h_model"),
                col("gpu_uuid").as("h_uuid"),
                col("gpu_name").as("h_name"))
            .where(col("h_uuid").isNotNull());
    Dataset<Row> physical =
        map.select(
            col("orch_address").as("p_address"),
            col("orch_uri").as("p_uri"),
            col("gpu_uuid").as("p_uuid"),
            col("physical_gpu_id").as("p_physical"));
    Column sameAnnouncement =
        col("d_org")
            .equalTo(col("h_org"))
            .and(col("d_event_id").equalTo(col("h_event_id")))
            .and(col("d_element").equalTo(col("h_element")))
            .and(col("d_pipeline").isNull().or(col("d_pipeline").equalTo(col("h_pipeline"))))
            .and(col("d_model").isNull().or(col("d_model").equalTo(col("h_model"))));
    Dataset<Row> matched =
        decided
            .where(col("surfaces").equalTo(1))
            .join(gpus, sameAnnouncement)
            .join(
                physical,
                col("d_address")
                    .eqNullSafe(col("p_address"))
                    // surface-keyed tables write a missing URI as ''
                    .and(coalesce(col("d_uri"), lit("")).equalTo(col("p_uri")))
                    .and(col("h_uuid").equalTo(col("p_uuid"))),
                "left")
            .withColumn("g_physical", coalesce(col("p_physical"), col("h_uuid")))
            .groupBy(col("d_key").as("g_key"))
            .agg(
                countDistinct(col("g_physical")).as("gpu_count"),
                min("h_uuid").as("g_uuid"),
                min("g_physical").as("g_physical"),
                unique("h_name").as("g_name"));
    return decided.join(matched, col("d_key").equalTo(col("g_key")), "left");
  }

  /** Selections with a URL but no URI announcement: is the address announced at all? */
  private static Dataset<Row> addressMatchPresent(
      Dataset<Row> wanted, Dataset<Row> snapshots, SilverWindows windows) {
    Dataset<Row> withUrl = wanted.where(col("a_url").isNotNull().and(col("a_address").isNotNull()));
    Dataset<Row> pairs =
        withUrl.join(
            snapshots,
            col("a_org")
                .equalTo(col("s_org"))
                .and(
                    col("a_address")
                        .equalTo(col("s_address"))
                        .or(col("a_address").equalTo(col("s_local")))));
    return withinWindows(pairs, windows)
        .select(col("a_key").as("m_key"))
        .distinct()
        .withColumn("address_match_present", lit(true));
  }

  private static Column[] attributionColumns() {
    Column observed = col("a_url").isNotNull().or(col("a_address").isNotNull());
    Column found = col("surfaces").isNotNull();
    Column single = col("surfaces").equalTo(1);
    Column gpuCount = coalesce(col("gpu_count"), lit(0L));
    Column status =
        when(observed.unary_$bang(), "no_selection")
            .when(found.unary_$bang(), "unresolved")
            .when(single.unary_$bang(), "ambiguous")
            .when(col("freshness").equalTo(2), "stale")
            .when(gpuCount.equalTo(0), "hardware_less")
            .otherwise("resolved");
    Column reason =
        when(observed.unary_$bang(), "no_observed_orchestrator")
            .when(
                found.unary_$bang(),
                when(
                        coalesce(col("address_match_present"), lit(false)),
                        "missing_uri_snapshot_address_match_present")
                    .otherwise("missing_candidate"))
            .when(single.unary_$bang(), "ambiguous_candidates")
            .when(col("freshness").equalTo(2), "stale_candidate")
            .when(gpuCount.equalTo(0), "matched_without_hardware")
            .when(col("freshness").equalTo(1), "future_skew")
            .otherwise("matched");
    Column named = found.and(single);
    Column oneGpu = named.and(gpuCount.equalTo(1));
    return new Column[] {
      col("a_key").as("r_key"),
      status.as("attribution_status"),
      reason.as("attribution_reason"),
      when(named, col("d_address")).as("attributed_orch_address"),
      when(named, col("d_uri")).as("attributed_orch_uri"),
      when(oneGpu, col("g_uuid")).as("attributed_gpu_id"),
      when(oneGpu, col("g_physical")).as("attributed_physical_gpu_id"),
      when(oneGpu, col("g_name")).as("attributed_gpu_name"),
      when(named, col("d_pipeline")).as("attributed_pipeline"),
      when(named, col("d_model")).as("attributed_model_id"),
      when(named, col("d_event_id")).as("snapshot_event_id"),
      when(named, col("d_ts")).cast(DataTypes.TimestampType).as("snapshot_ts")
    };
  }
}
