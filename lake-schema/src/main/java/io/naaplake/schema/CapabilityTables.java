package io.naaplake.schema;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Silver capability inventory, derived from {@code silver.network_capabilities} (one element = one
 * orchestrator as one gateway polled it): snapshots, offers, GPUs, prices, capability versions and
 * the physical-GPU fingerprint.
 *
 * <p><b>Identity.</b> Addresses are lower-cased and URIs normalised as everywhere else ({@code
 * Identity}); {@code orch_uri} is {@code data.orch_uri}, or the older {@code data.uri}. Where a URI
 * is part of a key ({@code capability_versions}, {@code physical_gpus}, {@code gpu_uuid_map}) an
 * announcement without one has {@code orch_uri = ''}, because key columns cannot be null.
 *
 * <p><b>Capability ids.</b> PerCapability keys and price capabilities map to canonical pipelines:
 * 27 text-to-image, 28 image-to-image, 29 image-to-video, 30 upscale, 31 audio-to-text, 32
 * segment-anything-2, 33 llm, 34 image-to-text, 35 live-video-to-video, 36 text-to-speech (the
 * gateway's {@code capabilities_names}), 37 byoc. A BYOC offer's pipeline is its external
 * capability name verbatim, as in the price constraint of capability 37. Hardware entries name
 * their pipeline directly; other ids (0-26 are transcoding) have no pipeline and make no offer.
 *
 * <p><b>GPU memory.</b> {@code memory_total} arrives in bytes in real data (34190917632) and as
 * MiB-like numbers in the producer's documentation (23028). A value below 2^20 is read as MiB (no
 * GPU has less than 1 MiB, and no MiB figure reaches 2^20 = 1 TiB); anything else as bytes. GiB =
 * bytes / 2^30, rounded half up to 2 places.
 *
 * <p><b>Physical GPUs.</b> NVML UUIDs churn on rented and virtualised hosts, so counting UUIDs
 * inflates supply (reference §3.5). The fingerprint runs per orchestrator surface {@code
 * (orch_address, orch_uri)}, over every org (the same host polled via two gateways is the same
 * hardware), visiting its snapshots in time order (snapshot_ts, event_id, org, element_index):
 *
 * <ol>
 *   <li>Distinct UUIDs in one snapshot are always distinct physical GPUs.
 *   <li>A UUID seen before at this surface keeps its physical GPU.
 *   <li>A UUID never seen before is matched to an existing physical GPU of this surface that no
 *       other UUID of the snapshot holds, whose current UUID is absent from the snapshot, and that
 *       has the same GPU name and the same memory (equal whole GiB after rounding, so 23.99 GiB in
 *       bytes and 24 GiB in MiB agree). New UUIDs are matched in UUID order, each to the candidate
 *       seen most recently (then the lowest physical_gpu_id). Without a candidate it is a new
 *       physical GPU. A GPU reported without a name or memory is never matched: nothing shows it is
 *       the same card.
 *   <li>If two UUIDs of one snapshot hold the same physical GPU (an earlier match proved wrong:
 *       both are present now), the GPU stays with the UUID that founded it, else with its current
 *       UUID, else with the lowest UUID; each other UUID founds a new physical GPU from then on.
 *       {@code gpu_uuid_map} then holds one row per (UUID, physical GPU) period.
 * </ol>
 *
 * <p>{@code physical_gpu_id} is {@code "pgpu-"} + the first 16 hex digits of SHA-256 of {@code
 * orch_address|orch_uri|founding UUID}: deterministic, and stable while the surface's history does
 * not change before the founding snapshot. A snapshot without an envelope timestamp cannot be
 * placed in time: it has snapshot, offer, GPU and price rows, but no version and no fingerprint.
 */
public final class CapabilityTables {

