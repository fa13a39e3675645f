package io.naaplake.jobs.silver.capability;

import static io.naaplake.jobs.silver.capability.CapabilityEnvelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.CapabilityTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One orchestrator announcing every 25 minutes, published out of order: only load moves between t0
 * and t1, the model changes at t2, the response at t3 lists it twice, and t4 returns to the first
 * content. A second URI of the same address and a second org have their own histories.
 */
class CapabilityVersionsTest {
  private static final String ADDRESS = "0x0000000000000000000000000000000000000abc";
  private static final String URI_1 = "https://x1.example:8935";
  private static final String URI_2 = "https://x2.example:8935";
  private static final Instant T0 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(25 * 60);
  private static final Instant T2 = T1.plusSeconds(25 * 60);
  private static final Instant T3 = T2.plusSeconds(25 * 60);
  private static final Instant T4 = T3.plusSeconds(25 * 60);

  private static List<Row> versions;

  /** The orchestrator serving one model; capacityInUse and memory_free are load, not content. */
  private static String orchestrator(String uri, String model, int inUse, long memoryFree) {
    return """
        {"address":"%s","orch_uri":"%s","capabilities":{"version":"0.8.8","constraints":{
          "PerCapability":{"35":{"models":{"%s":{"warm":true,"capacity":2,"capacityInUse":%d}}}}}},
         "hardware":[{"pipeline":"live-video-to-video","model_id":"%s","gpu_info":{"0":{
           "id":"GPU-x","name":"NVIDIA GeForce RTX 4090","memory_total":25757220864,
           "memory_free":%d}}}]}
        """
        .formatted(ADDRESS, uri, model, inUse, model, memoryFree);
  }

  @BeforeAll
  static void computeVersions() {
    LocalSpark.get();
    String sdxl = "streamdiffusion-sdxl";
    String faceid = "streamdiffusion-sdxl-faceid";
    // Kafka order is not time order: e5 is published first.
    Dataset<Row> daydream =
        CapabilityEnvelopes.typed(
            "daydream",
            List.of(
                envelope("e5", T4, orchestrator(URI_1, sdxl, 0, 100)),
                envelope("e3", T2, orchestrator(URI_1, faceid, 1, 200)),
                envelope(
                    "e1", T0, orchestrator(URI_1, sdxl, 0, 100), orchestrator(URI_2, sdxl, 0, 100)),
                envelope(
                    "e4",
                    T3,
                    orchestrator(URI_1, faceid, 0, 300),
                    orchestrator(URI_1, faceid, 0, 300)),
                envelope("e2", T1, orchestrator(URI_1, sdxl, 1, 200))));
    Dataset<Row> cloudspe =
        CapabilityEnvelopes.typed(
            "cloudspe", List.of(envelope("e6", T1, orchestrator(URI_1, sdxl, 2, 50))));
    Dataset<Row> result =
        CapabilityInventoryTransform.versions(
            CapabilityInventoryTransform.snapshots(daydream.unionByName(cloudspe)));
    CapabilityInventoryTransformTest.assertDeclared(result, CapabilityTables.CAPABILITY_VERSIONS);
    versions = result.orderBy("org", "orch_uri", "version_number").collectAsList();
  }

  @Test
  void consecutiveIdenticalAnnouncementsCollapseKeepingEveryTime() {
    assertThat(versions)
        .extracting(
            r -> r.getAs("org"),
            r -> r.getAs("orch_uri"),
            r -> r.getAs("version_number"),
            r -> instant(r.getAs("valid_from")),
            r -> instant(r.getAs("valid_to")),
            r -> instant(r.getAs("last_announced_at")),
            r -> r.getAs("announcement_count"),
            CapabilityVersionsTest::announcedAt,
            r -> r.getAs("first_event_id"))
        .containsExactly(
            // cloudspe saw the orchestrator once: its own history.
            tuple("cloudspe", URI_1, 1, T1, null, T1, 1, List.of(T1), "e6"),
            // e1 and e2 differ only in load: one version, both times kept.
            tuple("daydream", URI_1, 1, T0, T2, T1, 2, List.of(T0, T1), "e1"),
            // The model changed at e3; e4 lists the orchestrator twice: one announcement.
            tuple("daydream", URI_1, 2, T2, T4, T3, 2, List.of(T2, T3), "e3"),
            // Back to the first content: a new version, open-ended.
            tuple("daydream", URI_1, 3, T4, null, T4, 1, List.of(T4), "e5"),
            tuple("daydream", URI_2, 1, T0, null, T0, 1, List.of(T0), "e1"));
  }

  @Test
  void returningToEarlierContentRepeatsItsHash() {
    List<Row> uri1 =
        versions.stream()
            .filter(r -> r.getAs("org").equals("daydream") && r.getAs("orch_uri").equals(URI_1))
            .toList();
    assertThat(uri1.get(0).<String>getAs("content_hash"))
        .isEqualTo(uri1.get(2).getAs("content_hash"))
        .isNotEqualTo(uri1.get(1).getAs("content_hash"));
    assertThat(versions)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("orch_address")).isEqualTo(ADDRESS);
              assertThat(r.<String>getAs("node_version")).isEqualTo("0.8.8");
              assertThat(r.<Boolean>getAs("hardware_present")).isTrue();
            });
  }

  private static List<Instant> announcedAt(Row row) {
    List<Timestamp> times = row.getList(row.fieldIndex("announced_at"));
    return times.stream().map(Timestamp::toInstant).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
