package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;
import static io.naaplake.schema.events.PayloadFields.eventTime;
import static io.naaplake.schema.events.PayloadFields.field;
import static io.naaplake.schema.events.PayloadFields.orchestratorInfo;
import static io.naaplake.schema.events.PayloadFields.pipelineId;
import static io.naaplake.schema.events.PayloadFields.requestId;
import static io.naaplake.schema.events.PayloadFields.required;
import static io.naaplake.schema.events.PayloadFields.streamId;
import static io.naaplake.schema.events.PayloadFields.struct;
import static io.naaplake.schema.events.PayloadFields.subtype;
import static io.naaplake.schema.events.PayloadFields.wire;

import io.naaplake.schema.LakeType;

/** Payloads of the live-video families. */
final class LivePayloads {

  static final LakeType.Struct STREAM_TRACE =
      struct(
          subtype(
              "One of the accepted stream_trace subtypes, e.g. gateway_receive_stream_request."),
          eventTime(),
          streamId(),
          requestId(),
          pipelineId(),
          field(
              "pipeline",
              string(),
              "Model-like pipeline hint; set on orchestrator_swap and by the Cloud-SPE fork."),
          field(
              "message",
              string(),
              "Free text; on orchestrator_swap the swap reason, e.g. \"trickle subscribe error,"
                  + " swapping: EOF\"."),
          orchestratorInfo(),
          field(
              "client_source",
              string(),
              "Reporting client; scope's lifecycle chatter is ignored at routing."));

  static final LakeType.Struct AI_STREAM_STATUS =
      struct(
          subtype("Always \"status\"."),
          eventTime(),
          streamId(),
          requestId(),
          field(
              "pipeline",
              string(),
              "A model id (e.g. streamdiffusion-sdxl-faceid), not a workflow pipeline."),
          pipelineId(),
          field(
              "state",
              string(),
              "Runner state: LOADING, ONLINE, OFFLINE, DEGRADED_INPUT, DEGRADED_INFERENCE, ERROR."),
          field(
              "start_time",
              timestamp(),
              "Pipeline start. Int epoch ms in real data, an ISO string in the reference's tests,"
                  + " float epoch seconds in the producer doc: accept all three."),
          field("last_state_update_time", timestamp(), "Last state change; int epoch ms."),
          field("last_status_timestamp", timestamp(), "Previous status report; int epoch ms."),
          orchestratorInfo(),
          field(
              "inference_status",
              struct(
                  field("fps", float64(), "Output frames per second."),
                  field(
                      "last_error",
                      string(),
                      "Last runner error; JSON null in real data. Null, \"\" and \"null\" all"
                          + " mean no error."),
                  field("last_error_time", timestamp(), "Time of last_error; int epoch ms."),
                  field("last_output_time", timestamp(), "Last output frame; int epoch ms."),
                  field(
                      "last_params",
                      string(),
                      "Stream parameters as raw JSON text; sent once, then null: forward-fill."),
                  field("last_params_hash", string(), "MD5 hex of last_params."),
                  field("last_params_update_time", timestamp(), "Int epoch ms."),
                  field(
                      "last_restart_logs",
                      arrayOf(string()),
                      "Log lines of the last restart; sent once, then null: forward-fill."),
                  field("last_restart_time", timestamp(), "Int epoch ms."),
                  field("restart_count", integer(), "Pipeline restarts so far."),
                  field(
                      "latency_ms",
                      float64(),
                      "End-to-end latency; absent in the real sample (the reference reads 0).")),
              "Runner inference side."),
          field(
              "input_status",
              struct(
                  field("fps", float64(), "Input frames per second."),
                  field("last_input_time", timestamp(), "Last input frame; int epoch ms.")),
              "Runner input side."));

  static final LakeType.Struct AI_STREAM_EVENTS =
      struct(
          subtype(
              "error, params_update, restart, or a runner event passed through (e.g."
                  + " inference_complete); the Cloud-SPE fork adds orchestrator_swap,"
                  + " orchestrator_swap_failed, orchestrator_suspend."),
          eventTime(),
          streamId(),
          requestId(),
          field("pipeline", string(), "Model-like pipeline hint."),
          pipelineId(),
          orchestratorInfo(),
          field("message", string(), "Error text on error events; drives error excusal."),
          field(
              "capability", string(), "Capability name on gateway errors, e.g. LiveVideoToVideo."),
          field("params", string(), "params_update: the new parameters as raw JSON text."),
          field(
              "time",
              timestamp(),
              "Runner error time; units vary by producer version (seconds or ms): normalise."),
          field("restart_count", integer(), "restart: restarts so far."),
          field("restart_time", timestamp(), "restart: when it restarted."),
          field("restart_logs", arrayOf(string()), "restart: log lines."),
          field("seq", bigint(), "Runner sequence number of pass-through events."),
          field("latency_ms", float64(), "Pass-through events: processing latency."),
          field(
              "error_type",
              string(),
              "Cloud-SPE fork taxonomy: gateway_error, orchestrator_inference_failure,"
                  + " network_timeout, slow_orchestrator, subscribe_error, ..."),
          field("swap_reason", string(), "Cloud-SPE fork: why the orchestrator was swapped."),
          field("gpu_id", string(), "Cloud-SPE fork: GPU (NVML UUID) involved."),
          field("model_id", string(), "Cloud-SPE fork: model involved."),
          field("stage", string(), "Cloud-SPE fork: pipeline stage where the issue arose."));

  static final LakeType.Struct STREAM_INGEST_METRICS =
      struct(
          eventTime(),
          streamId(),
          requestId(),
          pipelineId(),
          field(
              "stats",
              struct(
                  field(
                      "peer_conn_stats",
                      struct(
                          wire("ID", string(), "Transport id, e.g. iceTransport."),
                          wire("BytesReceived", bigint(), "Bytes received on the connection."),
                          wire("BytesSent", bigint(), "Bytes sent on the connection.")),
                      "WebRTC peer connection totals."),
                  field(
                      "track_stats",
                      arrayOf(
                          struct(
                              field("type", string(), "video or audio."),
                              field(
                                  "jitter",
                                  float64(),
                                  "About 10-20 in real data; units unclear (ms by the"
                                      + " producer's 50 ms threshold)."),
                              field("packets_lost", bigint(), "Packets lost so far."),
                              field("packets_received", bigint(), "Packets received so far."),
                              field("packet_loss_pct", float64(), "Loss percentage."),
                              field("rtt", float64(), "Round-trip time."),
                              field("last_input_ts", float64(), "Float seconds on the wire."),
                              field("last_output_ts", float64(), "Float seconds on the wire."),
                              field("latency", float64(), "Track latency."),
                              field("warnings", arrayOf(string()), "Producer warnings."))),
                      "One element per track; the reference reads the first video and the first"
                          + " audio element."),
                  field("conn_quality", string(), "good or bad (jitter 50 ms / loss 2 %).")),
              "Ingest statistics."));

  static final LakeType.Struct DISCOVERY_RESULT =
      struct(
          required(
              "address",
              string(),
              "Candidate orchestrator address; the hot-wallet (local) address in real data."),
          field("url", string(), "Candidate orchestrator service URL."),
          field(
              "latency_ms", bigint(), "Discovery round-trip in ms; str-num on the wire (\"77\")."));

  private LivePayloads() {}
}
