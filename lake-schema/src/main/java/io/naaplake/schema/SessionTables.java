package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Live-video sessions (reference §2.7), their status hours, and the orchestrator selections within
 * them (§2.8 step 1), derived from silver.stream_trace, silver.ai_stream_status and
 * silver.ai_stream_events.
 *
 * <p>Terms used in the comments:
 *
 * <ul>
 *   <li><b>Session key</b>: {@code org|stream_id|request_id}, a missing id replaced by {@code
 *       _missing_stream} or {@code _missing_request}. Events with neither id (or no org) belong to
 *       no session; they stay in their typed tables only.
 *   <li><b>Event time</b>: the envelope timestamp, else the payload timestamp when the envelope's
 *       was unreadable. Events with neither cannot be placed in time and are left out of sessions.
 *   <li><b>Order</b> within a session: event time, then payload timestamp, then family (trace,
 *       status, events), then event id. Never Kafka offsets.
 *   <li><b>Running-state sample</b>: a status sample whose state is ONLINE, DEGRADED_INPUT or
 *       DEGRADED_INFERENCE (the runner is producing; reference §1.4). LOADING, OFFLINE, ERROR and
 *       unknown states are not running. Output fps is counted separately.
 * </ul>
 */
public final class SessionTables {

  private static final String RUNNING_STATE =
      " A running-state sample has state ONLINE, DEGRADED_INPUT or DEGRADED_INFERENCE.";