  /** One orchestrator announcement: an element of a network_capabilities event. */
  public static final TableDeclaration ORCHESTRATOR_SNAPSHOTS =
      withSnapshotIdentity(
              TableDeclaration.builder(Layer.SILVER, "orchestrator_snapshots")
                  .comment(
                      "One row per orchestrator announcement: an element with a non-blank address"
                          + " of a network_capabilities event (a response listing an address"
                          + " twice gives two rows)."))
          .optional(
              "gateway",
              string(),
              "Gateway that polled the orchestrator (envelope gateway); null when empty.")
          .optional(
              "local_address",
              string(),
              "Hot-wallet (node) address, lower-cased; what live events report as the"
                  + " orchestrator address.")
          .optional("node_version", string(), "go-livepeer version, e.g. 0.8.8-afef0a65.")
          .required(
              "hardware_present",
              bool(),
              "True when any hardware entry lists at least one GPU with a UUID.")
          .required(
              "gpu_uuid_count",
              integer(),
              "Distinct GPU UUIDs in the announcement (a GPU serving several models counts once).")
          .required(
              "offer_count",
              integer(),
              "Rows of silver.capability_offers for this announcement: distinct (pipeline,"
                  + " model) offered.")
          .required(
              "content_hash",
              string(),
              "SHA-256 (hex) of the normalised announcement: everything the orchestrator declares"
                  + " (local address, version, capabilities, capacities, models, prices, GPUs,"
                  + " BYOC options; lists sorted) except capacity_in_use and memory_free. Those two"
                  + " move with load on every poll; hashing them would turn each poll into a new"
                  + " capability version, and versions are meant to track what is offered, not"
                  + " how busy it is.")
          .required("kafka_topic", string(), "Bronze lineage: topic.")
          .required("kafka_partition", integer(), "Bronze lineage: partition.")
          .required("kafka_offset", bigint(), "Bronze lineage: offset.")
          .partitionedBy("event_date")
          .keyedBy("org", "event_id", "element_index")
          .build();

  /** What an announcement offers, per (pipeline, model). */
  public static final TableDeclaration CAPABILITY_OFFERS =
      withSnapshotIdentity(
              TableDeclaration.builder(Layer.SILVER, "capability_offers")
                  .comment(
                      "One row per (announcement, pipeline, model_id): the union of PerCapability"
                          + " models, hardware entries and BYOC capability_options of one"
                          + " orchestrator snapshot. An entry without a pipeline or model names no"
                          + " offer and is left out (it stays in silver.network_capabilities)."))
          .optional(
              "capability_id",
              integer(),
              "Capability id (27-37); from the PerCapability key, 37 for BYOC options, or the"
                  + " catalog id of a hardware entry's pipeline; null for a pipeline the catalog"
                  + " does not know.")
          .required(
              "pipeline",
              string(),
              "Canonical pipeline (live-video-to-video, llm, ...); for BYOC (capability 37) the"
                  + " external capability name verbatim.")
          .required("model_id", string(), "Model offered, e.g. streamdiffusion-sdxl.")
          .optional("warm", bool(), "PerCapability: model loaded and ready; null when not listed.")
          .optional("capacity", integer(), "PerCapability: concurrent requests the model can take.")
          .optional(
              "capacity_in_use",
              integer(),
              "PerCapability: requests in flight at the poll (a gauge, not additive).")
          .optional("runner_version", string(), "PerCapability: ai-runner version, e.g. 0.14.0.")
          .required(
              "gpu_count",
              integer(),
              "Distinct GPU UUIDs the hardware entries list for this pipeline and model; 0 for a"
                  + " GPU-less offer.")
          .required("hardware_present", bool(), "gpu_count > 0.")
          .required(
              "offer_source",
              string(),
              "Where the offer was announced: per_capability, hardware,"
                  + " hardware+per_capability or capability_options.")
          .partitionedBy("event_date")
          .keyedBy("org", "event_id", "element_index", "pipeline", "model_id")
          .build();

  /** GPUs per offer. */
  public static final TableDeclaration GPU_HARDWARE =
      withSnapshotIdentity(
              TableDeclaration.builder(Layer.SILVER, "gpu_hardware")
                  .comment(
                      "One row per (announcement, pipeline, model_id, gpu_uuid): a GPU a hardware"
                          + " entry lists. gpu_info as an object keyed \"0\",\"1\",... and as an"
                          + " array read alike; an entry without gpu_info is a GPU-less offer (in"
                          + " capability_offers, not here); a GPU without a UUID is left out."))
          .required("pipeline", string(), "Pipeline of the hardware entry.")
          .required("model_id", string(), "Model the GPU serves.")
          .required(
              "gpu_uuid",
              string(),
              "NVML UUID (GPU-...). Churns on rented hosts: see silver.gpu_uuid_map.")
          .optional(
              "gpu_index",
              integer(),
              "Device index: the gpu_info object key, or the array position.")
          .optional("gpu_name", string(), "GPU model, e.g. NVIDIA GeForce RTX 5090.")
          .optional(
              "memory_total_bytes",
              bigint(),
              "Total memory in bytes; a reported value below 2^20 is MiB and is multiplied by"
                  + " 2^20.")
          .optional("memory_gib", decimal(10, 2), "memory_total_bytes / 2^30, half up.")
          .optional("compute_major", integer(), "CUDA compute capability, major.")
          .optional("compute_minor", integer(), "CUDA compute capability, minor.")
          .partitionedBy("event_date")
          .keyedBy("org", "event_id", "element_index", "pipeline", "model_id", "gpu_uuid")
          .build();

