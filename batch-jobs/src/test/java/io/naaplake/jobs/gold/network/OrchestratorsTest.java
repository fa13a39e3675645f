package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.GoldNetworkTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Orchestrator X announces two surfaces: x1 (long ago, then an hour before as_of, then after as_of)
 * and x2 (two days before as_of, no longer current). Y announces once via another org, without
 * GPUs.
 */
class OrchestratorsTest {
  private static final Instant AS_OF = at("2026-01-08T12:00:00Z");
  private static final String X = "0x0000000000000000000000000000000000000001";
  private static final String Y = "0x0000000000000000000000000000000000000002";
  private static final String X1 = "https://x1.example:8935";
  private static final String X2 = "https://x2.example:8935";
  private static final String LV2V = "live-video-to-video";
  private static final String RTX4090 = "NVIDIA GeForce RTX 4090";
  private static final String RTX5090 = "NVIDIA GeForce RTX 5090";

  /** The identity of announcement {@code eventId}: X's unless changed. */
  private static Map<String, Object> announcement(String eventId, String uri, String time) {
    return row(
        "org",
        "acme",
        "event_id",
        eventId,
        "element_index",
        0,
        "snapshot_ts",
        at(time),
        "orch_address",
        X,
        "orch_uri",
        uri);
  }

  private static Map<String, Object> offer(
      Map<String, Object> snapshot, String pipeline, String model) {
    return with(snapshot, "pipeline", pipeline, "model_id", model);
  }

  @Test
  void identityFromEveryAnnouncementOfferingFromTheCurrentOnes() {
    Map<String, Object> e1 = announcement("e1", X1, "2026-01-05T10:00:00Z");
    Map<String, Object> e2 = announcement("e2", X1, "2026-01-08T11:00:00Z");
    Map<String, Object> e3 = announcement("e3", X2, "2026-01-06T09:00:00Z");
    Map<String, Object> e4 = announcement("e4", X1, "2026-01-08T13:00:00Z");
    Map<String, Object> e5 =
        with(
            announcement("e5", "https://y.example", "2026-01-08T11:30:00Z"),
            "org",
            "other",
            "orch_address",
            Y);
    Dataset<Row> snapshots =
        SilverRows.of(
            CapabilityTables.ORCHESTRATOR_SNAPSHOTS,
            with(e1, "local_address", "0xl1", "node_version", "0.8.1"),
            with(e2, "local_address", "0xl1", "node_version", "0.8.2"),
            with(e3, "local_address", "0xl2"),
            // After as_of: unknown at 12:00.
            with(e4, "local_address", "0xl9", "node_version", "0.9.0"),
            e5);
    Dataset<Row> offers =
        SilverRows.of(
            CapabilityTables.CAPABILITY_OFFERS,
            offer(e1, "text-to-image", "old-model"),
            offer(e2, LV2V, "sdxl"),
            offer(e2, LV2V, "faceid"),
            offer(e3, "llm", "llama"),
            offer(e4, "llm", "future"),
            offer(e5, "llm", "llama"));
    Dataset<Row> hardware =
        SilverRows.of(
            CapabilityTables.GPU_HARDWARE,
            with(offer(e2, LV2V, "sdxl"), "gpu_uuid", "GPU-1", "gpu_name", RTX4090),
            // The same GPU serving a second model counts once.
            with(offer(e2, LV2V, "faceid"), "gpu_uuid", "GPU-1", "gpu_name", RTX4090),
            with(offer(e2, LV2V, "sdxl"), "gpu_uuid", "GPU-2", "gpu_name", RTX5090),
            with(offer(e3, "llm", "llama"), "gpu_uuid", "GPU-3", "gpu_name", "old GPU"));
    Dataset<Row> uuidMap =
        SilverRows.of(
            CapabilityTables.GPU_UUID_MAP,
            row(
                "orch_address",
                X,
                "orch_uri",
                X1,
                "gpu_uuid",
                "GPU-1",
                "physical_gpu_id",
                "pgpu-1",
                "first_seen",
                at("2026-01-01T00:00:00Z"),
                "last_seen",
                at("2026-01-08T11:00:00Z")));

    Dataset<Row> result =
        Orchestrators.at(snapshots, offers, hardware, uuidMap, AS_OF, at("2026-01-08T11:00:00Z"));

    SilverRows.assertDeclared(result, GoldNetworkTables.ORCHESTRATORS);
    Map<String, Row> rows = SilverRows.byKey(result, "orchestrator_address");
    assertThat(rows.keySet()).containsExactlyInAnyOrder(X, Y);
    Row x = rows.get(X);
    // Identity over e1, e2, e3 (e4 is after as_of).
    assertThat(x.getList(x.fieldIndex("orch_uris"))).containsExactly(X1, X2);
    assertThat(x.getList(x.fieldIndex("local_addresses"))).containsExactly("0xl1", "0xl2");
    assertThat(x.<String>getAs("node_version")).isEqualTo("0.8.2");
    assertThat(x.<Long>getAs("announcements")).isEqualTo(3L);
    assertThat(x.<Long>getAs("surfaces")).isEqualTo(2L);
    assertThat(x.<Timestamp>getAs("first_seen").toInstant()).isEqualTo(at("2026-01-05T10:00:00Z"));
    assertThat(x.<Timestamp>getAs("last_seen").toInstant()).isEqualTo(at("2026-01-08T11:00:00Z"));
    // Current: x1's latest is e2 (11:00, within 24 h); x2's latest e3 is 51 h old.
    assertThat(x.<Long>getAs("current_surfaces")).isEqualTo(1L);
    assertThat(x.getList(x.fieldIndex("pipelines"))).containsExactly(LV2V);
    assertThat(x.getList(x.fieldIndex("model_ids"))).containsExactly("faceid", "sdxl");
    // GPU-1 is pgpu-1 (map row covers 11:00); GPU-2 has no map row and counts as itself.
    assertThat(x.<Long>getAs("physical_gpus")).isEqualTo(2L);
    assertThat(x.<Long>getAs("reported_gpu_uuids")).isEqualTo(2L);
    assertThat(x.getList(x.fieldIndex("gpu_model_names"))).containsExactly(RTX4090, RTX5090);
    // as_of 12:00 is after the settlement instant 11:00.
    assertThat(x.<Boolean>getAs("is_settled")).isFalse();

    Row y = rows.get(Y);
    assertThat(y.getList(y.fieldIndex("pipelines"))).containsExactly("llm");
    assertThat(y.getList(y.fieldIndex("local_addresses"))).isEqualTo(List.of());
    assertThat(y.<String>getAs("node_version")).isNull();
    assertThat(y.<Long>getAs("physical_gpus")).isZero();
    assertThat(y.getList(y.fieldIndex("gpu_model_names"))).isEmpty();
  }
}
