package io.naaplake.jobs.it;

import static io.naaplake.jobs.it.SessionScenarios.DATE;
import static io.naaplake.jobs.it.SessionScenarios.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.naaplake.jobs.it.SessionScenarios.Case;
import io.naaplake.jobs.it.SessionScenarios.ExpectedSelection;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.silver.entities.SilverEntitiesJob;
import io.naaplake.schema.SelectionTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written sessions of {@link SessionScenarios}, read through Trino: each case's
 * silver.sessions row and its silver.session_selections rows (with attribution).
 *
 * <p>Expected values are the case's constants in {@link SessionScenarios}: every case is the
 * playable timeline documented there (startup = FIRST_PROCESSED - REQUEST = 2,600 ms, E2E =
 * RUNNER_FIRST_PROCESSED - FIRST_INGEST = 120 ms, PTFF = FEW_PROCESSED - STATUS_START_TIME = 5,000
 * ms, 3 ONLINE samples, one selection at FIRST_INGEST) or an explicit variation of it, written next
 * to the events that cause it. Each test says which events decide what it checks.
 */
class SessionScenariosIT {
  /** Columns holding times: read as epoch milliseconds, compared with the expected instants. */
  private static final Set<String> TIME_COLUMNS =
      Set.of("first_seen", "last_seen", "started_at", "selection_ts", "snapshot_ts");

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  @Test
  void everyCaseIsOneSession() throws Exception {
    // 17 cases, each its own stream id scn-<case> and request id: one row each, nothing else
    // (the ignored traces carry session ids but must not make sessions of their own).
    assertThat(
            rows(
                "SELECT session_key FROM delta.silver.sessions WHERE org = '"
                    + ORG
                    + "' AND start_date = DATE '"
                    + DATE
                    + "' AND stream_id LIKE 'scn-%'"))
        .extracting(row -> row.get("session_key"))
        .containsExactlyInAnyOrderElementsOf(
            SessionScenarios.CASES.stream().map(Case::sessionKey).toList());
  }

  @Test
  void cleanSuccess() throws Exception {
    // The playable timeline on one announced orchestrator with one GPU, announced 5 min before:
    // success, the timeline's latencies, resolved "matched" to that orchestrator and GPU.
    assertCase(SessionScenarios.CLEAN);
  }

  @Test
  void noOrchestratorsIsExcused() throws Exception {
    // Request, then gateway_no_orchestrators_available at 1.5 s, orchestrator_info empty: failed,
    // excused no_orch, selection_outcome no_orch, and no selection row at all.
    assertCase(SessionScenarios.NO_ORCH);
  }

  @Test
  void swapCountsOnceAndSelectsTwice() throws Exception {
    // Two samples on A, orchestrator_swap (naming A, the abandoned one) at 25 s, two samples on
    // B: swap_count 1, 4 samples, selections initial(A at 2 s) and swap(B at 30 s), both
    // resolved to their own announced orchestrator and GPU.
    assertCase(SessionScenarios.SWAP);
  }

  @Test
  void excusableErrorExcusesTheFailure() throws Exception {
    // Requested and sent to the orchestrator, never playable, one error event "ICE connection
    // state failed": failed, excused (excusable_error), 1 of 1 errors excusable.
    assertCase(SessionScenarios.EXCUSABLE_ERROR);
  }

  @Test
  void unexcusedFailure() throws Exception {
    // The same, but the error ("CUDA out of memory") matches no excusal fragment: unexcused.
    assertCase(SessionScenarios.UNEXCUSED_FAILURE);
  }

  @Test
  void loadingOnlySession() throws Exception {
    // Three samples, all LOADING at fps 0, never playable: loading_only and zero_output_fps,
    // health 1 of 3 (samples yes, playable no, produced nothing).
    assertCase(SessionScenarios.LOADING_ONLY);
  }

  @Test
  void zeroOutputFpsSession() throws Exception {
    // Playable, three ONLINE samples at fps 0: zero_output_fps but not loading_only.
    assertCase(SessionScenarios.ZERO_FPS);
  }

