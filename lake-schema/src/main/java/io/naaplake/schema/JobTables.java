package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Silver: request/response jobs (AI batch, LLM, BYOC; reference §2.10, §3.6) and payment linkage
 * (reference §2.11, §3.7), derived from the typed event tables.
 *
 * <p>The job tables end with the inputs of the attribution step ({@code observed_url}, {@code
 * observed_address}, {@code pipeline_hint}, {@code model_hint}, {@code selection_ts}) followed by
 * {@link AttributionColumns#COLUMNS}. The job transforms leave the attribution columns null; the
 * job shell's attribution step fills them before the rows are written.
 *
 * <p>No derived table for signed tickets: {@code silver.create_signed_ticket} already has one typed
 * row per batch with billable seconds, pixels, fee, orchestrator and payment session, which is the
 * grain any fee or usage metric sums over. Its {@code request_id} is a random id the remote signer
 * draws per signing request, not a stream request id, so linking it to sessions by request id (the
 * only link the lake allows for payments) would match nothing or, worse, something by chance.
 */
public final class JobTables {

  /** Scale of {@code expected_value_wei}: the 18 decimals of win_prob, so the product is exact. */
  public static final int EXPECTED_VALUE_SCALE = 18;

  /** The types of the typed payment and job columns these tables carry over unchanged. */
  private static final LakeType WEI = decimal(38, 0);

  private static final LakeType WEI_RATE = decimal(38, 18);

  public static final TableDeclaration AI_BATCH_JOBS =
      attributionInputs(
              TableDeclaration.builder(Layer.SILVER, "ai_batch_jobs")
                  .comment(
                      "One row per AI-batch job (org, request_id): the request's received and"
                          + " completed events combined (reference §2.10), either half may be"
                          + " missing. Events without a request id are not jobs and stay only in"
                          + " silver.ai_batch_request.")
                  .required("org", string(), "Tenant, from the Kafka topic.")
                  .required("request_id", string(), "Gateway request id; the job's identity.")
                  .required(
                      "job_date",
                      date(),
                      "UTC date of selection_ts (of the event date when no half has a time).")
                  .optional(
                      "gateway",
                      string(),
                      "Envelope gateway of the received half, else of" + " the completed half.")
                  .optional(
                      "pipeline",
                      string(),
                      "Builtin pipeline requested, e.g. text-to-image (received half, else"
                          + " completed).")
                  .optional(
                      "model_id", string(), "Model requested (received half, else completed).")
                  .optional(
                      "received_at",
                      timestamp(),
                      "Event time of the earliest ai_batch_request_received event.")
                  .optional(
                      "completed_at",
                      timestamp(),
                      "Event time of the latest ai_batch_request_completed event (the final"
                          + " outcome).")
                  .optional(
                      "success", bool(), "Whether the job succeeded; null when not completed yet.")
                  .optional("tries", integer(), "Attempts the gateway made.")
                  .optional(
                      "duration_ms", bigint(), "Job duration in ms as the gateway measured it.")
                  .optional("latency_score", float64(), "Gateway latency score of the job.")
                  .optional(
                      "price_per_unit",
                      WEI_RATE,
                      "Quoted price in wei per unit; a quote, not a fee.")
                  .optional(
                      "error_type",
                      string(),
                      "Gateway error class, e.g. no_orchestrators; null on success.")
                  .optional("error_message", string(), "Gateway error text; null on success.")
                  .optional(
                      "orch_url",
                      string(),
                      "Orchestrator URL, normalised (Identity.uri); the only orchestrator identity"
                          + " an AI-batch job carries.")
                  .required(
                      "selection_outcome",
                      string(),
                      "selected (an orch_url is present), no_orch (failed with error_type"
                          + " no_orchestrators) or unknown.")
                  .optional("received_event_id", string(), "Envelope id of the received half used.")
                  .optional(
                      "completed_event_id", string(), "Envelope id of the completed half used."),
              "orch_url",
              "pipeline",
              "model_id",
              "received_at, else completed_at: when the gateway chose the orchestrator.")
          .partitionedBy("job_date")
          .keyedBy("org", "request_id")
          .build();

  public static final TableDeclaration LLM_JOBS =
      attributionInputs(
              TableDeclaration.builder(Layer.SILVER, "llm_jobs")
                  .comment(
                      "One row per completed LLM request (org, request_id): its latest"
                          + " llm_request_completed or llm_stream_completed event, with the start"
                          + " time of its earliest llm_request_started event when there is one."
                          + " Requests never completed and events without a request id are not"
                          + " rows.")
                  .required("org", string(), "Tenant, from the Kafka topic.")
                  .required("request_id", string(), "Gateway request id; the request's identity.")
                  .required(
                      "job_date",
                      date(),
                      "UTC date of selection_ts (of the completion's event date without times).")
                  .optional("gateway", string(), "Envelope gateway of the completion event.")
                  .optional("model", string(), "Model id.")
                  .optional(
                      "started_at",
                      timestamp(),
                      "Event time of the earliest llm_request_started event; null when none.")
                  .optional("completed_at", timestamp(), "Event time of the completion event.")
                  .optional("streaming", bool(), "Whether the response was streamed.")
                  .required(
                      "success",
                      bool(),
                      "True when the completion carries no error text and finish_reason is not"
                          + " error.")
                  .optional("finish_reason", string(), "stop, length, error or unknown.")
                  .optional("prompt_tokens", integer(), "Prompt tokens.")
                  .optional("completion_tokens", integer(), "Completion tokens.")
                  .optional("total_tokens", integer(), "Prompt plus completion tokens.")
                  .optional("max_tokens_requested", integer(), "max_tokens of the request.")
                  .optional(
                      "token_utilization", float64(), "completion_tokens / max_tokens_requested.")
                  .optional("duration_ms", bigint(), "Request duration in ms (total_duration_ms).")
                  .optional(
                      "ttft_ms", bigint(), "Time to first token in ms; streamed responses only.")
                  .optional("tokens_per_second", float64(), "Generation speed.")
                  .optional("latency_score", float64(), "Gateway latency score.")
                  .optional("price_per_unit", WEI_RATE, "Quoted price in wei per unit; not a fee.")
                  .optional("error_message", string(), "Error text; null on success.")
                  .optional("completion_id", string(), "Provider completion id.")
                  .optional("orch_url", string(), "Orchestrator URL, normalised (Identity.uri).")
                  .required(
                      "selection_outcome",
                      string(),
                      "selected (an orch_url is present) or unknown; LLM events carry no error"
                          + " class that would tell no_orch apart.")
                  .optional("started_event_id", string(), "Envelope id of the started event used.")
                  .required(
                      "completed_event_id", string(), "Envelope id of the completion event used."),
              "orch_url",
              "llm, the builtin pipeline LLM requests run on",
              "model",
              "started_at, else completed_at.")
          .partitionedBy("job_date")
          .keyedBy("org", "request_id")
          .build();

  public static final TableDeclaration BYOC_JOBS =
      attributionInputs(
              TableDeclaration.builder(Layer.SILVER, "byoc_jobs")
                  .comment(
                      "One row per job_gateway_completed event (a BYOC job; its request_id is"
                          + " empty in practice, so the envelope id is the key). The model comes"
                          + " from the most recent worker_lifecycle event at or before"
                          + " completed_at, at most 30 days earlier (reference §2.10).")
                  .required("org", string(), "Tenant, from the Kafka topic.")
                  .required("event_id", string(), "Envelope id of the completion: the job key.")
                  .required(
                      "job_date",
                      date(),
                      "UTC date of completed_at (of the event date without a time).")
                  .optional("gateway", string(), "Envelope gateway.")
                  .optional("request_id", string(), "Request id as sent; empty in practice.")
                  .optional("capability", string(), "BYOC capability name, verbatim.")
                  .optional(
                      "completed_at",
                      timestamp(),
                      "Envelope time of the completion, else data.completed_at, else"
                          + " data.timestamp.")
                  .optional("success", bool(), "Whether the job succeeded.")
                  .optional("error_message", string(), "Error text; null on success.")
                  .optional("http_status", integer(), "HTTP status from the orchestrator.")
                  .optional("duration_ms", bigint(), "Job duration in ms.")
                  .optional("streaming", bool(), "Whether the job streamed.")
                  .optional(
                      "orch_address",
                      string(),
                      "Orchestrator hot-wallet (local) address from orchestrator_info,"
                          + " lower-case; not the on-chain address.")
                  .optional("orch_url", string(), "Orchestrator URL, normalised (Identity.uri).")
                  .optional(
                      "worker_url",
                      string(),
                      "Worker that served the job, normalised; null while the job_gateway"
                          + " contract carries no worker_url (every job then takes the"
                          + " capability+orchestrator fallback for its model).")
                  .required(
                      "selection_outcome",
                      string(),
                      "selected (orch_address or orch_url present) or unknown.")
                  .optional(
                      "model_id",
                      string(),
                      "Model of the matched worker_lifecycle event (first worker_options"
                          + " model); null when model_source is none.")
                  .required(
                      "model_source",
                      string(),
                      "worker_url_match (same org, capability, orchestrator address and worker"
                          + " URL), orch_address_match (same org, capability and orchestrator"
                          + " address) or none.")
                  .optional(
                      "worker_event_id",
                      string(),
                      "data.id of the worker_lifecycle event the model came from.")
                  .optional("worker_event_ts", timestamp(), "Event time of that event.")
                  .optional(
                      "worker_price_per_unit",
                      WEI_RATE,
                      "Price in wei per unit the matched worker quoted; not a fee."),
              "orch_url",
              "capability, verbatim (BYOC attribution compares it case-insensitively)",
              "model_id",
              "completed_at: the completion is the only BYOC event with the orchestrator.")
          .partitionedBy("job_date")
          .keyedBy("org", "event_id")
          .build();

  public static final TableDeclaration PAYMENT_LINKS =
      TableDeclaration.builder(Layer.SILVER, "payment_links")
          .comment(
              "One row per create_new_payment event: the ticket batch in exact wei, and the live"
                  + " session it pays for when its request id identifies exactly one session of"
                  + " the same org (reference §2.11). manifestID and sessionID are never join"
                  + " keys.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required("event_id", string(), "Envelope id of the payment event.")
          .optional("event_ts", timestamp(), "Envelope timestamp, UTC.")
          .required("payment_date", date(), "UTC date of event_ts (of the Kafka time if absent).")
          .optional("gateway", string(), "Envelope gateway.")
          .optional(
              "request_id",
              string(),
              "data.requestID trimmed; the only link to a session. Often empty.")
          .optional("manifest_id", string(), "data.manifestID as sent; never a join key.")
          .optional("session_id", string(), "data.sessionID as sent (gateway's); never a join key.")
          .optional(
              "model_hint",
              string(),
              "Model id read from a manifest_id of the form <capability id>_<model>"
                  + " (35_streamdiffusion-sdxl-faceid gives streamdiffusion-sdxl-faceid); null for"
                  + " an opaque manifest. A hint, never a join key.")
          .optional("sender", string(), "Gateway ETH address, lower-case.")
          .required(
              "recipient",
              string(),
              "Orchestrator on-chain address, lower-case (matches capability announcements).")
          .optional("orch_url", string(), "Orchestrator service URL, normalised (Identity.uri).")
          .required("face_value_wei", WEI, "Face value of each ticket in wei, exact.")
          .required("win_prob", WEI_RATE, "Winning probability of each ticket, exact.")
          .required("num_tickets", integer(), "Tickets in the batch.")
          .optional(
              "expected_value_wei",
              decimal(38, EXPECTED_VALUE_SCALE),
              "face_value_wei × win_prob × num_tickets in wei, exact at scale 18 (win_prob's"
                  + " decimals); null only if it reaches 10^20 wei, which decimal(38,18) cannot"
                  + " hold.")
          .optional("price_wei_per_pixel", WEI_RATE, "Price the gateway pays in wei per pixel.")
          .optional(
              "linked_session_key",
              string(),
              "silver.sessions key (org|stream_id|request_id) of the one session with this"
                  + " request id in this org; null unless link_status is resolved.")
          .required(
              "link_method",
              string(),
              "request_id when the request id matched at least one session, else none.")
          .required(
              "link_status",
              string(),
              "resolved (one session), ambiguous (several sessions share the request id in this"
                  + " org: none is picked) or unresolved (no request id, or no session with it).")
          .required(
              "candidate_sessions",
              integer(),
              "Distinct sessions of the org with this request id (0, 1 or more).")
          .partitionedBy("payment_date")
          .keyedBy("org", "event_id")
          .build();

  /** Every table declared here, in dependency order. */
  public static List<TableDeclaration> all() {
    return List.of(AI_BATCH_JOBS, LLM_JOBS, BYOC_JOBS, PAYMENT_LINKS);
  }

  /** The attribution step's inputs, then the attribution columns it fills. */
  private static TableDeclaration.Builder attributionInputs(
      TableDeclaration.Builder builder,
      String observedUrl,
      String pipelineHint,
      String modelHint,
      String selectionTs) {
    builder
        .optional(
            "observed_url",
            string(),
            "Orchestrator URL the attribution step looks up (= " + observedUrl + ").")
        .optional(
            "observed_address",
            string(),
            "Orchestrator address the attribution step looks up when there is no URL; null for"
                + " jobs that report none.")
        .optional(
            "pipeline_hint",
            string(),
            "Pipeline the attribution step checks offers against (= " + pipelineHint + ").")
        .optional(
            "model_hint",
            string(),
            "Model the attribution step checks offers against (= " + modelHint + ").")
        .optional("selection_ts", timestamp(), "Selection time attributed: " + selectionTs);
    AttributionColumns.COLUMNS.forEach(builder::column);
    return builder;
  }

  private JobTables() {}
}
