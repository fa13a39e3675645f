package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.events.PayloadFields.WEI;
import static io.naaplake.schema.events.PayloadFields.field;
import static io.naaplake.schema.events.PayloadFields.required;
import static io.naaplake.schema.events.PayloadFields.struct;
import static io.naaplake.schema.events.PayloadFields.wire;

import io.naaplake.schema.LakeType;

/** The payload element of network_capabilities: one orchestrator as a gateway polled it. */
final class CapabilityPayloads {

  private static final LakeType.Struct PRICE =
      struct(
          wire(
              "pricePerUnit",
              WEI,
              "Price in wei per pixels_per_unit units; an int64 on the producer, values up to"
                  + " about 1.2e13 seen."),
          wire("pixelsPerUnit", bigint(), "Units (pixels) the price buys."),
          field("capability", integer(), "Capability id, e.g. 35 live-video-to-video, 37 byoc."),
          field(
              "constraint",
              string(),
              "Model id for builtin capabilities, the external capability name for byoc (37)."));

  private static final LakeType.Struct GPU =
      struct(
          field(
              "index",
              integer(),
              "Not a wire field: the object key (\"0\", \"1\", ...) of the object form, or the"
                  + " array position."),
          field("id", string(), "NVML UUID (GPU-...); churns on rented hosts."),
          field("name", string(), "Model, e.g. NVIDIA GeForce RTX 5090."),
          field(
              "memory_total",
              bigint(),
              "Bytes in real data (34190917632); the producer doc shows MB-like values (23028)."),
          field("memory_free", bigint(), "Bytes, as memory_total."),
          field("major", integer(), "CUDA compute capability, major."),
          field("minor", integer(), "CUDA compute capability, minor."));

  private static final LakeType.Struct MODEL_CAPACITY =
      struct(
          field(
              "capability_id",
              integer(),
              "Not a wire field: the PerCapability key (a string on the wire, e.g. \"35\")."),
          field("model_id", string(), "Not a wire field: the key of the models object."),
          field("warm", bool(), "Model loaded and ready."),
          field("capacity", integer(), "Concurrent requests the model can take."),
          wire("capacityInUse", integer(), "Requests in flight."),
          wire("runnerVersion", string(), "ai-runner version, e.g. 0.14.0."));

  static final LakeType.Struct ORCHESTRATOR =
      struct(
          required(
              "address",
              string(),
              "On-chain ETH address in mixed-case checksum form; lower-cased it is the canonical"
                  + " orchestrator identity. Elements with a blank address are dropped."),
          field(
              "local_address",
              string(),
              "Hot-wallet (node) address; equals orchestrator_info.address in live events."),
          field(
              "orch_uri",
              string(),
              "Service URL; lower-cased the preferred join key. One address may advertise"
                  + " several."),
          field("uri", string(), "Older name of orch_uri; read it when orch_uri is absent."),
          field(
              "capabilities",
              struct(
                  field(
                      "bitstring",
                      arrayOf(bigint()),
                      "Legacy capability bitmap words (values exceed int, e.g. 34426871807)."),
                  field("mandatories", arrayOf(bigint()), "Mandatory capability bitmap words."),
                  field(
                      "capacities",
                      mapOf(integer(), integer()),
                      "Capability id (a string key on the wire) to capacity."),
                  field("version", string(), "Node version, e.g. 0.8.10 or 0.8.8-3a5678ec-dirty."),
                  field(
                      "constraints",
                      struct(
                          wire("minVersion", string(), "Minimum version constraint."),
                          wire(
                              "PerCapability",
                              arrayOf(MODEL_CAPACITY),
                              "An object capability id -> {models: {model id -> {warm, capacity,"
                                  + " capacityInUse, runnerVersion}}} on the wire, normalised to"
                                  + " one element per (capability, model). The only model"
                                  + " identity of hardware-less orchestrators.")),
                      "Per-capability constraints.")),
              "Advertised capabilities."),
          field(
              "capabilities_prices",
              arrayOf(PRICE),
              "Per-capability prices; may be null. Win over price_info."),
          field("price_info", PRICE, "Global price; sometimes only {pixelsPerUnit: 1}."),
          field(
              "hardware",
              arrayOf(
                  struct(
                      field("pipeline", string(), "Pipeline, e.g. live-video-to-video."),
                      field("model_id", string(), "Model served on these GPUs."),
                      field(
                          "gpu_info",
                          arrayOf(GPU),
                          "An object keyed \"0\",\"1\",... in real data, or an array (the"
                              + " reference's tests); normalised to an array. The same GPU"
                              + " appears under several pipelines and models."))),
              "GPUs per (pipeline, model); may be null."),
          field(
              "capability_options",
              mapOf(string(), arrayOf(struct(field("model", string(), "Model id.")))),
              "BYOC only: capability name to the models offered."));

  private CapabilityPayloads() {}
}
