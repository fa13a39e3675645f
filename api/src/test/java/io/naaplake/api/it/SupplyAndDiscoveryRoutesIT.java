package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GPU supply, capacity, per-model offers, prices, discovery and orchestrator identity, against the
 * real Trino over the fixture lake. Every expected figure is counted by hand from the events the
 * fixture published, mostly the real capabilities response (../shared/samples/
 * getNetworkCapabilities.json, RealCapabilitiesScenario: its 53 orchestrator entries as one
 * network_capabilities event dated 2025-12-20T00:00Z) and the real streaming sample
 * (streaming-events-2026-01-08.kafka-ui.json, RealSampleScenario: one announcement of 0xd003… at
 * 2026-01-08T21:50:21.590Z and one live session in the 21:00 hour).
 *
 * <p>The shared server is served as of 2026-01-09T01:00Z. Routes that look at "the newest supply
 * hour within 24 h" or "quotes of the last 24 h" only see the real sample's announcement there; the
 * capabilities response is 20 days older. Two private servers move "now" instead of the data: one
 * to 2025-12-20T01:00Z, an hour after the capabilities response, and one to 2026-01-08T22:00Z, so
 * that the real sample's SLA hour (21:00) lies in discovery's two-hour window.
 *
 * <p>Capability ids of the response, as its capabilities_names say: 27 text-to-image, 28
 * image-to-image, 29 image-to-video, 30 upscale, 31 audio-to-text, 32 segment-anything-2, 33 llm,
 * 34 image-to-text, 35 live-video-to-video, 36 text-to-speech.
 */
class SupplyAndDiscoveryRoutesIT {
  /** In the capabilities response (an llm offer) and the real sample's only orchestrator. */
  private static final String XODE = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";

  /** Capabilities response: four RTX 5090 for live-video-to-video/streamdiffusion-sdxl-faceid. */
  private static final String BRZ = "0x75fbf65a3dfe93545c9768f163e59a02daf08d36";

  /** Capabilities response: an RTX 3090 (upscale) and an RTX 4070 Ti SUPER (text-to-image). */
  private static final String D4C4 = "0xd4c467d8c13752ab7bb9711bc77de2a9f52a65f6";

  /** Capabilities response: listed twice (the 39th and 48th entries), identically. */
  private static final String LEGIO = "0x733da28b0145ff561868e408d2ac8565ebe73aab";

  /** Capabilities response: 20 price quotes, 13 of them text-to-image. */
  private static final String MULTI = "0x3b28a7d785356dc67c7970666747e042305bfb79";

  /**
   * Capabilities response: the four orchestrators quoting live-video-to-video/streamdiffusion-sdxl.
   */
  private static final String COEF = "0x0fc80afb7876f579f1fb1c4d1c37cf1339038658";

  private static final String MANGO = "0x10b21af759129f32c6064adfb85d3ea2a8c0209c";
  private static final String ULTIMA = "0x2e3a21ae7cdeb48f57fcad1ce16b258d5502ac05";
  private static final String ARJO = "0xbd677e96a755207d348578727aa57a512c2022bd";

  /** Capabilities response: the two other orchestrators quoting text-to-image FLUX.1-dev. */
  private static final String STRONK = "0x847791cbf03be716a7fe9dc8c9affe17bd49ae5e";

  private static final String PONETH = "0xdc28f2842810d1a013ad51de174d02eaba192dc7";

  private static final String CAPABILITIES_TIME = "2025-12-20T00:00:00Z";
  private static final String SAMPLE_ANNOUNCED = "2026-01-08T21:50:21.590Z";
  private static final String LIVE = "live-video-to-video";
  private static final String FACEID = "streamdiffusion-sdxl-faceid";
  private static final String SDXL = "streamdiffusion-sdxl";
  private static final String RTX_5090 = "NVIDIA GeForce RTX 5090";

  private static final ApiClient api = SharedApi.get().client();

  /** Served as of an hour after the capabilities response. */
  private static AsOfApi capabilitiesHour;

  /** Served as of 2026-01-08T22:00Z: the real sample's SLA hour is in the last two hours. */
  private static AsOfApi sampleEvening;

  @BeforeAll
  static void startPrivateServers() {
    capabilitiesHour = new AsOfApi(Instant.parse("2025-12-20T01:00:00Z"));
    sampleEvening = new AsOfApi(Instant.parse("2026-01-08T22:00:00Z"));
  }

  @AfterAll
  static void stopPrivateServers() {
    if (capabilitiesHour != null) {
      capabilitiesHour.close();
    }
    if (sampleEvening != null) {
      sampleEvening.close();
    }
  }

  // ---------------------------------------------------------------- /v1/supply/gpus

  @Test
  void supplyGpusByGpuModelOnTheCapabilitiesDate() {
    // The response's hardware[].gpu_info lists 19 GPU UUIDs, all distinct (one sighting each, so
    // no UUID churn: physical = reported). By gpu_info.name, with the orchestrators listing them:
    //   A100-SXM4-40GB: 0xdc28 → 1 GPU, 1 orchestrator
    //   RTX 3090: 0xd4c4, 0xf909 → 2, 2
    //   RTX 4070 Ti SUPER: 0x22b1, 0xd4c4 → 2, 2
    //   RTX 4090: 0x2e3a 1, 0x104a 2, 0xbd67 2 → 5, 3
    //   RTX 5090: 0x3bbe 1, 0x75fb 4, 0x10b2 1 → 6, 3
    //   RTX 6000 Ada: 0x8477 → 1, 1; RTX A4000: 0x3b28 → 1, 1; Tesla P4: 0x3b28 → 1, 1
    JsonNode data = ok("/v1/supply/gpus?date=2025-12-20");
    assertThat(rows(data))
        .extracting(
            r -> v(r, "group_by"),
            r -> v(r, "group_value"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "orchestrators"))
        .containsExactly(
            tuple("gpu_model", "NVIDIA A100-SXM4-40GB", 1L, 1L, 1L),
            tuple("gpu_model", "NVIDIA GeForce RTX 3090", 2L, 2L, 2L),
            tuple("gpu_model", "NVIDIA GeForce RTX 4070 Ti SUPER", 2L, 2L, 2L),
            tuple("gpu_model", "NVIDIA GeForce RTX 4090", 5L, 5L, 3L),
            tuple("gpu_model", RTX_5090, 6L, 6L, 3L),
            tuple("gpu_model", "NVIDIA RTX 6000 Ada Generation", 1L, 1L, 1L),
            tuple("gpu_model", "NVIDIA RTX A4000", 1L, 1L, 1L),
            tuple("gpu_model", "Tesla P4", 1L, 1L, 1L));
  }