  public static final TableDeclaration SESSIONS =
      TableDeclaration.builder(Layer.SILVER, "sessions")
          .comment(
              "One row per live-video session (org|stream_id|request_id), recomputed from all its"
                  + " trace, status and stream events: lifecycle, startup outcome and excusal,"
                  + " output health, latencies and canonical pipeline/model (reference §2.7).")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required(
              "session_key",
              string(),
              "org|stream_id|request_id; a missing id is _missing_stream or _missing_request.")
          .optional("stream_id", string(), "Live stream id (trimmed); null when never sent.")
          .optional(
              "request_id",
              string(),
              "Request id (trimmed); null when never sent. The payment link key.")
          .optional(
              "gateway", string(), "Envelope gateway of the session's first event that has one.")
          .required("first_seen", timestamp(), "Event time of the session's first event.")
          .required("last_seen", timestamp(), "Event time of the session's last event.")
          .required(
              "started_at",
              timestamp(),
              "Event time of the first gateway_receive_stream_request trace; first_seen when the"
                  + " request was not seen (requested is false).")
          .required(
              "start_hour",
              timestamp(),
              "UTC hour of started_at: the hour demand and usage minutes are credited to.")
          .required("start_date", date(), "UTC date of started_at. Partition.")
          .measure(
              "duration_minutes",
              float64(),
              "last_seen - started_at in minutes, at least 0. Credited to start_hour.")
          .required(
              "requested",
              bool(),
              "A gateway_receive_stream_request trace was seen: the session counts as demand.")
          .required(
              "playable",
              bool(),
              "A gateway_receive_few_processed_segments trace was seen: startup success.")
          .required(
              "completed", bool(), "A gateway_ingest_stream_closed trace was seen: the close edge.")
          .measure(
              "swap_count",
              integer(),
              "orchestrator_swap traces (explicit swaps). An orchestrator change seen without one"
                  + " is a selection (orch_change_fallback), not a swap.")
          .required(
              "selection_outcome",
              string(),
              "selected (an orchestrator was observed: selection_count > 0), else no_orch (a"
                  + " gateway_no_orchestrators_available trace), else unknown.")
          .required(
              "startup_outcome",
              string(),
              "unknown when not requested; success when playable; else failed.")
          .required(
              "excusal_reason",
              string(),
              "For failed startups: no_orch (selection_outcome no_orch), else excusable_error (at"
                  + " least one error event and all of them excusable), else none. none otherwise.")
          .required(
              "startup_class",
              string(),
              "success, excused (failed with an excusal), unexcused (failed, excusal none) or"
                  + " unknown (not requested).")
          .required(
              "loading_only",
              bool(),
              "Has status samples and none in a running state (so none ONLINE)." + RUNNING_STATE)
          .required("zero_output_fps", bool(), "Has status samples and none with output fps > 0.")
          .measure("status_samples", bigint(), "ai_stream_status samples of the session.")
          .measure(
              "fps_positive_samples", bigint(), "Status samples with output (inference) fps > 0.")
          .measure(
              "running_samples", bigint(), "Status samples in a running state." + RUNNING_STATE)
          .measure("online_samples", bigint(), "Status samples with state ONLINE.")
          .measure("error_events", bigint(), "ai_stream_events of type error.")
          .measure(
              "excusable_error_events",
              bigint(),
              "Error events whose message contains, case-insensitively, one of: no orchestrators"
                  + " available, mediamtx ingest disconnected, whip disconnected, missing video,"
                  + " ice connection state failed, user disconnected.")
          .required(
              "ends_in_error",
              bool(),
              "Some status sample carries a last_error (not null, empty or \"null\").")
          .optional(
              "startup_latency_ms",
              bigint(),
              "First gateway_receive_first_processed_segment - first"
                  + " gateway_receive_stream_request (event times); null when an edge is missing or"
                  + " the difference is negative.")
          .optional(
              "e2e_latency_ms",
              bigint(),
              "E2E proxy: first runner_send_first_processed_segment - first"
                  + " gateway_send_first_ingest_segment (event times); null when an edge is missing"
                  + " or negative.")
          .optional(
              "prompt_to_first_frame_ms",
              bigint(),
              "First gateway_receive_few_processed_segments - earliest status start_time; null"
                  + " when an edge is missing or negative.")
          .required(
              "health_signals_expected", integer(), "3 when requested, else 0 (reference §2.7).")
          .required(
              "health_signals_observed",
              integer(),
              "[has status samples] + [playable] + [has status samples and not (loading_only and"
                  + " zero_output_fps)].")
          .optional(
              "pipeline_hint",
              string(),
              "Raw pipeline_id first observed (status events preferred, then trace, then stream"
                  + " events; each in session order); usually empty in real data.")
          .optional(
              "model_hint",
              string(),
              "Raw pipeline field first observed, same preference: a model id in practice (e.g."
                  + " streamdiffusion-sdxl-faceid).")
          .optional(
              "canonical_pipeline",
              string(),
              "Pipeline from the hints (reference §2.7): a known pipeline name as given, the"
                  + " pipeline of a known alias (pip_sdxl-turbo*, streamdiffusion*:"
                  + " live-video-to-video), or live-video-to-video for any streamdiffusion model;"
                  + " null when unknown or equal to the model.")
          .optional(
              "canonical_model",
              string(),
              "Model from the hints: known aliases mapped (pip_sdxl-turbo-faceid ->"
                  + " streamdiffusion-sdxl-faceid, ...), other model text kept as sent.")
          .optional(
              "first_status_hour",
              timestamp(),
              "UTC hour of the first status sample: the hour session-level latencies are credited"
                  + " to in silver.session_hours; null without status samples.")
          .measure(
              "selection_count",
              integer(),
              "Orchestrator selections (rows of the selections output: initial, swap,"
                  + " orch_change_fallback).")
          .measure(
              "params_updates",
              integer(),
              "Times last_params_hash changed between consecutive status samples that report one."
                  + " A params update never starts a new selection.")
          .partitionedBy("start_date")
          .keyedBy("org", "session_key")
          .build();

