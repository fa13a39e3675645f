package io.naaplake.jobs.silver.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.SilverWindows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attribution on explicit evidence. Every selection happens at 12:00:00 (T); announcements are
 * placed relative to it. Each case has its own URI, so cases do not see each other's evidence.
 */
class AttributionTest {
  private static final Instant T = Instant.parse("2026-01-08T12:00:00Z");
  private static final String ORG = "cloudspe";
  private static final String MODEL = "streamdiffusion-sdxl";
  private static final String LV2V = "live-video-to-video";

  private static final List<Row> SNAPSHOTS = new ArrayList<>();
  private static final List<Row> OFFERS = new ArrayList<>();
  private static final List<Row> HARDWARE = new ArrayList<>();
  private static final List<Row> UUID_MAP = new ArrayList<>();
  private static final List<Row> SELECTIONS = new ArrayList<>();
  private static Map<String, Row> attributed;

  @BeforeAll
  static void attributeEveryCase() {
    // fresh: announced 10 min before, one GPU for the model.
    announce("s-fresh", ORG, "0xaaa", "0xhot-a", "https://fresh:1", -600);
    offer("s-fresh", LV2V, MODEL);
    gpu("s-fresh", LV2V, MODEL, "GPU-1", "NVIDIA GeForce RTX 5090");
    select("fresh", "https://fresh:1", "0xhot-a", MODEL);
    // future skew: the only announcement came 74 s after the selection (the real sample's case).
    announce("s-skew", ORG, "0xbbb", null, "https://skew:1", 74);
    offer("s-skew", LV2V, MODEL);
    gpu("s-skew", LV2V, MODEL, "GPU-2", "NVIDIA GeForce RTX 4090");
    select("skew", "https://skew:1", null, MODEL);
    // beyond the skew: 6 min after is not evidence at all.
    announce("s-late", ORG, "0xbbc", null, "https://late:1", 360);
    select("late", "https://late:1", null, MODEL);
    // stale: 40 min before (outside the 30 min window, inside the 24 h look-back).
    announce("s-stale", ORG, "0xccc", null, "https://stale:1", -2400);
    offer("s-stale", LV2V, MODEL);
    gpu("s-stale", LV2V, MODEL, "GPU-3", "NVIDIA GeForce RTX 3090");
    select("stale", "https://stale:1", null, MODEL);
    // a fresh announcement beats an older one on the same surface.
    announce("s-two-old", ORG, "0xddd", null, "https://two:1", -1500);
    announce("s-two-new", ORG, "0xddd", null, "https://two:1", -60);
    offer("s-two-new", LV2V, MODEL);
    gpu("s-two-old", LV2V, MODEL, "GPU-old", "NVIDIA GeForce RTX 3090");
    gpu("s-two-new", LV2V, MODEL, "GPU-new", "NVIDIA GeForce RTX 3090");
    select("newest", "https://two:1", null, MODEL);
    // ambiguous: two on-chain addresses announce the same URI.
    announce("s-amb-1", ORG, "0xe01", null, "https://amb:1", -100);
    announce("s-amb-2", ORG, "0xe02", null, "https://amb:1", -200);
    select("ambiguous", "https://amb:1", null, MODEL);
    // two GPUs serve the model: orchestrator named, GPU left blank.
    announce("s-multi", ORG, "0xfff", null, "https://multi:1", -100);
    offer("s-multi", LV2V, MODEL);
    gpu("s-multi", LV2V, MODEL, "GPU-m1", "NVIDIA GeForce RTX 4090");
    gpu("s-multi", LV2V, MODEL, "GPU-m2", "NVIDIA GeForce RTX 4090");
    select("multi", "https://multi:1", null, MODEL);
    // the model hint picks the one GPU that serves it among two offers.
    announce("s-hint", ORG, "0x111", null, "https://hint:1", -100);
    offer("s-hint", LV2V, MODEL);
    offer("s-hint", LV2V, "other-model");
    gpu("s-hint", LV2V, MODEL, "GPU-h1", "NVIDIA GeForce RTX 4090");
    gpu("s-hint", LV2V, "other-model", "GPU-h2", "NVIDIA GeForce RTX 4090");
    select("hint", "https://hint:1", null, "other-model");
    // an offer without GPUs (PerCapability only).
    announce("s-nohw", ORG, "0x222", null, "https://nohw:1", -100);
    offer("s-nohw", LV2V, MODEL);
    select("hardware-less", "https://nohw:1", null, MODEL);
    // no URL observed: the hot-wallet address matches a snapshot's local_address.
    announce("s-alias", ORG, "0x333", "0xhot-alias", "https://alias:1", -100);
    offer("s-alias", LV2V, MODEL);
    gpu("s-alias", LV2V, MODEL, "GPU-a", "NVIDIA GeForce RTX 4090");
    select("alias", null, "0xhot-alias", MODEL);
    // a URL nobody announced, but the address is announced elsewhere: unresolved, say why.
    announce("s-elsewhere", ORG, "0x444", "0xhot-elsewhere", "https://elsewhere:1", -100);
    select("uri-missing", "https://unknown:1", "0xhot-elsewhere", MODEL);
    // only another org saw the orchestrator.
    announce("s-other-org", "daydream", "0x555", null, "https://otherorg:1", -100);
    select("other-org", "https://otherorg:1", null, MODEL);
    // nothing observed.
    select("nothing", null, null, MODEL);
    // a churned UUID maps to its physical GPU.
    announce("s-churn", ORG, "0x666", null, "https://churn:1", -100);
    offer("s-churn", LV2V, MODEL);
    gpu("s-churn", LV2V, MODEL, "GPU-churned", "NVIDIA GeForce RTX 4090");
    UUID_MAP.add(RowFactory.create("0x666", "https://churn:1", "GPU-churned", "pgpu-first"));

    SparkSession spark = LocalSpark.get();
    Dataset<Row> out =
        Attribution.attribute(
            spark.createDataFrame(SELECTIONS, selectionSchema()),
            new AttributionEvidence(
                spark.createDataFrame(SNAPSHOTS, snapshotSchema()),
                spark.createDataFrame(OFFERS, offerSchema()),
                spark.createDataFrame(HARDWARE, hardwareSchema()),
                spark.createDataFrame(UUID_MAP, uuidMapSchema())),
            SilverWindows.DEFAULTS);
    attributed = new HashMap<>();
    for (Row row : out.collectAsList()) {
      attributed.put(row.getAs("selection_key"), row);
    }
  }

