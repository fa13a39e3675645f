package io.naaplake.jobs.gold.supply;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.jobs.gold.economics.TableRows;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.schema.GoldSupplyTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.events.EventFamily;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real /getNetworkCapabilities response (../shared/samples, 53 orchestrator entries) wrapped as
 * one network_capabilities envelope (2026-01-08 21:50:19 UTC), through silver's inventory and
 * fingerprint into gpu_inventory and gpu_supply_hourly: the 19 reported and 19 physical
 * GPUs by model. The counts by model were taken from the response by hand (and with jq) in
 * RealCapabilitiesSampleTest.
 */
class SupplyRealSampleTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant HOUR = Instant.parse("2026-01-08T21:00:00Z");

  /** GPUs per model name in the response: 6 + 5 + 2 + 2 + 1 + 1 + 1 + 1 = 19. */
  private static final Map<String, Long> BY_MODEL =
      Map.of(
          "NVIDIA GeForce RTX 5090", 6L,
          "NVIDIA GeForce RTX 4090", 5L,
          "NVIDIA GeForce RTX 4070 Ti SUPER", 2L,
          "NVIDIA GeForce RTX 3090", 2L,
          "Tesla P4", 1L,
          "NVIDIA RTX A4000", 1L,
          "NVIDIA RTX 6000 Ada Generation", 1L,
          "NVIDIA A100-SXM4-40GB", 1L);

  private static List<Row> inventory;
  private static List<Row> supply;

  @BeforeAll
  static void compute() throws Exception {
    var spark = LocalSpark.get();
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("id", "real-capabilities");
    envelope.put("type", "network_capabilities");
    envelope.put("timestamp", "1767909019000");
    envelope.put("gateway", "");
    envelope.set(
        "data",
        JSON.readTree(SAMPLES.resolve("getNetworkCapabilities.json").toFile())
            .get("orchestrators"));
    Dataset<Row> typed =
        TypedEvents.typed(
                spark,
                EventFamily.NETWORK_CAPABILITIES,
                "daydream",
                List.of(JSON.writeValueAsString(envelope)))
            .cache();
    Dataset<Row> hardware = CapabilityInventoryTransform.hardware(typed).cache();
    Dataset<Row> uuidMap = CapabilityInventoryTransform.physicalGpus(hardware).gpuUuidMap();
    Instant settledBefore = Instant.parse("2026-01-08T22:00:00Z");
    Dataset<Row> inventoryRows = GpuInventory.compute(hardware, uuidMap, settledBefore);
    Dataset<Row> supplyRows =
        GpuSupplyHourly.compute(
            hardware,
            uuidMap,
            CapabilityInventoryTransform.offers(typed),
            TableRows.of(SessionTables.SESSION_HOURS),
            TableRows.of(SelectionTables.SESSION_SELECTIONS),
            settledBefore);
    inventory = TableRows.assertDeclared(inventoryRows, GoldSupplyTables.GPU_INVENTORY);
    supply = TableRows.assertDeclared(supplyRows, GoldSupplyTables.GPU_SUPPLY_HOURLY);
  }

  @Test
  void inventoryHasNineteenReportedAndNineteenPhysicalGpusByModel() {
    assertThat(inventory).hasSize(19);
    assertThat(
            inventory.stream()
                .collect(groupingBy(r -> r.<String>getAs("gpu_model_name"), counting())))
        .isEqualTo(BY_MODEL);
    Map<String, Long> physicalByModel =
        inventory.stream()
            .collect(
                groupingBy(
                    r -> r.<String>getAs("gpu_model_name"),
                    java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.mapping(
                            r -> r.<String>getAs("physical_gpu_id"), toSet()),
                        set -> (long) set.size())));
    assertThat(physicalByModel).isEqualTo(BY_MODEL);
    assertThat(inventory)
        .allSatisfy(r -> assertThat(r.<String>getAs("physical_gpu_id")).startsWith("pgpu-"));
  }

  @Test
  void inventoryRowOfOneGpu() {
    Row gpu =
        inventory.stream()
            .filter(r -> r.getAs("gpu_id").equals("GPU-89e7f52a-13a1-9e55-3a0e-73ca37502bb8"))
            .findFirst()
            .orElseThrow();
    assertThat(gpu.<String>getAs("orchestrator_address"))
        .isEqualTo("0x3bbe84023c11c4874f493d70b370d26390e3c580");
    assertThat(gpu.<String>getAs("gpu_model_name")).isEqualTo("NVIDIA GeForce RTX 5090");
    // 34,190,917,632 bytes / 2^30 = 31.842... GiB, 2 places half up.
    assertThat(gpu.getAs("memory_gib").toString()).isEqualTo("31.84");
    assertThat(gpu.getList(gpu.fieldIndex("pipelines"))).containsExactly("live-video-to-video");
    assertThat(gpu.getList(gpu.fieldIndex("model_ids")))
        .containsExactly("streamdiffusion-sdxl-faceid");
    assertThat(gpu.<Timestamp>getAs("first_seen").toInstant())
        .isEqualTo(Instant.ofEpochMilli(1767909019000L));
    assertThat(gpu.<Long>getAs("announcements")).isEqualTo(1L);
    assertThat(gpu.getAs("window_date").toString()).isEqualTo("2026-01-08");
  }

  @Test
  void supplyHourHasTheSameGpusByModel() {
    assertThat(supply)
        .allSatisfy(
            r -> assertThat(r.<Timestamp>getAs("window_start").toInstant()).isEqualTo(HOUR));
    // Each GPU of the response serves one (pipeline, model) (every inventory row lists one
    // pipeline and one model), so per model name the rows' distinct counts add up here.
    assertThat(inventory)
        .allSatisfy(r -> assertThat(r.getList(r.fieldIndex("model_ids")).size()).isEqualTo(1));
    List<Row> named = supply.stream().filter(r -> r.getAs("gpu_model_name") != null).toList();
    assertThat(
            named.stream()
                .collect(
                    groupingBy(
                        r -> r.<String>getAs("gpu_model_name"),
                        summingLong(r -> r.<Long>getAs("reported_gpu_uuids")))))
        .isEqualTo(BY_MODEL);
    assertThat(
            named.stream()
                .collect(
                    groupingBy(
                        r -> r.<String>getAs("gpu_model_name"),
                        summingLong(r -> r.<Long>getAs("physical_gpus")))))
        .isEqualTo(BY_MODEL);
    // No sessions given: no stream holds a GPU, so every named row has all its GPUs available.
    assertThat(named)
        .allSatisfy(
            r ->
                assertThat(r.<Long>getAs("available_capacity"))
                    .isEqualTo(r.<Long>getAs("physical_gpus")));
  }

  @Test
  void faceidOnRtx5090IsFiveGpusOfTwoOrchestrators() {
    // RTX 5090s serving live-video-to-video / streamdiffusion-sdxl-faceid: 0x75fb... lists four,
    // 0x3bbe... one: 5 GPUs of 2 orchestrators (the sixth 5090, 0x10b2..., serves -sdxl).
    Row faceid =
        supply.stream()
            .filter(r -> "NVIDIA GeForce RTX 5090".equals(r.getAs("gpu_model_name")))
            .filter(r -> "streamdiffusion-sdxl-faceid".equals(r.getAs("model_id")))
            .findFirst()
            .orElseThrow();
    assertThat(faceid.<Long>getAs("reported_gpu_uuids")).isEqualTo(5L);
    assertThat(faceid.<Long>getAs("physical_gpus")).isEqualTo(5L);
    assertThat(faceid.<Long>getAs("orchestrators")).isEqualTo(2L);
  }
}
