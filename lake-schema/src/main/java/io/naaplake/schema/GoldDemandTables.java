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
 * Gold: demand. Live-video demand at the sessions' start hour (reference §3.4), one row per
 * request/response job (AI batch, LLM, BYOC) with the hourly request demand over them (§3.6), and
 * the hourly BYOC auth, payment and worker activity per capability.
 *
 * <p><b>Hours.</b> UTC. A session's demand and its whole duration (usage minutes) are credited to
 * the hour it started in (silver.sessions.start_hour), never to the hours it ran in: those are the
 * SLA's status hours. A job is credited to the hour of its {@code job_ts} (when the gateway took
 * it).
 *
 * <p><b>Keys.</b> An unknown gateway, pipeline, model, capability or orchestrator is null, in key
 * columns too: null means "no evidence" everywhere in gold, and writers match keys null-safely.
 *
 * <p><b>Additivity.</b> Columns declared with {@code measure} (counts, sums and their sample
 * counts) may be summed over any rows of the table, hours included; every ratio beside them is
 * recomputed from the summed primitives, never averaged. Distinct counts are not additive.
 *
 * <p><b>Settlement.</b> {@code is_settled} is false while late data may still change the row: the
 * run passes the instant before which silver no longer changes (the lateness horizon), and an hour
 * is settled when it ends at or before it.
 *
 * <p><b>LLM requests are counted once.</b> The gateway runs an LLM request through the AI-batch
 * path too, so one request yields an {@code ai_batch_jobs} row (pipeline {@code llm}) and an {@code
 * llm_jobs} row with the same (org, request_id). {@code request_jobs} joins them into one {@code
 * llm} row: gateway job facts (selection outcome, attribution, success, duration, tries, error)
 * from the AI-batch half when it has them, LLM facts (tokens, TTFT, speed, finish reason,
 * streaming) from the LLM half. An AI-batch row with pipeline {@code llm} and no LLM half (no
 * orchestrator was found, or the completion was lost) is an {@code llm} job too; so is an LLM half
 * without an AI-batch half. {@code request_demand_hourly} is computed from {@code request_jobs}, so
 * each request is one job there as well.
 */
public final class GoldDemandTables {

  private static final LakeType WEI = decimal(38, 0);
  private static final LakeType WEI_RATE = decimal(38, 18);

  private static final String UNKNOWN_KEY = " null when unknown.";

  private static final String SETTLED =
      "False while late data may still change the row: true when the hour ends at or before the"
          + " run's settlement instant (the silver lateness horizon)";