  @Test
  void paramsUpdateIsNoNewSelection() throws Exception {
    // last_params_hash params-1, params-2, params-2 plus a params_update event, all naming the
    // same orchestrator: params_updates 1, still one selection.
    assertCase(SessionScenarios.PARAMS_UPDATE);
  }

  @Test
  void closedStreamIsCompleted() throws Exception {
    // gateway_ingest_stream_closed at 60 s: completed, last_seen 60 s, 1.0 minute long.
    assertCase(SessionScenarios.CLOSED);
  }

  @Test
  void duplicateDeliveriesCountOnce() throws Exception {
    // The request trace, the few-processed trace and status-2 were each published twice with
    // the same envelope id: bronze keeps both deliveries, silver types each once, and the session
    // has the timeline's 3 samples (not 4).
    Case c = SessionScenarios.DUPLICATES;
    assertThat(c.duplicated()).hasSize(3);
    for (String id : c.duplicated()) {
      assertThat(
              count("SELECT count(*) FROM delta.bronze.raw_events WHERE event_id = '" + id + "'"))
          .as("bronze deliveries of %s", id)
          .isEqualTo(2);
    }
    assertThat(
            count(
                "SELECT (SELECT count(*) FROM delta.silver.stream_trace WHERE event_id IN ('"
                    + c.eventId("request")
                    + "', '"
                    + c.eventId("few-processed")
                    + "')) + (SELECT count(*) FROM delta.silver.ai_stream_status WHERE event_id"
                    + " = '"
                    + c.eventId("status-2")
                    + "')"))
        .isEqualTo(3);
    assertCase(c);
  }

  @Test
  void shuffledAcrossPartitionsIsOrderedByEventTime() throws Exception {
    // Published newest first, each message keyed by its own id, so the case's messages spread
    // over the topic's partitions in reverse order; silver orders by event time, so the row is
    // the timeline's.
    Case c = SessionScenarios.SHUFFLED;
    assertThat(
            count(
                "SELECT count(DISTINCT kafka_partition) FROM delta.bronze.raw_events WHERE"
                    + " event_id LIKE 'scn-shuffled-%'"))
        .isGreaterThan(1);
    assertCase(c);
  }

  @Test
  void lateCapabilitySnapshotReattributes() throws Exception {
    // The case's only announcement was held back until after the first pass (publishLate).
    Case c = SessionScenarios.LATE_CAPABILITY;
    List<JobRun> entityRuns =
        FixtureLake.get().buildRuns().stream()
            .filter(run -> run.job().equals(SilverEntitiesJob.JOB_NAME))
            .toList();
    assertThat(entityRuns)
        .extracting(JobRun::runTime, JobRun::status)
        .containsExactly(
            tuple(FixtureLake.RUN_TIME, JobRun.Status.SUCCEEDED),
            tuple(FixtureLake.LATE_RUN_TIME, JobRun.Status.SUCCEEDED));

    // After the first pass: a selection with nothing announced for its URI or address.
    long firstPassVersion =
        entityRuns.get(0).tableVersions().get(SelectionTables.SESSION_SELECTIONS.qualifiedName());
    assertThat(
            rows(
                "SELECT attribution_status, attribution_reason, snapshot_event_id FROM"
                    + " delta.silver.session_selections FOR VERSION AS OF "
                    + firstPassVersion
                    + " WHERE org = '"
                    + ORG
                    + "' AND session_key = '"
                    + c.sessionKey()
                    + "'"))
        .containsExactly(
            row(
                "attribution_status",
                "unresolved",
                "attribution_reason",
                "missing_candidate",
                "snapshot_event_id",
                null));

    // The second pass counted the announcement as late (it is weeks behind the org's newest
    // event, within the fixture's horizon) and recomputed with it.
    Instant hour = c.announcedAt().truncatedTo(ChronoUnit.HOURS);
    assertThat(
            rows(
                "SELECT events, disposition, run_id FROM delta.ops.late_events WHERE org = '"
                    + ORG
                    + "' AND event_type = 'network_capabilities' AND event_hour = from_unixtime("
                    + hour.getEpochSecond()
                    + ")"))
        .containsExactly(
            row("events", 1L, "disposition", "recomputed", "run_id", entityRuns.get(1).runId()));

    // Final state: resolved, fresh ("matched"), with the late announcement as its evidence
    // (snapshot_event_id = the held-back announcement's id).
    assertCase(c);
  }

