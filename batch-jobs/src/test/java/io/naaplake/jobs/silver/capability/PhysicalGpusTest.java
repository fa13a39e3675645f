package io.naaplake.jobs.silver.capability;

import static io.naaplake.jobs.silver.capability.CapabilityEnvelopes.envelope;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.CapabilityTables;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GPU UUID churn through the whole chain (envelopes, typed rows, gpu_hardware, fingerprint), across
 * two orgs polling the same hosts. Orchestrator O reports RTX 4090 UUID A at t0 (daydream, memory
 * in bytes), B instead at t1 (cloudspe, memory in MiB), then B under two models plus a new RTX 5090
 * E at t2. Orchestrator P reports two identical RTX 4090s, C and D, at t0 and t1.
 */
class PhysicalGpusTest {
  private static final String O = "0x000000000000000000000000000000000000000a";
  private static final String P = "0x000000000000000000000000000000000000000b";
  private static final String O_URI = "https://o.example:8935";
  private static final String P_URI = "https://p.example:8935";
  private static final Instant T0 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1500);
  private static final Instant T2 = T1.plusSeconds(1500);
  private static final String RTX_4090 = "NVIDIA GeForce RTX 4090";

  private static List<Row> physicalGpus;
  private static List<Row> uuidMap;

  private static String gpu(String id, String name, long memory) {
    return "{\"id\":\"%s\",\"name\":\"%s\",\"memory_total\":%d}".formatted(id, name, memory);
  }

  private static String entry(String pipeline, String model, String... gpus) {
    StringBuilder info = new StringBuilder();
    for (int i = 0; i < gpus.length; i++) {
      info.append(i == 0 ? "" : ",").append("\"").append(i).append("\":").append(gpus[i]);
    }
    return "{\"pipeline\":\"%s\",\"model_id\":\"%s\",\"gpu_info\":{%s}}"
        .formatted(pipeline, model, info);
  }

  private static String orchestrator(String address, String uri, String... entries) {
    return "{\"address\":\"%s\",\"orch_uri\":\"%s\",\"hardware\":[%s]}"
        .formatted(address, uri, String.join(",", entries));
  }

  @BeforeAll
  static void fingerprint() {
    LocalSpark.get();
    String a = gpu("GPU-A", RTX_4090, 25757220864L); // 23.99 GiB
    String b = gpu("GPU-B", RTX_4090, 24564L); // MiB: 24564 / 1024 = 23.99 GiB
    String e = gpu("GPU-E", "NVIDIA GeForce RTX 5090", 34190917632L);
    String c = gpu("GPU-C", RTX_4090, 25757220864L);
    String d = gpu("GPU-D", RTX_4090, 25757220864L);
    String live = "live-video-to-video";
    Dataset<Row> daydream =
        CapabilityEnvelopes.typed(
            "daydream",
            List.of(
                envelope(
                    "e1",
                    T0,
                    orchestrator(O, O_URI, entry(live, "sdxl", a)),
                    orchestrator(P, P_URI, entry(live, "sdxl", c, d))),
                envelope(
                    "e3",
                    T2,
                    orchestrator(
                        O, O_URI, entry(live, "sdxl", b), entry("text-to-image", "flux", b, e)))));
    Dataset<Row> cloudspe =
        CapabilityEnvelopes.typed(
            "cloudspe",
            List.of(
                envelope(
                    "e2",
                    T1,
                    orchestrator(O, O_URI, entry(live, "sdxl", b)),
                    orchestrator(P, P_URI, entry(live, "sdxl", d, c)))));
    PhysicalGpuTables tables =
        CapabilityInventoryTransform.physicalGpus(
            CapabilityInventoryTransform.hardware(daydream.unionByName(cloudspe)));
    CapabilityInventoryTransformTest.assertDeclared(
        tables.physicalGpus(), CapabilityTables.PHYSICAL_GPUS);
    CapabilityInventoryTransformTest.assertDeclared(
        tables.gpuUuidMap(), CapabilityTables.GPU_UUID_MAP);
    physicalGpus = tables.physicalGpus().collectAsList();
    uuidMap = tables.gpuUuidMap().collectAsList();
  }

  @Test
  void churnedUuidIsOneGpuIdenticalCardsAreTwoAnotherModelIsNew() {
    assertThat(physicalGpus)
        .extracting(
            r -> r.getAs("physical_gpu_id"),
            r -> r.getAs("orch_address"),
            r -> r.getAs("orch_uri"),
            r -> r.getAs("gpu_name"),
            r -> r.getAs("memory_gib"),
            r -> instant(r.getAs("first_seen")),
            r -> instant(r.getAs("last_seen")),
            r -> r.getAs("uuid_count"),
            r -> r.getAs("current_uuid"))
        .containsExactlyInAnyOrder(
            // A vanished at t1 as B appeared, same name and 24 GiB: one card, named after A.
            tuple(id(O, O_URI, "GPU-A"), O, O_URI, RTX_4090, gib("23.99"), T0, T2, 2, "GPU-B"),
            tuple(
                id(O, O_URI, "GPU-E"),
                O,
                O_URI,
                "NVIDIA GeForce RTX 5090",
                gib("31.84"),
                T2,
                T2,
                1,
                "GPU-E"),
            // Two identical cards in one snapshot stay two.
            tuple(id(P, P_URI, "GPU-C"), P, P_URI, RTX_4090, gib("23.99"), T0, T1, 1, "GPU-C"),
            tuple(id(P, P_URI, "GPU-D"), P, P_URI, RTX_4090, gib("23.99"), T0, T1, 1, "GPU-D"));
  }

  @Test
  void everyUuidMapsToItsPhysicalGpu() {
    assertThat(uuidMap)
        .extracting(
            r -> r.getAs("orch_address"),
            r -> r.getAs("orch_uri"),
            r -> r.getAs("gpu_uuid"),
            r -> r.getAs("physical_gpu_id"),
            r -> instant(r.getAs("first_seen")),
            r -> instant(r.getAs("last_seen")))
        .containsExactlyInAnyOrder(
            tuple(O, O_URI, "GPU-A", id(O, O_URI, "GPU-A"), T0, T0),
            // B was first reported via the other org at t1: orgs share the hardware.
            tuple(O, O_URI, "GPU-B", id(O, O_URI, "GPU-A"), T1, T2),
            tuple(O, O_URI, "GPU-E", id(O, O_URI, "GPU-E"), T2, T2),
            tuple(P, P_URI, "GPU-C", id(P, P_URI, "GPU-C"), T0, T1),
            tuple(P, P_URI, "GPU-D", id(P, P_URI, "GPU-D"), T0, T1));
  }

  /** The documented id: pgpu- and the first 16 hex of sha256(address|uri|founding UUID). */
  private static String id(String address, String uri, String uuid) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((address + "|" + uri + "|" + uuid).getBytes(UTF_8));
      return "pgpu-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static BigDecimal gib(String value) {
    return new BigDecimal(value);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toInstant();
  }
}
