package io.naaplake.jobs.gold.supply;

import static io.naaplake.jobs.gold.economics.TableRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.gold.economics.TableRows;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.schema.GoldSupplyTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden GPU supply with UUID churn, a GPU-less offer, an offer on mixed GPU models and streams
 * around the hour's edges. Announcements are typed and fingerprinted by silver; session hours and
 * selections are written by hand.
 *
 * <ul>
 *   <li>X (one RTX 4090): UUID GPU-A at 10:05, then GPU-B at 10:30 and 11:10 (GPU-A gone, same name
 *       and memory): one physical GPU reported under two UUIDs.
 *   <li>Y: two RTX 4090s, GPU-C and GPU-D, at 10:05.
 *   <li>W: GPU-E (RTX 3090) and GPU-F (RTX 4090) for the same model at 10:05.
 *   <li>Z: the model offered without GPUs at 10:05.
 * </ul>
 */
class GpuSupplyChurnTest {
  private static final Instant H10 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant H11 = Instant.parse("2026-01-08T11:00:00Z");
  private static final String RTX4090 = "NVIDIA GeForce RTX 4090";
  private static final String RTX3090 = "NVIDIA GeForce RTX 3090";
  private static final String LIVE = "live-video-to-video";
  private static final String X = "0x0000000000000000000000000000000000000001";

  private static List<Row> supply;
  private static List<Row> inventory;

  @BeforeAll
  static void compute() {
    var spark = LocalSpark.get();
    String x1 = orch(X, "x", 1, 0, "GPU-A:" + RTX4090 + ":25757220864");
    String y =
        orch(
            "0x0000000000000000000000000000000000000002",
            "y",
            2,
            2,
            "GPU-C:" + RTX4090 + ":25757220864",
            "GPU-D:" + RTX4090 + ":25757220864");
    String w =
        orch(
            "0x0000000000000000000000000000000000000004",
            "w",
            2,
            0,
            "GPU-E:" + RTX3090 + ":25769803776",
            "GPU-F:" + RTX4090 + ":25757220864");
    String z = orch("0x0000000000000000000000000000000000000003", "z", 4, 1);
    Dataset<Row> typed =
        TypedEvents.typed(
                spark,
                EventFamily.NETWORK_CAPABILITIES,
                "daydream",
                List.of(
                    envelope("e1", H10.plusSeconds(5 * 60), x1, y, w, z),
                    envelope(
                        "e2",
                        H10.plusSeconds(30 * 60),
                        orch(X, "x", 1, 1, "GPU-B:" + RTX4090 + ":25757220864")),
                    envelope(
                        "e3",
                        H11.plusSeconds(10 * 60),
                        orch(X, "x", 1, 0, "GPU-B:" + RTX4090 + ":25757220864"))))
            .cache();
    Dataset<Row> hardware = CapabilityInventoryTransform.hardware(typed).cache();
    Dataset<Row> uuidMap = CapabilityInventoryTransform.physicalGpus(hardware).gpuUuidMap();

    List<Map<String, Object>> hours = new ArrayList<>();
    List<Map<String, Object>> selections = new ArrayList<>();
    // S1: selected 09:50 (before the hour) on a 4090.
    stream(hours, selections, "s1", false, sel(0, "09:50", RTX4090));
    // S2: selected 10:20 on a 4090.
    stream(hours, selections, "s2", false, sel(0, "10:20", RTX4090));
    // S3: 3090 at 09:00, swapped to a 4090 at 09:30: only the 4090 is in effect in 10:00.
    stream(hours, selections, "s3", false, sel(0, "09:00", RTX3090), sel(1, "09:30", RTX4090));
    // S4: a terminal-tail hour: not streaming.
    stream(hours, selections, "s4", true, sel(0, "10:40", RTX4090));
    // S5: 4090 at 10:15, 3090 at 10:45: counts in both rows.
    stream(hours, selections, "s5", false, sel(0, "10:15", RTX4090), sel(1, "10:45", RTX3090));
    // S6: attributed to no single GPU; S8: not attributed, hints only. Both: unknown GPU model.
    stream(hours, selections, "s6", false, sel(0, "10:05", null));
    stream(
        hours,
        selections,
        "s8",
        false,
        sel(0, "10:06", null).with("attributed_pipeline", null).with("attributed_model_id", null));
    // S7: its first selection is after the hour: not streaming on anything in 10:00.
    stream(hours, selections, "s7", false, sel(0, "11:10", RTX4090));
    // S9: 4090 at 10:50, status in 10:00 and 11:00.
    stream(hours, selections, "s9", false, sel(0, "10:50", RTX4090));
    hours.add(hour("s9", H11, false));
    Instant settledBefore = H11;
    Dataset<Row> supplyRows =
        GpuSupplyHourly.compute(
            hardware,
            uuidMap,
            CapabilityInventoryTransform.offers(typed),
            TableRows.of(SessionTables.SESSION_HOURS, array(hours)),
            TableRows.of(SelectionTables.SESSION_SELECTIONS, array(selections)),
            settledBefore);
    supply = TableRows.assertDeclared(supplyRows, GoldSupplyTables.GPU_SUPPLY_HOURLY);
    inventory =
        TableRows.assertDeclared(
            GpuInventory.compute(hardware, uuidMap, settledBefore), GoldSupplyTables.GPU_INVENTORY);
  }

