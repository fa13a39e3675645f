package io.naaplake.schema;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Gold GPU supply (reference §3.5), counted in physical GPUs as well as in reported NVML UUIDs: the
 * reference counts UUIDs only, which UUID churn on rented hosts inflates. A physical GPU is the
 * silver fingerprint's ({@code silver.physical_gpus}, {@code silver.gpu_uuid_map}): the map row of
 * the sighting's surface and UUID whose first_seen..last_seen covers the announcement.
 *
 * <p><b>Observed, not assumed.</b> A GPU is supply in a window when an announcement in that window
 * lists it; gateways re-poll every 25 minutes by default, so a live orchestrator appears in every
 * hour, and one that stops announcing drops out. Announcements without a timestamp cannot be placed
 * in a window and are left out.
 *
 * <p><b>Distinct counts are not additive.</b> GPU, orchestrator and stream counts are distinct
 * counts per row: a GPU serving two models counts in both rows, and a GPU seen in two hours counts
 * in both. Recompute them from silver for longer windows or other groupings; never sum them.
 */
public final class GoldSupplyTables {

  private static final String SETTLED =
      "False while late events may still change the row: true when the window's end is at or"
          + " before the run's settlement time (run time minus the lateness horizon).";

  public static final TableDeclaration GPU_INVENTORY =
      TableDeclaration.builder(Layer.GOLD, "gpu_inventory")
          .comment(
              "One row per (UTC date, orchestrator on-chain address, reported GPU UUID) that an"
                  + " announcement of that day lists (silver.gpu_hardware, every org): the"
                  + " physical GPU it is (silver.gpu_uuid_map), its model name and memory, what it"
                  + " is offered for, and when it was seen that day. Count physical GPUs as"
                  + " distinct physical_gpu_id: after UUID churn several rows share one.")
          .required("window_date", date(), "UTC date of the announcements. Partition.")
          .required("orchestrator_address", string(), "Orchestrator on-chain address, lower-case.")
          .required("gpu_id", string(), "NVML UUID as reported (GPU-...).")
          .optional(
              "physical_gpu_id",
              string(),
              "Physical GPU of the day's latest sighting (silver.gpu_uuid_map row covering it);"
                  + " null when no map row covers it.")
          .optional(
              "orch_uri", string(), "Service URI of the surface of the day's latest sighting.")
          .optional(
              "gpu_model_name",
              string(),
              "GPU model as the latest sighting reports it, e.g. NVIDIA GeForce RTX 5090.")
          .optional(
              "memory_gib",
              decimal(10, 2),
              "Total memory in GiB (2^30 bytes) as the latest sighting reports it.")
          .required(
              "pipelines",
              arrayOf(string()),
              "Pipelines the day's announcements list this GPU for, distinct, sorted.")
          .required(
              "model_ids",
              arrayOf(string()),
              "Models the day's announcements list this GPU for, distinct, sorted.")
          .required("first_seen", timestamp(), "First announcement of the day listing it.")
          .required("last_seen", timestamp(), "Latest announcement of the day listing it.")
          .measure(
              "announcements",
              bigint(),
              "Announcements of the day listing it (an element of a network_capabilities event;"
                  + " every org).")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_date", "orchestrator_address", "gpu_id")
          .published()
          .build();

  public static final TableDeclaration GPU_SUPPLY_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "gpu_supply_hourly")
          .comment(
              "One row per (UTC hour, GPU model name, pipeline, model) with GPUs announced, offers"
                  + " announced or sessions streaming: supply in reported UUIDs and physical GPUs,"
                  + " orchestrators, advertised and in-use capacity, active streams and the"
                  + " capacity left (negative when oversubscribed). gpu_model_name is null for"
                  + " offers listing no GPU or GPUs of several models, and for streams whose"
                  + " GPU is not known. Counts are distinct counts: not additive over hours or"
                  + " rows.")
          .required("window_start", timestamp(), "Start of the UTC hour.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .optional(
              "gpu_model_name",
              string(),
              "GPU model (silver.gpu_hardware.gpu_name); null (unknown): offers without GPUs, with"
                  + " GPUs of several models or an unnamed GPU, and streams attributed to no"
                  + " single GPU.")
          .optional(
              "pipeline",
              string(),
              "Pipeline offered (or the BYOC capability); for streams the attributed pipeline,"
                  + " else the selection's pipeline hint; null when unknown.")
          .optional(
              "model_id",
              string(),
              "Model offered; for streams the attributed model, else the selection's model hint;"
                  + " null when unknown.")
          .required(
              "reported_gpu_uuids",
              bigint(),
              "Distinct (orchestrator address, GPU UUID) of this model listed for the pipeline"
                  + " and model by announcements in the hour: the reference's count. Not"
                  + " additive.")
          .required(
              "physical_gpus",
              bigint(),
              "Distinct physical GPUs behind those UUIDs (silver.gpu_uuid_map; a UUID without a"
                  + " covering map row counts as its own GPU). Fewer than reported_gpu_uuids when"
                  + " UUIDs churned within the hour. Not additive.")
          .required(
              "orchestrators",
              bigint(),
              "Distinct orchestrator addresses announcing the pipeline and model with GPUs of"
                  + " this model (for gpu_model_name null: without GPUs, or with an unnamed GPU) in"
                  + " the hour. Not additive.")
          .optional(
              "advertised_capacity",
              bigint(),
              "Σ PerCapability capacity of the offers, one announcement per orchestrator surface"
                  + " (its latest in the hour); an offer whose GPUs are of several models counts"
                  + " under gpu_model_name null. Null when no offer reports a capacity. A gauge: adds"
                  + " across rows of one hour, not across hours.")
          .optional(
              "capacity_in_use",
              bigint(),
              "Σ PerCapability capacity_in_use of the same offers; null when none reports it. A"
                  + " gauge like advertised_capacity.")
          .required(
              "active_streams",
              bigint(),
              "Distinct live sessions with status samples in the hour (silver.session_hours,"
                  + " terminal-tail hours excluded) whose selection in effect during the hour"
                  + " (silver.session_selections: the latest before the hour and any within it)"
                  + " is attributed to this GPU model, pipeline and model. A session that"
                  + " swapped counts in each row it touched. Not additive.")
          .optional(
              "available_capacity",
              bigint(),
              "physical_gpus - active_streams: GPUs offering it that no stream holds; negative"
                  + " means oversubscribed and is kept negative. Null when gpu_model_name is null"
                  + " (its GPUs are not known).")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_start", "gpu_model_name", "pipeline", "model_id")
          .published()
          .build();

  /** Every table declared here, in dependency order. */
  public static List<TableDeclaration> all() {
    return List.of(GPU_INVENTORY, GPU_SUPPLY_HOURLY);
  }

  private GoldSupplyTables() {}
}