  /** Price quotes per announcement. */
  public static final TableDeclaration CAPABILITY_PRICES =
      withSnapshotIdentity(
              TableDeclaration.builder(Layer.SILVER, "capability_prices")
                  .comment(
                      "One row per price quote of an announcement: each capabilities_prices entry"
                          + " with a price, and price_info as the global quote when it carries a"
                          + " pricePerUnit (price_info of only {pixelsPerUnit: 1} quotes"
                          + " nothing)."))
          .required(
              "price_index",
              integer(),
              "Position in capabilities_prices; -1 for the global price_info quote.")
          .required("price_source", string(), "capability (capabilities_prices) or global.")
          .optional(
              "capability_id", integer(), "Capability id of a capability quote; null for global.")
          .optional(
              "pipeline",
              string(),
              "Canonical pipeline of capability_id; for BYOC (37) the constraint (capability"
                  + " name); null for global or an unknown id.")
          .optional(
              "model_id",
              string(),
              "The quote's constraint for builtin capabilities (a model id); null for BYOC and"
                  + " global.")
          .required("price_wei_per_unit", decimal(38, 0), "Price in wei per pixels_per_unit.")
          .optional("pixels_per_unit", bigint(), "Units (pixels) the price buys.")
          .optional(
              "wei_per_pixel",
              decimal(38, 18),
              "price_wei_per_unit / pixels_per_unit, half up; null when pixels_per_unit is null"
                  + " or 0.")
          .required(
              "is_effective",
              bool(),
              "Whether this quote is the one that applies. A capability quote applies to its"
                  + " capability and model (of duplicates, the first listed). The global quote"
                  + " applies to whatever has no capability quote, so it is effective unless every"
                  + " offer of the announcement has one (an announcement with no offers, e.g."
                  + " transcoding only, keeps it effective).")
          .partitionedBy("event_date")
          .keyedBy("org", "event_id", "element_index", "price_index")
          .build();

  /** Consecutive identical announcements collapsed. */
  public static final TableDeclaration CAPABILITY_VERSIONS =
      TableDeclaration.builder(Layer.SILVER, "capability_versions")
          .comment(
              "One row per version of an orchestrator surface's announcement, per (org,"
                  + " orch_address, orch_uri): consecutive announcements with the same"
                  + " content_hash collapse into one version, keeping every announcement time."
                  + " Recomputed from all snapshots of a surface whenever one arrives (late"
                  + " ones included).")
          .required("org", string(), "Tenant of the announcements.")
          .required("orch_address", string(), "Canonical (on-chain, lower-case) address.")
          .required(
              "orch_uri", string(), "Normalised service URI; '' when the announcement had none.")
          .required("valid_from", timestamp(), "Time of the first announcement of this version.")
          .optional(
              "valid_to",
              timestamp(),
              "valid_from of the next version; null while this version is current.")
          .required("version_number", integer(), "1 for the surface's first version, then 2, ...")
          .required(
              "content_hash",
              string(),
              "content_hash of the announcements (silver.orchestrator_snapshots).")
          .required(
              "last_announced_at", timestamp(), "Time of the latest announcement of this version.")
          .required(
              "announcement_count",
              integer(),
              "Events that announced this version; an event listing the surface twice with the"
                  + " same content counts once.")
          .required(
              "announced_at",
              arrayOf(timestamp()),
              "Every announcement time, ascending (one per event, so two events at the same"
                  + " instant appear twice).")
          .required(
              "first_event_id",
              string(),
              "network_capabilities event id of the announcement that opened the version.")
          .optional("local_address", string(), "Hot-wallet address announced.")
          .optional("node_version", string(), "go-livepeer version announced.")
          .required("hardware_present", bool(), "Whether the version lists any GPU.")
          // valid_from alone is not unique: two different announcements may share an instant
          // (two gateways polling in the same millisecond, or one response listing a surface
          // twice with different content). The hash separates them.
          .keyedBy("org", "orch_address", "orch_uri", "valid_from", "content_hash")
          .build();

