package io.naaplake.jobs.gold.supply;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldSupplyTables;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * silver capability inventory and live sessions to gold.gpu_supply_hourly: per (UTC hour, GPU model
 * name, pipeline, model), the GPUs announced (reported UUIDs and physical GPUs), the orchestrators
 * announcing them, the capacity they advertise and use, the sessions streaming on them, and the
 * GPUs left.
 *
 * <p>Three sources, each aggregated on its own and then combined per key (a key absent from a
 * source gets 0 of its counts and null of its gauges; an unknown dimension is null):
 *
 * <ul>
 *   <li>GPUs: silver.gpu_hardware sightings in the hour, each GPU under its own name;
 *   <li>offers: silver.capability_offers in the hour. For orchestrators, an offer counts under the
 *       name of each of its GPUs, or unknown (null) without GPUs (or with an unnamed one); for
 *       capacity, the latest announcement of each orchestrator surface in the hour counts once,
 *       under its GPUs' name when they all share one, else unknown;
 *   <li>streams: silver.session_hours in the hour (terminal-tail hours excluded) whose selections
 *       in effect during the hour (silver.session_selections: the latest one before the hour and
 *       any within it) name the GPU model (attributed_gpu_name; unknown when attribution named no
 *       single GPU), pipeline and model (attributed, else the selection's hints).
 * </ul>
 */
public final class GpuSupplyHourly {
  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  private static final List<String> KEY =
      List.of("window_start", "gpu_model_name", "pipeline", "model_id");
  private static final List<String> ANNOUNCEMENT = List.of("org", "event_id", "element_index");

  private GpuSupplyHourly() {}

  /**
   * Hourly GPU supply.
   *
   * @param hardware silver.gpu_hardware rows of the hours to recompute (by snapshot_ts, every org)
   * @param uuidMap silver.gpu_uuid_map rows of the orchestrator surfaces in {@code hardware}
   * @param offers silver.capability_offers rows of the same hours
   * @param sessionHours silver.session_hours rows of the same hours
   * @param selections silver.session_selections of the sessions in {@code sessionHours}, every
   *     selection of each (the one in effect at an hour's start may be older than the hour)
   * @param settledBefore the run's settlement time: hours ending at or before it are settled
   */
  public static Dataset<Row> compute(
      Dataset<Row> hardware,
      Dataset<Row> uuidMap,
      Dataset<Row> offers,
      Dataset<Row> sessionHours,
      Dataset<Row> selections,
      Instant settledBefore) {
    Dataset<Row> sightings =
        Sightings.withPhysicalGpu(hardware, uuidMap)
            .withColumn("window_start", GoldWindows.hourOf(col("snapshot_ts")));
    Dataset<Row> combined =
        gpus(sightings)
            .unionByName(orchestrators(sightings, offers), true)
            .unionByName(capacity(sightings, offers), true)
            .unionByName(streams(sessionHours, selections), true)
            // An unknown GPU model, pipeline or model stays null: its own group.
            .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                coalesce(max("reported_gpu_uuids"), lit(0L)).as("reported_gpu_uuids"),
                coalesce(max("physical_gpus"), lit(0L)).as("physical_gpus"),
                coalesce(max("orchestrators"), lit(0L)).as("orchestrators"),
                max("advertised_capacity").as("advertised_capacity"),
                max("capacity_in_use").as("capacity_in_use"),
                coalesce(max("active_streams"), lit(0L)).as("active_streams"))
            .withColumn(
                "available_capacity",
                when(
                    col("gpu_model_name").isNotNull(),
                    col("physical_gpus").minus(col("active_streams"))))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(combined, GoldSupplyTables.GPU_SUPPLY_HOURLY);
  }

  /** Reported UUIDs and physical GPUs per key; a UUID without a map row is its own GPU. */
  private static Dataset<Row> gpus(Dataset<Row> sightings) {
    Column physical =
        coalesce(
            col("physical_gpu_id"),
            concat_ws("|", lit("uuid"), col("orch_address"), col("gpu_uuid")));
    return sightings
        .withColumn("gpu_model_name", col("gpu_name"))
        .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            count_distinct(col("orch_address"), col("gpu_uuid")).as("reported_gpu_uuids"),
            count_distinct(physical).as("physical_gpus"));
  }

  /** Orchestrators announcing each key: under each GPU name of the offer, or unknown. */
  private static Dataset<Row> orchestrators(Dataset<Row> sightings, Dataset<Row> offers) {
    Dataset<Row> names =
        sightings
            .select(
                col("org").as("n_org"),
                col("event_id").as("n_event_id"),
                col("element_index").as("n_element_index"),
                col("pipeline").as("n_pipeline"),
                col("model_id").as("n_model_id"),
                col("gpu_name").as("gpu_model_name"))
            .distinct();
    return placedOffers(offers)
        .join(names, sameOffer("n_"), "left")
        .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(count_distinct(col("orch_address")).as("orchestrators"));
  }

  /**
   * Advertised and in-use capacity: the latest announcement per orchestrator surface in the hour,
   * each offer under its GPUs' one name (unknown for none, several or an unnamed GPU).
   */
  private static Dataset<Row> capacity(Dataset<Row> sightings, Dataset<Row> offers) {
    Dataset<Row> offerNames =
        sightings
            .groupBy(
                col("org").as("n_org"),
                col("event_id").as("n_event_id"),
                col("element_index").as("n_element_index"),
                col("pipeline").as("n_pipeline"),
                col("model_id").as("n_model_id"))
            .agg(
                count(lit(1)).as("n_gpus"),
                count(col("gpu_name")).as("n_named"),
                count_distinct(col("gpu_name")).as("n_names"),
                min("gpu_name").as("n_name"));
    Dataset<Row> placed = placedOffers(offers);
    Dataset<Row> latestAnnouncements =
        placed
            .select(
                col("window_start"),
                col("orch_address"),
                coalesce(col("orch_uri"), lit("")).as("surface_uri"),
                col("snapshot_ts"),
                col("org"),
                col("event_id"),
                col("element_index"))
            .distinct()
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("window_start", "orch_address", "surface_uri")
                            .orderBy(
                                col("snapshot_ts").desc(),
                                col("org").desc(),
                                col("event_id").desc(),
                                col("element_index").desc())))
            .where(col("rank").equalTo(1))
            .select(
                col("org").as("l_org"),
                col("event_id").as("l_event_id"),
                col("element_index").as("l_element_index"));
    Column sameAnnouncement = lit(true);
    for (String column : ANNOUNCEMENT) {
      sameAnnouncement = sameAnnouncement.and(col(column).equalTo(col("l_" + column)));
    }
    Column oneName = col("n_names").equalTo(1).and(col("n_named").equalTo(col("n_gpus")));
    return placed
        .join(latestAnnouncements, sameAnnouncement)
        .join(offerNames, sameOffer("n_"), "left")
        .withColumn("gpu_model_name", when(oneName, col("n_name")))
        .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            sum(col("capacity").cast("bigint")).as("advertised_capacity"),
            sum(col("capacity_in_use").cast("bigint")).as("capacity_in_use"));
  }

  /**
   * Distinct sessions streaming per key: each session hour joined to the selections in effect
   * during it (from selection_ts to the next selection's, open for the last one).
   */
  private static Dataset<Row> streams(Dataset<Row> sessionHours, Dataset<Row> selections) {
    Dataset<Row> spans =
        selections
            .select(
                col("org").as("x_org"),
                col("session_key").as("x_session_key"),
                col("selection_seq"),
                col("selection_ts"),
                col("attributed_gpu_name"),
                coalesce(col("attributed_pipeline"), col("pipeline_hint")).as("x_pipeline"),
                coalesce(col("attributed_model_id"), col("model_hint")).as("x_model_id"))
            .withColumn(
                "next_selection_ts",
                lead("selection_ts", 1)
                    .over(Window.partitionBy("x_org", "x_session_key").orderBy("selection_seq")));
    Column hourStart = unix_micros(col("hour"));
    Column inEffect =
        col("org")
            .equalTo(col("x_org"))
            .and(col("session_key").equalTo(col("x_session_key")))
            .and(unix_micros(col("selection_ts")).lt(hourStart.plus(MICROS_PER_HOUR)))
            .and(
                col("next_selection_ts")
                    .isNull()
                    .or(unix_micros(col("next_selection_ts")).gt(hourStart)));
    return sessionHours
        .where(col("terminal_tail").unary_$bang())
        .select(col("org"), col("session_key"), col("hour"))
        .join(spans, inEffect)
        .select(
            col("hour").as("window_start"),
            col("attributed_gpu_name").as("gpu_model_name"),
            col("x_pipeline").as("pipeline"),
            col("x_model_id").as("model_id"),
            col("session_key"))
        .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(count_distinct(col("session_key")).as("active_streams"));
  }

  /** Offers that have a snapshot_ts, with their hour. */
  private static Dataset<Row> placedOffers(Dataset<Row> offers) {
    return offers
        .where(col("snapshot_ts").isNotNull())
        .withColumn("window_start", GoldWindows.hourOf(col("snapshot_ts")));
  }

  /** The offer's announcement, pipeline and model equal the prefixed columns. */
  private static Column sameOffer(String prefix) {
    Column condition = lit(true);
    for (String column : List.of("org", "event_id", "element_index", "pipeline", "model_id")) {
      condition = condition.and(col(column).equalTo(col(prefix + column)));
    }
    return condition;
  }
}
