package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds the {@code data} of each event family in the field order, value types and value lengths of
 * the real capture ({@code streaming-events-2026-01-08.kafka-ui.json}), so that generated events
 * weigh what real ones weigh. Families absent from the capture ({@code ai_stream_events}) follow
 * the producer description in livepeer-event-producers.md.
 */
final class SyntheticPayloads {
  private static final List<String> PROMPTS =
      List.of(
          "a watercolor portrait, soft light, pastel colors",
          "cyberpunk city at night, neon reflections, rain",
          "studio ghibli style, lush forest, morning mist",
          "oil painting of a lighthouse in a storm, dramatic sky",
          "claymation character, bright colors, shallow depth of field");
  private static final List<String> ERROR_MESSAGES =
      List.of(
          "trickle subscribe error, swapping: EOF",
          "failed to process segment: context deadline exceeded",
          "error publishing segment: unexpected EOF",
          "orchestrator returned 503: insufficient capacity");

  private final SplittableRandom random;
  private final SyntheticRoster roster;

  SyntheticPayloads(SplittableRandom random, SyntheticRoster roster) {
    this.random = requireNonNull(random, "random is null");
    this.roster = requireNonNull(roster, "roster is null");
  }

  ObjectNode streamTrace(LiveSession session, long millis) {
    ObjectNode data = JsonSupport.newObject();
    if (session.hasOrchestrator()) {
      orchestratorInfo(data, session.orchestrator);
    } else {
      data.putObject("orchestrator_info").put("address", "").put("url", "");
    }
    data.put("pipeline_id", "");
    data.put("request_id", session.requestId);
    data.put("stream_id", session.streamId);
    data.put("timestamp", millis);
    data.put("type", LiveSession.TRACE_STEPS.get(session.traceStep));
    session.traceStep++;
    return data;
  }

  ObjectNode aiStreamStatus(LiveSession session, long millis) {
    String state = statusState();
    if (!state.equals("ONLINE")) {
      session.lastStateUpdateMillis = millis - random.nextInt(3_000);
    }
    boolean erred = random.nextInt(100) == 0;
    if (random.nextInt(200) == 0) {
      session.restartCount++;
    }
    ObjectNode data = JsonSupport.newObject();
    ObjectNode inference = data.putObject("inference_status");
    inference.put("fps", 8 + random.nextDouble() * 16);
    if (erred) {
      inference.put("last_error", RandomText.pick(random, ERROR_MESSAGES));
      inference.put("last_error_time", millis - random.nextInt(10_000));
    } else {
      inference.putNull("last_error");
      inference.putNull("last_error_time");
    }
    inference.put("last_output_time", millis - random.nextInt(400));
    inference
        .putObject("last_params")
        .put("height", session.frameSize)
        .put("width", session.frameSize);
    inference.put("last_params_hash", session.paramsHash);
    inference.put("last_params_update_time", session.startMillis);
    inference.putNull("last_restart_logs");
    if (session.restartCount > 0) {
      inference.put("last_restart_time", session.startMillis + random.nextInt(60_000));
    } else {
      inference.putNull("last_restart_time");
    }
    inference.put("restart_count", session.restartCount);
    ObjectNode input = data.putObject("input_status");
    input.put("fps", 15 + random.nextDouble() * 15);
    input.put("last_input_time", millis - random.nextInt(400));
    data.put("last_state_update_time", session.lastStateUpdateMillis);
    data.put("last_status_timestamp", session.lastStatusMillis);
    orchestratorInfo(data, session.orchestrator);
    data.put("pipeline", session.orchestrator.model());
    data.put("pipeline_id", "");
    data.put("request_id", session.requestId);
    data.put("start_time", session.startMillis);
    data.put("state", state);
    data.put("stream_id", session.streamId);
    long timestamp = millis + random.nextInt(4);
    data.put("timestamp", timestamp);
    data.put("type", "status");
    session.lastStatusMillis = timestamp;
    return data;
  }

  private String statusState() {
    int roll = random.nextInt(100);
    if (roll < 88) {
      return "ONLINE";
    }
    if (roll < 94) {
      return "DEGRADED_INFERENCE";
    }
    return roll < 98 ? "DEGRADED_INPUT" : "LOADING";
  }