  public static final TableDeclaration SESSION_HOURS =
      TableDeclaration.builder(Layer.SILVER, "session_hours")
          .comment(
              "One row per session and UTC hour with status samples: additive status-sample"
                  + " counters for hourly reliability and quality, the terminal-tail flag, and the"
                  + " session-level latencies on the session's first status hour only.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required("session_key", string(), "silver.sessions.session_key.")
          .required("hour", timestamp(), "UTC hour of the samples' event time.")
          .required("hour_date", date(), "UTC date of hour. Partition.")
          .measure("status_samples", bigint(), "ai_stream_status samples in the hour.")
          .measure("fps_positive_samples", bigint(), "Samples with output fps > 0.")
          .measure("running_samples", bigint(), "Samples in a running state." + RUNNING_STATE)
          .measure("online_samples", bigint(), "Samples with state ONLINE.")
          .measure("error_samples", bigint(), "Samples carrying a last_error.")
          .measure("output_fps_samples", bigint(), "Samples that report an output fps.")
          .measure(
              "output_fps_sum",
              float64(),
              "Sum of output fps over the samples (a sample without fps adds 0); average ="
                  + " sum / status_samples as in the reference, or / output_fps_samples.")
          .measure(
              "output_fps_sum_squares",
              float64(),
              "Sum of squared output fps: with the sum and count gives the variance.")
          .measure(
              "e2e_latency_sum_ms",
              float64(),
              "Sum of inference_status.latency_ms over samples reporting a positive value (absent"
                  + " in real data so far; the trace proxy is e2e_latency_ms).")
          .measure("e2e_latency_samples", bigint(), "Samples counted in e2e_latency_sum_ms.")
          .optional("restart_count_max", integer(), "Highest restart_count reported in the hour.")
          .required(
              "terminal_tail",
              bool(),
              "Terminal-tail artifact (reference §2.7): the session started before the hour and"
                  + " its last event falls in it, and both this hour and the previous UTC hour have"
                  + " no fps-positive sample, no running-state sample and fewer than 3 samples."
                  + " Kept, flagged; hourly reliability excludes it.")
          .required("is_first_status_hour", bool(), "The session's first hour with status samples.")
          .optional(
              "startup_latency_ms",
              bigint(),
              "silver.sessions.startup_latency_ms on the first status hour; null on other hours.")
          .optional(
              "e2e_latency_ms",
              bigint(),
              "silver.sessions.e2e_latency_ms on the first status hour; null on other hours.")
          .optional(
              "prompt_to_first_frame_ms",
              bigint(),
              "silver.sessions.prompt_to_first_frame_ms on the first status hour; null on other"
                  + " hours.")
          .partitionedBy("hour_date")
          .keyedBy("org", "session_key", "hour")
          .build();

  /**
   * Columns of an orchestrator selection within a session (reference §2.8 step 1), the input of
   * attribution. Not a table of its own: attribution adds {@link AttributionColumns} to these.
   */
  public static final List<Column> SELECTION_COLUMNS =
      List.of(
          Column.required("org", string(), "Tenant, from the Kafka topic."),
          Column.required("session_key", string(), "silver.sessions.session_key."),
          Column.optional("stream_id", string(), "Live stream id of the session."),
          Column.optional("request_id", string(), "Request id of the session."),
          Column.required(
              "selection_seq", integer(), "0-based position of the selection in the session."),
          Column.required(
              "selection_ts", timestamp(), "Event time of the signal the selection was seen on."),
          Column.required(
              "selection_reason",
              string(),
              "initial (first signal naming an orchestrator), swap (first signal naming one after"
                  + " an orchestrator_swap trace), or orch_change_fallback (the named orchestrator"
                  + " changed without a swap trace). Params, GPU or model changes are not"
                  + " selections."),
          Column.optional(
              "observed_address",
              string(),
              "orchestrator_info.address of the signal, lower-cased: the hot-wallet (local)"
                  + " address, not the on-chain one."),
          Column.optional(
              "observed_url", string(), "orchestrator_info.url of the signal, normalised."),
          Column.optional(
              "pipeline_hint",
              string(),
              "Canonical pipeline from the hints around the signal (its own, else the latest"
                  + " earlier one, else the session's first), normalised as"
                  + " sessions.canonical_pipeline."),
          Column.optional(
              "model_hint",
              string(),
              "Canonical model from the same hints, normalised as sessions.canonical_model."),
          Column.required("signal_event_id", string(), "Event id of the signal."),
          Column.required(
              "signal_family",
              string(),
              "Family of the signal: stream_trace, ai_stream_status or ai_stream_events."));

  private SessionTables() {}
}
