package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The request/response job routes, the streaming failure and active-session routes, the network
 * health document and the alerts, against the real Trino over the fixture lake, each asserting
 * values computed by hand from the fixture's events (batch-jobs src/test .../jobs/it):
 *
 * <ul>
 *   <li>AI batch, LLM and BYOC jobs exist only in SimulatedNetworkScenario (seed 2025,
 *       2025-11-10T10:00Z to 12:00Z). The cases below are the org cloudspe's jobs of the hour
 *       [10:00, 11:00), read event by event from bronze.raw_events; each test's comment lists the
 *       events it adds up. job ids are request ids (AI batch, LLM) or the job_gateway_completed
 *       envelope ids (BYOC).
 *   <li>Failures and attribution come from SessionScenarios (org cloudspe, 2025-12-05, one case per
 *       hour; orchestrator "a" of case N has address "0x" + the first 40 hex digits of
 *       SHA-256("naap-scn/N/a/address")).
 *   <li>Freshness comes from the real sample (../shared/samples, 65 envelopes on 2026-01-08,
 *       21:49:05 to 21:51:55 UTC), the newest events of the whole fixture.
 * </ul>
 *
 * <p>The shared server is served as of {@link ApiItEnvironment#AS_OF} (2026-01-09T01:00Z); the
 * health document over the session scenarios' day needs a second server served as of
 * 2025-12-06T00:00Z, because the health route has no window parameter.
 */
class JobAndHealthRoutesIT {
  /** cloudspe's jobs requested in [10:00, 11:00) on the simulated day. */
  private static final String CLOUDSPE_10H =
      "start=2025-11-10T10:00:00Z&end=2025-11-10T11:00:00Z&org=cloudspe";

  /** The day after the session scenarios' day: its 24 h are exactly 2025-12-05. */
  private static final String SCENARIO_DAY_END = "2025-12-06T00:00:00Z";

  private static AsOfApi pastServer;

  private final ApiClient api = SharedApi.get().client();

  @AfterAll
  static void stopPastServer() {
    if (pastServer != null) {
      pastServer.close();
    }
  }

  // ---- /v1/requests/volume -------------------------------------------------------------------

  @Test
  void jobVolumesCountEveryJobPerHourAndType() {
    // gold.request_jobs (one row per job, an independent path from request_demand_hourly) on
    // 2025-11-10 holds jobs at 10:00 and 11:00 only: ai_batch 61 (50 successful) and 56 (47),
    // byoc 34 and 25, llm 25 and 24. Newest hour first, then the job type.
    JsonNode hourly =
        api.get("/v1/requests/volume?start=2025-11-10T00:00:00Z&end=2025-11-11T00:00:00Z").data();
    List<String> rows = new ArrayList<>();
    hourly.forEach(
        row ->
            rows.add(
                row.get("window_start").asText()
                    + " "
                    + row.get("job_type").asText()
                    + " "
                    + row.get("total_jobs").asLong()));
    assertThat(rows)
        .containsExactly(
            "2025-11-10T11:00:00Z ai_batch 56",
            "2025-11-10T11:00:00Z byoc 25",
            "2025-11-10T11:00:00Z llm 24",
            "2025-11-10T10:00:00Z ai_batch 61",
            "2025-11-10T10:00:00Z byoc 34",
            "2025-11-10T10:00:00Z llm 25");
    JsonNode batchAtTen = hourly.get(3);
    assertThat(batchAtTen.get("successful_jobs").asLong()).isEqualTo(50);
    assertThat(batchAtTen.get("success_rate").asDouble()).isCloseTo(50.0 / 61, within(1e-12));
    assertThat(batchAtTen.get("granularity").asText()).isEqualTo("hour");
    // Per day, one type, one org: daydream's 83 of the day's 117 AI batch jobs.
    JsonNode daily =
        api.get(
                "/v1/requests/volume?granularity=day&job_type=ai_batch&org=daydream"
                    + "&start=2025-11-10T00:00:00Z&end=2025-11-11T00:00:00Z")
            .data();
    assertThat(daily).hasSize(1);
    assertThat(daily.get(0).get("window_start").asText()).isEqualTo("2025-11-10T00:00:00Z");
    assertThat(daily.get(0).get("total_jobs").asLong()).isEqualTo(83);
    assertThat(api.get("/v1/requests/volume?job_type=video").status()).isEqualTo(400);
  }

  // ---- /v1/requests/ai-batch/summary ------------------------------------------------------

  @Test
  void aiBatchSummaryCountsEachPipelineOfTheHour() {
    // cloudspe's ai_batch_request events, by request id, whose job_ts (received_at, else
    // completed_at when the received event was dropped) falls in [10:00, 11:00), pipeline llm
    // left out (those are LLM jobs, /v1/requests/llm/summary):
    //   image-to-image: 724fce31 ok 4173 ms, 426c33a7 ok 1494, dbc7cb0a ok 1460, 8897a6a8 ok
    //     3423, acbc3f8b ok 4885, 4b2ce92e ok 2670 -> 6 jobs, 6 with an orch_url (selected), 6
    //     successful; mean duration (4173+1494+1460+3423+4885+2670)/6 = 18105/6 = 3017.5
    //   audio-to-text: 3250628f ok 3162, b98cda8f ok 5662, 3614df11 ok 3565, 0ca91a43 FAILED 2563
    //     (orchestrator returned 500; its completion delivered twice, one job), 501e08a5 ok 4974,
    //     494e7040 ok 4911 (completion only, at 10:48:23.507) -> 6 jobs, 6 selected, 5 successful,
    //     success rate 5/6, mean (3162+5662+3565+2563+4974+4911)/6 = 24837/6 = 4139.5
    //   segment-anything-2: adacb78b received at 10:12:03.472, no completion ever delivered: 1
    //     job, no orch_url (unknown, not selected), success null (not successful), no duration:
    //     success rate 0/1 = 0, mean duration null
    //   upscale: 11b5e47d FAILED after 2 tries, 6979 ms: 1 job, 1 selected, 0 successful
    JsonNode data = api.get("/v1/requests/ai-batch/summary?" + CLOUDSPE_10H).data();
    Map<String, JsonNode> rows = byKey(data, "pipeline_or_capability");
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "image-to-image", "audio-to-text", "segment-anything-2", "upscale");
    assertSummary(rows.get("image-to-image"), 6, 6, 0, 6, 1.0, 3017.5);
    assertSummary(rows.get("audio-to-text"), 6, 6, 0, 5, 5.0 / 6, 4139.5);
    assertSummary(rows.get("segment-anything-2"), 1, 0, 0, 0, 0.0, null);
    assertSummary(rows.get("upscale"), 1, 1, 0, 0, 0.0, 6979.0);
  }

  // ---- /v1/requests/ai-batch/jobs ---------------------------------------------------------

  @Test
  void aiBatchJobsListTheHoursJobsAndLlmRequestsNewestFirst() {
    // The 14 AI-batch jobs of the summary test plus cloudspe's 5 LLM requests of the hour (the
    // AI-batch list includes LLM jobs), ordered by job_ts descending. job_ts is the received
    // event's time, except 494e7040 (completion only: its completion time) and e3a7ebc3, whose
    // ai_batch received event was dropped: the earliest of its llm_request_started
    // (10:20:35.416) and its completion (10:20:38.742).
    JsonNode page = api.get("/v1/requests/ai-batch/jobs?" + CLOUDSPE_10H + "&limit=50").json();
    List<String> expected =
        List.of(
            "1d5142f7 llm 2025-11-10T10:58:56.837Z",
            "86c2a599 llm 2025-11-10T10:56:12.485Z",
            "4b2ce92e ai_batch 2025-11-10T10:52:13.807Z",
            "acbc3f8b ai_batch 2025-11-10T10:50:44.605Z",
            "8897a6a8 ai_batch 2025-11-10T10:49:41.818Z",
            "494e7040 ai_batch 2025-11-10T10:48:23.507Z",
            "dbc7cb0a ai_batch 2025-11-10T10:44:43.259Z",
            "501e08a5 ai_batch 2025-11-10T10:42:23.833Z",
            "0ca91a43 ai_batch 2025-11-10T10:41:18.590Z",
            "ac526267 llm 2025-11-10T10:32:19.056Z",
            "20c11451 llm 2025-11-10T10:31:30.718Z",
            "426c33a7 ai_batch 2025-11-10T10:28:45.293Z",
            "3614df11 ai_batch 2025-11-10T10:27:05.043Z",
            "b98cda8f ai_batch 2025-11-10T10:21:22.515Z",
            "e3a7ebc3 llm 2025-11-10T10:20:35.416Z",
            "adacb78b ai_batch 2025-11-10T10:12:03.472Z",
            "11b5e47d ai_batch 2025-11-10T10:06:34.443Z",
            "3250628f ai_batch 2025-11-10T10:05:38.216Z",
            "724fce31 ai_batch 2025-11-10T10:02:27.371Z");
    List<String> listed = new ArrayList<>();
    for (JsonNode row : page.get("data")) {
      listed.add(
          row.get("job_id").asText()
              + " "
              + row.get("job_type").asText()
              + " "
              + row.get("job_ts").asText());
    }
    assertThat(listed).containsExactlyElementsOf(expected);
    assertThat(page.get("pagination").get("has_more").asBoolean()).isFalse();
  }

  @Test
  void aiBatchJobCarriesItsEventsFields() {
    // 11b5e47d: received 10:06:34.443 (upscale, stabilityai/stable-diffusion-x4-upscaler), then
    // completed 10:06:41.422 with success false, tries 2, duration_ms 6979, error_type
    // orchestrator_error, error "orchestrator returned 500: inference failed", orch_url
    // https://134.173.182.97:20080, price_per_unit 6051539. The only announcement of that URI
    // before it (network_capabilities 099b930b, 10:00:39.409) names address
    // 0xbc88D416Bc9fB780E1F87a4e88B499862A0F04E8 with two GPUs for upscale
    // (GPU-a02053d0-..., GPU-58c5857b-...): resolved to the orchestrator, GPU left blank.
    JsonNode job =
        only(api.get("/v1/requests/ai-batch/jobs?" + CLOUDSPE_10H + "&pipeline=upscale").data());
    assertThat(job.get("job_id").asText()).isEqualTo("11b5e47d");
    assertThat(job.get("request_id").asText()).isEqualTo("11b5e47d");
    assertThat(job.get("job_type").asText()).isEqualTo("ai_batch");
    assertThat(job.get("source_records").asText()).isEqualTo("ai_batch");
    assertThat(job.get("job_ts").asText()).isEqualTo("2025-11-10T10:06:34.443Z");
    assertThat(job.get("completed_at").asText()).isEqualTo("2025-11-10T10:06:41.422Z");
    assertThat(job.get("pipeline_or_capability").asText()).isEqualTo("upscale");
    assertThat(job.get("model_id").asText()).isEqualTo("stabilityai/stable-diffusion-x4-upscaler");
    assertThat(job.get("success").asBoolean()).isFalse();
    assertThat(job.get("duration_ms").asLong()).isEqualTo(6979);
    assertThat(job.get("tries").asInt()).isEqualTo(2);
    assertThat(job.get("error_type").asText()).isEqualTo("orchestrator_error");
    assertThat(job.get("error_message").asText())
        .isEqualTo("orchestrator returned 500: inference failed");
    assertThat(job.get("selection_outcome").asText()).isEqualTo("selected");
    assertThat(job.get("attribution_status").asText()).isEqualTo("resolved");
    assertThat(job.get("orchestrator_address").asText())
        .isEqualTo("0xbc88d416bc9fb780e1f87a4e88b499862a0f04e8");
    assertThat(job.get("orchestrator_uri").asText()).isEqualTo("https://134.173.182.97:20080");
    assertThat(job.get("gpu_id").isNull()).isTrue();
    assertThat(job.get("price_per_unit").asText()).isEqualTo("6051539");

    // adacb78b: only its received event (10:12:03.472, segment-anything-2, facebook/sam2-hiera-
    // large) was delivered: not completed (success, duration, tries null), no orch_url (unknown,
    // nothing to attribute).
    JsonNode pending =
        only(
            api.get("/v1/requests/ai-batch/jobs?" + CLOUDSPE_10H + "&pipeline=segment-anything-2")
                .data());
    assertThat(pending.get("job_id").asText()).isEqualTo("adacb78b");
    assertThat(pending.get("model_id").asText()).isEqualTo("facebook/sam2-hiera-large");
    assertThat(pending.get("completed_at").isNull()).isTrue();
    assertThat(pending.get("success").isNull()).isTrue();
    assertThat(pending.get("duration_ms").isNull()).isTrue();
    assertThat(pending.get("tries").isNull()).isTrue();
    assertThat(pending.get("selection_outcome").asText()).isEqualTo("unknown");
    assertThat(pending.get("attribution_status").asText()).isEqualTo("no_selection");
    assertThat(pending.get("orchestrator_address").isNull()).isTrue();
  }

  @Test
  void llmRequestJoinsItsAiBatchAndLlmHalves() {
    // e3a7ebc3: llm_request_started 10:20:35.416 (Qwen/Qwen2.5-7B-Instruct, streaming), then
    // ai_batch_request_completed 10:20:38.742 (pipeline llm, success, tries 1, duration_ms 3335)
    // and llm_stream_completed 10:20:38.740 (prompt 714 + completion 158 = 872 tokens, ttft 407
    // ms, 53.96 tokens/s, finish_reason stop); its ai_batch received event was never delivered.
    // One row, job facts from the AI-batch half, token facts from the LLM half.
    JsonNode job =
        byKey(api.get("/v1/requests/ai-batch/jobs?" + CLOUDSPE_10H + "&limit=50").data(), "job_id")
            .get("e3a7ebc3");
    assertThat(job.get("job_type").asText()).isEqualTo("llm");
    assertThat(job.get("source_records").asText()).isEqualTo("ai_batch+llm");
    assertThat(job.get("job_ts").asText()).isEqualTo("2025-11-10T10:20:35.416Z");
    assertThat(job.get("completed_at").asText()).isEqualTo("2025-11-10T10:20:38.742Z");
    assertThat(job.get("pipeline_or_capability").asText()).isEqualTo("llm");
    assertThat(job.get("model_id").asText()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
    assertThat(job.get("success").asBoolean()).isTrue();
    assertThat(job.get("tries").asInt()).isEqualTo(1);
    assertThat(job.get("duration_ms").asLong()).isEqualTo(3335);
    assertThat(job.get("streaming").asBoolean()).isTrue();
    assertThat(job.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(job.get("prompt_tokens").asInt()).isEqualTo(714);
    assertThat(job.get("completion_tokens").asInt()).isEqualTo(158);
    assertThat(job.get("total_tokens").asInt()).isEqualTo(714 + 158);
    assertThat(job.get("ttft_ms").asLong()).isEqualTo(407);
    assertThat(job.get("tokens_per_second").asDouble()).isEqualTo(53.96);
  }

  // ---- /v1/requests/llm/summary -----------------------------------------------------------

  @Test
  void llmSummaryAveragesEachModelsRequests() {
    // cloudspe's LLM completions of requests started in [10:00, 11:00), all finish_reason stop
    // and no error (successful):
    //   Qwen/Qwen2.5-7B-Instruct:
    //     e3a7ebc3 stream  872 tokens, 53.96 tok/s, ttft 407
    //     ac526267 plain  1438 tokens, 93.79 tok/s
    //     86c2a599 stream 1208 tokens, 61.05 tok/s, ttft 162
    //     1d5142f7 plain   507 tokens, 66.57 tok/s
    //     -> 4 requests, 4 successful; tokens/s (53.96+93.79+61.05+66.57)/4 = 275.37/4 = 68.8425;
    //        TTFT over the two streamed: (407+162)/2 = 284.5; tokens (872+1438+1208+507)/4 =
    //        4025/4 = 1006.25
    //   meta-llama/Meta-Llama-3.1-8B-Instruct: 20c11451 stream 1739 tokens, 118.53 tok/s, ttft
    //     176 -> 1 request, 1 successful
    JsonNode data = api.get("/v1/requests/llm/summary?" + CLOUDSPE_10H).data();
    Map<String, JsonNode> rows = byKey(data, "model_id");
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "Qwen/Qwen2.5-7B-Instruct", "meta-llama/Meta-Llama-3.1-8B-Instruct");
    JsonNode qwen = rows.get("Qwen/Qwen2.5-7B-Instruct");
    assertThat(qwen.get("total_requests").asLong()).isEqualTo(4);
    assertThat(qwen.get("successful_requests").asLong()).isEqualTo(4);
    assertThat(qwen.get("success_rate").asDouble()).isEqualTo(1.0);
    assertThat(qwen.get("avg_tokens_per_second").asDouble())
        .isCloseTo((53.96 + 93.79 + 61.05 + 66.57) / 4, within(1e-9));
    assertThat(qwen.get("avg_ttft_ms").asDouble()).isEqualTo((407 + 162) / 2.0);
    assertThat(qwen.get("avg_total_tokens").asDouble()).isEqualTo((872 + 1438 + 1208 + 507) / 4.0);
    JsonNode llama = rows.get("meta-llama/Meta-Llama-3.1-8B-Instruct");
    assertThat(llama.get("total_requests").asLong()).isEqualTo(1);
    assertThat(llama.get("successful_requests").asLong()).isEqualTo(1);
    assertThat(llama.get("success_rate").asDouble()).isEqualTo(1.0);
    assertThat(llama.get("avg_tokens_per_second").asDouble()).isEqualTo(118.53);
    assertThat(llama.get("avg_ttft_ms").asDouble()).isEqualTo(176.0);
    assertThat(llama.get("avg_total_tokens").asDouble()).isEqualTo(1739.0);
  }

  // ---- /v1/requests/byoc/summary ----------------------------------------------------------

  @Test
  void byocSummaryCountsEachCapabilityOfTheHour() {
    // cloudspe's job_gateway_completed events in [10:00, 11:00) (a BYOC job is placed at its
    // completion), each naming an orchestrator (selected):
    //   comfystream: c8719a84 ok 732 ms, d76b32c3 ok 1187, dab4bfbd ok 3864, caef1bac ok 314
    //     -> 4 jobs, 4 successful, mean 6097/4 = 1524.25
    //   openai-chat-completions: b6ffb816 ok 3376, 9a5a4cb1 ok 4846, ae03a1f8 ok 1856, 5d8cf312
    //     ok 4133 -> 4 jobs, 4 successful, mean 14211/4 = 3552.75
    //   video-analysis: 40e69e9a ok 595, b22b887c ok 1992, 116a1439 ok 4470, 6538ba05 FAILED 2782
    //     (504, context deadline exceeded) -> 4 jobs, 3 successful, rate 3/4, mean 9839/4 =
    //     2459.75
    JsonNode data = api.get("/v1/requests/byoc/summary?" + CLOUDSPE_10H).data();
    Map<String, JsonNode> rows = byKey(data, "pipeline_or_capability");
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder("comfystream", "openai-chat-completions", "video-analysis");
    assertSummary(rows.get("comfystream"), 4, 4, 0, 4, 1.0, 6097 / 4.0);
    assertSummary(rows.get("openai-chat-completions"), 4, 4, 0, 4, 1.0, 14211 / 4.0);
    assertSummary(rows.get("video-analysis"), 4, 4, 0, 3, 0.75, 9839 / 4.0);
  }

  // ---- /v1/requests/byoc/jobs -------------------------------------------------------------

  @Test
  void byocJobsListTheHoursCompletionsNewestFirst() {
    // The 12 completions of the summary test by completed_at, newest first.
    JsonNode data = api.get("/v1/requests/byoc/jobs?" + CLOUDSPE_10H + "&limit=50").data();
    List<String> listed = new ArrayList<>();
    data.forEach(r -> listed.add(r.get("job_id").asText() + " " + r.get("job_ts").asText()));
    assertThat(listed)
        .containsExactly(
            "caef1bac-ebbf-4406-b723-b34ac5540846 2025-11-10T10:57:45.463Z",
            "5d8cf312-d348-4a4e-aa73-80e58328acc0 2025-11-10T10:52:47.183Z",
            "6538ba05-d765-4997-a8c7-fc98b6fa7fe2 2025-11-10T10:50:39.286Z",
            "dab4bfbd-c0fb-476d-824c-7a23a11b9a34 2025-11-10T10:42:24.947Z",
            "d76b32c3-f870-4452-87b5-9442ad329ee2 2025-11-10T10:39:02.556Z",
            "ae03a1f8-83a6-48e5-9f70-6a3b7308f7cf 2025-11-10T10:37:50.150Z",
            "116a1439-26bc-4522-af98-240acc1496b5 2025-11-10T10:27:09.332Z",
            "b22b887c-829a-4a1f-9658-ded3c9ff4590 2025-11-10T10:26:16.680Z",
            "40e69e9a-edeb-47b1-af84-6d96347def9a 2025-11-10T10:25:27.020Z",
            "9a5a4cb1-cee4-4456-9c53-4711bb48feae 2025-11-10T10:18:10Z",
            "b6ffb816-b3e0-49d7-9a67-d63c80676551 2025-11-10T10:00:59.267Z",
            "c8719a84-feee-4f21-abab-a9fdd3435d13 2025-11-10T10:00:21.050Z");
  }

  @Test
  void byocJobTakesItsModelFromTheWorkerRegisteredBeforeIt() {
    // 6538ba05: job_gateway_completed at 10:50:39.286, video-analysis, success false, http 504,
    // "context deadline exceeded", 2782 ms, not streamed, orchestrator_info address
    // 0xd62b755c... (hot wallet) at https://37.195.156.110:20080. The newest worker_registered
    // of that capability and address before it (472b0932, event time 10:00:32.157) offers model
    // yolo11x at 1200000 wei per unit. The announcement of that URI (8d596fd2, 10:00:32.157)
    // maps local_address 0xd62B755C... to address 0xD40891c1...741aF with "hardware": null:
    // hardware_less, on-chain address lower-cased. BYOC jobs report no tries.
    Map<String, JsonNode> jobs =
        byKey(api.get("/v1/requests/byoc/jobs?" + CLOUDSPE_10H + "&limit=50").data(), "job_id");
    JsonNode failed = jobs.get("6538ba05-d765-4997-a8c7-fc98b6fa7fe2");
    assertThat(failed.get("job_id_kind").asText()).isEqualTo("event_id");
    assertThat(failed.get("job_type").asText()).isEqualTo("byoc");
    assertThat(failed.get("request_id").isNull()).isTrue(); // sent as ""
    assertThat(failed.get("pipeline_or_capability").asText()).isEqualTo("video-analysis");
    assertThat(failed.get("model_id").asText()).isEqualTo("yolo11x");
    assertThat(failed.get("completed_at").asText()).isEqualTo("2025-11-10T10:50:39.286Z");
    assertThat(failed.get("success").asBoolean()).isFalse();
    assertThat(failed.get("duration_ms").asLong()).isEqualTo(2782);
    assertThat(failed.get("tries").isNull()).isTrue();
    assertThat(failed.get("http_status").asInt()).isEqualTo(504);
    assertThat(failed.get("error_message").asText()).isEqualTo("context deadline exceeded");
    assertThat(failed.get("streaming").asBoolean()).isFalse();
    assertThat(failed.get("selection_outcome").asText()).isEqualTo("selected");
    assertThat(failed.get("attribution_status").asText()).isEqualTo("hardware_less");
    assertThat(failed.get("orchestrator_address").asText())
        .isEqualTo("0xd40891c142ad827ea3484bb48485fd89c6a741af");
    assertThat(failed.get("orchestrator_uri").asText()).isEqualTo("https://37.195.156.110:20080");
    assertThat(failed.get("price_per_unit").asText()).isEqualTo("1200000");

    // c8719a84 (comfystream, completed 10:00:21.050) precedes the first comfystream
    // worker_registered of its orchestrator (23e765d9, event time 10:00:40.330): no model.
    JsonNode early = jobs.get("c8719a84-feee-4f21-abab-a9fdd3435d13");
    assertThat(early.get("pipeline_or_capability").asText()).isEqualTo("comfystream");
    assertThat(early.get("model_id").isNull()).isTrue();
    assertThat(early.get("success").asBoolean()).isTrue();
    assertThat(early.get("duration_ms").asLong()).isEqualTo(732);
  }

  // ---- /v1/streaming/failures -------------------------------------------------------------

  @Test
  void streamingFailuresOfTheSessionScenariosDay() {
    // SessionScenarios on 2025-12-05, one case per hour; newest hour first, then category:
    //   07h zero-fps: three ONLINE samples at fps 0 -> zero_output_fps (1 session)
    //   06h loading-only: three LOADING samples at fps 0 -> loading_only and zero_output_fps
    //   05h unexcused-failure: error "inference failed: CUDA out of memory" -> "out of memory":
    //       out_of_memory, not excusable
    //   04h excusable-error: error "ICE connection state failed" -> ice_connection_failed,
    //       excusable
    //   03h swap: orchestrator_swap "trickle subscribe error, swapping: EOF" -> "trickle":
    //       trickle_transport, credited to the abandoned orchestrator A
    //   02h no-orch: gateway_no_orchestrators_available, no selection: no orchestrator, pipeline
    //       or model
    // Each signal once, by one session. The fixture's settlement instant is its run time minus
    // the 120 d lateness horizon (2025-09-11T01:00Z), before every hour here: none is settled.
    JsonNode data =
        api.get(
                "/v1/streaming/failures?start=2025-12-05T00:00:00Z&end="
                    + SCENARIO_DAY_END
                    + "&org=cloudspe")
            .data();
    List<String> listed = new ArrayList<>();
    for (JsonNode r : data) {
      listed.add(
          String.join(
              " ",
              r.get("window_start").asText(),
              r.get("orchestrator_address").asText(),
              r.get("pipeline").asText(),
              r.get("model_id").asText(),
              r.get("category").asText(),
              r.get("reason").asText(),
              r.get("occurrences").asText(),
              r.get("sessions").asText(),
              r.get("excusable").asText(),
              r.get("example_message").asText(),
              r.get("is_settled").asText()));
    }
    String lv2v = "live-video-to-video streamdiffusion-sdxl";
    assertThat(listed)
        .containsExactly(
            "2025-12-05T07:00:00Z "
                + scenarioOrch("zero-fps")
                + " "
                + lv2v
                + " zero_output_fps zero_output_fps 1 1 null null false",
            "2025-12-05T06:00:00Z "
                + scenarioOrch("loading-only")
                + " "
                + lv2v
                + " loading_only loading_only 1 1 null null false",
            "2025-12-05T06:00:00Z "
                + scenarioOrch("loading-only")
                + " "
                + lv2v
                + " zero_output_fps zero_output_fps 1 1 null null false",
            "2025-12-05T05:00:00Z "
                + scenarioOrch("unexcused-failure")
                + " "
                + lv2v
                + " error out_of_memory 1 1 false inference failed: CUDA out of memory false",
            "2025-12-05T04:00:00Z "
                + scenarioOrch("excusable-error")
                + " "
                + lv2v
                + " error ice_connection_failed 1 1 true ICE connection state failed false",
            "2025-12-05T03:00:00Z "
                + scenarioOrch("swap")
                + " "
                + lv2v
                + " swap trickle_transport 1 1 null trickle subscribe error, swapping: EOF false",
            "2025-12-05T02:00:00Z null null null no_orch no_orch 1 1 null null false");
  }

  // ---- /v1/streaming/active ---------------------------------------------------------------

  @Test
  void noSessionIsActiveAsOfTheFixtureRuns() {
    // A session is active at a run's as-of when it is not completed and was last seen at most
    // 2 minutes before it. The newest event of the whole fixture is the real sample's last
    // ai_stream_status (log-64, 2026-01-08T21:51:55.610Z); the other scenarios end on
    // 2025-12-20 at the latest. Both runs (as of 2026-01-09T00:00Z and 01:00Z) need a last_seen
    // at or after 23:58 or 00:58: no session qualifies, gold wrote no snapshot rows, and the
    // newest snapshot at or before the served as-of is none.
    ApiClient.Response response = api.get("/v1/streaming/active");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.data()).isEmpty();
    assertThat(response.json().get("pagination").get("has_more").asBoolean()).isFalse();
  }

  // ---- /v1/network/health -----------------------------------------------------------------

  @Test
  void healthAsOfTheFixtureRunShowsTheRealSamplesFreshness() {
    // Freshness looks back 7 days from 2026-01-09T01:00Z: only the real sample (cloudspe,
    // 2026-01-08) has events there. Its newest envelope per family, and the lag to the as-of
    // in whole seconds (truncated):
    //   ai_stream_status      log-64 21:51:55.610 -> 3 h 8 min 4.390 s  = 11284
    //   create_new_payment    log-62 21:51:53.607 -> 11286.393 s        = 11286
    //   discovery_results     log-1  21:49:05.559 -> 11454.441 s        = 11454
    //   network_capabilities  log-33 21:50:21.590 -> 11378.410 s        = 11378
    //   stream_ingest_metrics log-63 21:51:55.608 -> 11284.392 s        = 11284
    //   stream_trace          log-9  21:49:12.042 -> 11447.958 s        = 11447
    // ingest lag = the smallest, 11284.
    JsonNode health = api.get("/v1/network/health").data();
    assertThat(health.get("as_of").asText()).isEqualTo("2026-01-09T01:00:00Z");
    assertThat(freshness(health))
        .containsExactly(
            "cloudspe ai_stream_status 2026-01-08T21:51:55.610Z 11284",
            "cloudspe create_new_payment 2026-01-08T21:51:53.607Z 11286",
            "cloudspe discovery_results 2026-01-08T21:49:05.559Z 11454",
            "cloudspe network_capabilities 2026-01-08T21:50:21.590Z 11378",
            "cloudspe stream_ingest_metrics 2026-01-08T21:51:55.608Z 11284",
            "cloudspe stream_trace 2026-01-08T21:49:12.042Z 11447");
    assertThat(health.get("ingest_lag_seconds").asLong()).isEqualTo(11284);

    // The 24 h before the as-of hold the real sample alone: 65 envelopes (34 + 17 + 6 + 6 + 1 +
    // 1), each delivered once, all of supported families and storable: 65 accepted, none
    // duplicated, ignored, quarantined or late. One selection (the first trace naming the
    // orchestrator, 21:49:07.583), resolved to its orchestrator and only GPU.
    JsonNode quality = health.get("quality_24h");
    assertThat(quality.get("bronze_rows").asLong()).isEqualTo(65);
    assertThat(quality.get("accepted_events").asLong()).isEqualTo(65);
    assertThat(quality.get("duplicate_deliveries").asLong()).isZero();
    assertThat(quality.get("ignored_events").asLong()).isZero();
    assertThat(quality.get("quarantined_events").asLong()).isZero();
    assertThat(quality.get("late_events").asLong()).isZero();
    assertThat(quality.get("quarantine_rate").asDouble()).isEqualTo(0.0 / 65);
    assertThat(quality.get("late_rate").asDouble()).isEqualTo(0.0 / 65);
    assertThat(quality.get("selections").asLong()).isEqualTo(1);
    assertThat(quality.get("resolved_selections").asLong()).isEqualTo(1);
    assertThat(quality.get("hardware_less_selections").asLong()).isZero();
    assertThat(quality.get("attribution_quality").asDouble()).isEqualTo(1.0);
  }

  @Test
  void healthAsOfAnEarlierTimeIsMeasuredFromThatTime() {
    // Half an hour before the fixture's as-of (01:00Z): the same newest events, each lag 1,800 s
    // shorter (11284 - 1800 = 9484, ...); the 24 h before still hold the sample's 65 events; and
    // the fixture's 01:00Z runs are not listed yet.
    JsonNode health = api.get("/v1/network/health?as_of=2026-01-09T00:30:00Z").data();
    assertThat(health.get("as_of").asText()).isEqualTo("2026-01-09T00:30:00Z");
    assertThat(freshness(health))
        .containsExactly(
            "cloudspe ai_stream_status 2026-01-08T21:51:55.610Z 9484",
            "cloudspe create_new_payment 2026-01-08T21:51:53.607Z 9486",
            "cloudspe discovery_results 2026-01-08T21:49:05.559Z 9654",
            "cloudspe network_capabilities 2026-01-08T21:50:21.590Z 9578",
            "cloudspe stream_ingest_metrics 2026-01-08T21:51:55.608Z 9484",
            "cloudspe stream_trace 2026-01-08T21:49:12.042Z 9647");
    assertThat(health.get("ingest_lag_seconds").asLong()).isEqualTo(9484);
    assertThat(health.get("quality_24h").get("accepted_events").asLong()).isEqualTo(65);
    List<String> jobs = new ArrayList<>();
    for (JsonNode run : health.get("pipeline_runs")) {
      jobs.add(run.get("job").asText());
      assertThat(Instant.parse(run.get("run_time").asText()))
          .as(run.toString())
          .isBeforeOrEqualTo(Instant.parse("2026-01-09T00:30:00Z"));
    }
    // The fixture's first run (run time 00:00Z) ran every job.
    assertThat(jobs).containsExactly("bronze_ingest", "gold", "silver_entities", "silver_events");
    // A time the server's clock has not reached is served as its now.
    assertThat(
            api.get("/v1/network/health?as_of=2030-01-01T00:00:00Z").data().get("as_of").asText())
        .isEqualTo("2026-01-09T01:00:00Z");
  }

  @Test
  void healthListsTheNewestRunOfEveryPipelineJob() {
    // The fixture ran the pipeline twice: at run time 2026-01-09T00:00Z over every scenario,
    // then at 01:00Z over the late messages. The newest run at or before the as-of (01:00Z) of
    // each job is the second, all succeeded. Its only input was the one message a scenario holds
    // back (SessionScenarios' late-capability announcement): bronze read 1 record and wrote 1
    // row, silver_events typed that 1 event into 1 row.
    JsonNode runs = api.get("/v1/network/health").data().get("pipeline_runs");
    List<String> jobs = new ArrayList<>();
    for (JsonNode run : runs) {
      jobs.add(run.get("job").asText());
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(run.get("run_time").asText()).as(run.toString()).isEqualTo("2026-01-09T01:00:00Z");
      assertThat(run.get("run_id").asText())
          .as(run.toString())
          .startsWith(run.get("job").asText() + "-2026-01-09T01:00:00Z-");
      assertThat(run.get("error_category").isNull()).as(run.toString()).isTrue();
    }
    assertThat(jobs).containsExactly("bronze_ingest", "gold", "silver_entities", "silver_events");
    Map<String, JsonNode> byJob = byKey(runs, "job");
    assertThat(byJob.get("bronze_ingest").get("rows_in").asLong()).isEqualTo(1);
    assertThat(byJob.get("bronze_ingest").get("rows_out").asLong()).isEqualTo(1);
    assertThat(byJob.get("silver_events").get("rows_in").asLong()).isEqualTo(1);
    assertThat(byJob.get("silver_events").get("rows_out").asLong()).isEqualTo(1);
  }

  // ---- /v1/network/alerts -----------------------------------------------------------------

  private static Map<String, String> alertStates(JsonNode alerts) {
    Map<String, String> states = new LinkedHashMap<>();
    for (JsonNode alert : alerts.get("alerts")) {
      states.put(alert.get("name").asText(), alert.get("state").asText());
    }
    return states;
  }

  @Test
  void alertsAsOfTheFixtureRunFireOnlyForTheRealSamplesStaleEvents() {
    // As batch-jobs' LakeAlertsIT judges the same lake as of 2026-01-09T01:00Z (default 1 h
    // window): cloudspe's freshest family (ai_stream_status, 21:51:55.610) is 11284.39 s old,
    // above 300 s; both build passes succeeded at 00:00 and 01:00, so no job alert fires and gold
    // is 0 s old; the hour [00:00, 01:00) holds no event, so every ratio alert has no series.
    JsonNode alerts = api.get("/v1/network/alerts").data();
    assertThat(alerts.get("as_of").asText()).isEqualTo("2026-01-09T01:00:00Z");
    assertThat(alerts.get("window_start").asText()).isEqualTo("2026-01-09T00:00:00Z");
    assertThat(alerts.get("window_end").asText()).isEqualTo("2026-01-09T01:00:00Z");
    assertThat(alertStates(alerts))
        .containsExactly(
            Map.entry("NaapLakeUnreachable", "ok"),
            Map.entry("NaapEventsStale", "firing"),
            Map.entry("NaapGoldStale", "ok"),
            Map.entry("NaapJobFailing", "ok"),
            Map.entry("NaapJobRunsFailed", "ok"),
            Map.entry("NaapAttributionLow", "unknown"),
            Map.entry("NaapDuplicateJobRows", "unknown"),
            Map.entry("NaapQuarantineSpike", "unknown"),
            Map.entry("NaapUnservedDemandHigh", "unknown"),
            Map.entry("NaapSlaCoverageLow", "unknown"));
    JsonNode stale = alerts.get("alerts").get(1);
    assertThat(stale.get("severity").asText()).isEqualTo("critical");
    assertThat(stale.get("reason").asText()).isEqualTo("1 of 1 series fire");
    assertThat(stale.get("firing_series")).hasSize(1);
    JsonNode series = stale.get("firing_series").get(0);
    assertThat(series.get("labels").toString()).isEqualTo("{\"org\":\"cloudspe\"}");
    assertThat(series.get("value").asDouble()).isCloseTo(11284.390, within(1e-3));
    assertThat(series.get("why").asText()).isEqualTo("11284.39 > 300");
  }

  @Test
  void alertsAsOfMinutesAfterTheRealSampleFindItsEventsFresh() {
    // 3 min 4.39 s after the sample's newest event (21:51:55.610): cloudspe's events are fresh
    // (184.39 s, not above 300). Job alerts are not asserted: other ITs may add runs before then.
    JsonNode alerts = api.get("/v1/network/alerts?as_of=2026-01-08T21:55:00Z").data();
    assertThat(alerts.get("as_of").asText()).isEqualTo("2026-01-08T21:55:00Z");
    assertThat(alerts.get("window_start").asText()).isEqualTo("2026-01-08T20:00:00Z");
    assertThat(alertStates(alerts)).containsEntry("NaapEventsStale", "ok");
    assertThat(alerts.get("alerts").get(1).get("reason").asText())
        .isEqualTo("none of 1 series fires");
  }

  @Test
  void healthOverTheSessionScenariosDayCountsQuarantineLatenessAndAttribution() {
    // Served as of 2025-12-06T00:00Z, the 24 h window is exactly 2025-12-05: SessionScenarios
    // and nothing else. Messages per case (caps = its announcements; the playable timeline is 6
    // traces + 3 status samples):
    //   clean 10, no-orch 2, swap 12 (caps, 6 traces, 4 samples, swap trace), excusable-error 4,
    //   unexcused-failure 4 (caps, 2 traces, error), loading-only 6, zero-fps 10,
    //   params-update 11, closed 11, duplicates 13 (10 + 3 repeated envelopes), shuffled 10,
    //   late-capability 10 (its caps delivered after the first pass), ignored-traces 12 (10 +
    //   app trace + scope trace), hardware-less 10, ambiguous 10, multi-gpu 10, gpu-churn 11
    //   = 156 bronze rows; 3 duplicate deliveries; 2 ignored; 156 - 3 - 2 = 151 accepted; none
    //   quarantined. Late: the late-capability announcement, which arrived after cloudspe's
    //   event-time high-water mark had reached 2026-01-08: 1 of 151.
    // Selections: one per case that names an orchestrator, two for swap (A, then B after the
    //   swap) and none for no-orch = 17; hardware-less is hardware_less, ambiguous is ambiguous,
    //   the other 15 resolved. Attribution quality (resolved + hardware_less) / selections =
    //   16/17.
    JsonNode health = pastApi().get("/v1/network/health").data();
    assertThat(health.get("as_of").asText()).isEqualTo(SCENARIO_DAY_END);
    JsonNode quality = health.get("quality_24h");
    assertThat(quality.get("bronze_rows").asLong()).isEqualTo(156);
    assertThat(quality.get("duplicate_deliveries").asLong()).isEqualTo(3);
    assertThat(quality.get("ignored_events").asLong()).isEqualTo(2);
    assertThat(quality.get("accepted_events").asLong()).isEqualTo(151);
    assertThat(quality.get("quarantined_events").asLong()).isZero();
    assertThat(quality.get("quarantine_rate").asDouble()).isEqualTo(0.0 / 156);
    assertThat(quality.get("late_events").asLong()).isEqualTo(1);
    assertThat(quality.get("late_rate").asDouble()).isEqualTo(1.0 / 151);
    assertThat(quality.get("selections").asLong()).isEqualTo(17);
    assertThat(quality.get("resolved_selections").asLong()).isEqualTo(15);
    assertThat(quality.get("hardware_less_selections").asLong()).isEqualTo(1);
    assertThat(quality.get("attribution_quality").asDouble()).isEqualTo(16.0 / 17);

    // Freshness over [2025-11-29T00:00Z, 2025-12-06T00:00Z): cloudspe's session scenarios and
    // daydream's malformed (2025-12-01, traces at 00:00 and 00:01) and quirk (2025-12-02T00:00)
    // envelopes; the quirks' payment is quarantined and its webrtc_stats ignored, so those two
    // families have no accepted event and no freshness row. Newest accepted events:
    //   cloudspe ai_stream_events      params-update's event, 08:00:15 -> 15 h 59 min 45 s
    //   cloudspe ai_stream_status      gpu-churn's status-3, 17:00:30  -> 6 h 59 min 30 s
    //   cloudspe network_capabilities  gpu-churn's caps-2, 16:50:00    -> 7 h 10 min
    //   cloudspe stream_trace          gpu-churn's few-processed, 17:00:06 -> 6 h 59 min 54 s
    //   daydream network_capabilities  quirk capabilities, 12-02 00:00 -> 4 days
    //   daydream stream_trace          quirk duplicated trace, 12-02 00:00 -> 4 days
    assertThat(freshness(health))
        .containsExactly(
            "cloudspe ai_stream_events 2025-12-05T08:00:15Z " + (15 * 3600 + 59 * 60 + 45),
            "cloudspe ai_stream_status 2025-12-05T17:00:30Z " + (6 * 3600 + 59 * 60 + 30),
            "cloudspe network_capabilities 2025-12-05T16:50:00Z " + (7 * 3600 + 10 * 60),
            "cloudspe stream_trace 2025-12-05T17:00:06Z " + (6 * 3600 + 59 * 60 + 54),
            "daydream network_capabilities 2025-12-02T00:00:00Z " + 4 * 86400,
            "daydream stream_trace 2025-12-02T00:00:00Z " + 4 * 86400);
    assertThat(health.get("ingest_lag_seconds").asLong()).isEqualTo(6 * 3600 + 59 * 60 + 30);
    // No pipeline run has a run time at or before 2025-12-06 (the fixture ran at 2026-01-09).
    assertThat(health.get("pipeline_runs")).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** A second API server over the same lake, served as of the end of the session scenarios' day. */
  private static synchronized ApiClient pastApi() {
    if (pastServer == null) {
      pastServer = new AsOfApi(Instant.parse(SCENARIO_DAY_END));
    }
    return pastServer.client();
  }

  /** SessionScenarios' orchestrator "a" of a case: "0x" + SHA-256 of its seed, 40 hex digits. */
  private static String scenarioOrch(String caseName) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  ("naap-scn/" + caseName + "/a/address")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "0x" + java.util.HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertSummary(
      JsonNode row,
      long total,
      long selected,
      long noOrch,
      long successful,
      double successRate,
      Double avgDurationMs) {
    assertThat(row.get("total_jobs").asLong()).as("total_jobs of %s", row).isEqualTo(total);
    assertThat(row.get("selected_jobs").asLong())
        .as("selected_jobs of %s", row)
        .isEqualTo(selected);
    assertThat(row.get("no_orch_jobs").asLong()).as("no_orch_jobs of %s", row).isEqualTo(noOrch);
    assertThat(row.get("successful_jobs").asLong())
        .as("successful_jobs of %s", row)
        .isEqualTo(successful);
    assertThat(row.get("success_rate").asDouble())
        .as("success_rate of %s", row)
        .isEqualTo(successRate);
    if (avgDurationMs == null) {
      assertThat(row.get("avg_duration_ms").isNull()).as("avg_duration_ms of %s", row).isTrue();
    } else {
      assertThat(row.get("avg_duration_ms").asDouble())
          .as("avg_duration_ms of %s", row)
          .isEqualTo(avgDurationMs);
    }
  }

  private static List<String> freshness(JsonNode health) {
    List<String> rows = new ArrayList<>();
    for (JsonNode r : health.get("freshness")) {
      rows.add(
          String.join(
              " ",
              r.get("org").asText(),
              r.get("family").asText(),
              r.get("latest_event_ts").asText(),
              r.get("lag_seconds").asText()));
    }
    return rows;
  }

  private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      JsonNode previous = out.put(row.get(key).asText(), row);
      assertThat(previous).as("two rows with %s %s", key, row.get(key)).isNull();
    }
    return out;
  }

  private static JsonNode only(JsonNode rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
