package io.naaplake.jobs.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hand-written live sessions, one per case of issue 4's session and attribution list, each with the
 * capability announcements it needs, on {@code streaming_events} (org cloudspe), every event on
 * 2025-12-05. Case {@code <case>} has stream id {@code scn-<case>}, its own request id, event ids
 * {@code scn-<case>-<label>}, its own hour of the day and its own orchestrators on {@code
 * https://scn-<case>.orch:<port>}, so no case can be evidence for another.
 *
 * <p>Each {@link Case} carries the messages it publishes and the session and selection rows they
 * must produce, so {@link SessionScenariosIT} asserts from the same constants the events were
 * written from. Most cases are variations of one playable timeline (offsets after the case's start,
 * as in the real sample's order of edges):
 *
 * <pre>
 *   REQUEST                 0 ms  gateway_receive_stream_request (no orchestrator yet)
 *   FIRST_INGEST        2,000 ms  gateway_send_first_ingest_segment (names the orchestrator)
 *   RUNNER_FIRST_PROCESSED 2,120  runner_send_first_processed_segment
 *   FIRST_PROCESSED     2,600 ms  gateway_receive_first_processed_segment
 *   FEW_PROCESSED       6,000 ms  gateway_receive_few_processed_segments (playable)
 *   STATUS_AT  10 s, 20 s, 30 s   ai_stream_status ONLINE at OUTPUT_FPS, start_time STATUS_START_TIME
 * </pre>
 *
 * which gives startup 2,600 ms (FIRST_PROCESSED - REQUEST), E2E 120 ms (RUNNER_FIRST_PROCESSED -
 * FIRST_INGEST), prompt-to-first-frame 5,000 ms (FEW_PROCESSED - STATUS_START_TIME), and a session
 * of 30 s (last status sample - request). Announcements come {@link #ANNOUNCED_BEFORE} before the
 * case's start, inside the 30-minute freshness window of the first selection (at FIRST_INGEST).
 */
public final class SessionScenarios implements FixtureScenario {
  public static final String TOPIC = "streaming_events";
  public static final String ORG = "cloudspe";
  public static final String DATE = "2025-12-05";
  public static final String GATEWAY = "scn-gateway";
  public static final String MODEL = "streamdiffusion-sdxl";
  public static final String PIPELINE = "live-video-to-video";

  public static final long REQUEST = 0;
  public static final long FIRST_INGEST = 2_000;
  public static final long RUNNER_FIRST_PROCESSED = 2_120;
  public static final long FIRST_PROCESSED = 2_600;
  public static final long FEW_PROCESSED = 6_000;
  public static final long STATUS_START_TIME = 1_000;
  public static final List<Long> STATUS_AT = List.of(10_000L, 20_000L, 30_000L);
  public static final double OUTPUT_FPS = 18.5;
  public static final Duration ANNOUNCED_BEFORE = Duration.ofMinutes(5);

  /**
   * When the GPU-churn case's first announcement lists its GPU under the old UUID: older than the
   * freshness window, so only the second announcement is fresh evidence for the session.
   */
  public static final Duration CHURN_FIRST_BEFORE = Duration.ofMinutes(50);

  /** When the GPU-churn case's second announcement lists the GPU under a new UUID. */
  public static final Duration CHURN_SECOND_BEFORE = Duration.ofMinutes(10);

  static final String RTX_4090 = "NVIDIA GeForce RTX 4090";
  static final long RTX_4090_BYTES = 25_757_220_864L; // 23.99 GiB, as NVML reports it

  private static final Instant DAY = Instant.parse(DATE + "T00:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An orchestrator: on-chain address and hot-wallet address in lower case, and its URI. */
  public record Orch(String address, String localAddress, String uri) {}

  /** A GPU as NVML reports it. */
  public record Gpu(String uuid, String name, long memoryBytes) {}

  /**
   * One orchestrator of an announcement, offering {@link #MODEL} (PerCapability, price) on the
   * given GPUs; no GPUs means no hardware list at all (hardware-less). {@code gpuInfoArray} sends
   * gpu_info as an array instead of the real data's object keyed "0", "1", ...
   */
  record Offer(Orch orch, List<Gpu> gpus, boolean gpuInfoArray) {}

  /**
   * A silver.session_selections row: the selection (seq, reason, time as an offset after the case's
   * start, observed orchestrator) and its attribution. {@code attributed} null means no
   * orchestrator named; {@code gpu} null means no GPU named; the physical GPU is the fingerprint of
   * {@code foundingUuid} on the attributed orchestrator.
   */
  public record ExpectedSelection(
      int seq,
      String reason,
      long atMs,
      Orch observed,
      String status,
      String attributionReason,
      Orch attributed,
      Gpu gpu,
      String foundingUuid,
      String snapshotEventId,
      Instant snapshotTs) {}

  /** One case: its messages and what they must produce. */
  public static final class Case {
    private final String name;
    private final Instant start;
    private final String requestId;
    private final List<RawMessage> messages = new ArrayList<>();
    private final List<RawMessage> lateMessages = new ArrayList<>();
    private final Map<String, RawMessage> byId = new LinkedHashMap<>();
    private final Map<String, Object> session = new LinkedHashMap<>();
    private final List<ExpectedSelection> selections = new ArrayList<>();
    private final List<String> duplicated = new ArrayList<>();

    private Case(String name, int hour) {
      this.name = name;
      this.start = DAY.plus(Duration.ofHours(hour));
      // 8 hex digits like the real request ids (db936fab): "5c0e" + the case's hour.
      this.requestId = String.format("5c0e%04x", hour);
    }

    public String name() {
      return name;
    }

    public String streamId() {
      return "scn-" + name;
    }

    public String requestId() {
      return requestId;
    }

    public String sessionKey() {
      return ORG + "|" + streamId() + "|" + requestId;
    }

    /** The case's time zero: REQUEST. */
    public Instant start() {
      return start;
    }

    public Instant at(long offsetMs) {
      return start.plusMillis(offsetMs);
    }

    public String eventId(String label) {
      return "scn-" + name + "-" + label;
    }

    /** Expected silver.sessions columns (numbers as Long, times as Instant). */
    public Map<String, Object> session() {
      return Collections.unmodifiableMap(session);
    }

    /** Expected silver.session_selections rows, by selection_seq. */
    public List<ExpectedSelection> selections() {
      return List.copyOf(selections);
    }

    /** Event ids delivered twice. */
    public List<String> duplicated() {
      return List.copyOf(duplicated);
    }

    List<RawMessage> messages() {
      return List.copyOf(messages);
    }

    List<RawMessage> lateMessages() {
      return List.copyOf(lateMessages);
    }

    // ---- building the case's messages -------------------------------------------------------

    Orch orch(String role, int port) {
      return new Orch(
          "0x" + hex(name + "/" + role + "/address", 40),
          "0x" + hex(name + "/" + role + "/local", 40),
          "https://scn-" + name + ".orch:" + port);
    }

    Gpu gpu(String role) {
      String h = hex(name + "/gpu/" + role, 32);
      String uuid =
          "GPU-"
              + h.substring(0, 8)
              + "-"
              + h.substring(8, 12)
              + "-"
              + h.substring(12, 16)
              + "-"
              + h.substring(16, 20)
              + "-"
              + h.substring(20, 32);
      return new Gpu(uuid, RTX_4090, RTX_4090_BYTES);
    }

    /** The announcement time of every case but GPU churn: ANNOUNCED_BEFORE the start. */
    Instant announcedAt() {
      return start.minus(ANNOUNCED_BEFORE);
    }

    /** Publishes an announcement with the run's messages; returns its event id. */
    String announce(String label, Instant at, Offer... offers) {
      String id = eventId(label);
      add(envelope(id, "network_capabilities", at, capabilities(offers)));
      return id;
    }

    /** Holds an announcement back for the fixture's late delivery; returns its event id. */
    String announceLate(String label, Instant at, Offer... offers) {
      String id = eventId(label);
      lateMessages.add(envelope(id, "network_capabilities", at, capabilities(offers)));
      return id;
    }

    void trace(String label, long at, String subtype, Orch orch) {
      trace(label, at, subtype, orch, null);
    }

    void trace(String label, long at, String subtype, Orch orch, String message) {
      ObjectNode data = live(subtype, at, orch);
      if (message != null) {
        data.put("message", message);
        data.put("pipeline", MODEL);
      }
      add(envelope(eventId(label), "stream_trace", at(at), data));
    }

    /** A trace the routing rules ignore, carrying this session's ids. */
    void ignoredTrace(String label, long at, String subtype, String clientSource) {
      ObjectNode data = live(subtype, at, null);
      if (clientSource != null) {
        data.put("client_source", clientSource);
      }
      add(envelope(eventId(label), "stream_trace", at(at), data));
    }

    void status(String label, long at, String state, double fps, Orch orch, String paramsHash) {
      ObjectNode data = live("status", at, orch);
      long ms = at(at).toEpochMilli();
      data.put("pipeline", MODEL);
      data.put("state", state);
      data.put("start_time", at(STATUS_START_TIME).toEpochMilli()); // int epoch ms, as real data
      data.put("last_state_update_time", at(STATUS_START_TIME).toEpochMilli());
      data.put("last_status_timestamp", ms - 10_000);
      ObjectNode inference = data.putObject("inference_status");
      inference.put("fps", fps);
      inference.putNull("last_error");
      inference.putNull("last_error_time");
      inference.put("last_output_time", ms - 50);
      inference.putObject("last_params").put("width", 512).put("height", 512);
      inference.put("last_params_hash", paramsHash);
      inference.put("last_params_update_time", at(STATUS_START_TIME).toEpochMilli());
      inference.putNull("last_restart_logs");
      inference.putNull("last_restart_time");
      inference.put("restart_count", 0);
      ObjectNode input = data.putObject("input_status");
      input.put("fps", 20.0);
      input.put("last_input_time", ms - 40);
      add(envelope(eventId(label), "ai_stream_status", at(at), data));
    }

    void streamEvent(String label, long at, String type, Orch orch, String message) {
      ObjectNode data = live(type, at, orch);
      data.put("pipeline", MODEL);
      if (type.equals("error")) {
        data.put("capability", "LiveVideoToVideo");
        data.put("message", message);
      } else {
        data.putObject("params").put("prompt", message).put("strength", 0.6);
      }
      add(envelope(eventId(label), "ai_stream_events", at(at), data));
    }

    /** The timeline's trace edges up to playable, the first naming {@code orch}. */
    void playableStartup(Orch orch) {
      trace("request", REQUEST, "gateway_receive_stream_request", null);
      trace("first-ingest", FIRST_INGEST, "gateway_send_first_ingest_segment", orch);
      trace("runner-first-ingest", FIRST_INGEST + 2, "runner_receive_first_ingest_segment", orch);
      trace(
          "runner-first-processed",
          RUNNER_FIRST_PROCESSED,
          "runner_send_first_processed_segment",
          orch);
      trace("first-processed", FIRST_PROCESSED, "gateway_receive_first_processed_segment", orch);
      trace("few-processed", FEW_PROCESSED, "gateway_receive_few_processed_segments", orch);
    }

    /** The three status samples at STATUS_AT, all in {@code state} at {@code fps}. */
    void statuses(Orch orch, String state, double fps) {
      for (int i = 0; i < STATUS_AT.size(); i++) {
        status("status-" + (i + 1), STATUS_AT.get(i), state, fps, orch, "params-1");
      }
    }

    /** The whole playable timeline on {@code orch}. */
    void playable(Orch orch) {
      playableStartup(orch);
      statuses(orch, "ONLINE", OUTPUT_FPS);
    }

    void duplicate(String label) {
      String id = eventId(label);
      messages.add(Objects.requireNonNull(byId.get(id), id));
      duplicated.add(id);
    }

    /** Publishes the case's messages in reverse order (each keyed by its own event id). */
    void reverse() {
      Collections.reverse(messages);
    }

    // ---- expectations ----------------------------------------------------------------------

    /**
     * The session row of the playable timeline: requested and playable, not completed, 3 ONLINE
     * samples all with fps > 0, latencies from the timeline's constants, one selection, health 3 of
     * 3, pipeline and model from the status samples' {@code pipeline} (a streamdiffusion model
     * implies live-video-to-video), lasting until the last status sample.
     */
    void expectPlayableSession() {
      expectSession(STATUS_AT.get(2));
      session.put("requested", true);
      session.put("playable", true);
      session.put("selection_outcome", "selected");
      session.put("startup_outcome", "success");
      session.put("startup_class", "success");
      session.put("status_samples", 3L);
      session.put("fps_positive_samples", 3L);
      session.put("running_samples", 3L);
      session.put("online_samples", 3L);
      session.put("startup_latency_ms", FIRST_PROCESSED - REQUEST);
      session.put("e2e_latency_ms", RUNNER_FIRST_PROCESSED - FIRST_INGEST);
      session.put("prompt_to_first_frame_ms", FEW_PROCESSED - STATUS_START_TIME);
      session.put("health_signals_observed", 3L);
      session.put("selection_count", 1L);
      session.put("canonical_pipeline", PIPELINE);
      session.put("canonical_model", MODEL);
    }

    /**
     * A session of no evidence but its ids and a request at the start, ending at {@code lastMs};
     * the cases set what their events add.
     */
    void expectSession(long lastMs) {
      session.clear();
      session.put("stream_id", streamId());
      session.put("request_id", requestId);
      session.put("gateway", GATEWAY);
      session.put("first_seen", start);
      session.put("started_at", start);
      session.put("last_seen", at(lastMs));
      session.put("duration_minutes", lastMs / 60_000.0);
      session.put("requested", true);
      session.put("playable", false);
      session.put("completed", false);
      session.put("swap_count", 0L);
      session.put("selection_outcome", "unknown");
      session.put("startup_outcome", "failed");
      session.put("excusal_reason", "none");
      session.put("startup_class", "unexcused");
      session.put("loading_only", false);
      session.put("zero_output_fps", false);
      session.put("status_samples", 0L);
      session.put("fps_positive_samples", 0L);
      session.put("running_samples", 0L);
      session.put("online_samples", 0L);
      session.put("error_events", 0L);
      session.put("excusable_error_events", 0L);
      session.put("ends_in_error", false);
      session.put("startup_latency_ms", null);
      session.put("e2e_latency_ms", null);
      session.put("prompt_to_first_frame_ms", null);
      session.put("health_signals_expected", 3L);
      session.put("health_signals_observed", 0L);
      session.put("selection_count", 0L);
      session.put("params_updates", 0L);
      session.put("canonical_pipeline", null);
      session.put("canonical_model", null);
    }

    void expect(String column, Object value) {
      if (!session.containsKey(column)) {
        throw new IllegalArgumentException("no expected column " + column);
      }
      session.put(column, value);
    }

    /** Attributed to {@code orch} on {@code gpu} (null: GPU left blank), fresh ("matched"). */
    void expectResolved(
        int seq, String reason, long atMs, Orch orch, Gpu gpu, String snapshot, Instant ts) {
      selections.add(
          new ExpectedSelection(
              seq,
              reason,
              atMs,
              orch,
              "resolved",
              "matched",
              orch,
              gpu,
              gpu == null ? null : gpu.uuid(),
              snapshot,
              ts));
    }

    void expectSelection(ExpectedSelection selection) {
      selections.add(selection);
    }

    private void add(RawMessage message) {
      messages.add(message);
      byId.put(new String(message.key(), UTF_8), message);
    }

    private ObjectNode live(String subtype, long at, Orch orch) {
      ObjectNode data = MAPPER.createObjectNode();
      data.put("type", subtype);
      data.put("stream_id", streamId());
      data.put("request_id", requestId);
      data.put("pipeline_id", "");
      data.put("timestamp", at(at).toEpochMilli());
      ObjectNode info = data.putObject("orchestrator_info");
      info.put("address", orch == null ? "" : orch.localAddress());
      info.put("url", orch == null ? "" : orch.uri());
      return data;
    }
  }

  // ---- the cases ---------------------------------------------------------------------------

  /** The playable timeline on one orchestrator with one GPU: resolved to it, fresh. */
  public static final Case CLEAN = clean();

  /** gateway_no_orchestrators_available and nothing else: excused, no selection. */
  public static final Case NO_ORCH = noOrch();

  /** An orchestrator_swap from A to B after two samples: swap_count 1, two selections. */
  public static final Case SWAP = swap();

  /** Requested, sent to an orchestrator, one error event "ICE connection state failed". */
  public static final Case EXCUSABLE_ERROR =
      failure("excusable-error", 4, "ICE connection state failed", true);

  /** Requested, sent to an orchestrator, one error event that no excusal rule covers. */
  public static final Case UNEXCUSED_FAILURE =
      failure("unexcused-failure", 5, "inference failed: CUDA out of memory", false);

  /** Sent to an orchestrator, three LOADING samples at fps 0, never playable. */
  public static final Case LOADING_ONLY = loadingOnly();

  /** The playable timeline, but every sample ONLINE at fps 0. */
  public static final Case ZERO_FPS = zeroFps();

  /** The playable timeline; the params hash changes once and a params_update event arrives. */
  public static final Case PARAMS_UPDATE = paramsUpdate();

  /** The playable timeline, then gateway_ingest_stream_closed at 60 s. */
  public static final Case CLOSED = closed();

  /** The playable timeline with three envelopes delivered twice. */
  public static final Case DUPLICATES = duplicates();

  /** The playable timeline published in reverse order, each message keyed by its own id. */
  public static final Case SHUFFLED = shuffled();

  /** The playable timeline; its only announcement arrives after the first pipeline pass. */
  public static final Case LATE_CAPABILITY = lateCapability();

  /** The playable timeline plus an app_* trace before it and a scope trace after it. */
  public static final Case IGNORED_TRACES = ignoredTraces();

  /** The playable timeline on an orchestrator announced with PerCapability only. */
  public static final Case HARDWARE_LESS = hardwareLess();

  /** The playable timeline on a URI that two orchestrator addresses announce. */
  public static final Case AMBIGUOUS = ambiguous();

  /** The playable timeline on an orchestrator with two GPUs for the model. */
  public static final Case MULTI_GPU = multiGpu();

  /** An orchestrator whose one GPU changes UUID between two announcements, then a session. */
  public static final Case GPU_CHURN = gpuChurn();

  public static final List<Case> CASES =
      List.of(
          CLEAN,
          NO_ORCH,
          SWAP,
          EXCUSABLE_ERROR,
          UNEXCUSED_FAILURE,
          LOADING_ONLY,
          ZERO_FPS,
          PARAMS_UPDATE,
          CLOSED,
          DUPLICATES,
          SHUFFLED,
          LATE_CAPABILITY,
          IGNORED_TRACES,
          HARDWARE_LESS,
          AMBIGUOUS,
          MULTI_GPU,
          GPU_CHURN);

  private static Case clean() {
    Case c = new Case("clean", 1);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playable(orch);
    c.expectPlayableSession();
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case noOrch() {
    Case c = new Case("no-orch", 2);
    c.trace("request", REQUEST, "gateway_receive_stream_request", null);
    c.trace("no-orch", 1_500, "gateway_no_orchestrators_available", null);
    // Requested, never playable; no event names an orchestrator, so no selection and the
    // outcome comes from the no-orch trace: failed, excused as no_orch.
    c.expectSession(1_500);
    c.expect("selection_outcome", "no_orch");
    c.expect("excusal_reason", "no_orch");
    c.expect("startup_class", "excused");
    return c;
  }

  private static Case swap() {
    Case c = new Case("swap", 3);
    Orch a = c.orch("a", 8935);
    Orch b = c.orch("b", 8936);
    Gpu gpuA = c.gpu("a");
    Gpu gpuB = c.gpu("b");
    String caps =
        c.announce(
            "caps",
            c.announcedAt(),
            new Offer(a, List.of(gpuA), false),
            new Offer(b, List.of(gpuB), false));
    c.playableStartup(a);
    c.status("status-1", 10_000, "ONLINE", OUTPUT_FPS, a, "params-1");
    c.status("status-2", 20_000, "ONLINE", OUTPUT_FPS, a, "params-1");
    // The swap trace names the orchestrator being abandoned (A), as the gateway sends it.
    c.trace("swap", 25_000, "orchestrator_swap", a, "trickle subscribe error, swapping: EOF");
    c.status("status-3", 30_000, "ONLINE", OUTPUT_FPS, b, "params-1");
    c.status("status-4", 40_000, "ONLINE", OUTPUT_FPS, b, "params-1");
    c.expectPlayableSession();
    c.expect("last_seen", c.at(40_000));
    c.expect("duration_minutes", 40_000 / 60_000.0);
    c.expect("swap_count", 1L);
    c.expect("status_samples", 4L);
    c.expect("fps_positive_samples", 4L);
    c.expect("running_samples", 4L);
    c.expect("online_samples", 4L);
    c.expect("selection_count", 2L);
    // Initial on A at the first ingest; after the swap, the first event naming B (status-3).
    c.expectResolved(0, "initial", FIRST_INGEST, a, gpuA, caps, c.announcedAt());
    c.expectResolved(1, "swap", 30_000, b, gpuB, caps, c.announcedAt());
    return c;
  }

  /**
   * {@code excusable}: whether {@code message} contains one of the excusal fragments (reference
   * §2.7; "ice connection state failed" is one, "CUDA out of memory" matches none).
   */
  private static Case failure(String name, int hour, String message, boolean excusable) {
    Case c = new Case(name, hour);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.trace("request", REQUEST, "gateway_receive_stream_request", null);
    c.trace("first-ingest", FIRST_INGEST, "gateway_send_first_ingest_segment", orch);
    c.streamEvent("error", 8_000, "error", orch, message);
    // Requested and sent (selected), never playable, no status samples; one error event. Its
    // message decides the excusal. The error event's pipeline is the model hint.
    c.expectSession(8_000);
    c.expect("selection_outcome", "selected");
    c.expect("selection_count", 1L);
    c.expect("error_events", 1L);
    c.expect("canonical_pipeline", PIPELINE);
    c.expect("canonical_model", MODEL);
    if (excusable) {
      c.expect("excusable_error_events", 1L);
      c.expect("excusal_reason", "excusable_error");
      c.expect("startup_class", "excused");
    }
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case loadingOnly() {
    Case c = new Case("loading-only", 6);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.trace("request", REQUEST, "gateway_receive_stream_request", null);
    c.trace("first-ingest", FIRST_INGEST, "gateway_send_first_ingest_segment", orch);
    c.statuses(orch, "LOADING", 0.0);
    // Three samples, none running, none with fps > 0: loading-only and zero-output; never
    // playable and no error: an unexcused failure. Health: samples (1) + playable (0) + produced
    // something (0, loading-only and zero-output) = 1.
    c.expectSession(STATUS_AT.get(2));
    c.expect("selection_outcome", "selected");
    c.expect("selection_count", 1L);
    c.expect("loading_only", true);
    c.expect("zero_output_fps", true);
    c.expect("status_samples", 3L);
    c.expect("health_signals_observed", 1L);
    c.expect("canonical_pipeline", PIPELINE);
    c.expect("canonical_model", MODEL);
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case zeroFps() {
    Case c = new Case("zero-fps", 7);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playableStartup(orch);
    c.statuses(orch, "ONLINE", 0.0);
    // Playable, 3 ONLINE samples (running) but none with fps > 0: zero-output, not loading-only;
    // health still 3 (only loading-only AND zero-output loses the third signal).
    c.expectPlayableSession();
    c.expect("zero_output_fps", true);
    c.expect("fps_positive_samples", 0L);
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case paramsUpdate() {
    Case c = new Case("params-update", 8);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playableStartup(orch);
    c.status("status-1", STATUS_AT.get(0), "ONLINE", OUTPUT_FPS, orch, "params-1");
    c.streamEvent("params-update", 15_000, "params_update", orch, "a watercolor fox");
    c.status("status-2", STATUS_AT.get(1), "ONLINE", OUTPUT_FPS, orch, "params-2");
    c.status("status-3", STATUS_AT.get(2), "ONLINE", OUTPUT_FPS, orch, "params-2");
    // The hash changes once (params-1 -> params-2); same orchestrator, so still one selection.
    c.expectPlayableSession();
    c.expect("params_updates", 1L);
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case closed() {
    Case c = new Case("closed", 9);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playable(orch);
    c.trace("closed", 60_000, "gateway_ingest_stream_closed", orch);
    // The close edge completes the session and is its last event: 60 s = 1.0 minute.
    c.expectPlayableSession();
    c.expect("completed", true);
    c.expect("last_seen", c.at(60_000));
    c.expect("duration_minutes", 1.0);
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case duplicates() {
    Case c = new Case("duplicates", 10);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playable(orch);
    c.duplicate("request");
    c.duplicate("few-processed");
    c.duplicate("status-2");
    // Each duplicate has the same envelope id: typed once, so the counts are the timeline's.
    c.expectPlayableSession();
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case shuffled() {
    Case c = new Case("shuffled", 11);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.playable(orch);
    c.reverse();
    // Order is event time, never offsets: the same row as the timeline in order.
    c.expectPlayableSession();
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case lateCapability() {
    Case c = new Case("late-capability", 12);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    c.playable(orch);
    String caps = c.announceLate("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    // Final state, after the second pass: the late announcement is the fresh evidence.
    c.expectPlayableSession();
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case ignoredTraces() {
    Case c = new Case("ignored-traces", 13);
    Orch orch = c.orch("a", 8935);
    Gpu gpu = c.gpu("a");
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(gpu), false));
    c.ignoredTrace("app-trace", -1_000, "app_send_stream_request", null);
    c.playable(orch);
    c.ignoredTrace("scope-trace", 50_000, "stream_heartbeat", "scope");
    // Counted, the app trace would move first_seen 1 s earlier and the scope trace last_seen to
    // 50 s; ignored, the row is the timeline's.
    c.expectPlayableSession();
    c.expectResolved(0, "initial", FIRST_INGEST, orch, gpu, caps, c.announcedAt());
    return c;
  }

  private static Case hardwareLess() {
    Case c = new Case("hardware-less", 14);
    Orch orch = c.orch("a", 8935);
    String caps = c.announce("caps", c.announcedAt(), new Offer(orch, List.of(), false));
    c.playable(orch);
    c.expectPlayableSession();
    // The announcement offers the model (PerCapability) but lists no hardware.
    c.expectSelection(
        new ExpectedSelection(
            0,
            "initial",
            FIRST_INGEST,
            orch,
            "hardware_less",
            "matched_without_hardware",
            orch,
            null,
            null,
            caps,
            c.announcedAt()));
    return c;
  }

  private static Case ambiguous() {
    Case c = new Case("ambiguous", 15);
    Orch x = c.orch("x", 8935);
    Orch y = c.orch("y", 8935); // another address, same URI
    c.announce(
        "caps",
        c.announcedAt(),
        new Offer(x, List.of(c.gpu("x")), false),
        new Offer(y, List.of(c.gpu("y")), false));
    c.playable(x);
    c.expectPlayableSession();
    // The events name the URI, which two addresses announce: nobody is named.
    c.expectSelection(
        new ExpectedSelection(
            0,
            "initial",
            FIRST_INGEST,
            x,
            "ambiguous",
            "ambiguous_candidates",
            null,
            null,
            null,
            null,
            null));
    return c;
  }

  private static Case multiGpu() {
    Case c = new Case("multi-gpu", 16);
    Orch orch = c.orch("a", 8935);
    String caps =
        c.announce("caps", c.announcedAt(), new Offer(orch, List.of(c.gpu("a"), c.gpu("b")), true));
    c.playable(orch);
    c.expectPlayableSession();
    // Two GPUs serve the model: the orchestrator is named, the GPU is left blank.
    c.expectResolved(0, "initial", FIRST_INGEST, orch, null, caps, c.announcedAt());
    return c;
  }

  private static Case gpuChurn() {
    Case c = new Case("gpu-churn", 17);
    Orch orch = c.orch("a", 8935);
    Gpu before = c.gpu("uuid-a");
    Gpu after = c.gpu("uuid-b"); // same name and memory, new UUID
    c.announce(
        "caps-1", c.start().minus(CHURN_FIRST_BEFORE), new Offer(orch, List.of(before), false));
    String second =
        c.announce(
            "caps-2", c.start().minus(CHURN_SECOND_BEFORE), new Offer(orch, List.of(after), false));
    c.playable(orch);
    c.expectPlayableSession();
    // The freshest announcement (caps-2) names the new UUID; its physical GPU is the one the old
    // UUID founded.
    c.expectSelection(
        new ExpectedSelection(
            0,
            "initial",
            FIRST_INGEST,
            orch,
            "resolved",
            "matched",
            orch,
            after,
            before.uuid(),
            second,
            c.start().minus(CHURN_SECOND_BEFORE)));
    return c;
  }

  /**
   * The physical-GPU fingerprint id (lake-schema CapabilityTables): {@code pgpu-} + the first 16
   * hex digits of SHA-256 of {@code orch_address|orch_uri|founding UUID}.
   */
  public static String physicalGpuId(Orch orch, String foundingUuid) {
    return "pgpu-"
        + sha256(orch.address() + "|" + orch.uri() + "|" + foundingUuid).substring(0, 16);
  }

  @Override
  public String name() {
    return "session scenarios (" + CASES.size() + " cases)";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    List<RawMessage> messages = new ArrayList<>();
    CASES.forEach(c -> messages.addAll(c.messages()));
    return List.of(publisher.publishRaw(TOPIC, messages));
  }

  @Override
  public List<PublishResult> publishLate(KafkaEventPublisher publisher) {
    List<RawMessage> messages = new ArrayList<>();
    CASES.forEach(c -> messages.addAll(c.lateMessages()));
    return messages.isEmpty() ? List.of() : List.of(publisher.publishRaw(TOPIC, messages));
  }

  // ---- payload helpers ---------------------------------------------------------------------

  private static ArrayNode capabilities(Offer... offers) {
    ArrayNode data = MAPPER.createArrayNode();
    for (Offer offer : offers) {
      ObjectNode o = data.addObject();
      // Checksum-case addresses as real announcements send them; silver lower-cases them.
      o.put("address", checksumCase(offer.orch().address()));
      o.put("local_address", checksumCase(offer.orch().localAddress()));
      o.put("orch_uri", offer.orch().uri());
      ObjectNode capabilities = o.putObject("capabilities");
      capabilities.putArray("bitstring").add(34_426_871_807L);
      capabilities.putObject("capacities").put("35", 1);
      capabilities.put("version", "0.8.8");
      ObjectNode model =
          capabilities
              .putObject("constraints")
              .putObject("PerCapability")
              .putObject("35")
              .putObject("models")
              .putObject(MODEL);
      model.put("warm", true);
      model.put("capacity", 1);
      model.put("capacityInUse", 0);
      model.put("runnerVersion", "0.14.0");
      ObjectNode price = o.putArray("capabilities_prices").addObject();
      price.put("pricePerUnit", 1618);
      price.put("pixelsPerUnit", 1);
      price.put("capability", 35);
      price.put("constraint", MODEL);
      if (offer.gpus().isEmpty()) {
        o.putNull("hardware");
        continue;
      }
      ObjectNode hardware = o.putArray("hardware").addObject();
      hardware.put("pipeline", PIPELINE);
      hardware.put("model_id", MODEL);
      ArrayNode asArray = MAPPER.createArrayNode();
      ObjectNode asObject = MAPPER.createObjectNode();
      for (int i = 0; i < offer.gpus().size(); i++) {
        Gpu gpu = offer.gpus().get(i);
        ObjectNode g = offer.gpuInfoArray() ? asArray.addObject() : asObject.putObject("" + i);
        g.put("id", gpu.uuid());
        g.put("name", gpu.name());
        g.put("major", 8);
        g.put("minor", 9);
        g.put("memory_free", gpu.memoryBytes() / 2);
        g.put("memory_total", gpu.memoryBytes());
      }
      hardware.set("gpu_info", offer.gpuInfoArray() ? asArray : asObject);
    }
    return data;
  }

  private static RawMessage envelope(
      String id, String type, Instant timestamp, com.fasterxml.jackson.databind.JsonNode data) {
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("id", id);
    envelope.put("type", type);
    envelope.put("timestamp", Long.toString(timestamp.toEpochMilli())); // a string, as real data
    envelope.put("gateway", GATEWAY);
    envelope.set("data", data);
    try {
      return new RawMessage(id.getBytes(UTF_8), MAPPER.writeValueAsBytes(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Upper-cases every other hex letter: a stand-in for EIP-55 checksum case. */
  private static String checksumCase(String address) {
    StringBuilder out = new StringBuilder("0x");
    for (int i = 2; i < address.length(); i++) {
      char ch = address.charAt(i);
      out.append(i % 2 == 0 ? Character.toUpperCase(ch) : ch);
    }
    return out.toString();
  }

  private static String hex(String seed, int digits) {
    return sha256("naap-scn/" + seed).substring(0, digits);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