  ObjectNode streamIngestMetrics(LiveSession session, long millis) {
    session.bytesReceived += 780_000 + random.nextInt(120_000);
    session.bytesSent += 3_400 + random.nextInt(400);
    session.videoPackets += 680 + random.nextInt(80);
    session.audioPackets += 240 + random.nextInt(20);
    double elapsedSeconds = Math.max(0, millis - session.startMillis) / 1000.0;
    boolean goodConnection = random.nextInt(100) >= 3;

    ObjectNode data = JsonSupport.newObject();
    data.put("pipeline_id", "");
    data.put("request_id", session.requestId);
    ObjectNode stats = data.putObject("stats");
    stats
        .putObject("peer_conn_stats")
        .put("ID", "iceTransport")
        .put("BytesReceived", session.bytesReceived)
        .put("BytesSent", session.bytesSent);
    ArrayNode tracks = stats.putArray("track_stats");
    addTrack(tracks, "video", session.videoPackets, elapsedSeconds, 3);
    addTrack(tracks, "audio", session.audioPackets, elapsedSeconds, 4);
    stats.put("conn_quality", goodConnection ? "good" : "bad");
    data.put("stream_id", session.streamId);
    data.put("timestamp", millis);
    return data;
  }

  /** {@code last_input_ts} is the media clock in seconds since ingest began, not an epoch. */
  private void addTrack(
      ArrayNode tracks, String kind, long packets, double elapsedSeconds, int mediaClockDecimals) {
    ObjectNode track = tracks.addObject();
    track.put("type", kind);
    track.put("jitter", 3 + random.nextDouble() * 20);
    track.put("packets_lost", 0);
    track.put("packets_received", packets);
    track.put("packet_loss_pct", 0);
    track.put("rtt", 0);
    double scale = mediaClockDecimals == 3 ? 1_000 : 10_000;
    track.put("last_input_ts", Math.round((elapsedSeconds + random.nextDouble()) * scale) / scale);
    track.put("last_output_ts", 0);
    track.put("latency", 0);
  }

  ObjectNode createNewPayment(LiveSession session) {
    boolean first = session.paymentsSent == 0;
    session.paymentsSent++;
    SyntheticOrchestrator orchestrator = session.orchestrator;
    ObjectNode data = JsonSupport.newObject();
    data.put("capability", "");
    data.put("clientIP", "");
    data.put("faceValue", (2_400_000L + random.nextInt(3_000)) + "000000000 WEI");
    data.put("manifestID", first ? session.manifestId : session.paymentManifestId);
    data.put("numTickets", Integer.toString(1 + random.nextInt(2)));
    data.put("orchestrator", orchestrator.url());
    data.put(
        "price",
        String.format(
            Locale.ROOT, "%d.%03d wei/pixel", orchestrator.pricePerUnit(), random.nextInt(1000)));
    data.put("recipient", orchestrator.address());
    data.put("requestID", first ? session.requestId : "");
    data.put("sender", session.senderWallet);
    data.put("sessionID", session.sessionId);
    data.put("winProb", String.format(Locale.ROOT, "%.10f", 0.00099 + random.nextDouble() * 2e-5));
    return data;
  }

  /** Candidates in preference order; {@code latency_ms} is a numeric string on the wire. */
  ArrayNode discoveryResults() {
    ArrayNode data = JsonSupport.MAPPER.createArrayNode();
    int candidates = random.nextInt(8) == 0 ? 2 : 1; // the capture's one candidate is typical
    int latency = 20 + random.nextInt(60);
    for (SyntheticOrchestrator orchestrator : distinctOrchestrators(candidates)) {
      data.addObject()
          .put("address", orchestrator.liveAddress())
          .put("latency_ms", Integer.toString(latency))
          .put("url", orchestrator.url());
      latency += 1 + random.nextInt(80);
    }
    return data;
  }

