package io.naaplake.jobs.silver.capability;

import static io.naaplake.jobs.silver.capability.CapabilityEnvelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots, offers, GPUs and prices of one hand-written response listing five orchestrators: A
 * (GPUs as an object keyed "0","1", memory in bytes, a capability and a global price), B (the older
 * "uri" field, GPUs as an array with MiB-like memory, an llm entry without gpu_info, a duplicated
 * capability quote, a huge global price), A again (the same address listed twice), C (BYOC
 * capability_options) and D (transcoding only, a global price per 0 pixels).
 */
class CapabilityInventoryTransformTest {
  private static final Instant TIME = Instant.parse("2026-01-08T21:49:05.298Z");
  private static final String A = "0xaaaa000000000000000000000000000000000001";
  private static final String B = "0xb000000000000000000000000000000000000003";
  private static final String C = "0xc000000000000000000000000000000000000004";
  private static final String D = "0xd000000000000000000000000000000000000005";

  private static final String ORCH_A =
      """
      {"address":"0xAaAa000000000000000000000000000000000001",
       "local_address":"0xBbBb000000000000000000000000000000000002",
       "orch_uri":"https://A.example:8935/",
       "capabilities":{"version":"0.8.8","constraints":{"PerCapability":{"35":{"models":{
         "streamdiffusion-sdxl":{"warm":true,"capacity":2,"capacityInUse":1,
                                 "runnerVersion":"0.14.0"}}}}}},
       "capabilities_prices":[{"pricePerUnit":1588,"pixelsPerUnit":3,"capability":35,
                               "constraint":"streamdiffusion-sdxl"}],
       "price_info":{"pricePerUnit":1000,"pixelsPerUnit":1},
       "hardware":[{"pipeline":"live-video-to-video","model_id":"streamdiffusion-sdxl",
         "gpu_info":{
           "0":{"id":"GPU-a","name":"NVIDIA GeForce RTX 5090","memory_total":34190917632,
                "memory_free":1000,"major":12,"minor":0},
           "1":{"id":"GPU-b","name":"NVIDIA GeForce RTX 5090","memory_total":34190917632,
                "memory_free":2000,"major":12,"minor":0}}}]}
      """;
  private static final String ORCH_B =
      """
      {"address":"0xB000000000000000000000000000000000000003","uri":"https://b.example:9935",
       "capabilities":{"version":"0.8.6","constraints":{"PerCapability":{"33":{"models":{
         "meta-llama/L3":{"warm":true,"capacity":10}}}}}},
       "capabilities_prices":[
         {"pricePerUnit":56909258,"pixelsPerUnit":1,"capability":33,"constraint":"meta-llama/L3"},
         {"pricePerUnit":100,"pixelsPerUnit":1,"capability":33,"constraint":"meta-llama/L3"}],
       "price_info":{"pricePerUnit":11800000000000,"pixelsPerUnit":54901722631},
       "hardware":[
         {"pipeline":"upscale","model_id":"stabilityai/x4","gpu_info":[
           {"id":"GPU-c","name":"NVIDIA RTX A4000","memory_total":23028,"memory_free":100,
            "major":8,"minor":6}]},
         {"pipeline":"llm","model_id":"meta-llama/L3"}]}
      """;
  private static final String ORCH_C =
      """
      {"address":"0xC000000000000000000000000000000000000004","orch_uri":"https://c.example:7000",
       "capabilities":{"version":"0.8.9"},
       "capabilities_prices":[{"pricePerUnit":1200000,"pixelsPerUnit":1,"capability":37,
                               "constraint":"my-cap"}],
       "price_info":{"pixelsPerUnit":1},
       "hardware":null,
       "capability_options":{"my-cap":[{"model":"m1"}]}}
      """;
  private static final String ORCH_D =
      """
      {"address":"0xD000000000000000000000000000000000000005","orch_uri":"https://d.example:8935",
       "capabilities":{"version":"0.8.8"},"capabilities_prices":null,
       "price_info":{"pricePerUnit":5,"pixelsPerUnit":0},"hardware":null}
      """;

  private static Dataset<Row> typed;

  @BeforeAll
  static void typeTheResponse() {
    LocalSpark.get();
    typed =
        CapabilityEnvelopes.typed(
                "daydream", List.of(envelope("e1", TIME, ORCH_A, ORCH_B, ORCH_A, ORCH_C, ORCH_D)))
            .cache();
  }

