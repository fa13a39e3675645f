package io.naaplake.jobs.silver.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written live-video envelopes of one session, shaped as go-livepeer and the ai-runner send
 * them (string epoch-ms envelope timestamp, int epoch-ms payload timestamps, orchestrator_info with
 * empty strings before selection, checksum-case addresses). Times are milliseconds after {@code
 * start}; the payload timestamp equals the envelope's unless given. Event ids are {@code
 * <stream>-NN} in call order, so events at the same instant tie-break in call order.
 */
final class LiveEnvelopes {
  static final String GATEWAY = "0x5aE4C0FfEe000000000000000000000000003d0B";

  /** An orchestrator as live events name it: hot-wallet address and service URL. */
  record Orch(String address, String url) {}

  static final Orch NONE = new Orch("", "");
  static final Orch A =
      new Orch("0xAaAa00000000000000000000000000000000000A", "https://orch-a.example:8935");
  static final Orch B =
      new Orch("0xBbBb00000000000000000000000000000000000B", "https://orch-b.example:8935");

  private final String streamId;
  private final String requestId;
  private final Instant start;
  private final List<String> envelopes = new ArrayList<>();
  private Instant runnerStart;
  private String model = "streamdiffusion-sdxl-faceid";

  LiveEnvelopes(String streamId, String requestId, Instant start) {
    this.streamId = streamId;
    this.requestId = requestId;
    this.start = start;
    this.runnerStart = start;
  }

  /** The runner's {@code start_time} reported by later status samples. */
  LiveEnvelopes runnerStartAt(long atMs) {
    runnerStart = start.plusMillis(atMs);
    return this;
  }

  LiveEnvelopes model(String value) {
    model = value;
    return this;
  }

  LiveEnvelopes trace(long atMs, String subtype, Orch orch) {
    return add(
        "stream_trace",
        atMs,
        "{\"type\":\"%s\",\"timestamp\":%d,%s,\"pipeline_id\":\"\",%s}"
            .formatted(subtype, millis(atMs), ids(), orchestrator(orch)));
  }

  LiveEnvelopes swap(long atMs, Orch abandoned, String reason) {
    return add(
        "stream_trace",
        atMs,
        ("{\"type\":\"orchestrator_swap\",\"timestamp\":%d,%s,\"pipeline_id\":\"\","
                + "\"pipeline\":\"%s\",\"message\":\"%s\",%s}")
            .formatted(millis(atMs), ids(), model, reason, orchestrator(abandoned)));
  }

  LiveEnvelopes status(long atMs, String state, double fps, Orch orch, String paramsHash) {
    String hash = paramsHash == null ? "null" : "\"" + paramsHash + "\"";
    return add(
        "ai_stream_status",
        atMs,
        ("{\"type\":\"status\",\"timestamp\":%d,%s,\"pipeline\":\"%s\",\"pipeline_id\":\"\","
                + "\"state\":\"%s\",\"start_time\":%d,%s,\"inference_status\":{\"fps\":%s,"
                + "\"last_error\":null,\"last_params_hash\":%s,\"restart_count\":0},"
                + "\"input_status\":{\"fps\":20.0}}")
            .formatted(
                millis(atMs),
                ids(),
                model,
                state,
                runnerStart.toEpochMilli(),
                orchestrator(orch),
                String.format(Locale.ROOT, "%.3f", fps),
                hash));
  }

  LiveEnvelopes error(long atMs, String message) {
    return add(
        "ai_stream_events",
        atMs,
        ("{\"type\":\"error\",\"timestamp\":%d,%s,\"pipeline\":\"%s\",\"pipeline_id\":\"\","
                + "\"capability\":\"LiveVideoToVideo\",\"message\":\"%s\"}")
            .formatted(millis(atMs), ids(), model, message));
  }

  LiveEnvelopes paramsUpdate(long atMs, Orch orch) {
    return add(
        "ai_stream_events",
        atMs,
        ("{\"type\":\"params_update\",\"timestamp\":%d,%s,\"pipeline\":\"%s\",\"pipeline_id\":\"\","
                + "\"params\":{\"prompt\":\"a cat\",\"strength\":0.6},%s}")
            .formatted(millis(atMs), ids(), model, orchestrator(orch)));
  }

  List<String> envelopes() {
    return List.copyOf(envelopes);
  }

  private LiveEnvelopes add(String type, long atMs, String data) {
    String id = "%s-%02d".formatted(streamId.isEmpty() ? "anon" : streamId, envelopes.size());
    envelopes.add(
        "{\"id\":\"%s\",\"type\":\"%s\",\"timestamp\":\"%d\",\"gateway\":\"%s\",\"data\":%s}"
            .formatted(id, type, millis(atMs), GATEWAY, data));
    return this;
  }

  private long millis(long atMs) {
    return start.plusMillis(atMs).toEpochMilli();
  }

  private String ids() {
    return "\"stream_id\":\"%s\",\"request_id\":\"%s\"".formatted(streamId, requestId);
  }

  private static String orchestrator(Orch orch) {
    return "\"orchestrator_info\":{\"address\":\"%s\",\"url\":\"%s\"}"
        .formatted(orch.address(), orch.url());
  }
}