  ObjectNode aiStreamEvents(LiveSession session, long millis) {
    ObjectNode data = JsonSupport.newObject();
    if (random.nextInt(5) < 3) {
      data.put("type", "params_update");
      data.put("stream_id", session.streamId);
      data.put("request_id", session.requestId);
      data.put("pipeline", session.orchestrator.model());
      data.put("pipeline_id", "");
      ObjectNode params = data.putObject("params");
      params.put("prompt", RandomText.pick(random, PROMPTS));
      params.put("negative_prompt", "blurry, low quality, distorted");
      params.put("strength", BigDecimal.valueOf(30 + random.nextInt(60), 2));
      params.put("num_inference_steps", 30 + random.nextInt(20));
      params.put("seed", random.nextInt(1_000_000));
      params.put("width", session.frameSize);
      params.put("height", session.frameSize);
      orchestratorInfo(data, session.orchestrator);
    } else {
      data.put("type", "error");
      data.put("request_id", session.requestId);
      data.put("stream_id", session.streamId);
      data.put("pipeline_id", "");
      data.put("pipeline", session.orchestrator.model());
      data.put("capability", "LiveVideoToVideo");
      data.put("message", RandomText.pick(random, ERROR_MESSAGES));
    }
    data.put("timestamp", millis);
    return data;
  }

  /**
   * Several orchestrators, each in the shape of the capture's one (capacities, per-capability
   * models, prices, hardware with {@code gpu_info} keyed "0"), so one event weighs a few kB.
   */
  ArrayNode networkCapabilities() {
    ArrayNode data = JsonSupport.MAPPER.createArrayNode();
    for (SyntheticOrchestrator orchestrator : distinctOrchestrators(3 + random.nextInt(4))) {
      ObjectNode entry = data.addObject();
      entry.put("address", orchestrator.address());
      entry.put("local_address", orchestrator.localAddress());
      entry.put("orch_uri", orchestrator.url());
      ObjectNode capabilities = entry.putObject("capabilities");
      capabilities.putArray("bitstring").add(34_426_871_807L);
      ObjectNode capacities = capabilities.putObject("capacities");
      for (int id : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 26, 35}) {
        capacities.put(Integer.toString(id), 1);
      }
      capabilities.put("version", orchestrator.version());
      capabilities
          .putObject("constraints")
          .putObject("PerCapability")
          .putObject("35")
          .putObject("models")
          .putObject(orchestrator.model())
          .put("warm", true)
          .put("runnerVersion", "0.14." + random.nextInt(3))
          .put("capacityInUse", random.nextInt(2));
      entry
          .putArray("capabilities_prices")
          .addObject()
          .put("pricePerUnit", orchestrator.pricePerUnit())
          .put("pixelsPerUnit", 1)
          .put("capability", 35)
          .put("constraint", orchestrator.model());
      GpuHardware gpu = orchestrator.gpu();
      ObjectNode gpuInfo =
          entry
              .putArray("hardware")
              .addObject()
              .put("pipeline", "live-video-to-video")
              .put("model_id", orchestrator.model())
              .putObject("gpu_info")
              .putObject("0");
      gpuInfo.put("id", orchestrator.gpuId());
      gpuInfo.put("name", gpu.nvmlName());
      gpuInfo.put("major", gpu.major());
      if (gpu.minor() != 0) {
        gpuInfo.put("minor", gpu.minor()); // Go's omitempty drops a zero minor, as in the capture
      }
      gpuInfo.put("memory_free", gpu.memoryTotal() - 500_000_000L - random.nextInt(1_000_000_000));
      gpuInfo.put("memory_total", gpu.memoryTotal());
    }
    return data;
  }

  private List<SyntheticOrchestrator> distinctOrchestrators(int count) {
    List<SyntheticOrchestrator> all = new ArrayList<>(roster.orchestrators());
    for (int i = 0; i < count; i++) { // the first steps of a Fisher-Yates shuffle
      Collections.swap(all, i, i + random.nextInt(all.size() - i));
    }
    return all.subList(0, count);
  }

  private static void orchestratorInfo(ObjectNode data, SyntheticOrchestrator orchestrator) {
    data.putObject("orchestrator_info")
        .put("address", orchestrator.liveAddress())
        .put("url", orchestrator.url());
  }
}