  @Test
  void supplyGpusByPipelineOnTheCapabilitiesDate() {
    // The same 19 GPUs by hardware[].pipeline (each GPU is listed under exactly one):
    //   audio-to-text: 0x3b28's A4000 → 1 GPU, 1 orchestrator
    //   image-to-text: 0x3b28's P4 → 1, 1
    //   live-video-to-video: the 5 RTX 4090 and 6 RTX 5090 above → 11; orchestrators 0x2e3a,
    //     0x104a, 0xbd67, 0x3bbe, 0x75fb, 0x10b2 → 6
    //   text-to-image: 0x22b1 4070 Ti S, 0xd4c4 4070 Ti S, 0xf909 3090, 0x8477 6000 Ada,
    //     0xdc28 A100 → 5, 5
    //   upscale: 0xd4c4's 3090 → 1, 1
    // 1 + 1 + 11 + 5 + 1 = 19.
    JsonNode data = ok("/v1/supply/gpus?date=2025-12-20&by=pipeline");
    assertThat(rows(data))
        .extracting(
            r -> v(r, "group_by"),
            r -> v(r, "group_value"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "orchestrators"))
        .containsExactly(
            tuple("pipeline", "audio-to-text", 1L, 1L, 1L),
            tuple("pipeline", "image-to-text", 1L, 1L, 1L),
            tuple("pipeline", LIVE, 11L, 11L, 6L),
            tuple("pipeline", "text-to-image", 5L, 5L, 5L),
            tuple("pipeline", "upscale", 1L, 1L, 1L));
  }

  @Test
  void supplyGpusByModelOnTheCapabilitiesDate() {
    // The same 19 GPUs by hardware[].model_id:
    //   SG161222/RealVisXL_V4.0_Lightning: 0x22b1, 0xd4c4, 0xf909, one each → 3 GPUs, 3 orchs
    //   Salesforce/blip-image-captioning-large: 0x3b28 → 1, 1
    //   black-forest-labs/FLUX.1-dev: 0x8477, 0xdc28 → 2, 2
    //   openai/whisper-large-v3-turbo: 0x3b28 → 1, 1
    //   stabilityai/stable-diffusion-x4-upscaler: 0xd4c4 → 1, 1
    //   streamdiffusion-sdxl: 0x2e3a 1, 0x10b2 1, 0xbd67 2 → 4, 3
    //   streamdiffusion-sdxl-faceid: 0x3bbe 1, 0x104a 2, 0x75fb 4 → 7, 3
    // 3 + 1 + 2 + 1 + 1 + 4 + 7 = 19.
    JsonNode data = ok("/v1/supply/gpus?date=2025-12-20&by=model");
    assertThat(rows(data))
        .extracting(
            r -> v(r, "group_value"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "orchestrators"))
        .containsExactly(
            tuple("SG161222/RealVisXL_V4.0_Lightning", 3L, 3L, 3L),
            tuple("Salesforce/blip-image-captioning-large", 1L, 1L, 1L),
            tuple("black-forest-labs/FLUX.1-dev", 2L, 2L, 2L),
            tuple("openai/whisper-large-v3-turbo", 1L, 1L, 1L),
            tuple("stabilityai/stable-diffusion-x4-upscaler", 1L, 1L, 1L),
            tuple(SDXL, 4L, 4L, 3L),
            tuple(FACEID, 7L, 7L, 3L));
  }

  @Test
  void supplyGpusDefaultDateIsTheDateOfNow() {
    // Without date= the route counts the date of now, 2026-01-09: no fixture announcement falls
    // on it (the newest is the real sample's, 2026-01-08T21:50:21.590Z), so the list is empty.
    assertThat(rows(ok("/v1/supply/gpus"))).isEmpty();
    // That announcement lists one GPU (GPU-a8d13655…, an RTX 5090) for 0xd003…: 1, 1, 1.
    assertThat(rows(ok("/v1/supply/gpus?date=2026-01-08")))
        .extracting(
            r -> v(r, "group_value"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "orchestrators"))
        .containsExactly(tuple(RTX_5090, 1L, 1L, 1L));
  }

  // ---------------------------------------------------------------- /v1/supply/gpus/history