  public static final TableDeclaration STREAMING_DEMAND_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "streaming_demand_hourly")
          .comment(
              "One row per (UTC start hour, org, gateway, pipeline, model) with live-video"
                  + " sessions that started in that hour (silver.sessions.start_hour): demand,"
                  + " startup outcomes, failures and usage minutes, every session counted once in"
                  + " its start hour with its whole duration (reference §3.4, §2.9).")
          .required(
              "window_start",
              timestamp(),
              "UTC hour the sessions started in (silver.sessions.start_hour).")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional("gateway", string(), "silver.sessions.gateway;" + UNKNOWN_KEY)
          .optional("pipeline", string(), "silver.sessions.canonical_pipeline;" + UNKNOWN_KEY)
          .optional("model_id", string(), "silver.sessions.canonical_model;" + UNKNOWN_KEY)
          .measure(
              "sessions",
              bigint(),
              "Sessions that started in the hour, requested or not (a session whose request"
                  + " trace was lost still used the network).")
          .measure(
              "requested_sessions",
              bigint(),
              "Sessions with a gateway_receive_stream_request trace (requested): the demand"
                  + " denominator of every rate.")
          .measure(
              "startup_success_sessions",
              bigint(),
              "Requested sessions that became playable (startup_class success): served demand.")
          .measure(
              "unexcused_failed_sessions",
              bigint(),
              "Requested sessions whose startup failed without an excusal (startup_class"
                  + " unexcused; the reference's startup_failed_sessions).")
          .measure(
              "excused_failed_sessions",
              bigint(),
              "Requested sessions whose startup failed with an excusal: no orchestrator, or"
                  + " only excusable errors (startup_class excused).")
          .measure(
              "no_orch_sessions",
              bigint(),
              "Requested sessions with selection_outcome no_orch (the gateway found no"
                  + " orchestrator): unserved demand.")
          .measure(
              "swapped_sessions",
              bigint(),
              "Requested sessions with at least one orchestrator_swap trace (swap_count > 0).")
          .measure(
              "loading_only_sessions",
              bigint(),
              "Requested sessions with status samples but none in a running state.")
          .measure(
              "zero_output_fps_sessions",
              bigint(),
              "Requested sessions with status samples but none with output fps > 0.")
          .measure(
              "output_failed_sessions",
              bigint(),
              "Requested sessions loading-only or zero-output-fps, each session counted once"
                  + " however many of the two it is (reference §2.9).")
          .measure(
              "effective_failed_sessions",
              bigint(),
              "Requested sessions with an unexcused startup failure, or loading-only, or"
                  + " zero-output-fps, counted once. A last_error alone is not a failure.")
          .measure(
              "ending_in_error_sessions",
              bigint(),
              "Requested sessions with a status sample carrying a last_error (ends_in_error).")
          .measure(
              "usage_minutes",
              float64(),
              "Sum of silver.sessions.duration_minutes (last_seen - started_at) of all the"
                  + " hour's sessions: each session's whole duration, credited to its start hour.")
          .optional(
              "startup_success_rate",
              float64(),
              "startup_success_sessions / requested_sessions; null when none requested.")
          .optional(
              "unexcused_failure_rate",
              float64(),
              "unexcused_failed_sessions / requested_sessions; null when none requested.")
          .optional(
              "excused_failure_rate",
              float64(),
              "excused_failed_sessions / requested_sessions; null when none requested.")
          .optional(
              "no_orch_rate",
              float64(),
              "no_orch_sessions / requested_sessions; null when none requested.")
          .optional(
              "swap_rate",
              float64(),
              "swapped_sessions / requested_sessions; null when none requested.")
          .optional(
              "output_failure_rate",
              float64(),
              "output_failed_sessions / requested_sessions (1 - output viability); null when none"
                  + " requested.")
          .optional(
              "effective_failure_rate",
              float64(),
              "effective_failed_sessions / requested_sessions (the unmet demand rate; 1 -"
                  + " effective success rate); null when none requested.")
          .optional(
              "avg_session_minutes", float64(), "usage_minutes / sessions; null when no sessions.")
          .required(
              "is_settled",
              bool(),
              SETTLED
                  + ", and every session counted last seen before that instant (a session still"
                  + " running adds usage minutes to its start hour).")
          .partitionedBy("window_date")
          .keyedBy("window_start", "org", "gateway", "pipeline", "model_id")
          .published()
          .build();

  public static final TableDeclaration REQUEST_JOBS =
      TableDeclaration.builder(Layer.GOLD, "request_jobs")
          .comment(
              "One row per request/response job for listing: an AI-batch job, an LLM request"
                  + " (its AI-batch and LLM records joined into one row, so it is never listed"
                  + " or counted twice) or a BYOC job, from silver.ai_batch_jobs, silver.llm_jobs"
                  + " and silver.byoc_jobs with their attribution.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required(
              "job_id_kind",
              string(),
              "request_id for AI-batch and LLM jobs (keyed by the gateway's request id), event_id"
                  + " for BYOC jobs (keyed by the completion's envelope id, their request id being"
                  + " empty in practice). Keeps the two id spaces apart.")
          .required(
              "job_id",
              string(),
              "The request id (AI batch, LLM) or the job_gateway_completed envelope id (BYOC).")
          .required(
              "job_type",
              string(),
              "llm (an llm_jobs row, or an AI-batch job whose pipeline is llm), ai_batch (any"
                  + " other AI-batch job) or byoc.")
          .required(
              "source_records",
              string(),
              "Which silver rows the job was built from: ai_batch, llm, ai_batch+llm (an LLM"
                  + " request seen on both paths, joined by request id) or byoc.")
          .optional(
              "job_ts",
              timestamp(),
              "When the gateway took the job: the earliest of ai_batch_jobs.received_at and"
                  + " llm_jobs.started_at, else the earliest completion time (AI batch, LLM);"
                  + " byoc_jobs.completed_at (BYOC). Its hour is the job's request_demand_hourly"
                  + " window.")
          .required(
              "job_date",
              date(),
              "UTC date of job_ts; the silver job_date when job_ts is null. Partition.")
          .optional("gateway", string(), "Envelope gateway (AI-batch half first, then LLM half).")
          .optional(
              "pipeline_or_capability",
              string(),
              "Builtin pipeline (e.g. text-to-image; llm for LLM requests) or the BYOC capability"
                  + " name verbatim.")
          .optional(
              "model_id",
              string(),
              "Model: llm_jobs.model, else ai_batch_jobs.model_id (LLM); ai_batch_jobs.model_id;"
                  + " byoc_jobs.model_id (from worker lifecycle).")
          .optional("request_id", string(), "Gateway request id (BYOC: as sent, usually null).")
          .optional(
              "completed_at",
              timestamp(),
              "Completion time: AI-batch half, else LLM half; BYOC completed_at.")
          .optional(
              "success",
              bool(),
              "Outcome: AI-batch half when completed, else LLM half; BYOC success. Null when the"
                  + " job has not completed.")
          .required(
              "selection_outcome",
              string(),
              "selected, no_orch or unknown, from the record attribution is taken from (the"
                  + " AI-batch half when it selected an orchestrator, else the LLM half when it"
                  + " did, else the AI-batch half, else the LLM half).")
          .required(
              "attribution_status",
              string(),
              "Attribution status of that record: resolved, hardware_less, stale, ambiguous,"
                  + " unresolved or no_selection.")
          .optional(
              "orchestrator_address",
              string(),
              "attributed_orch_address (canonical, on-chain, lower-case) of that record; null"
                  + " unless resolved, hardware_less or stale.")
          .optional(
              "orchestrator_uri",
              string(),
              "attributed_orch_uri, else the orch_url the job reported (normalised).")
          .optional("gpu_id", string(), "attributed_gpu_id: set only when exactly one GPU could.")
          .optional("gpu_name", string(), "attributed_gpu_name.")
          .optional(
              "duration_ms",
              bigint(),
              "Duration in ms: AI-batch half, else LLM half (total_duration_ms); BYOC"
                  + " duration_ms.")
          .optional("tries", integer(), "Attempts the gateway made (AI-batch half only).")
          .optional(
              "error_type",
              string(),
              "Gateway error class (AI-batch half), e.g. no_orchestrators; null on success.")
          .optional(
              "error_message",
              string(),
              "Error text: AI-batch half, else LLM half; BYOC error_message.")
          .optional("http_status", integer(), "HTTP status from the orchestrator (BYOC only).")
          .optional("streaming", bool(), "Streamed response (LLM half; BYOC streaming).")
          .optional("finish_reason", string(), "LLM finish reason: stop, length, error, unknown.")
          .optional("prompt_tokens", integer(), "LLM prompt tokens.")
          .optional("completion_tokens", integer(), "LLM completion tokens.")
          .optional("total_tokens", integer(), "LLM prompt plus completion tokens.")
          .optional("ttft_ms", bigint(), "LLM time to first token in ms (streamed only).")
          .optional("tokens_per_second", float64(), "LLM generation speed.")
          .optional(
              "price_per_unit",
              WEI_RATE,
              "Quoted price in wei per unit (AI-batch half, else LLM half; BYOC: the matched"
                  + " worker's quote). A quote, not a fee.")
          .partitionedBy("job_date")
          .keyedBy("org", "job_id_kind", "job_id")
          .published()
          .build();

  public static final TableDeclaration REQUEST_DEMAND_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "request_demand_hourly")
          .comment(
              "One row per (UTC hour, org, gateway, job type, pipeline or capability, model,"
                  + " orchestrator address, orchestrator URI) with request/response jobs, from"
                  + " gold.request_jobs (so an LLM request is one job): jobs, selection,"
                  + " successes, durations, tokens and TTFT (reference §3.6).")
          .required("window_start", timestamp(), "UTC hour of request_jobs.job_ts.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional("gateway", string(), "request_jobs.gateway;" + UNKNOWN_KEY)
          .required("job_type", string(), "ai_batch, llm or byoc.")
          .optional(
              "pipeline_or_capability",
              string(),
              "Builtin pipeline or BYOC capability;" + UNKNOWN_KEY)
          .optional("model_id", string(), "request_jobs.model_id;" + UNKNOWN_KEY)
          .optional(
              "orchestrator_address",
              string(),
              "Attributed canonical orchestrator address; null when not attributed.")
          .optional(
              "orchestrator_uri",
              string(),
              "request_jobs.orchestrator_uri; null when no orchestrator was reported.")
          .measure("jobs", bigint(), "Jobs in the hour.")
          .measure("selected_jobs", bigint(), "Jobs with selection_outcome selected.")
          .measure(
              "no_orch_jobs",
              bigint(),
              "Jobs with selection_outcome no_orch (the gateway found no orchestrator).")
          .measure(
              "attributed_jobs",
              bigint(),
              "Selected jobs attributed resolved or hardware_less (attribution quality"
                  + " numerator; selected_jobs is the denominator).")
          .measure("completed_jobs", bigint(), "Jobs with a known outcome (success not null).")
          .measure("successful_jobs", bigint(), "Jobs with success true.")
          .measure("duration_ms_sum", bigint(), "Sum of duration_ms over the jobs reporting one.")
          .measure("duration_samples", bigint(), "Jobs reporting a duration_ms.")
          .measure("prompt_tokens_sum", bigint(), "Sum of prompt_tokens (LLM).")
          .measure("prompt_tokens_samples", bigint(), "Jobs reporting prompt_tokens.")
          .measure("completion_tokens_sum", bigint(), "Sum of completion_tokens (LLM).")
          .measure("completion_tokens_samples", bigint(), "Jobs reporting completion_tokens.")
          .measure("total_tokens_sum", bigint(), "Sum of total_tokens (LLM).")
          .measure("total_tokens_samples", bigint(), "Jobs reporting total_tokens.")
          .measure("ttft_ms_sum", bigint(), "Sum of ttft_ms (streamed LLM responses).")
          .measure("ttft_samples", bigint(), "Jobs reporting ttft_ms.")
          .measure("tokens_per_second_sum", float64(), "Sum of tokens_per_second (LLM).")
          .measure("tokens_per_second_samples", bigint(), "Jobs reporting tokens_per_second.")
          .optional(
              "success_rate",
              float64(),
              "successful_jobs / jobs (no_orch and unknown jobs stay in the denominator, as in"
                  + " the reference).")
          .optional("no_orch_rate", float64(), "no_orch_jobs / jobs.")
          .optional(
              "avg_duration_ms",
              float64(),
              "duration_ms_sum / duration_samples (jobs without a duration are no evidence, not"
                  + " 0); null without samples.")
          .optional("avg_total_tokens", float64(), "total_tokens_sum / total_tokens_samples.")
          .optional("avg_ttft_ms", float64(), "ttft_ms_sum / ttft_samples.")
          .optional(
              "avg_tokens_per_second",
              float64(),
              "tokens_per_second_sum / tokens_per_second_samples.")
          .required("is_settled", bool(), SETTLED + ".")
          .partitionedBy("window_date")
          .keyedBy(
              "window_start",
              "org",
              "gateway",
              "job_type",
              "pipeline_or_capability",
              "model_id",
              "orchestrator_address",
              "orchestrator_uri")
          .published()
          .build();

  public static final TableDeclaration BYOC_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "byoc_hourly")
          .comment(
              "One row per (UTC hour, org, BYOC capability) with BYOC auth results"
                  + " (silver.job_auth), payment events (silver.job_payment) and worker lifecycle"
                  + " events (silver.worker_lifecycle) in the hour. Each event is placed by its"
                  + " event time (envelope, else payload timestamp).")
          .required("window_start", timestamp(), "UTC hour of the events.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional(
              "capability",
              string(),
              "BYOC capability name verbatim (job_auth: capability, else pipeline);" + UNKNOWN_KEY)
          .measure("auth_events", bigint(), "job_auth events (webhook and credential results).")
          .measure("auth_successes", bigint(), "job_auth events with success true.")
          .measure("auth_failures", bigint(), "job_auth events with success false.")
          .measure("payment_events", bigint(), "job_payment events of any type.")
          .measure("payments_created", bigint(), "job_payment events of type payment_created.")
          .measure(
              "payments_with_tickets", bigint(), "payment_created events with with_tickets true.")
          .measure(
              "payment_stream_cycles", bigint(), "job_payment events of type payment_stream_cycle.")
          .measure(
              "payment_stream_cycle_failures",
              bigint(),
              "payment_stream_cycle events with success false.")
          .measure("balance_syncs", bigint(), "job_payment events of type payment_balance_sync.")
          .measure(
              "balance_diff_wei_sum",
              WEI,
              "Sum of diff (wei, as sent) over payment_balance_sync events reporting one.")
          .measure("worker_events", bigint(), "worker_lifecycle events of any type.")
          .measure("workers_registered", bigint(), "worker_registered events.")
          .measure("workers_unregistered", bigint(), "worker_unregistered events.")
          .measure("worker_capacity_exhausted", bigint(), "worker_capacity_exhausted events.")
          .measure(
              "worker_price_per_unit_sum",
              WEI_RATE,
              "Sum of price_per_unit (wei per unit, a quote) over worker events reporting one.")
          .measure("worker_price_samples", bigint(), "Worker events reporting a price_per_unit.")
          .optional(
              "auth_success_rate",
              float64(),
              "auth_successes / (auth_successes + auth_failures); events without a result are"
                  + " no evidence. Null without results.")
          .optional(
              "avg_worker_price_per_unit",
              WEI_RATE,
              "worker_price_per_unit_sum / worker_price_samples, exact to 18 decimals (rounded"
                  + " half up).")
          .optional(
              "distinct_workers",
              bigint(),
              "Distinct worker URLs in the hour's worker events. Not additive.")
          .optional(
              "distinct_worker_models",
              bigint(),
              "Distinct models (first worker_options model) in the hour's worker events. Not"
                  + " additive.")
          .optional(
              "distinct_payment_orchestrators",
              bigint(),
              "Distinct orchestrators (orchestrator_addr, else orchestrator_info.address, lower"
                  + " case) in the hour's payment events. Not additive.")
          .required("is_settled", bool(), SETTLED + ".")
          .partitionedBy("window_date")
          .keyedBy("window_start", "org", "capability")
          .published()
          .build();

  /** Every table declared here. */
  public static List<TableDeclaration> all() {
    return List.of(STREAMING_DEMAND_HOURLY, REQUEST_JOBS, REQUEST_DEMAND_HOURLY, BYOC_HOURLY);
  }

  private GoldDemandTables() {}
}
