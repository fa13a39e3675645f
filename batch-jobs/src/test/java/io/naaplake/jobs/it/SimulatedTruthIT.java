package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.jobs.it.SimulatedTruth.Segment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated network ({@link SimulatedNetworkScenario}: two hours, every failure mode and
 * transport fault) through the whole pipeline, read over Trino and compared with the simulator's
 * ground truth: every session's outcome and latencies equal the truth; attribution equals the truth
 * wherever the truth says it was observable, and never names a wrong orchestrator or GPU anywhere
 * (session selections and jobs).
 *
 * <p>Dropped events are gone for the lake, so sessions are compared with the truth's delivered view
 * (see {@link SimulatedTruth#expectedSessionRow}); duplicated, reordered and late events all reach
 * the lake (the fixture publishes every delivery before its pipeline pass) and count once.
 *
 * <p>GPUs are compared as physical GPUs: a UUID the lake names is right when the truth lists it
 * among the UUIDs of the GPU that served. With UUID churn the lake may name the serving GPU by the
 * UUID of a neighbouring announcement (before or after a churn), which is the same card.
 */
class SimulatedTruthIT {
  private static final String SIM_STREAMS =
      "stream_id LIKE '" + SimulatedNetworkScenario.STREAM_PREFIX + "%'";

  /** Event date of every simulated job (the run covers 10:00-12:00 UTC). */
  private static final String SIM_DATE = "DATE '2025-11-10'";

  private static SimulatedTruth truth;
  private static final Map<String, Object> summary = new LinkedHashMap<>();

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
    truth = SimulatedTruth.ofScenario();
  }

  @AfterAll
  static void printSummary() {
    System.out.println("[simulated truth] " + summary);
  }

  @Test
  void theScenarioMeetsWhatTheComparisonsNeed() {
    // Without these the comparisons below would pass on a network that never fails.
    List<JsonNode> sessions = truth.sessions();
    assertThat(sessions).hasSizeGreaterThanOrEqualTo(30);
    assertThat(sessions.stream().map(s -> s.get("failure_mode").asText()).distinct().toList())
        .as("failure modes among %d sessions", sessions.size())
        .contains(
            "none",
            "no_orchestrator",
            "swap",
            "loading_only",
            "zero_output_fps",
            "startup_error_excusable",
            "startup_error_unexcused");
    assertThat(sessions.stream().filter(SimulatedTruth::evidenceDropped).count())
        .as("sessions whose delivered events hide part of their reality")
        .isPositive();
    assertThat(truth.attributable().stream().filter(Segment::gpuObservable).count())
        .as("selections on a GPU the evidence singles out")
        .isPositive();
    assertThat(truth.jobs()).isNotEmpty();
  }

  @Test
  void everySimulatedSessionIsExactlyOneSessionRow() throws Exception {
    Set<String> expected = new TreeSet<>();
    truth.sessions().forEach(s -> expected.add(SimulatedTruth.sessionKey(s)));
    Set<String> lake = new TreeSet<>();
    for (Map<String, Object> row :
        rows("SELECT session_key FROM delta.silver.sessions WHERE " + SIM_STREAMS)) {
      assertThat(lake.add((String) row.get("session_key"))).as("one row per session").isTrue();
    }
    // A session whose trace, status and stream events were all dropped would have no row; with
    // several such events per session at a 2 % drop rate the scenario has none.
    assertThat(lake).as("%d truth sessions", expected.size()).isEqualTo(expected);
  }

  @Test
  void everySessionsOutcomeAndLatenciesEqualTheDeliveredTruth() throws Exception {
    Map<String, Map<String, Object>> lake = new HashMap<>();
    for (Map<String, Object> row :
        rows(
            "SELECT session_key, requested, playable, completed, swap_count, selection_outcome,"
                + " startup_outcome, excusal_reason, startup_class, loading_only,"
                + " zero_output_fps, status_samples, error_events, excusable_error_events,"
                + " startup_latency_ms, e2e_latency_ms, prompt_to_first_frame_ms"
                + " FROM delta.silver.sessions WHERE "
                + SIM_STREAMS)) {
      lake.put((String) row.remove("session_key"), row);
    }
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int dropped = 0;
    for (JsonNode session : truth.sessions()) {
      String key = SimulatedTruth.sessionKey(session);
      Map<String, Object> actual = lake.get(key);
      if (actual == null) {
        mismatches.add(key + ": no silver.sessions row");
        continue;
      }
      compared++;
      dropped += SimulatedTruth.evidenceDropped(session) ? 1 : 0;
      SimulatedTruth.expectedSessionRow(session)
          .forEach(
              (column, expected) -> {
                Object value = actual.get(column);
                if (!Objects.equals(expected, value)) {
                  mismatches.add(
                      key
                          + " ("
                          + session.get("failure_mode").asText()
                          + ") "
                          + column
                          + ": truth "
                          + expected
                          + ", lake "
                          + value);
                }
              });
    }
    summary.put("sessions compared", compared);
    summary.put("with dropped evidence", dropped);
    assertThat(mismatches)
        .as(
            "%d sessions compared (%d with evidence dropped) of %d in the truth",
            compared, dropped, truth.sessions().size())
        .isEmpty();
    assertThat(compared).isEqualTo(truth.sessions().size());
  }

  @Test
  void observableSelectionsAreAttributedToTheOrchestratorAndGpuThatServed() throws Exception {
    Map<String, List<Map<String, Object>>> selections = selectionsBySession();
    Map<String, Set<String>> uuidsOfPhysical = uuidsOfPhysicalGpus();
    List<String> mismatches = new ArrayList<>();
    List<Segment> attributable = truth.attributable();
    int gpus = 0;
    int sameUuid = 0;
    for (Segment segment : attributable) {
      Map<String, Object> selection = null;
      for (Map<String, Object> row : selections.getOrDefault(segment.sessionKey(), List.of())) {
        if (segment.uri().equals(SimulatedTruth.uri((String) row.get("observed_url")))) {
          selection = row;
          break;
        }
      }
      if (selection == null) {
        mismatches.add(segment + ": no selection naming its URL");
        continue;
      }
      String what = segment + " selection " + selection.get("selection_seq");
      if (!segment.orchestrator().equals(selection.get("attributed_orch_address"))
          || !segment.uri().equals(selection.get("attributed_orch_uri"))) {
        mismatches.add(what + ": attributed " + attribution(selection));
        continue;
      }
      if (segment.gpuObservable()) {
        gpus++;
        String uuid = (String) selection.get("attributed_gpu_id");
        String physical = (String) selection.get("attributed_physical_gpu_id");
        List<String> problems = new ArrayList<>();
        if (uuid == null || physical == null) {
          problems.add("no GPU named");
        } else {
          if (!segment.physicalGpu().equals(truth.physicalGpuOf(uuid))) {
            problems.add("UUID of " + truth.physicalGpuOf(uuid));
          }
          String fingerprinted = onePhysicalGpu(uuidsOfPhysical, physical, uuid, problems);
          if (fingerprinted != null && !segment.physicalGpu().equals(fingerprinted)) {
            problems.add("physical GPU id of " + fingerprinted);
          }
        }
        if (!problems.isEmpty()) {
          mismatches.add(
              what
                  + ": served by GPU "
                  + segment.physicalGpu()
                  + " ("
                  + segment.gpuUuid()
                  + "), attributed "
                  + attribution(selection)
                  + " "
                  + problems);
        } else if (uuid.equals(segment.gpuUuid())) {
          sameUuid++;
        }
      }
    }
    summary.put("attributions compared", attributable.size());
    summary.put("with GPU", gpus);
    summary.put("GPU by the UUID in use", sameUuid);
    assertThat(mismatches)
        .as(
            "%d observable selections compared (%d with a GPU the evidence singles out)",
            attributable.size(), gpus)
        .isEmpty();
  }

  @Test
  void noSelectionNamesAWrongOrchestratorOrGpu() throws Exception {
    Map<String, JsonNode> sessions = new HashMap<>();
    truth.sessions().forEach(s -> sessions.put(SimulatedTruth.sessionKey(s), s));
    Map<String, Set<String>> uuidsOfPhysical = uuidsOfPhysicalGpus();
    List<String> mismatches = new ArrayList<>();
    int selections = 0;
    int named = 0;
    for (List<Map<String, Object>> rows : selectionsBySession().values()) {
      for (Map<String, Object> selection : rows) {
        selections++;
        if (!namesAnything(selection)) {
          continue;
        }
        named++;
        String key = (String) selection.get("session_key");
        String what = key + " selection " + selection.get("selection_seq");
        JsonNode session = sessions.get(key);
        Segment segment =
            session == null
                ? null
                : SimulatedTruth.servingSegment(
                    session,
                    (String) selection.get("observed_url"),
                    (String) selection.get("observed_address"),
                    (Long) selection.get("selection_ts"));
        if (segment == null) {
          mismatches.add(
              what
                  + ": names "
                  + attribution(selection)
                  + " for a signal no serving orchestrator of the truth sent");
          continue;
        }
        checkNamed(
            what,
            selection,
            segment.orchestrator(),
            segment.uri(),
            segment,
            uuidsOfPhysical,
            mismatches);
      }
    }
    summary.put("selections", selections);
    summary.put("selections naming an orchestrator or GPU", named);
    assertThat(mismatches)
        .as("%d of %d selections name an orchestrator or GPU", named, selections)
        .isEmpty();
    assertThat(named).as("selections naming an orchestrator").isPositive();
  }

  @Test
  void noJobNamesAWrongOrchestratorOrGpu() throws Exception {
    // The jobs truth says who served each job but not whether its announcements were delivered,
    // so jobs are checked for wrong names only.
    Map<String, JsonNode> jobs = new HashMap<>();
    for (JsonNode job : truth.jobs()) {
      jobs.put(
          job.get("kind").asText()
              + "|"
              + job.get("org").asText()
              + "|"
              + job.get("job_key").asText(),
          job);
    }
    Map<String, Set<String>> uuidsOfPhysical = uuidsOfPhysicalGpus();
    List<String> mismatches = new ArrayList<>();
    int named = 0;
    for (String[] table :
        List.of(
            new String[] {"ai_batch", "ai_batch_jobs", "request_id"},
            new String[] {"llm", "llm_jobs", "request_id"},
            new String[] {"byoc", "byoc_jobs", "event_id"})) {
      for (Map<String, Object> row :
          rows(
              "SELECT org, "
                  + table[2]
                  + " AS job_key, attribution_status, attribution_reason,"
                  + " attributed_orch_address, attributed_orch_uri, attributed_gpu_id,"
                  + " attributed_physical_gpu_id FROM delta.silver."
                  + table[1]
                  + " WHERE job_date = "
                  + SIM_DATE)) {
        if (!namesAnything(row)) {
          continue;
        }
        named++;
        String key = table[0] + "|" + row.get("org") + "|" + row.get("job_key");
        JsonNode job = jobs.get(key);
        if (job == null && table[0].equals("ai_batch")) {
          // The gateway runs LLM requests through the AI-batch path too (pipeline llm): their
          // received/completed events make an ai_batch_jobs row of the same request id, which
          // the truth records once, as an llm job.
          job = jobs.get("llm|" + row.get("org") + "|" + row.get("job_key"));
        }
        if (job == null || job.get("orchestrator").isNull()) {
          mismatches.add(
              key
                  + ": names "
                  + attribution(row)
                  + (job == null ? ", a job the truth does not have" : ", a job never served"));
          continue;
        }
        checkNamed(
            key,
            row,
            job.get("orchestrator").asText(),
            SimulatedTruth.uri(job.get("orchestrator_uri").asText()),
            null,
            uuidsOfPhysical,
            mismatches);
      }
    }
    summary.put("jobs naming an orchestrator or GPU", named);
    assertThat(mismatches).as("%d jobs name an orchestrator or GPU", named).isEmpty();
    assertThat(named).as("jobs naming an orchestrator").isPositive();
  }

  /**
   * Every name the lake gives must be the truth's: the orchestrator and URI that served, and a GPU
   * only when the host has one GPU and it is that one ({@code segment} null for jobs, whose GPU is
   * known only through the host).
   */
  private void checkNamed(
      String what,
      Map<String, Object> row,
      String orchestrator,
      String uri,
      Segment segment,
      Map<String, Set<String>> uuidsOfPhysical,
      List<String> mismatches) {
    String address = (String) row.get("attributed_orch_address");
    String attributedUri = (String) row.get("attributed_orch_uri");
    if (address != null && !address.equals(orchestrator)) {
      mismatches.add(what + ": served by " + orchestrator + ", attributed " + attribution(row));
    }
    if (attributedUri != null && !attributedUri.equals(uri)) {
      mismatches.add(what + ": served at " + uri + ", attributed " + attribution(row));
    }
    String uuid = (String) row.get("attributed_gpu_id");
    String physical = (String) row.get("attributed_physical_gpu_id");
    if (uuid == null && physical == null) {
      return;
    }
    List<String> hostGpus = truth.gpusOfHost(orchestrator, uri);
    if (hostGpus.size() != 1) {
      // Several GPUs (or none) behind the host: no evidence singles one out, so any GPU is a guess.
      mismatches.add(
          what + ": names a GPU of a host with " + hostGpus.size() + " GPUs: " + attribution(row));
      return;
    }
    String served = segment == null ? hostGpus.get(0) : segment.physicalGpu();
    if (uuid != null && !served.equals(truth.physicalGpuOf(uuid))) {
      mismatches.add(
          what
              + ": served by GPU "
              + served
              + ", attributed UUID of "
              + truth.physicalGpuOf(uuid)
              + ": "
              + attribution(row));
    }
    if (physical != null) {
      List<String> problems = new ArrayList<>();
      String fingerprinted = onePhysicalGpu(uuidsOfPhysical, physical, uuid, problems);
      if (!served.equals(fingerprinted)) {
        mismatches.add(
            what
                + ": served by GPU "
                + served
                + ", attributed physical GPU "
                + physical
                + " "
                + problems
                + ": "
                + attribution(row));
      }
    }
  }

  /**
   * The truth's physical GPU behind a lake physical-GPU id: every UUID silver.gpu_uuid_map maps to
   * it must belong to one and the same physical GPU of the truth, and the attributed UUID must be
   * among them. Attribution falls back to the UUID itself when the map has no row for it, so an id
   * without rows stands for that UUID. Null otherwise, with the reasons added to {@code problems}.
   */
  private String onePhysicalGpu(
      Map<String, Set<String>> uuidsOfPhysical,
      String physical,
      String uuid,
      List<String> problems) {
    int before = problems.size();
    Set<String> uuids = uuidsOfPhysical.getOrDefault(physical, Set.of(physical));
    if (uuid != null && !uuids.contains(uuid)) {
      problems.add("does not map UUID " + uuid);
    }
    Set<String> truthGpus = new HashSet<>();
    for (String u : uuids) {
      truthGpus.add(Objects.requireNonNullElse(truth.physicalGpuOf(u), "unknown UUID " + u));
    }
    if (truthGpus.size() != 1) {
      problems.add("joins UUIDs of " + truthGpus);
    }
    return problems.size() == before ? truthGpus.iterator().next() : null;
  }

  private static boolean namesAnything(Map<String, Object> row) {
    return row.get("attributed_orch_address") != null
        || row.get("attributed_orch_uri") != null
        || row.get("attributed_gpu_id") != null
        || row.get("attributed_physical_gpu_id") != null;
  }

  private static String attribution(Map<String, Object> row) {
    return row.get("attribution_status")
        + "/"
        + row.get("attribution_reason")
        + " "
        + row.get("attributed_orch_address")
        + " "
        + row.get("attributed_orch_uri")
        + " GPU "
        + row.get("attributed_gpu_id")
        + " physical "
        + row.get("attributed_physical_gpu_id");
  }

  /** The simulated sessions' selections, in selection order per session key. */
  private static Map<String, List<Map<String, Object>>> selectionsBySession() throws Exception {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    for (Map<String, Object> row :
        rows(
            "SELECT session_key, selection_seq, selection_reason,"
                + " CAST(to_unixtime(selection_ts) * 1000 AS bigint) AS selection_ts,"
                + " observed_address, observed_url, attribution_status, attribution_reason,"
                + " attributed_orch_address, attributed_orch_uri, attributed_gpu_id,"
                + " attributed_physical_gpu_id FROM delta.silver.session_selections WHERE "
                + SIM_STREAMS
                + " ORDER BY session_key, selection_seq")) {
      out.computeIfAbsent((String) row.get("session_key"), k -> new ArrayList<>()).add(row);
    }
    return out;
  }

  /** silver.gpu_uuid_map: every UUID the lake fingerprinted as each physical GPU id. */
  private static Map<String, Set<String>> uuidsOfPhysicalGpus() throws Exception {
    Map<String, Set<String>> out = new HashMap<>();
    for (Map<String, Object> row :
        rows("SELECT physical_gpu_id, gpu_uuid FROM delta.silver.gpu_uuid_map")) {
      out.computeIfAbsent((String) row.get("physical_gpu_id"), k -> new HashSet<>())
          .add((String) row.get("gpu_uuid"));
    }
    return out;
  }

  /** Rows by column name, as the reader identity sees them; integers read as Long. */
  private static List<Map<String, Object>> rows(String sql) throws Exception {
    try (Connection connection = TrinoClient.connect(TrinoClient.READER_USER);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<Map<String, Object>> out = new ArrayList<>();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rows.getObject(i);
          if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            value = ((Number) value).longValue();
          }
          row.put(meta.getColumnLabel(i), value);
        }
        out.add(row);
      }
      return out;
    }
  }
}
