package io.naaplake.schema;

import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * The attribution columns (reference §2.8) every selection-bearing silver table carries: session
 * selections, AI-batch jobs, LLM requests and BYOC jobs. Declared once here so the attribution
 * transform fills the same columns everywhere.
 *
 * <p>Statuses: {@code resolved} (one orchestrator surface; {@code gpu_id} set when exactly one
 * physical GPU serves the matched model there), {@code hardware_less} (matched a snapshot without
 * GPUs for the model), {@code stale} (only announcements older than the freshness window), {@code
 * ambiguous} (several orchestrators fit), {@code unresolved} (no evidence), {@code no_selection}
 * (nothing to attribute: no orchestrator was observed).
 */
public final class AttributionColumns {

  public static final List<Column> COLUMNS =
      List.of(
          Column.required(
              "attribution_status",
              string(),
              "resolved, hardware_less, stale, ambiguous, unresolved or no_selection."),
          Column.required(
              "attribution_reason",
              string(),
              "Why: matched, matched_prior, future_skew, matched_without_hardware, stale_candidate,"
                  + " ambiguous_candidates, missing_candidate, missing_uri_snapshot_address_match"
                  + "_present, no_observed_orchestrator."),
          Column.optional(
              "attributed_orch_address",
              string(),
              "Canonical (on-chain, lower-case) address of the orchestrator that served; null"
                  + " unless resolved, hardware_less or stale."),
          Column.optional(
              "attributed_orch_uri", string(), "Service URI of the matched snapshot, normalised."),
          Column.optional(
              "attributed_gpu_id",
              string(),
              "NVML UUID of the GPU when exactly one GPU serves the matched pipeline and model on"
                  + " that orchestrator; null when several could have (never guessed)."),
          Column.optional(
              "attributed_physical_gpu_id",
              string(),
              "Physical-GPU fingerprint of attributed_gpu_id (silver.physical_gpus)."),
          Column.optional("attributed_gpu_name", string(), "GPU model name, e.g. RTX 5090."),
          Column.optional(
              "attributed_pipeline", string(), "Canonical pipeline of the matched offer."),
          Column.optional("attributed_model_id", string(), "Model id of the matched offer."),
          Column.optional(
              "snapshot_event_id",
              string(),
              "network_capabilities event id of the announcement used as evidence."),
          Column.optional(
              "snapshot_ts", timestamp(), "Time of that announcement (envelope timestamp)."));

  private AttributionColumns() {}
}