  @Test
  void everySelectionIsAttributedOnceAndKeepsItsColumns() {
    assertThat(attributed).hasSize(SELECTIONS.size());
    assertThat(attributed.get("fresh").<String>getAs("model_hint")).isEqualTo(MODEL);
  }

  @Test
  void freshAnnouncementResolvesWithTheGpu() {
    assertOutcome("fresh", "resolved", "matched", "0xaaa", "GPU-1");
    assertThat(attributed.get("fresh").<String>getAs("attributed_gpu_name"))
        .isEqualTo("NVIDIA GeForce RTX 5090");
    assertThat(attributed.get("fresh").<String>getAs("attributed_pipeline")).isEqualTo(LV2V);
    assertThat(attributed.get("fresh").<String>getAs("snapshot_event_id")).isEqualTo("s-fresh");
  }

  @Test
  void announcementShortlyAfterIsFutureSkew() {
    assertOutcome("skew", "resolved", "future_skew", "0xbbb", "GPU-2");
    assertThat(attributed.get("skew").<Timestamp>getAs("snapshot_ts").toInstant())
        .isEqualTo(T.plusSeconds(74));
  }

  @Test
  void announcementBeyondTheSkewIsNoEvidence() {
    assertOutcome("late", "unresolved", "missing_candidate", null, null);
  }

  @Test
  void oldAnnouncementIsStale() {
    assertOutcome("stale", "stale", "stale_candidate", "0xccc", "GPU-3");
  }

  @Test
  void theMostRecentAnnouncementAtOrBeforeTheSelectionIsUsed() {
    assertOutcome("newest", "resolved", "matched", "0xddd", "GPU-new");
  }

  @Test
  void twoOrchestratorsOnOneUriAreAmbiguousAndNeitherIsNamed() {
    assertOutcome("ambiguous", "ambiguous", "ambiguous_candidates", null, null);
    assertThat(attributed.get("ambiguous").<String>getAs("attributed_orch_uri")).isNull();
  }

  @Test
  void severalGpusForTheModelLeaveTheGpuBlank() {
    assertOutcome("multi", "resolved", "matched", "0xfff", null);
  }

  @Test
  void theModelHintChoosesTheOfferAndItsGpu() {
    assertOutcome("hint", "resolved", "matched", "0x111", "GPU-h2");
    assertThat(attributed.get("hint").<String>getAs("attributed_model_id"))
        .isEqualTo("other-model");
  }

  @Test
  void offerWithoutGpusIsHardwareLess() {
    assertOutcome("hardware-less", "hardware_less", "matched_without_hardware", "0x222", null);
  }