  @Test
  void churnGivesFewerPhysicalThanReportedGpus() {
    Row rtx4090 = find(H10, RTX4090);
    // Reported UUIDs: X GPU-A, GPU-B; Y GPU-C, GPU-D; W GPU-F = 5.
    // Physical: X 1 (GPU-B took over GPU-A's card) + Y 2 + W 1 = 4.
    // Orchestrators X, Y, W = 3.
    assertThat(rtx4090.<Long>getAs("reported_gpu_uuids")).isEqualTo(5L);
    assertThat(rtx4090.<Long>getAs("physical_gpus")).isEqualTo(4L);
    assertThat(rtx4090.<Long>getAs("orchestrators")).isEqualTo(3L);
    // 11:00: X's GPU-B alone.
    Row later = find(H11, RTX4090);
    assertThat(later.<Long>getAs("reported_gpu_uuids")).isEqualTo(1L);
    assertThat(later.<Long>getAs("physical_gpus")).isEqualTo(1L);
  }

  @Test
  void capacityFromEachSurfacesLatestAnnouncement() {
    // 4090: X's latest in 10:00 is 10:30 (capacity 1, in use 1), Y's 10:05 (2, 2): 3 and 3.
    // W's GPUs are of two models: its capacity (2, 0) counts under the unknown model (null), with
    // Z's
    // GPU-less offer (4, 1): 6 and 1. The 3090 row has GPUs but no single-model offer: null.
    assertThat(find(H10, RTX4090))
        .extracting(r -> r.getAs("advertised_capacity"), r -> r.getAs("capacity_in_use"))
        .containsExactly(3L, 3L);
    assertThat(find(H10, null))
        .extracting(r -> r.getAs("advertised_capacity"), r -> r.getAs("capacity_in_use"))
        .containsExactly(6L, 1L);
    assertThat(find(H10, RTX3090))
        .extracting(r -> r.getAs("advertised_capacity"), r -> r.getAs("capacity_in_use"))
        .containsExactly(null, null);
    // Orchestrators under the unknown model: Z only (W's GPUs are named).
    assertThat(find(H10, null).<Long>getAs("orchestrators")).isEqualTo(1L);
    // 11:00: X at 11:10, capacity 1, none in use.
    assertThat(find(H11, RTX4090))
        .extracting(r -> r.getAs("advertised_capacity"), r -> r.getAs("capacity_in_use"))
        .containsExactly(1L, 0L);
  }

  @Test
  void activeStreamsAndAvailableCapacityMayGoNegative() {
    // 4090 in 10:00: S1 (09:50), S2, S3 (its 09:30 swap), S5 (until 10:45), S9 = 5; not S4
    // (terminal tail) nor S7 (selected 11:10). Available = physical 4 - 5 = -1: oversubscribed.
    assertThat(find(H10, RTX4090))
        .extracting(r -> r.getAs("active_streams"), r -> r.getAs("available_capacity"))
        .containsExactly(5L, -1L);
    // 3090 in 10:00: S5 from 10:45 (S3's 3090 ended at 09:30). Available 1 - 1 = 0.
    assertThat(find(H10, RTX3090))
        .extracting(r -> r.getAs("active_streams"), r -> r.getAs("available_capacity"))
        .containsExactly(1L, 0L);
    // No single GPU: S6 and S8; GPUs unknown, so no available capacity.
    assertThat(find(H10, null))
        .extracting(r -> r.getAs("active_streams"), r -> r.getAs("available_capacity"))
        .containsExactly(2L, null);
    // 11:00: S9 on X's one GPU: 1 - 1 = 0.
    assertThat(find(H11, RTX4090))
        .extracting(r -> r.getAs("active_streams"), r -> r.getAs("available_capacity"))
        .containsExactly(1L, 0L);
  }

  @Test
  void everyRowIsTheModelAndHourItSays() {
    assertThat(supply)
        .extracting(
            r -> r.<Timestamp>getAs("window_start").toInstant(),
            r -> r.getAs("gpu_model_name"),
            r -> r.getAs("pipeline"),
            r -> r.getAs("model_id"),
            r -> r.getAs("is_settled"))
        .containsExactlyInAnyOrder(
            tuple(H10, RTX4090, LIVE, "m", true),
            tuple(H10, RTX3090, LIVE, "m", true),
            tuple(H10, null, LIVE, "m", true),
            tuple(H11, RTX4090, LIVE, "m", false));
  }