  @Test
  void snapshotsOnePerListedOrchestrator() {
    Dataset<Row> snapshots = CapabilityInventoryTransform.snapshots(typed);
    assertDeclared(snapshots, CapabilityTables.ORCHESTRATOR_SNAPSHOTS);
    List<Row> rows = snapshots.orderBy("element_index").collectAsList();
    // A: two GPU UUIDs, one offer (PerCapability and hardware name the same model); B: one GPU,
    // two offers (upscale on hardware, llm on PerCapability and a GPU-less hardware entry);
    // C: one BYOC option; D: nothing but transcoding.
    assertThat(rows)
        .extracting(
            r -> r.getAs("element_index"),
            r -> r.getAs("orch_address"),
            r -> r.getAs("orch_uri"),
            r -> r.getAs("local_address"),
            r -> r.getAs("node_version"),
            r -> r.getAs("hardware_present"),
            r -> r.getAs("gpu_uuid_count"),
            r -> r.getAs("offer_count"))
        .containsExactly(
            tuple(
                0,
                A,
                "https://a.example:8935",
                "0xbbbb000000000000000000000000000000000002",
                "0.8.8",
                true,
                2,
                1),
            tuple(1, B, "https://b.example:9935", null, "0.8.6", true, 1, 2),
            tuple(
                2,
                A,
                "https://a.example:8935",
                "0xbbbb000000000000000000000000000000000002",
                "0.8.8",
                true,
                2,
                1),
            tuple(3, C, "https://c.example:7000", null, "0.8.9", false, 0, 1),
            tuple(4, D, "https://d.example:8935", null, "0.8.8", false, 0, 0));
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.<Timestamp>getAs("snapshot_ts").toInstant()).isEqualTo(TIME);
              assertThat(r.<String>getAs("event_id")).isEqualTo("e1");
              assertThat(r.<String>getAs("content_hash")).hasSize(64);
            });
    // The same address listed twice with the same content hashes the same; B differs.
    assertThat(rows.get(0).<String>getAs("content_hash"))
        .isEqualTo(rows.get(2).getAs("content_hash"))
        .isNotEqualTo(rows.get(1).getAs("content_hash"));
  }

  @Test
  void offersMergePerCapabilityHardwareAndByocOptions() {
    Dataset<Row> offers = CapabilityInventoryTransform.offers(typed);
    assertDeclared(offers, CapabilityTables.CAPABILITY_OFFERS);
    assertThat(offers.collectAsList())
        .extracting(
            r -> r.getAs("element_index"),
            r -> r.getAs("pipeline"),
            r -> r.getAs("model_id"),
            r -> r.getAs("capability_id"),
            r -> r.getAs("warm"),
            r -> r.getAs("capacity"),
            r -> r.getAs("capacity_in_use"),
            r -> r.getAs("runner_version"),
            r -> r.getAs("gpu_count"),
            r -> r.getAs("hardware_present"),
            r -> r.getAs("offer_source"))
        .containsExactlyInAnyOrder(
            tuple(
                0,
                "live-video-to-video",
                "streamdiffusion-sdxl",
                35,
                true,
                2,
                1,
                "0.14.0",
                2,
                true,
                "hardware+per_capability"),
            // Capability id from the catalog by pipeline name (30 upscale).
            tuple(1, "upscale", "stabilityai/x4", 30, null, null, null, null, 1, true, "hardware"),
            // The llm hardware entry has no gpu_info: a GPU-less offer.
            tuple(
                1,
                "llm",
                "meta-llama/L3",
                33,
                true,
                10,
                null,
                null,
                0,
                false,
                "hardware+per_capability"),
            tuple(
                2,
                "live-video-to-video",
                "streamdiffusion-sdxl",
                35,
                true,
                2,
                1,
                "0.14.0",
                2,
                true,
                "hardware+per_capability"),
            // BYOC: the external capability name is the pipeline.
            tuple(3, "my-cap", "m1", 37, null, null, null, null, 0, false, "capability_options"));
  }

  @Test
  void hardwareReadsBothGpuInfoShapesAndBothMemoryUnits() {
    Dataset<Row> hardware = CapabilityInventoryTransform.hardware(typed);
    assertDeclared(hardware, CapabilityTables.GPU_HARDWARE);
    // 34190917632 B / 2^30 = 31.8427... GiB; 23028 is MiB-like (< 2^20): 23028 * 2^20 =
    // 24146608128 B, 23028 / 1024 = 22.488... GiB.
    Object[] rtx5090a = {
      "live-video-to-video",
      "streamdiffusion-sdxl",
      "GPU-a",
      0,
      "NVIDIA GeForce RTX 5090",
      34190917632L,
      new BigDecimal("31.84"),
      12,
      0
    };
    Object[] rtx5090b = rtx5090a.clone();
    rtx5090b[2] = "GPU-b";
    rtx5090b[3] = 1;
    assertThat(hardware.collectAsList())
        .extracting(
            r -> r.getAs("element_index"),
            r ->
                tuple(
                    r.getAs("pipeline"),
                    r.getAs("model_id"),
                    r.getAs("gpu_uuid"),
                    r.getAs("gpu_index"),
                    r.getAs("gpu_name"),
                    r.getAs("memory_total_bytes"),
                    r.getAs("memory_gib"),
                    r.getAs("compute_major"),
                    r.getAs("compute_minor")))
        .containsExactlyInAnyOrder(
            tuple(0, tuple(rtx5090a)),
            tuple(0, tuple(rtx5090b)),
            tuple(
                1,
                tuple(
                    "upscale",
                    "stabilityai/x4",
                    "GPU-c",
                    0,
                    "NVIDIA RTX A4000",
                    24146608128L,
                    new BigDecimal("22.49"),
                    8,
                    6)),
            tuple(2, tuple(rtx5090a)),
            tuple(2, tuple(rtx5090b)));
  }

  @Test
  void pricesCapabilitySpecificBeatsGlobal() {
    Dataset<Row> prices = CapabilityInventoryTransform.prices(typed);
    assertDeclared(prices, CapabilityTables.CAPABILITY_PRICES);
    assertThat(prices.collectAsList())
        .extracting(
            r -> r.getAs("element_index"),
            r -> r.getAs("price_index"),
            r -> r.getAs("price_source"),
            r -> r.getAs("capability_id"),
            r -> r.getAs("pipeline"),
            r -> r.getAs("model_id"),
            r -> r.getAs("price_wei_per_unit"),
            r -> r.getAs("pixels_per_unit"),
            r -> r.getAs("wei_per_pixel"),
            r -> r.getAs("is_effective"))
        .containsExactlyInAnyOrder(
            // 1588 / 3 = 529.333... (18 places).
            tuple(
                0,
                0,
                "capability",
                35,
                "live-video-to-video",
                "streamdiffusion-sdxl",
                new BigDecimal("1588"),
                3L,
                new BigDecimal("529.333333333333333333"),
                true),
            // A's only offer has its own quote, so the global price applies to nothing.
            tuple(
                0,
                -1,
                "global",
                null,
                null,
                null,
                new BigDecimal("1000"),
                1L,
                new BigDecimal("1000.000000000000000000"),
                false),
            tuple(
                1,
                0,
                "capability",
                33,
                "llm",
                "meta-llama/L3",
                new BigDecimal("56909258"),
                1L,
                new BigDecimal("56909258.000000000000000000"),
                true),
            // The same capability and model quoted again: the first listed applies.
            tuple(
                1,
                1,
                "capability",
                33,
                "llm",
                "meta-llama/L3",
                new BigDecimal("100"),
                1L,
                new BigDecimal("100.000000000000000000"),
                false),
            // B's upscale offer has no capability quote: the global one applies to it.
            // 11800000000000 / 54901722631 = 214.929503748160816065 (18 places, half up).
            tuple(
                1,
                -1,
                "global",
                null,
                null,
                null,
                new BigDecimal("11800000000000"),
                54901722631L,
                new BigDecimal("214.929503748160816065"),
                true),
            tuple(
                2,
                0,
                "capability",
                35,
                "live-video-to-video",
                "streamdiffusion-sdxl",
                new BigDecimal("1588"),
                3L,
                new BigDecimal("529.333333333333333333"),
                true),
            tuple(
                2,
                -1,
                "global",
                null,
                null,
                null,
                new BigDecimal("1000"),
                1L,
                new BigDecimal("1000.000000000000000000"),
                false),
            // BYOC: the constraint is the capability (pipeline), no model. C's price_info has
            // no pricePerUnit: no global quote.
            tuple(
                3,
                0,
                "capability",
                37,
                "my-cap",
                null,
                new BigDecimal("1200000"),
                1L,
                new BigDecimal("1200000.000000000000000000"),
                true),
            // D offers nothing but transcoding: its global price applies; per 0 pixels no rate.
            tuple(4, -1, "global", null, null, null, new BigDecimal("5"), 0L, null, true));
  }

  /** Columns exactly the declared table's, in order, with the declared types. */
  static void assertDeclared(Dataset<Row> rows, TableDeclaration table) {
    assertThat(Arrays.stream(rows.schema().fields()).map(f -> f.name() + " " + f.dataType()))
        .containsExactlyElementsOf(
            Arrays.stream(SparkSchemas.structType(table).fields())
                .map((StructField f) -> f.name() + " " + f.dataType())
                .toList());
  }
}