  @Test
  void hotWalletAddressMatchesTheLocalAddressWhenNoUrlWasSeen() {
    assertOutcome("alias", "resolved", "matched", "0x333", "GPU-a");
  }

  @Test
  void unknownUrlIsUnresolvedEvenWhenTheAddressIsKnown() {
    assertOutcome(
        "uri-missing", "unresolved", "missing_uri_snapshot_address_match_present", null, null);
  }

  @Test
  void anotherOrgsAnnouncementsAreNotEvidence() {
    assertOutcome("other-org", "unresolved", "missing_candidate", null, null);
  }

  @Test
  void nothingObservedIsNoSelection() {
    assertOutcome("nothing", "no_selection", "no_observed_orchestrator", null, null);
  }

  @Test
  void churnedUuidCarriesItsPhysicalGpu() {
    assertOutcome("churn", "resolved", "matched", "0x666", "GPU-churned");
    assertThat(attributed.get("churn").<String>getAs("attributed_physical_gpu_id"))
        .isEqualTo("pgpu-first");
  }

  private static void assertOutcome(
      String key, String status, String reason, String address, String gpu) {
    Row row = attributed.get(key);
    assertThat(row).as(key).isNotNull();
    assertThat(row.<String>getAs("attribution_status")).as(key + " status").isEqualTo(status);
    assertThat(row.<String>getAs("attribution_reason")).as(key + " reason").isEqualTo(reason);
    assertThat(row.<String>getAs("attributed_orch_address"))
        .as(key + " address")
        .isEqualTo(address);
    assertThat(row.<String>getAs("attributed_gpu_id")).as(key + " gpu").isEqualTo(gpu);
  }

  static {
    // registered here so the churn selection exists before @BeforeAll builds the dataset
    select("churn", "https://churn:1", null, MODEL);
  }

  private static void announce(
      String eventId, String org, String address, String local, String uri, int secondsFromT) {
    SNAPSHOTS.add(
        RowFactory.create(
            org, eventId, 0, Timestamp.from(T.plusSeconds(secondsFromT)), address, local, uri));
  }

  private static void offer(String eventId, String pipeline, String model) {
    OFFERS.add(RowFactory.create(orgOf(eventId), eventId, 0, pipeline, model));
  }

  private static void gpu(String eventId, String pipeline, String model, String uuid, String name) {
    HARDWARE.add(RowFactory.create(orgOf(eventId), eventId, 0, pipeline, model, uuid, name));
  }

  private static String orgOf(String eventId) {
    return SNAPSHOTS.stream()
        .filter(r -> r.getString(1).equals(eventId))
        .findFirst()
        .map(r -> r.getString(0))
        .orElseThrow();
  }

  private static void select(String key, String url, String address, String model) {
    SELECTIONS.add(RowFactory.create(ORG, key, Timestamp.from(T), url, address, LV2V, model));
  }

  private static StructType selectionSchema() {
    return new StructType()
        .add("org", DataTypes.StringType)
        .add("selection_key", DataTypes.StringType)
        .add("selection_ts", DataTypes.TimestampType)
        .add("observed_url", DataTypes.StringType)
        .add("observed_address", DataTypes.StringType)
        .add("pipeline_hint", DataTypes.StringType)
        .add("model_hint", DataTypes.StringType);
  }

  private static StructType snapshotSchema() {
    return new StructType()
        .add("org", DataTypes.StringType)
        .add("event_id", DataTypes.StringType)
        .add("element_index", DataTypes.IntegerType)
        .add("snapshot_ts", DataTypes.TimestampType)
        .add("orch_address", DataTypes.StringType)
        .add("local_address", DataTypes.StringType)
        .add("orch_uri", DataTypes.StringType);
  }

  private static StructType offerSchema() {
    return new StructType()
        .add("org", DataTypes.StringType)
        .add("event_id", DataTypes.StringType)
        .add("element_index", DataTypes.IntegerType)
        .add("pipeline", DataTypes.StringType)
        .add("model_id", DataTypes.StringType);
  }

  private static StructType hardwareSchema() {
    return offerSchema()
        .add("gpu_uuid", DataTypes.StringType)
        .add("gpu_name", DataTypes.StringType);
  }

  private static StructType uuidMapSchema() {
    return new StructType()
        .add("orch_address", DataTypes.StringType)
        .add("orch_uri", DataTypes.StringType)
        .add("gpu_uuid", DataTypes.StringType)
        .add("physical_gpu_id", DataTypes.StringType);
  }
}
