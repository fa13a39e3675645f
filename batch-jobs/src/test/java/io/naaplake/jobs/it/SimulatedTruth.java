package io.naaplake.jobs.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.simulator.TruthFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's ground truth of {@link SimulatedNetworkScenario} (sessions, jobs, hosts, physical
 * GPUs) turned into what the lake must show. Transport faults drop events, and the lake can only
 * know what was delivered, so every expectation here is the truth's delivered view ({@code
 * *_delivered}, {@code *_seen}, the {@code *_observable} flags), never the simulated reality where
 * the two differ. Field meanings: simulator/README.md, "Ground truth files".
 */
final class SimulatedTruth {
  private final List<JsonNode> sessions;
  private final List<JsonNode> jobs;

  /** Every UUID a GPU was ever reported under, to its {@code gpu_physical_id}. */
  private final Map<String, String> physicalGpuOfUuid = new HashMap<>();

  /** orchestrator|normalised URI of a host to the physical GPUs in it. */
  private final Map<String, List<String>> gpusOfHost = new HashMap<>();

  /** Normalised URI to the number of hosts announcing it (a collision makes it ambiguous). */
  private final Map<String, Integer> hostsWithUri = new HashMap<>();

  private SimulatedTruth(
      List<ObjectNode> sessions,
      List<ObjectNode> jobs,
      List<ObjectNode> hosts,
      List<ObjectNode> gpus) {
    this.sessions = List.copyOf(sessions);
    this.jobs = List.copyOf(jobs);
    for (JsonNode host : hosts) {
      hostsWithUri.merge(uri(host.get("uri").asText()), 1, Integer::sum);
    }
    for (JsonNode gpu : gpus) {
      String physical = gpu.get("gpu_physical_id").asText();
      gpusOfHost
          .computeIfAbsent(
              hostKey(gpu.get("orchestrator").asText(), gpu.get("uri").asText()),
              k -> new ArrayList<>())
          .add(physical);
      for (JsonNode epoch : gpu.get("uuids")) {
        physicalGpuOfUuid.put(epoch.get("uuid").asText(), physical);
      }
    }
  }

  /** The truth the scenario kept when the fixture lake was built. */
  static SimulatedTruth ofScenario() {
    return new SimulatedTruth(
        SimulatedNetworkScenario.truth(TruthFile.SESSIONS),
        SimulatedNetworkScenario.truth(TruthFile.JOBS),
        SimulatedNetworkScenario.truth(TruthFile.ORCHESTRATORS),
        SimulatedNetworkScenario.truth(TruthFile.GPUS));
  }

  List<JsonNode> sessions() {
    return sessions;
  }

  List<JsonNode> jobs() {
    return jobs;
  }

  /** silver.sessions.session_key of a truth session: org|stream_id|request_id. */
  static String sessionKey(JsonNode session) {
    return session.get("org").asText()
        + "|"
        + session.get("stream_id").asText()
        + "|"
        + session.get("request_id").asText();
  }

  /**
   * A URI as silver normalises it (io.naaplake.jobs.silver.Identity#uri: trimmed, lower case, no
   * trailing slash), so truth and lake URIs compare equal.
   */
  static String uri(String raw) {
    return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
  }

  private static String hostKey(String orchestrator, String uri) {
    return orchestrator + "|" + uri(uri);
  }

  /** The physical GPU a reported UUID belongs to; null for a UUID the network never had. */
  String physicalGpuOf(String uuid) {
    return physicalGpuOfUuid.get(uuid);
  }

  /** The physical GPUs of the host at {@code uri} of {@code orchestrator}; empty when none. */
  List<String> gpusOfHost(String orchestrator, String uri) {
    return gpusOfHost.getOrDefault(hostKey(orchestrator, uri), List.of());
  }

  boolean uriIsUnique(String uri) {
    return hostsWithUri.getOrDefault(uri(uri), 0) == 1;
  }