  @Test
  void ignoredTracesDoNotChangeTheSession() throws Exception {
    // An app_send_stream_request trace 1 s before the request and a scope stream_heartbeat 20 s
    // after the last sample, both with the session's ids: in silver.ignored_events with their
    // rule, and the session row is the timeline's (first_seen at the request, last_seen 30 s).
    Case c = SessionScenarios.IGNORED_TRACES;
    assertThat(
            rows(
                "SELECT event_id, ignore_reason FROM delta.silver.ignored_events WHERE event_id"
                    + " LIKE 'scn-ignored-traces-%' ORDER BY event_id"))
        .containsExactly(
            row(
                "event_id",
                c.eventId("app-trace"),
                "ignore_reason",
                "ignored_stream_trace_non_core_app"),
            row(
                "event_id",
                c.eventId("scope-trace"),
                "ignore_reason",
                "ignored_stream_trace_scope_client_noise"));
    assertCase(c);
  }

  @Test
  void hardwareLessOrchestrator() throws Exception {
    // Announced with PerCapability (and a price) but hardware null: hardware_less, reason
    // matched_without_hardware, orchestrator and model named, no GPU.
    assertCase(SessionScenarios.HARDWARE_LESS);
  }

  @Test
  void ambiguousCandidatesNameNobody() throws Exception {
    // Two addresses announce the session's URI at the same time: ambiguous, no orchestrator,
    // GPU, model or snapshot named.
    assertCase(SessionScenarios.AMBIGUOUS);
  }

  @Test
  void multiGpuOrchestratorLeavesTheGpuBlank() throws Exception {
    // One orchestrator whose hardware entry lists two GPUs (gpu_info as an array) for the model:
    // resolved to the orchestrator, GPU left blank; both GPUs are physical GPUs of its surface.
    Case c = SessionScenarios.MULTI_GPU;
    assertCase(c);
    SessionScenarios.Orch orch = c.selections().get(0).attributed();
    assertThat(
            count(
                "SELECT count(*) FROM delta.silver.physical_gpus WHERE orch_address = '"
                    + orch.address()
                    + "' AND orch_uri = '"
                    + orch.uri()
                    + "'"))
        .isEqualTo(2);
  }

