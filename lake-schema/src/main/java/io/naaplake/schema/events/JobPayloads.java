package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;
import static io.naaplake.schema.events.PayloadFields.WEI;
import static io.naaplake.schema.events.PayloadFields.WEI_RATE;
import static io.naaplake.schema.events.PayloadFields.eventTime;
import static io.naaplake.schema.events.PayloadFields.field;
import static io.naaplake.schema.events.PayloadFields.orchestratorInfo;
import static io.naaplake.schema.events.PayloadFields.pipelineId;
import static io.naaplake.schema.events.PayloadFields.requestId;
import static io.naaplake.schema.events.PayloadFields.required;
import static io.naaplake.schema.events.PayloadFields.streamId;
import static io.naaplake.schema.events.PayloadFields.struct;
import static io.naaplake.schema.events.PayloadFields.subtype;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;

/**
 * Payloads of the request/response job families (AI batch, LLM, BYOC). Upstream go-livepeer emits
 * none of these; the shapes are those the reference system reads from the Cloud-SPE fork.
 */
final class JobPayloads {

  private static Column success() {
    return field("success", bool(), "Whether the request succeeded (completion subtypes only).");
  }

  private static Column error() {
    return field("error", string(), "Error text; empty on success.");
  }

  private static Column durationMs() {
    return field("duration_ms", bigint(), "Duration in ms.");
  }

  private static Column orchUrl() {
    return field(
        "orch_url", string(), "Orchestrator URL; the only orchestrator identity of the job.");
  }

  private static Column capability() {
    return field(
        "capability",
        string(),
        "BYOC capability name, kept verbatim (e.g. openai-chat-completions).");
  }

  private static Column pricePerUnit() {
    return field(
        "price_per_unit",
        WEI_RATE,
        "Quoted price in wei per unit; a JSON number. A quote, not a fee.");
  }

  static final LakeType.Struct AI_BATCH_REQUEST =
      struct(
          subtype("ai_batch_request_received or ai_batch_request_completed."),
          eventTime(),
          requestId(),
          field("pipeline", string(), "Builtin pipeline, e.g. text-to-image."),
          field("model_id", string(), "Model requested."),
          field("client_ip", string(), "received: client IP."),
          field("orchestrator", string(), "received: always empty."),
          success(),
          field("tries", integer(), "completed: attempts made."),
          durationMs(),
          orchUrl(),
          field("latency_score", float64(), "completed: gateway latency score."),
          pricePerUnit(),
          field("error_type", string(), "completed: small classifier set, e.g. no_orchestrators."),
          error());

  static final LakeType.Struct AI_LLM_REQUEST =
      struct(
          subtype(
              "llm_request_started (ignored downstream), llm_request_completed or"
                  + " llm_stream_completed."),
          eventTime(),
          requestId(),
          field("model", string(), "Model id."),
          field("completion_id", string(), "Provider completion id."),
          orchUrl(),
          field("prompt_tokens", integer(), "Prompt tokens."),
          field("completion_tokens", integer(), "Completion tokens."),
          field("total_tokens", integer(), "Prompt plus completion tokens."),
          field("max_tokens_requested", integer(), "max_tokens of the request."),
          field("token_utilization", float64(), "completion_tokens / max_tokens_requested."),
          field("finish_reason", string(), "stop, length, error or unknown."),
          field("total_duration_ms", bigint(), "Request duration in ms."),
          field("tokens_per_second", float64(), "Generation speed."),
          field("latency_score", float64(), "Gateway latency score."),
          pricePerUnit(),
          field("ttft_ms", bigint(), "Time to first token in ms; streaming only."),
          error(),
          field("streaming", bool(), "Whether the response was streamed."));

  static final LakeType.Struct JOB_GATEWAY =
      struct(
          subtype(
              "Full names: job_gateway_submitted, job_gateway_completed,"
                  + " job_orchestrator_discovery_result, job_orchestrator_token_fetch_result."),
          eventTime(),
          field(
              "request_id",
              string(),
              "Empty in practice: a BYOC job is keyed by the envelope id instead."),
          capability(),
          field("attempt_index", integer(), "submitted: attempt number."),
          success(),
          error(),
          durationMs(),
          field("completed_at", timestamp(), "completed: completion time; int epoch ms."),
          field("http_status", integer(), "completed: HTTP status from the orchestrator."),
          field("streaming", bool(), "completed: whether the job streamed."),
          orchestratorInfo(),
          field("selected", integer(), "discovery_result: orchestrators selected."),
          field("orch_url", string(), "token_fetch_result: orchestrator URL."),
          field("latency_ms", bigint(), "token_fetch_result: fetch latency in ms."),
          field("available_capacity", integer(), "token_fetch_result: capacity reported."));

  static final LakeType.Struct JOB_ORCHESTRATOR =
      struct(
          subtype("Loose set relayed from orchestrators via the X-Livepeer-Events header."),
          eventTime(),
          requestId(),
          capability(),
          durationMs(),
          success(),
          field("http_status", integer(), "HTTP status returned."),
          field("worker_url", string(), "Worker that served the job."),
          field("charged_compute", bool(), "Whether compute was charged."),
          field("has_payment", bool(), "Whether the request carried a payment."),
          field("price_per_unit", WEI, "Price in wei per pixels_per_unit units."),
          field("pixels_per_unit", bigint(), "Units the price buys."),
          error(),
          orchestratorInfo());

  static final LakeType.Struct JOB_AUTH =
      struct(
          subtype("job_auth_webhook_result or the orchestrator's job_credential_verify_result."),
          eventTime(),
          requestId(),
          field("stream_name", string(), "Stream name presented for auth."),
          streamId(),
          field("pipeline", string(), "Pipeline or capability authorised."),
          pipelineId(),
          capability(),
          field("success", bool(), "Whether auth succeeded."),
          error(),
          field("gateway_host", string(), "Gateway that called the webhook."),
          orchestratorInfo());

  static final LakeType.Struct WORKER_LIFECYCLE =
      struct(
          subtype("worker_registered, worker_unregistered or worker_capacity_exhausted."),
          eventTime(),
          required(
              "id",
              string(),
              "Orchestrator-assigned UUID kept across re-drains: the dedup key, not the"
                  + " envelope id; events without it are quarantined."),
          capability(),
          field("worker_url", string(), "Worker URL."),
          pricePerUnit(),
          field(
              "worker_options",
              arrayOf(struct(field("model", string(), "Model id."))),
              "Models the worker offers; the reference takes the first element's model."),
          orchestratorInfo());

  private JobPayloads() {}
}