  /**
   * The silver.sessions columns a truth session must have, from the delivered view:
   *
   * <ul>
   *   <li>{@code requested} = {@code requested_observable} (the request trace was delivered; the
   *       simulated {@code requested} is always true);
   *   <li>{@code playable} = the few-processed trace was delivered: {@code playable} when {@code
   *       playable_observable}, else its opposite (the flag says whether the delivered events show
   *       the real value);
   *   <li>{@code completed} = {@code close_delivered}; {@code swap_count} = {@code
   *       swaps_delivered};
   *   <li>{@code selection_outcome}: selected when a delivered event named an orchestrator ({@code
   *       served}, read through {@code served_observable} as playable is), else no_orch when the
   *       no-orchestrators trace was delivered ({@code no_orch_trace_delivered}), else unknown;
   *   <li>startup_outcome, excusal_reason and startup_class from {@code outcome_seen}, the
   *       reference's startup rules (§2.7) applied by the simulator to the delivered events;
   *   <li>loading_only / zero_output_fps = {@code loading_only_seen} / {@code
   *       zero_output_fps_seen}; status_samples, error_events and excusable_error_events = their
   *       {@code *_delivered} counts (each event once, duplicates being one event);
   *   <li>latencies = {@code startup_latency_ms}, {@code e2e_latency_ms}, {@code ptff_ms}: the
   *       truth's delivered-view latencies (null when an edge was dropped). They are differences of
   *       whole-millisecond timestamps the events carry, so they compare exactly: no tolerance.
   * </ul>
   */
  static Map<String, Object> expectedSessionRow(JsonNode s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("requested", bool(s, "requested_observable"));
    row.put("playable", seen(s, "playable", "playable_observable"));
    row.put("completed", bool(s, "close_delivered"));
    row.put("swap_count", s.get("swaps_delivered").asLong());
    String selectionOutcome;
    if (seen(s, "served", "served_observable")) {
      selectionOutcome = "selected";
    } else if (bool(s, "no_orch_trace_delivered")) {
      selectionOutcome = "no_orch";
    } else {
      selectionOutcome = "unknown";
    }
    row.put("selection_outcome", selectionOutcome);
    String[] startup =
        switch (s.get("outcome_seen").asText()) {
          case "unknown" -> new String[] {"unknown", "none", "unknown"};
          case "success" -> new String[] {"success", "none", "success"};
          case "no_orchestrator" -> new String[] {"failed", "no_orch", "excused"};
          case "excused_error" -> new String[] {"failed", "excusable_error", "excused"};
          case "unexcused_failure" -> new String[] {"failed", "none", "unexcused"};
          default ->
              throw new IllegalStateException("unknown outcome_seen " + s.get("outcome_seen"));
        };
    row.put("startup_outcome", startup[0]);
    row.put("excusal_reason", startup[1]);
    row.put("startup_class", startup[2]);
    row.put("loading_only", bool(s, "loading_only_seen"));
    row.put("zero_output_fps", bool(s, "zero_output_fps_seen"));
    row.put("status_samples", s.get("status_samples_delivered").asLong());
    row.put("error_events", s.get("error_events_delivered").asLong());
    row.put("excusable_error_events", s.get("excusable_error_events_delivered").asLong());
    row.put("startup_latency_ms", nullableLong(s, "startup_latency_ms"));
    row.put("e2e_latency_ms", nullableLong(s, "e2e_latency_ms"));
    row.put("prompt_to_first_frame_ms", nullableLong(s, "ptff_ms"));
    return row;
  }

  /** Whether dropped events hide part of the session's reality from the lake. */
  static boolean evidenceDropped(JsonNode s) {
    return !bool(s, "requested_observable")
        || !bool(s, "outcome_observable")
        || !bool(s, "playable_observable")
        || !bool(s, "served_observable")
        || s.get("swaps_delivered").asInt() != s.get("swap_count").asInt()
        || bool(s, "loading_only") != bool(s, "loading_only_seen")
        || bool(s, "zero_output_fps") != bool(s, "zero_output_fps_seen")
        || !s.get("startup_latency_ms").equals(s.get("startup_latency_ms_real"))
        || !s.get("e2e_latency_ms").equals(s.get("e2e_latency_ms_real"))
        || !s.get("ptff_ms").equals(s.get("ptff_ms_real"));
  }

  /** One orchestrator that served a session, from selection to swap or close. */
  record Segment(String sessionKey, int index, JsonNode node) {
    String orchestrator() {
      return node.get("orchestrator").asText();
    }