  @Test
  void supplyGpuHistoryOfTheCapabilitiesHour() {
    // The 2025-12-20 00:00 hour, RTX 5090 only (the response's one announcement per surface):
    //   streamdiffusion-sdxl: 0x10b2's one GPU; its PerCapability 35 model capacity 1, no
    //     capacityInUse → reported 1, physical 1, 1 orchestrator, advertised 1, in use null
    //   streamdiffusion-sdxl-faceid: 0x3bbe 1 GPU (capacityInUse 1, no capacity) + 0x75fb 4 GPUs
    //     (capacity 4, no capacityInUse) → 5, 5, 2 orchestrators, advertised 4, in use 1
    // No session streamed that day: active 0, available = physical − active.
    String window = "start=2025-12-20T00:00:00Z&end=2025-12-20T01:00:00Z";
    JsonNode data = ok("/v1/supply/gpus/history?" + window + "&gpu_model=" + enc(RTX_5090));
    assertThat(rows(data))
        .extracting(
            r -> v(r, "window_start"),
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "orchestrators"),
            r -> v(r, "advertised_capacity"),
            r -> v(r, "capacity_in_use"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"))
        .containsExactly(
            tuple(CAPABILITIES_TIME, LIVE, SDXL, 1L, 1L, 1L, 1L, null, 0L, 1L),
            tuple(CAPABILITIES_TIME, LIVE, FACEID, 5L, 5L, 2L, 4L, 1L, 0L, 5L));
  }

  @Test
  void supplyGpuHistoryDefaultWindowIsTheRealSampleHour() {
    // The default window is the 24 h before now, [2026-01-08T01:00Z, 2026-01-09T01:00Z): only the
    // real sample's announcement (21:50) falls in it. It lists one RTX 5090 for faceid with
    // PerCapability capacityInUse 1 and no capacity; the sample's one session
    // (stream-o5s73x-mk5zc8fy, 17 ai_stream_status in 21:49–21:51) runs on it: active 1, so
    // available = 1 physical − 1 active = 0.
    JsonNode data = ok("/v1/supply/gpus/history");
    assertThat(rows(data))
        .extracting(
            r -> v(r, "window_start"),
            r -> v(r, "gpu_model_name"),
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "reported_gpu_uuids"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "orchestrators"),
            r -> v(r, "advertised_capacity"),
            r -> v(r, "capacity_in_use"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"))
        .containsExactly(
            tuple("2026-01-08T21:00:00Z", RTX_5090, LIVE, FACEID, 1L, 1L, 1L, null, 1L, 1L, 0L));
  }

  // ---------------------------------------------------------------- /v1/supply/capacity

  @Test
  void capacityAtNowIsTheRealSampleHour() {
    // Newest supply hour at or before 2026-01-09T01:00Z within 24 h: 2026-01-08 21:00, the real
    // sample's hour. Its one offer (0xd003…, faceid, one RTX 5090) reports capacityInUse 1 but no
    // capacity → advertised null; the session streams on it → active 1, available 1 − 1 = 0.
    assertThat(rows(ok("/v1/supply/capacity")))
        .extracting(
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "window_start"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "advertised_capacity"),
            r -> v(r, "capacity_in_use"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"))
        .containsExactly(tuple(LIVE, FACEID, "2026-01-08T21:00:00Z", 1L, null, 1L, 1L, 0L));
  }

  @Test
  void capacityAnHourAfterTheCapabilitiesResponse() {
    // Now = 2025-12-20T01:00Z: the newest hour is 2025-12-20 00:00, the response's. Per pipeline
    // and model, physical GPUs from hardware[].gpu_info, advertised/in use as Σ PerCapability
    // capacity/capacityInUse (null when no offer reports one), no streams that day (active 0), and
    // available = physical − active over the GPU models (null when no GPU is known):
    //   audio-to-text whisper-large-v3-turbo: 0x3b28's A4000, capacity 1 → 1, 1, null, 0, 1
    //   image-to-text blip: 0x3b28's P4, capacity 663 → 1, 663, null, 0, 1 (0x5263 only quotes a
    //     price for blip: no offer, no supply)
    //   live sdxl: 0x2e3a 1 GPU cap 1, 0x10b2 1 GPU cap 1, 0xbd67 2 GPUs cap 2, 0x0fc8 no
    //     hardware and no capacity → 4 GPUs, advertised 4, in use null, 0, 4
    //   live faceid: 0x3bbe 1 GPU in use 1, 0x104a 2 GPUs in use 2, 0x75fb 4 GPUs cap 4
    //     → 7, 4, 3, 0, 7
    //   llm Meta-Llama-3.1-8B-Instruct: 0xdef1 35968, 0xd003 67542, 0x5263 42023, hardware without
    //     gpu_info → 0 GPUs, 145533, null, 0, null
    //   text-to-image RealVisXL_V4.0: 0x22b1 cap 1, 0xd4c4 cap 2716, 0xf909 cap 1, one GPU each
    //     → 3, 2718, null, 0, 3
    //   text-to-image FLUX.1-dev: 0x8477 cap 39720, 0xdc28 cap 1 → 2, 39721, null, 0, 2
    //   upscale x4-upscaler: 0xd4c4's 3090, cap 572 → 1, 572, null, 0, 1
    JsonNode data = capabilitiesHour.ok("/v1/supply/capacity");
    assertThat(rows(data))
        .allSatisfy(r -> assertThat(v(r, "window_start")).isEqualTo(CAPABILITIES_TIME));
    assertThat(rows(data))
        .extracting(
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "physical_gpus"),
            r -> v(r, "advertised_capacity"),
            r -> v(r, "capacity_in_use"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"))
        .containsExactly(
            tuple("audio-to-text", "openai/whisper-large-v3-turbo", 1L, 1L, null, 0L, 1L),
            tuple(
                "image-to-text", "Salesforce/blip-image-captioning-large", 1L, 663L, null, 0L, 1L),
            tuple(LIVE, SDXL, 4L, 4L, null, 0L, 4L),
            tuple(LIVE, FACEID, 7L, 4L, 3L, 0L, 7L),
            tuple("llm", "meta-llama/Meta-Llama-3.1-8B-Instruct", 0L, 145533L, null, 0L, null),
            tuple("text-to-image", "SG161222/RealVisXL_V4.0_Lightning", 3L, 2718L, null, 0L, 3L),
            tuple("text-to-image", "black-forest-labs/FLUX.1-dev", 2L, 39721L, null, 0L, 2L),
            tuple("upscale", "stabilityai/stable-diffusion-x4-upscaler", 1L, 572L, null, 0L, 1L));
    // The pipeline filter keeps the two live-video rows.
    assertThat(rows(capabilitiesHour.ok("/v1/supply/capacity?pipeline=" + LIVE)))
        .extracting(r -> v(r, "model_id"), r -> v(r, "physical_gpus"))
        .containsExactly(tuple(SDXL, 4L), tuple(FACEID, 7L));
  }

  // ---------------------------------------------------------------- /v1/streaming/models

  @Test
  void streamingModelsAtNow() {
    // Latest supply hour 2026-01-08 21:00 (see capacityAtNowIsTheRealSampleHour): faceid, no
    // advertised capacity (gpu_slots null), 1 active stream, 0 available. Quotes of the last 24 h:
    // the real sample's announcement prices faceid (1618 wei) and lists a GPU for it, so it is
    // warm → 1 warm orchestrator (0xd003…). FPS of the last 24 h: that session's 17
    // inference_status.fps values sum to 271.9991760846937 (Σ output_fps_sum), all > 0, so
    // 271.9991760846937 / 17 = 15.99995153439375.
    List<JsonNode> models = rows(ok("/v1/streaming/models"));
    assertThat(models)
        .extracting(
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "warm_orchestrators"),
            r -> v(r, "gpu_slots"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"))
        .containsExactly(tuple(LIVE, FACEID, 1L, null, 1L, 0L));
    assertThat(models.get(0).get("avg_output_fps").asDouble())
        .isCloseTo(271.9991760846937 / 17, within(1e-9));
  }

  @Test
  void streamingModelsAnHourAfterTheCapabilitiesResponse() {
    // Supply from the 2025-12-20 00:00 hour as in capacityAnHourAfterTheCapabilitiesResponse
    // (gpu_slots = advertised capacity, available = physical − active). Warm orchestrators: those
    // whose quote (capabilities_prices entry) of the model prices an offer that lists GPUs or is
    // PerCapability warm:
    //   whisper-large-v3-turbo: 0x3b28 offers it but quotes only whisper-large-v3 → 0
    //   blip: 0x3b28 (offer with a P4); 0x5263's blip quote prices no offer → 1
    //   live sdxl: 0x0fc8 (warm:true, no GPU), 0x10b2, 0x2e3a, 0xbd67 → 4
    //   live faceid: 0x104a, 0x3bbe, 0x75fb → 3
    //   llm Meta-Llama-3.1-8B-Instruct: 0x5263, 0xd003, 0xdef1 (each warm:true) → 3; their
    //     Llama-4-Scout quotes price no offer, so that model has no row at all
    //   RealVisXL_V4.0: 0x22b1, 0xd4c4, 0xf909 (0x3b28 quotes it without an offer) → 3
    //   FLUX.1-dev: 0x8477, 0xdc28 (0x3b28 quotes it without an offer) → 2
    //   upscale x4-upscaler: 0xd4c4 → 1
    // No session that day: active 0 and avg_output_fps null everywhere.
    List<JsonNode> models = rows(capabilitiesHour.ok("/v1/streaming/models"));
    assertThat(models)
        .extracting(
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "warm_orchestrators"),
            r -> v(r, "gpu_slots"),
            r -> v(r, "active_streams"),
            r -> v(r, "available_capacity"),
            r -> v(r, "avg_output_fps"))
        .containsExactly(
            tuple("audio-to-text", "openai/whisper-large-v3-turbo", 0L, 1L, 0L, 1L, null),
            tuple(
                "image-to-text", "Salesforce/blip-image-captioning-large", 1L, 663L, 0L, 1L, null),
            tuple(LIVE, SDXL, 4L, 4L, 0L, 4L, null),
            tuple(LIVE, FACEID, 3L, 4L, 0L, 7L, null),
            tuple("llm", "meta-llama/Meta-Llama-3.1-8B-Instruct", 3L, 145533L, 0L, null, null),
            tuple("text-to-image", "SG161222/RealVisXL_V4.0_Lightning", 3L, 2718L, 0L, 3L, null),
            tuple("text-to-image", "black-forest-labs/FLUX.1-dev", 2L, 39721L, 0L, 2L, null),
            tuple("upscale", "stabilityai/stable-diffusion-x4-upscaler", 1L, 572L, 0L, 1L, null));
  }

  // ---------------------------------------------------------------- /v1/economics/pricing

  @Test
  void pricingOfOneOrchestratorOnTheCapabilitiesDate() {
    // 0xd4c4's capabilities_prices: capability 32 facebook/sam2-hiera-large 10216 wei, 27
    // RealVisXL_V4.0_Lightning 6051539, 30 x4-upscaler 6051539, all pixelsPerUnit 1. wei per
    // pixel = price / 1; gwei per megapixel = price × 10^6 / 1 / 10^9 (10.216, 6051.539).
    // Its PerCapability lists 27 and 30 (warm:true, with GPUs), not 32: sam2 prices no offer →
    // warm null.
    String query =
        "/v1/economics/pricing?start=2025-12-20T00:00:00Z&end=2025-12-21T00:00:00Z&orchestrator="
            + D4C4;
    assertThat(rows(ok(query)))
        .extracting(
            r -> v(r, "window_date"),
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "capability_id"),
            r -> v(r, "price_source"),
            r -> v(r, "price_wei_per_unit"),
            r -> v(r, "pixels_per_unit"),
            r -> v(r, "wei_per_pixel"),
            r -> v(r, "gwei_per_megapixel"),
            r -> v(r, "warm"),
            r -> v(r, "orch_uri"),
            r -> v(r, "quoted_at"))
        .containsExactly(
            tuple(
                "2025-12-20",
                "segment-anything-2",
                "facebook/sam2-hiera-large",
                32L,
                "capability",
                "10216",
                1L,
                "10216",
                "10.216",
                null,
                "https://2.9.173.59:8936",
                CAPABILITIES_TIME),
            tuple(
                "2025-12-20",
                "text-to-image",
                "SG161222/RealVisXL_V4.0_Lightning",
                27L,
                "capability",
                "6051539",
                1L,
                "6051539",
                "6051.539",
                true,
                "https://2.9.173.59:8936",
                CAPABILITIES_TIME),
            tuple(
                "2025-12-20",
                "upscale",
                "stabilityai/stable-diffusion-x4-upscaler",
                30L,
                "capability",
                "6051539",
                1L,
                "6051539",
                "6051.539",
                true,
                "https://2.9.173.59:8936",
                CAPABILITIES_TIME));
  }

  @Test
  void pricingDefaultWindowIsTheRealSampleQuote() {
    // Default window: the dates of the 24 h before now (2026-01-08 and 09). Only the real
    // sample's announcement quotes: 0xd003…, capability 35 faceid, 1618 wei per 1 pixel →
    // 1.618 gwei/MP, warm (lists a GPU), from https://rtav-orch2.xodeapp.xyz:28935.
    assertThat(rows(ok("/v1/economics/pricing")))
        .extracting(
            r -> v(r, "orchestrator_address"),
            r -> v(r, "pipeline"),
            r -> v(r, "model_id"),
            r -> v(r, "price_wei_per_unit"),
            r -> v(r, "wei_per_pixel"),
            r -> v(r, "gwei_per_megapixel"),
            r -> v(r, "warm"),
            r -> v(r, "orch_uri"),
            r -> v(r, "quoted_at"))
        .containsExactly(
            tuple(
                XODE,
                LIVE,
                FACEID,
                "1618",
                "1618",
                "1.618",
                true,
                "https://rtav-orch2.xodeapp.xyz:28935",
                SAMPLE_ANNOUNCED));
  }

  // ---------------------------------------------------------------- /v1/discover/orchestrators

  @Test
  void discoverAtNowFindsTheRealSampleOrchestratorIdle() {
    // Quotes of the last 24 h: only 0xd003…'s faceid quote (21:50:21.590). Work of the last 2 h
    // [23:00, 01:00): none (its SLA hour is 21:00; no request jobs) → score 0, recent_work false.
    assertThat(rows(ok("/v1/discover/orchestrators")))
        .extracting(
            r -> v(r, "orchestrator_address"),
            r -> v(r, "orch_uri"),
            r -> v(r, "pipeline"),
            r -> v(r, "capabilities"),
            r -> v(r, "score"),
            r -> v(r, "recent_work"),
            r -> v(r, "last_seen"))
        .containsExactly(
            tuple(
                XODE,
                "https://rtav-orch2.xodeapp.xyz:28935",
                LIVE,
                List.of(LIVE + "/" + FACEID),
                0.0,
                false,
                SAMPLE_ANNOUNCED));
  }

  @Test
  void discoverScoresRecentLiveVideoWorkBySla() {
    // Now = 2026-01-08T22:00Z: the last 2 h [20:00, 22:00) hold the real sample's SLA hour 21:00
    // for 0xd003…: 1 requested session, SLA score 85 (no benchmark history: 100 × (0.7 × 1
    // effective success + 0.3 × 0.5 neutral quality)). Score = Σ(85 × 1) / Σ 1 / 100 = 0.85.
    JsonNode row =
        onlyRow(sampleEvening.ok("/v1/discover/orchestrators?caps=" + enc(LIVE + "/" + FACEID)));
    assertThat(v(row, "orchestrator_address")).isEqualTo(XODE);
    assertThat(v(row, "capabilities")).isEqualTo(List.of(LIVE + "/" + FACEID));
    assertThat(row.get("score").asDouble()).isCloseTo(0.85, within(1e-9));
    assertThat(v(row, "recent_work")).isEqualTo(true);
    assertThat(v(row, "last_seen")).isEqualTo(SAMPLE_ANNOUNCED);
  }

  @Test
  void discoverAnHourAfterTheCapabilitiesResponse() {
    // Quotes of the last 24 h: the response's capabilities_prices. One row per orchestrator and
    // pipeline quoted: 0x3b28 5 pipelines (27, 28, 31, 32, 34), 0x5263 5 (29, 32, 33, 34, 36),
    // 0xd4c4 3 (27, 30, 32), and one each for 0x0fc8, 0x104a, 0x10b2, 0x2e3a, 0x3bbe, 0x75fb,
    // 0xbd67 (35), 0x22b1, 0x8477, 0xdc28, 0xf909 (27), 0xd003, 0xdef1 (33): 5 + 5 + 3 + 13 = 26.
    // Nothing ran in [2025-12-19T23:00Z, 01:00Z): every score 0, recent_work false.
    List<JsonNode> all = rows(capabilitiesHour.ok("/v1/discover/orchestrators"));
    assertThat(all).hasSize(26);
    assertThat(all)
        .allSatisfy(
            r -> {
              assertThat(v(r, "score")).isEqualTo(0.0);
              assertThat(v(r, "recent_work")).isEqualTo(false);
              assertThat(v(r, "last_seen")).isEqualTo(CAPABILITIES_TIME);
            });
    // 0xd4c4: one quote per pipeline (see pricingOfOneOrchestratorOnTheCapabilitiesDate).
    assertThat(all)
        .filteredOn(r -> D4C4.equals(v(r, "orchestrator_address")))
        .extracting(r -> v(r, "pipeline"), r -> v(r, "capabilities"), r -> v(r, "orch_uri"))
        .containsExactly(
            tuple(
                "segment-anything-2",
                List.of("segment-anything-2/facebook/sam2-hiera-large"),
                "https://2.9.173.59:8936"),
            tuple(
                "text-to-image",
                List.of("text-to-image/SG161222/RealVisXL_V4.0_Lightning"),
                "https://2.9.173.59:8936"),
            tuple(
                "upscale",
                List.of("upscale/stabilityai/stable-diffusion-x4-upscaler"),
                "https://2.9.173.59:8936"));
  }

  @Test
  void discoverWithCapsKeepsOnlyOrchestratorsQuotingOne() {
    // capability 35 constraint streamdiffusion-sdxl is quoted (1588 wei) by exactly four entries;
    // none of them quotes another live-video model. Equal scores (0) order by address.
    List<JsonNode> sdxl =
        rows(capabilitiesHour.ok("/v1/discover/orchestrators?caps=" + enc(LIVE + "/" + SDXL)));
    assertThat(sdxl)
        .extracting(
            r -> v(r, "orchestrator_address"),
            r -> v(r, "orch_uri"),
            r -> v(r, "pipeline"),
            r -> v(r, "capabilities"),
            r -> v(r, "score"),
            r -> v(r, "recent_work"))
        .containsExactly(
            tuple(
                COEF,
                "https://livepeer-ai.coef120.com:8936",
                LIVE,
                List.of(LIVE + "/" + SDXL),
                0.0,
                false),
            tuple(
                MANGO,
                "https://ai.mangolpt.com:8936",
                LIVE,
                List.of(LIVE + "/" + SDXL),
                0.0,
                false),
            tuple(
                ULTIMA,
                "https://ai.ultimaratio.link:18936",
                LIVE,
                List.of(LIVE + "/" + SDXL),
                0.0,
                false),
            tuple(
                ARJO,
                "https://ai.arjo-node.uk:6500",
                LIVE,
                List.of(LIVE + "/" + SDXL),
                0.0,
                false));

    // text-to-image FLUX.1-dev (capability 27) is quoted by 0x3b28, 0x8477 and 0xdc28. caps pick
    // the rows, not the pairs listed: 0x3b28's row lists all 13 text-to-image models it quotes,
    // sorted by code point (upper case before lower case).
    String flux = "text-to-image/black-forest-labs/FLUX.1-dev";
    List<JsonNode> fluxRows =
        rows(capabilitiesHour.ok("/v1/discover/orchestrators?caps=" + enc(flux)));
    assertThat(fluxRows)
        .extracting(r -> v(r, "orchestrator_address"), r -> v(r, "capabilities"))
        .containsExactly(
            tuple(
                MULTI,
                List.of(
                    "text-to-image/Alpha-VLLM/Lumina-Image-2.0",
                    "text-to-image/ByteDance/SDXL-Lightning",
                    "text-to-image/HiDream-ai/HiDream-I1-Full-gguf-Q8_0",
                    "text-to-image/SG161222/RealVisXL_V4.0_Lightning",
                    "text-to-image/SG161222/RealVisXL_V5.0_Lightning",
                    "text-to-image/black-forest-labs/FLUX.1-Krea-dev",
                    "text-to-image/black-forest-labs/FLUX.1-Krea-dev-gguf-Q8_0",
                    flux,
                    "text-to-image/black-forest-labs/FLUX.1-schnell",
                    "text-to-image/runwayml/stable-diffusion-v1-5",
                    "text-to-image/stabilityai/stable-diffusion-3-medium-diffusers",
                    "text-to-image/stabilityai/stable-diffusion-3.5-large",
                    "text-to-image/stabilityai/stable-diffusion-3.5-medium")),
            tuple(STRONK, List.of(flux)),
            tuple(PONETH, List.of(flux)));

    // Several caps: any qualifies → 4 + 3 rows.
    assertThat(
            rows(
                capabilitiesHour.ok(
                    "/v1/discover/orchestrators?caps=" + enc(LIVE + "/" + SDXL + "," + flux))))
        .hasSize(7);
  }

  // ---------------------------------------------------------------- /v1/streaming/orchestrators

  @Test
  void streamingOrchestratorsNewestSnapshot() {
    // Newest snapshot at or before now: as_of 2026-01-09T01:00Z. 0xd003… was announced twice:
    // by the capabilities response (2025-12-20T00:00Z, https://livepeer-ai.xodeapp.xyz:18935,
    // version 0.8.8) and by the real sample (21:50:21.590, https://rtav-orch2.xodeapp.xyz:28935,
    // version 0.8.8-3a5678ec-dirty), both with local address 0x52cf…. Only the second is within
    // the 24 h before as_of, so what it offers now is that announcement's: live-video-to-video
    // faceid on one RTX 5090.
    JsonNode xode = onlyRow(ok("/v1/streaming/orchestrators?orchestrator=" + XODE));
    assertThat(v(xode, "as_of")).isEqualTo("2026-01-09T01:00:00Z");
    assertThat(v(xode, "orch_uris"))
        .isEqualTo(
            List.of(
                "https://livepeer-ai.xodeapp.xyz:18935", "https://rtav-orch2.xodeapp.xyz:28935"));
    assertThat(v(xode, "local_addresses"))
        .isEqualTo(List.of("0x52cf2968b3dc6016778742d3539449a6597d5954"));
    assertThat(v(xode, "node_version")).isEqualTo("0.8.8-3a5678ec-dirty");
    assertThat(v(xode, "pipelines")).isEqualTo(List.of(LIVE));
    assertThat(v(xode, "model_ids")).isEqualTo(List.of(FACEID));
    assertThat(v(xode, "physical_gpus")).isEqualTo(1L);
    assertThat(v(xode, "reported_gpu_uuids")).isEqualTo(1L);
    assertThat(v(xode, "gpu_model_names")).isEqualTo(List.of(RTX_5090));
    assertThat(v(xode, "surfaces")).isEqualTo(2L);
    assertThat(v(xode, "current_surfaces")).isEqualTo(1L);
    assertThat(v(xode, "first_seen")).isEqualTo(CAPABILITIES_TIME);
    assertThat(v(xode, "last_seen")).isEqualTo(SAMPLE_ANNOUNCED);
    assertThat(v(xode, "announcements")).isEqualTo(2L);

    // 0x733d… is listed twice in the response (same surface https://legio.click:8936, 0.8.7):
    // 2 announcements, 1 surface; nothing current (20 days before as_of), no GPUs.
    JsonNode legio = onlyRow(ok("/v1/streaming/orchestrators?orchestrator=" + LEGIO));
    assertThat(v(legio, "orch_uris")).isEqualTo(List.of("https://legio.click:8936"));
    assertThat(v(legio, "node_version")).isEqualTo("0.8.7");
    assertThat(v(legio, "announcements")).isEqualTo(2L);
    assertThat(v(legio, "surfaces")).isEqualTo(1L);
    assertThat(v(legio, "current_surfaces")).isEqualTo(0L);
    assertThat(v(legio, "pipelines")).isEqualTo(List.of());
    assertThat(v(legio, "physical_gpus")).isEqualTo(0L);

    // The response's 53 entries name 52 distinct addresses (0x733d… twice), none announced by any
    // earlier scenario: 52 orchestrators first seen at its timestamp.
    List<JsonNode> all = rows(ok("/v1/streaming/orchestrators?limit=1000"));
    assertThat(all).filteredOn(r -> CAPABILITIES_TIME.equals(v(r, "first_seen"))).hasSize(52);
  }

  // ---------------------------------------------------------------- /v1/orchestrators/{address}

  @Test
  void orchestratorProfileIdentityAndGpus() {
    // Identity as in streamingOrchestratorsNewestSnapshot (any case of the address is accepted).
    JsonNode xode = ok("/v1/orchestrators/" + XODE.toUpperCase().replace("0X", "0x"));
    assertThat(v(xode, "orchestrator_address")).isEqualTo(XODE);
    assertThat(v(xode, "as_of")).isEqualTo("2026-01-09T01:00:00Z");
    assertThat(v(xode, "orch_uris"))
        .isEqualTo(
            List.of(
                "https://livepeer-ai.xodeapp.xyz:18935", "https://rtav-orch2.xodeapp.xyz:28935"));
    assertThat(v(xode, "node_version")).isEqualTo("0.8.8-3a5678ec-dirty");
    assertThat(v(xode, "pipelines")).isEqualTo(List.of(LIVE));
    assertThat(v(xode, "model_ids")).isEqualTo(List.of(FACEID));
    assertThat(v(xode, "physical_gpus")).isEqualTo(1L);
    assertThat(v(xode, "reported_gpu_uuids")).isEqualTo(1L);
    assertThat(v(xode, "gpu_model_names")).isEqualTo(List.of(RTX_5090));
    assertThat(v(xode, "first_seen")).isEqualTo(CAPABILITIES_TIME);
    assertThat(v(xode, "last_seen")).isEqualTo(SAMPLE_ANNOUNCED);
    // GPUs of its newest inventory date, 2026-01-08: the real sample's one RTX 5090 with
    // memory_total 34190917632 B = 31.84 GiB (÷ 2^30, 2 places).
    assertThat(rows(xode.get("gpus")))
        .extracting(
            r -> v(r, "window_date"),
            r -> v(r, "gpu_id"),
            r -> v(r, "gpu_model_name"),
            r -> v(r, "memory_gib"),
            r -> v(r, "pipelines"),
            r -> v(r, "model_ids"),
            r -> v(r, "last_seen"))
        .containsExactly(
            tuple(
                "2026-01-08",
                "GPU-a8d13655-197b-2226-d09f-b4b81e07504b",
                RTX_5090,
                "31.84",
                List.of(LIVE),
                List.of(FACEID),
                SAMPLE_ANNOUNCED));

    // 0x75fb… announced only in the response: nothing current (pipelines empty, 0 GPUs), but its
    // newest inventory date is 2025-12-20 with the four RTX 5090 (34190917632 B = 31.84 GiB each)
    // it listed for faceid, by gpu_id; one sighting each, so four distinct physical GPUs.
    JsonNode brz = ok("/v1/orchestrators/" + BRZ);
    assertThat(v(brz, "orch_uris")).isEqualTo(List.of("https://ai.brzeczyszczykiewicz.work:8935"));
    assertThat(v(brz, "node_version")).isEqualTo("0.8.8");
    assertThat(v(brz, "pipelines")).isEqualTo(List.of());
    assertThat(v(brz, "physical_gpus")).isEqualTo(0L);
    assertThat(v(brz, "first_seen")).isEqualTo(CAPABILITIES_TIME);
    assertThat(v(brz, "last_seen")).isEqualTo(CAPABILITIES_TIME);
    List<JsonNode> gpus = rows(brz.get("gpus"));
    assertThat(gpus)
        .extracting(
            r -> v(r, "window_date"),
            r -> v(r, "gpu_id"),
            r -> v(r, "gpu_model_name"),
            r -> v(r, "memory_gib"),
            r -> v(r, "pipelines"),
            r -> v(r, "model_ids"))
        .containsExactly(
            tuple(
                "2025-12-20",
                "GPU-873dd3e4-2f43-9cef-985b-933e03c0b58b",
                RTX_5090,
                "31.84",
                List.of(LIVE),
                List.of(FACEID)),
            tuple(
                "2025-12-20",
                "GPU-99b54e96-3182-54cb-9b0a-2f8cf156249d",
                RTX_5090,
                "31.84",
                List.of(LIVE),
                List.of(FACEID)),
            tuple(
                "2025-12-20",
                "GPU-c51e6500-0fd2-0938-5505-0da0b0dc7c7f",
                RTX_5090,
                "31.84",
                List.of(LIVE),
                List.of(FACEID)),
            tuple(
                "2025-12-20",
                "GPU-ce08cebd-9ef7-3a17-4269-5b0f45784e99",
                RTX_5090,
                "31.84",
                List.of(LIVE),
                List.of(FACEID)));
    assertThat(gpus.stream().map(r -> v(r, "physical_gpu_id")).distinct())
        .hasSize(4)
        .doesNotContainNull();
  }

  @Test
  void capacityAndModelsAsOfAPastTimeAreTheStateOfThatTime() {
    // The shared server (now 2026-01-09T01:00Z) asked as_of 2025-12-20T01:00Z answers what a
    // server whose now is that time answers: the capability hour whose numbers
    // capacityAnHourAfterTheCapabilitiesResponse and
    // streamingModelsAnHourAfterTheCapabilitiesResponse
    // work out by hand.
    String asOf = "as_of=2025-12-20T01:00:00Z";
    assertThat(ok("/v1/supply/capacity?" + asOf))
        .isEqualTo(capabilitiesHour.ok("/v1/supply/capacity"))
        .isNotEmpty();
    assertThat(ok("/v1/streaming/models?" + asOf))
        .isEqualTo(capabilitiesHour.ok("/v1/streaming/models"))
        .isNotEmpty();
    assertThat(ok("/v1/supply/capacity?pipeline=" + LIVE + "&" + asOf))
        .isEqualTo(capabilitiesHour.ok("/v1/supply/capacity?pipeline=" + LIVE));
  }

  @Test
  void orchestratorKnownOnlyFromItsSessionsHasAProfileWithoutIdentity() {
    // As of 2025-11-11T00:00Z no orchestrators snapshot exists yet (the fixture's are from
    // 2026-01-09), but 0x4d32…dfeb served sessions on 2025-11-10: SLA rows at 10:00 (2 and 3
    // sessions) and 11:00 (4 sessions, score 85.0). The leaderboard ranks it, so its profile
    // answers with what is measured and a null identity, not a 404.
    String address = "0x4d32961a560d84a1a9953385a57b0ebad919dfeb";
    try (AsOfApi scenarioEnd = new AsOfApi(Instant.parse("2025-11-11T00:00:00Z"))) {
      JsonNode profile = scenarioEnd.ok("/v1/orchestrators/" + address);
      assertThat(profile.get("orchestrator_address").asText()).isEqualTo(address);
      assertThat(profile.get("announced").asBoolean()).isFalse();
      assertThat(profile.get("as_of").isNull()).isTrue();
      assertThat(profile.get("physical_gpus").isNull()).isTrue();
      JsonNode latest = profile.get("latest_sla");
      assertThat(latest).hasSize(1);
      assertThat(latest.get(0).get("window_start").asText()).isEqualTo("2025-11-10T11:00:00Z");
      assertThat(latest.get(0).get("requested_sessions").asLong()).isEqualTo(4);
      assertThat(latest.get(0).get("sla_score").asDouble()).isEqualTo(85.0);
    }
    // Announced: the shared API (as of 2026-01-09T01:00Z) knows XODE from a snapshot.
    assertThat(ok("/v1/orchestrators/" + XODE).get("announced").asBoolean()).isTrue();
  }

  @Test
  void orchestratorProfileUnknownAndMalformedAddresses() {
    // Well formed but announced by no scenario: 404.
    ApiClient.Response unknown = api.get("/v1/orchestrators/0x" + "1".repeat(40));
    assertThat(unknown.status()).isEqualTo(404);
    // Not 0x and 40 hex digits: 400.
    assertThat(api.get("/v1/orchestrators/0x1234").status()).isEqualTo(400);
    assertThat(api.get("/v1/orchestrators/" + XODE.replace('d', 'g')).status()).isEqualTo(400);
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode ok(String pathAndQuery) {
    return ok(api, pathAndQuery);
  }

  private static JsonNode ok(ApiClient client, String pathAndQuery) {
    ApiClient.Response response = client.get(pathAndQuery);
    assertThat(response.status()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
    return response.data();
  }

  private static List<JsonNode> rows(JsonNode array) {
    assertThat(array.isArray()).as("an array: %s", array).isTrue();
    List<JsonNode> rows = new ArrayList<>();
    array.forEach(rows::add);
    return rows;
  }

  private static JsonNode onlyRow(JsonNode array) {
    List<JsonNode> rows = rows(array);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /**
   * A field as a plain value: null, Long, Double, Boolean, String, or a List of those. Missing
   * fields fail: every declared field is served, null or not.
   */
  private static Object v(JsonNode row, String field) {
    JsonNode node = row.get(field);
    assertThat(node).as("field %s of %s", field, row).isNotNull();
    return plain(node);
  }

  private static Object plain(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isArray()) {
      List<Object> values = new ArrayList<>();
      node.forEach(element -> values.add(plain(element)));
      return values;
    }
    return node.asText();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
