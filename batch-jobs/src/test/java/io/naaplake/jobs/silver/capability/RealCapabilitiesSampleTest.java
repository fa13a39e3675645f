package io.naaplake.jobs.silver.capability;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.jobs.lake.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real /getNetworkCapabilities response (../shared/samples, 53 orchestrator entries) wrapped as
 * the data of one network_capabilities envelope: the "Must show" figures, read from the
 * inventory tables. Expected values were counted in the response by hand (and with jq).
 */
class RealCapabilitiesSampleTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Row> snapshots;
  private static List<Row> offers;
  private static List<Row> hardware;
  private static List<Row> prices;
  private static List<Row> versions;
  private static List<Row> physicalGpus;

  @BeforeAll
  static void inventory() throws Exception {
    LocalSpark.get();
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
        CapabilityEnvelopes.typed("daydream", List.of(JSON.writeValueAsString(envelope))).cache();
    Dataset<Row> snapshotRows = CapabilityInventoryTransform.snapshots(typed).cache();
    Dataset<Row> hardwareRows = CapabilityInventoryTransform.hardware(typed).cache();
    snapshots = snapshotRows.collectAsList();
    hardware = hardwareRows.collectAsList();
    offers = CapabilityInventoryTransform.offers(typed).collectAsList();
    prices = CapabilityInventoryTransform.prices(typed).collectAsList();
    versions = CapabilityInventoryTransform.versions(snapshotRows).collectAsList();
    physicalGpus =
        CapabilityInventoryTransform.physicalGpus(hardwareRows).physicalGpus().collectAsList();
  }

  @Test
  void fiftyTwoOrchestratorsOneListedTwice() {
    assertThat(snapshots).hasSize(53);
    assertThat(addresses(snapshots, r -> true)).hasSize(52);
    Map<String, Long> listings =
        snapshots.stream().collect(groupingBy(r -> r.<String>getAs("orch_address"), counting()));
    assertThat(listings).containsEntry("0x733da28b0145ff561868e408d2ac8565ebe73aab", 2L);
    // Its two listings are identical: one capability version per orchestrator surface.
    assertThat(versions).hasSize(52);
  }

  @Test
  void fifteenWithHardwareTwelveWithGpusThreeGpuLessLlm() {
    assertThat(addresses(offers, r -> r.<String>getAs("offer_source").contains("hardware")))
        .hasSize(15);
    assertThat(addresses(snapshots, r -> r.<Boolean>getAs("hardware_present"))).hasSize(12);
    assertThat(
            addresses(
                offers,
                r ->
                    r.getAs("pipeline").equals("llm")
                        && r.<String>getAs("offer_source").contains("hardware")
                        && r.<Integer>getAs("gpu_count") == 0))
        .hasSize(3);
  }

  @Test
  void nineteenOrchestratorGpuPairsByModelAndNineteenPhysicalGpus() {
    Set<List<String>> pairs =
        hardware.stream()
            .map(
                r ->
                    List.of(
                        r.<String>getAs("orch_address"),
                        r.<String>getAs("gpu_uuid"),
                        r.<String>getAs("gpu_name")))
            .collect(toSet());
    assertThat(pairs).hasSize(19);
    assertThat(pairs.stream().collect(groupingBy(p -> p.get(2), counting())))
        .containsOnly(
            Map.entry("NVIDIA GeForce RTX 5090", 6L),
            Map.entry("NVIDIA GeForce RTX 4090", 5L),
            Map.entry("NVIDIA GeForce RTX 4070 Ti SUPER", 2L),
            Map.entry("NVIDIA GeForce RTX 3090", 2L),
            Map.entry("Tesla P4", 1L),
            Map.entry("NVIDIA RTX A4000", 1L),
            Map.entry("NVIDIA RTX 6000 Ada Generation", 1L),
            Map.entry("NVIDIA A100-SXM4-40GB", 1L));
    // One snapshot each: distinct UUIDs are distinct cards (one host lists four RTX 5090s).
    assertThat(physicalGpus).hasSize(19);
  }

  @Test
  void sixteenWithPerCapabilityModelsSixteenWithCapabilityPrices() {
    assertThat(addresses(offers, r -> r.<String>getAs("offer_source").contains("per_capability")))
        .hasSize(16);
    assertThat(addresses(prices, r -> r.getAs("price_source").equals("capability"))).hasSize(16);
  }

  private static Set<String> addresses(List<Row> rows, Predicate<Row> filter) {
    return rows.stream().filter(filter).map(r -> r.<String>getAs("orch_address")).collect(toSet());
  }
}