    /** The hot-wallet address live events carry: the lake's selection identity. */
    String liveAddress() {
      return node.get("orchestrator_live_address").asText();
    }

    String uri() {
      return SimulatedTruth.uri(node.get("orchestrator_uri").asText());
    }

    String physicalGpu() {
      return node.get("gpu_physical_id").asText();
    }

    String gpuUuid() {
      return node.get("gpu_uuid").asText();
    }

    boolean gpuObservable() {
      return bool(node, "gpu_observable");
    }

    boolean multiGpuHost() {
      return "multi_gpu_host".equals(node.path("gpu_not_observable_reason").asText(null));
    }

    long from() {
      return node.get("from").asLong();
    }

    /** End of the segment; Long.MAX_VALUE while it was still serving at the end of the run. */
    long to() {
      return node.get("to").isNull() ? Long.MAX_VALUE : node.get("to").asLong();
    }

    @Override
    public String toString() {
      return sessionKey + " segment " + index + " (" + orchestrator() + " at " + uri() + ")";
    }
  }

  static List<Segment> segments(JsonNode session) {
    List<Segment> out = new ArrayList<>();
    String key = sessionKey(session);
    JsonNode segments = session.get("segments");
    for (int i = 0; i < segments.size(); i++) {
      out.add(new Segment(key, i, segments.get(i)));
    }
    return out;
  }

  /**
   * The segments whose attribution the truth says is observable, so the lake must attribute them to
   * the orchestrator that served (and the GPU, when {@code gpu_observable}). A segment qualifies
   * when:
   *
   * <ul>
   *   <li>the lake can see its selection: some delivered event named it ({@code signals_delivered}
   *       &gt; 0), and it is a selection of its own. Silver starts a new selection when the named
   *       hot-wallet address changes or after an orchestrator_swap trace, so a swap to another host
   *       of the same address shows only when its swap trace was delivered (the truth counts
   *       delivered swaps per session, so every swap must have been delivered);
   *   <li>the orchestrator is observable: a capability report of the host had reached the session's
   *       topic by selection ({@code orchestrator_observable});
   *   <li>its URI belongs to one host only (otherwise several orchestrators fit the evidence).
   * </ul>
   */
  List<Segment> attributable() {
    List<Segment> out = new ArrayList<>();
    for (JsonNode session : sessions) {
      boolean everySwapDelivered =
          session.get("swaps_delivered").asInt() == session.get("swap_count").asInt();
      String previousSighted = null;
      for (Segment segment : segments(session)) {
        if (segment.node().get("signals_delivered").asInt() == 0) {
          continue;
        }
        boolean ownSelection =
            previousSighted == null
                || !previousSighted.equals(segment.liveAddress())
                || everySwapDelivered;
        previousSighted = segment.liveAddress();
        if (ownSelection
            && bool(segment.node(), "orchestrator_observable")
            && uriIsUnique(segment.uri())) {
          out.add(segment);
        }
      }
    }
    return out;
  }

  /**
   * The segment of {@code session} a lake selection stands for: the one whose host the selection's
   * signal named (by URL, else by hot-wallet address), serving at the selection's time when several
   * fit; null when none does.
   */
  static Segment servingSegment(
      JsonNode session, String observedUrl, String observedAddress, long selectionTs) {
    List<Segment> candidates = new ArrayList<>();
    for (Segment segment : segments(session)) {
      boolean named =
          observedUrl != null
              ? segment.uri().equals(uri(observedUrl))
              : segment.liveAddress().equals(observedAddress);
      if (named) {
        candidates.add(segment);
      }
    }
    if (candidates.size() <= 1) {
      return candidates.isEmpty() ? null : candidates.get(0);
    }
    for (Segment segment : candidates) {
      if (segment.from() <= selectionTs && selectionTs <= segment.to()) {
        return segment;
      }
    }
    return candidates.get(0);
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw new IllegalStateException("truth record lacks boolean " + field + ": " + node);
    }
    return value.asBoolean();
  }

  /** The delivered-view value of a real flag: the real one when observable, else its opposite. */
  private static boolean seen(JsonNode node, String real, String observable) {
    return bool(node, observable) == bool(node, real);
  }

  private static Long nullableLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }
}