  /** The physical-GPU fingerprint: one row per physical GPU. */
  public static final TableDeclaration PHYSICAL_GPUS =
      TableDeclaration.builder(Layer.SILVER, "physical_gpus")
          .comment(
              "One row per physical GPU of an orchestrator surface (orch_address, orch_uri),"
                  + " however many UUIDs it was reported under; org-independent. Snapshots are"
                  + " visited in time order: distinct UUIDs in one snapshot are distinct GPUs; a"
                  + " UUID seen before keeps its GPU; a new UUID takes over a GPU of the surface"
                  + " whose current UUID is absent from the snapshot and that has the same (known) name"
                  + " and whole GiB of memory (new UUIDs in UUID order, each to the most recently"
                  + " seen candidate), else it is a new GPU. Two UUIDs of one snapshot holding one"
                  + " GPU split it: the founding (else current, else lowest) UUID keeps it.")
          .required(
              "physical_gpu_id",
              string(),
              "pgpu- + first 16 hex of sha256(orch_address|orch_uri|founding UUID).")
          .required("orch_address", string(), "Canonical orchestrator address.")
          .required("orch_uri", string(), "Normalised service URI; '' when announcements had none.")
          .optional("gpu_name", string(), "GPU model, as its current UUID reports it.")
          .optional(
              "memory_gib",
              decimal(10, 2),
              "Memory in GiB, as its current UUID reports it (UUIDs matched to it agree to the"
                  + " whole GiB).")
          .required("first_seen", timestamp(), "First announcement listing it.")
          .required("last_seen", timestamp(), "Latest announcement listing it.")
          .required("uuid_count", integer(), "Distinct UUIDs it was reported under.")
          .required("current_uuid", string(), "The UUID of its latest sighting.")
          .keyedBy("physical_gpu_id")
          .build();

  /** Which physical GPU each reported UUID is. */
  public static final TableDeclaration GPU_UUID_MAP =
      TableDeclaration.builder(Layer.SILVER, "gpu_uuid_map")
          .comment(
              "One row per (orchestrator surface, GPU UUID, physical GPU): the physical GPU a"
                  + " reported UUID is. Normally one row per UUID; a UUID whose match was later"
                  + " disproved (it appeared beside the UUID it had been matched to) has a second"
                  + " row from then on, so pick the row whose first_seen..last_seen covers the"
                  + " time. Org-independent.")
          .required("orch_address", string(), "Canonical orchestrator address.")
          .required("orch_uri", string(), "Normalised service URI; '' when announcements had none.")
          .required("gpu_uuid", string(), "NVML UUID as reported.")
          .required("physical_gpu_id", string(), "The physical GPU (silver.physical_gpus).")
          .required("first_seen", timestamp(), "First announcement listing the UUID as this GPU.")
          .required("last_seen", timestamp(), "Latest announcement listing the UUID as this GPU.")
          .keyedBy("orch_address", "orch_uri", "gpu_uuid", "physical_gpu_id")
          .build();

  /** Every capability table, in dependency order. */
  public static List<TableDeclaration> all() {
    return List.of(
        ORCHESTRATOR_SNAPSHOTS,
        CAPABILITY_OFFERS,
        GPU_HARDWARE,
        CAPABILITY_PRICES,
        CAPABILITY_VERSIONS,
        PHYSICAL_GPUS,
        GPU_UUID_MAP);
  }

  /**
   * Columns that place a row on one announcement, first in every per-snapshot table, so a reader
   * needs no join to know whose and when.
   */
  private static TableDeclaration.Builder withSnapshotIdentity(TableDeclaration.Builder builder) {
    return builder
        .required("org", string(), "Tenant, from the Kafka topic.")
        .required("event_id", string(), "network_capabilities envelope id.")
        .required("element_index", integer(), "Position of the orchestrator in the event's data.")
        .optional(
            "snapshot_ts",
            timestamp(),
            "Envelope timestamp (UTC): when the gateway published the poll.")
        .required("event_date", date(), "UTC date of snapshot_ts (of the Kafka time if absent).")
        .required(
            "orch_address", string(), "Canonical orchestrator address: data.address lower-cased.")
        .optional(
            "orch_uri",
            string(),
            "Service URI (data.orch_uri, else data.uri), lower-cased, no trailing slash.");
  }

  private CapabilityTables() {}
}