  @Test
  void inventoryListsEveryUuidAndSharesThePhysicalGpu() {
    // Day 2026-01-08: X GPU-A, GPU-B; Y GPU-C, GPU-D; W GPU-E, GPU-F = 6 UUIDs, 5 physical GPUs.
    assertThat(inventory).hasSize(6);
    assertThat(inventory.stream().map(r -> r.<String>getAs("physical_gpu_id")).distinct())
        .hasSize(5);
    Row a = gpu("GPU-A");
    Row b = gpu("GPU-B");
    assertThat(b.<String>getAs("physical_gpu_id")).isEqualTo(a.getAs("physical_gpu_id"));
    // GPU-B: seen at 10:30 and 11:10 (2 announcements); GPU-A once at 10:05.
    assertThat(b.<Timestamp>getAs("first_seen").toInstant()).isEqualTo(H10.plusSeconds(30 * 60));
    assertThat(b.<Timestamp>getAs("last_seen").toInstant()).isEqualTo(H11.plusSeconds(10 * 60));
    assertThat(b.<Long>getAs("announcements")).isEqualTo(2L);
    assertThat(a.<Long>getAs("announcements")).isEqualTo(1L);
    // 25,757,220,864 bytes / 2^30 = 23.988... GiB -> 23.99.
    assertThat(b.getAs("memory_gib").toString()).isEqualTo("23.99");
    assertThat(b.<String>getAs("orch_uri")).isEqualTo("https://x.example:8935");
    // The day has not ended by 11:00: not settled.
    assertThat(b.<Boolean>getAs("is_settled")).isFalse();
  }

  private static Row find(Instant hour, String gpuModel) {
    List<Row> matching =
        supply.stream()
            .filter(r -> r.<Timestamp>getAs("window_start").toInstant().equals(hour))
            .filter(r -> Objects.equals(r.getAs("gpu_model_name"), gpuModel))
            .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static Row gpu(String uuid) {
    return inventory.stream().filter(r -> r.getAs("gpu_id").equals(uuid)).findFirst().orElseThrow();
  }

  /** A session with one status hour at 10:00 and its selections. */
  private static void stream(
      List<Map<String, Object>> hours,
      List<Map<String, Object>> selections,
      String session,
      boolean terminalTail,
      Selection... picks) {
    hours.add(hour(session, H10, terminalTail));
    for (Selection pick : picks) {
      Map<String, Object> values =
          row(
              "org",
              "cloudspe",
              "session_key",
              key(session),
              "selection_seq",
              pick.seq,
              "selection_ts",
              Instant.parse("2026-01-08T" + pick.time + ":00Z"),
              "pipeline_hint",
              LIVE,
              "model_hint",
              "m",
              "attributed_gpu_name",
              pick.gpuName,
              "attributed_pipeline",
              LIVE,
              "attributed_model_id",
              "m");
      values.putAll(pick.overrides);
      selections.add(values);
    }
  }

  private static Map<String, Object> hour(String session, Instant hour, boolean terminalTail) {
    return row(
        "org",
        "cloudspe",
        "session_key",
        key(session),
        "hour",
        hour,
        "hour_date",
        LocalDate.parse("2026-01-08"),
        "terminal_tail",
        terminalTail);
  }

  private static String key(String session) {
    return "cloudspe|" + session + "|r";
  }

  private static Selection sel(int seq, String time, String gpuName) {
    return new Selection(seq, time, gpuName, new java.util.HashMap<>());
  }

  private record Selection(int seq, String time, String gpuName, Map<String, Object> overrides) {
    Selection with(String column, Object value) {
      overrides.put(column, value);
      return this;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] array(List<Map<String, Object>> rows) {
    return rows.toArray(new Map[0]);
  }

  /** An orchestrator offering live-video-to-video model m with the given GPUs (uuid:name:bytes). */
  private static String orch(String address, String host, int capacity, int inUse, String... gpus) {
    StringBuilder info = new StringBuilder();
    for (int i = 0; i < gpus.length; i++) {
      String[] gpu = gpus[i].split(":");
      info.append(i == 0 ? "" : ",")
          .append(
              "\"%d\":{\"id\":\"%s\",\"name\":\"%s\",\"memory_total\":%s}"
                  .formatted(i, gpu[0], gpu[1], gpu[2]));
    }
    String hardware =
        gpus.length == 0
            ? "null"
            : "[{\"pipeline\":\"live-video-to-video\",\"model_id\":\"m\",\"gpu_info\":{"
                + info
                + "}}]";
    return """
        {"address":"%s","orch_uri":"https://%s.example:8935",
         "capabilities":{"version":"0.8.8","constraints":{"PerCapability":{"35":{"models":{
           "m":{"warm":true,"capacity":%d,"capacityInUse":%d}}}}}},
         "hardware":%s}
        """
        .formatted(address, host, capacity, inUse, hardware);
  }

  private static String envelope(String id, Instant time, String... orchestrators) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"network_capabilities\",\"timestamp\":\""
        + time.toEpochMilli()
        + "\",\"gateway\":\"0xGateway\",\"data\":["
        + String.join(",", orchestrators)
        + "]}";
  }
}