  @Test
  void gpuUuidChurnIsOnePhysicalGpu() throws Exception {
    // caps-1 (50 min before) lists UUID A, caps-2 (10 min before) lists UUID B, same name and
    // memory, same URI: one physical GPU founded by A, seen under 2 UUIDs, now B. The session
    // (after caps-2) is attributed to B and to that physical GPU.
    Case c = SessionScenarios.GPU_CHURN;
    ExpectedSelection selection = c.selections().get(0);
    SessionScenarios.Orch orch = selection.attributed();
    String physical = SessionScenarios.physicalGpuId(orch, selection.foundingUuid());
    String surface =
        " WHERE orch_address = '" + orch.address() + "' AND orch_uri = '" + orch.uri() + "'";
    assertThat(
            rows(
                "SELECT physical_gpu_id, uuid_count, current_uuid, gpu_name,"
                    + " CAST(to_unixtime(first_seen) * 1000 AS bigint) AS first_seen FROM"
                    + " delta.silver.physical_gpus"
                    + surface))
        .containsExactly(
            row(
                "physical_gpu_id",
                physical,
                "uuid_count",
                2L,
                "current_uuid",
                selection.gpu().uuid(),
                "gpu_name",
                selection.gpu().name(),
                "first_seen",
                c.start().minus(SessionScenarios.CHURN_FIRST_BEFORE)));
    assertThat(
            rows(
                "SELECT gpu_uuid, physical_gpu_id FROM delta.silver.gpu_uuid_map"
                    + surface
                    + " ORDER BY first_seen"))
        .containsExactly(
            row("gpu_uuid", selection.foundingUuid(), "physical_gpu_id", physical),
            row("gpu_uuid", selection.gpu().uuid(), "physical_gpu_id", physical));
    assertCase(c);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The case's session row and selection rows equal its expectations. */
  private static void assertCase(Case c) throws Exception {
    Map<String, Object> expected = normalised(c.session());
    List<Map<String, Object>> session =
        rows(
            "SELECT "
                + select(expected.keySet())
                + " FROM delta.silver.sessions WHERE org = '"
                + ORG
                + "' AND start_date = DATE '"
                + DATE
                + "' AND session_key = '"
                + c.sessionKey()
                + "'");
    assertThat(session).as("session %s", c.sessionKey()).containsExactly(expected);

    List<Map<String, Object>> expectedSelections = new ArrayList<>();
    for (ExpectedSelection selection : c.selections()) {
      expectedSelections.add(normalised(selectionColumns(c, selection)));
    }
    Set<String> columns =
        expectedSelections.isEmpty() ? Set.of("selection_seq") : expectedSelections.get(0).keySet();
    List<Map<String, Object>> selections =
        rows(
            "SELECT "
                + select(columns)
                + " FROM delta.silver.session_selections WHERE org = '"
                + ORG
                + "' AND session_key = '"
                + c.sessionKey()
                + "' ORDER BY selection_seq");
    assertThat(selections).as("selections of %s", c.sessionKey()).isEqualTo(expectedSelections);
  }

  /** The session_selections columns an expected selection fixes. */
  private static Map<String, Object> selectionColumns(Case c, ExpectedSelection s) {
    boolean named = s.attributed() != null;
    boolean gpu = s.gpu() != null;
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("selection_seq", s.seq());
    columns.put("selection_reason", s.reason());
    columns.put("selection_ts", c.at(s.atMs()));
    // Live events report the hot-wallet address and the URI.
    columns.put("observed_address", s.observed().localAddress());
    columns.put("observed_url", s.observed().uri());
    columns.put("attribution_status", s.status());
    columns.put("attribution_reason", s.attributionReason());
    columns.put("attributed_orch_address", named ? s.attributed().address() : null);
    columns.put("attributed_orch_uri", named ? s.attributed().uri() : null);
    columns.put("attributed_gpu_id", gpu ? s.gpu().uuid() : null);
    columns.put(
        "attributed_physical_gpu_id",
        gpu ? SessionScenarios.physicalGpuId(s.attributed(), s.foundingUuid()) : null);
    columns.put("attributed_gpu_name", gpu ? s.gpu().name() : null);
    // Every case's announcement offers exactly one (pipeline, model): the sessions' own.
    columns.put("attributed_pipeline", named ? SessionScenarios.PIPELINE : null);
    columns.put("attributed_model_id", named ? SessionScenarios.MODEL : null);
    columns.put("snapshot_event_id", s.snapshotEventId());
    columns.put("snapshot_ts", s.snapshotTs());
    return columns;
  }

  private static String select(Set<String> columns) {
    List<String> parts = new ArrayList<>();
    for (String column : columns) {
      parts.add(
          TIME_COLUMNS.contains(column)
              ? "CAST(to_unixtime(" + column + ") * 1000 AS bigint) AS " + column
              : column);
    }
    return String.join(", ", parts);
  }

  /** Integers as Long and instants as epoch milliseconds, as {@link #rows} reads them. */
  private static Map<String, Object> normalised(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((column, value) -> out.put(column, normalised(value)));
    return out;
  }

  private static Object normalised(Object value) {
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  /** A row from alternating column names and values, normalised. */
  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], normalised(namesAndValues[i + 1]));
    }
    return row;
  }

  /** Query rows as column-name maps, integers as Long (Trino's integer and bigint alike). */
  static List<Map<String, Object>> rows(String sql) throws Exception {
    try (Connection connection = TrinoClient.connect(TrinoClient.READER_USER);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<Map<String, Object>> result = new ArrayList<>();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), normalised(rows.getObject(i)));
        }
        result.add(row);
      }
      return result;
    }
  }

  private static long count(String sql) throws Exception {
    return TrinoClient.count(sql);
  }
}
