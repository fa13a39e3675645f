package io.naaplake.jobs.gold.sla;

import static io.naaplake.jobs.gold.sla.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.Column;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session-hour primitives from explicit silver rows (sessions, selections, status samples; silver's
 * own transform derives the session hours and their terminal-tail flags), then scored with no
 * benchmark history and rolled up per day. Five sessions on 2026-01-08, each in its own hours:
 *
 * <ul>
 *   <li>{@code cross}: 10:50-11:05 on orchestrator A / GPU-1, samples 10:55 (10 fps), 10:58 (20),
 *       11:02 (30), 11:05 (0, LOADING): a session crossing an hour boundary;
 *   <li>{@code swap}: 12:00-12:40, A / GPU-1 from 12:00, swapped to B (hardware_less) at 12:20;
 *       samples 12:05 (10), 12:10 (12), 12:20 (0, LOADING; the swap's instant), 12:30 (14);
 *   <li>{@code lost}: 13:00-13:03, an unresolved selection, two LOADING 0-fps samples, an unexcused
 *       startup failure;
 *   <li>{@code noorch}: requested at 14:10, no orchestrator, no status samples;
 *   <li>{@code tail}: 14:50-15:01 on A, one LOADING sample in each hour: 15:00 is a terminal tail.
 * </ul>
 */
class SlaPrimitivesTest {
  static final String ORG = "cloudspe";
  static final String LV2V = "live-video-to-video";
  static final String MODEL = "streamdiffusion-sdxl";
  static final String A = "0x00000000000000000000000000000000000000aa";
  static final String B = "0x00000000000000000000000000000000000000bb";
  static final String GPU = "GPU-1";
  static final String GPU_NAME = "NVIDIA GeForce RTX 4090";
  private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-08T12:00:00Z");

  private static SparkSession spark;
  private static List<Row> hourly;
  private static List<Row> daily;

  @BeforeAll
  static void derive() {
    spark = LocalSpark.get();
    List<Map<String, Object>> sessions = new ArrayList<>();
    List<Map<String, Object>> selections = new ArrayList<>();
    List<Map<String, Object>> samples = new ArrayList<>();

    sessions.add(
        session("cross", "10:50", "11:05", "10:00", 4)
            .with(
                "startup_latency_ms",
                2_000,
                "e2e_latency_ms",
                100,
                "prompt_to_first_frame_ms",
                5_000)
            .values());
    selections.add(selection("cross", 0, "10:50", "resolved", A, GPU));
    samples.add(sample("cross", "10:55", "ONLINE", 10.0));
    samples.add(sample("cross", "10:58", "ONLINE", 20.0));
    samples.add(sample("cross", "11:02", "ONLINE", 30.0));
    samples.add(sample("cross", "11:05", "LOADING", 0.0));

    sessions.add(
        session("swap", "12:00", "12:40", "12:00", 4)
            .with("swap_count", 1, "startup_latency_ms", 3_000, "prompt_to_first_frame_ms", 4_000)
            .values());
    selections.add(selection("swap", 0, "12:00", "resolved", A, GPU));
    selections.add(selection("swap", 1, "12:20", "hardware_less", B, null));
    samples.add(sample("swap", "12:05", "ONLINE", 10.0));
    samples.add(sample("swap", "12:10", "ONLINE", 12.0));
    samples.add(sample("swap", "12:20", "LOADING", 0.0));
    samples.add(sample("swap", "12:30", "ONLINE", 14.0));

    sessions.add(
        session("lost", "13:00", "13:03", "13:00", 2)
            .failed("none", "unexcused")
            .with("loading_only", true, "zero_output_fps", true, "health_signals_observed", 1)
            .values());
    selections.add(selection("lost", 0, "13:00", "unresolved", null, null));
    samples.add(sample("lost", "13:01", "LOADING", 0.0));
    samples.add(sample("lost", "13:02", "LOADING", 0.0));

    sessions.add(
        session("noorch", "14:10", "14:10", null, 0)
            .failed("no_orch", "excused")
            .with("selection_outcome", "no_orch", "health_signals_observed", 0)
            .values());

    sessions.add(
        session("tail", "14:50", "15:01", "14:00", 2)
            .failed("none", "unexcused")
            .with("loading_only", true, "zero_output_fps", true, "health_signals_observed", 1)
            .values());
    selections.add(selection("tail", 0, "14:50", "resolved", A, GPU));
    samples.add(sample("tail", "14:55", "LOADING", 0.0));
    samples.add(sample("tail", "15:01", "LOADING", 0.0));

    Dataset<Row> sessionRows = SilverRows.of(spark, SessionTables.SESSIONS, sessions);
    Dataset<Row> status =
        SilverRows.of(spark, SilverTables.of(EventFamily.AI_STREAM_STATUS), samples);
    Dataset<Row> sessionHours = SessionTransform.sessionHours(sessionRows, status);
    Dataset<Row> primitives =
        SlaTransform.hourlyPrimitives(
                status,
                SilverRows.of(spark, SelectionTables.SESSION_SELECTIONS, selections),
                sessionRows,
                sessionHours)
            .localCheckpoint();
    Dataset<Row> none = SilverRows.of(spark, GoldSlaTables.SLA_BENCHMARK_DAILY, List.of());
    Dataset<Row> scored =
        SlaTransform.score(primitives, none, primitives.limit(0), SETTLED_BEFORE).localCheckpoint();
    hourly = scored.collectAsList();
    daily = SlaTransform.daily(scored, none, SETTLED_BEFORE).collectAsList();
  }

  @Test
  void aSessionCrossingAnHourCountsInBothStatusHours() {
    Row ten = hourRow("10:00", A, GPU);
    // Demand would place the session at its start hour (10:00) only; SLA counts it in each
    // status hour.
    assertThat(longOf(ten, "session_hours")).isEqualTo(1);
    assertThat(longOf(ten, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(ten, "startup_success_sessions")).isEqualTo(1);
    assertThat(longOf(ten, "status_samples")).isEqualTo(2);
    assertThat(longOf(ten, "fps_positive_samples")).isEqualTo(2);
    assertThat(ten.<String>getAs("gpu_model_name")).isEqualTo(GPU_NAME);
    // Session latencies only on the first status hour.
    assertThat(longOf(ten, "startup_latency_sum_ms")).isEqualTo(2_000);
    assertThat(longOf(ten, "e2e_latency_sum_ms")).isEqualTo(100);
    assertThat(longOf(ten, "prompt_to_first_frame_sum_ms")).isEqualTo(5_000);
    assertThat(longOf(ten, "prompt_to_first_frame_count")).isEqualTo(1);

    Row eleven = hourRow("11:00", A, GPU);
    assertThat(longOf(eleven, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(eleven, "startup_success_sessions")).isEqualTo(1);
    // 11:02 (30 fps) and 11:05 (0 fps, not started: left out of the FPS statistics).
    assertThat(longOf(eleven, "status_samples")).isEqualTo(2);
    assertThat(longOf(eleven, "fps_positive_samples")).isEqualTo(1);
    assertThat(longOf(eleven, "running_samples")).isEqualTo(1);
    assertThat(longOf(eleven, "startup_latency_count")).isZero();
    assertThat(longOf(eleven, "prompt_to_first_frame_count")).isZero();
    // 11:00 is not a terminal tail: it has an fps-positive sample.
    assertThat(longOf(eleven, "terminal_tail_sessions")).isZero();
  }

  @Test
  void fpsStatistics() {
    Row ten = hourRow("10:00", A, GPU);
    // Samples 10 and 20: sum 30, squares 100 + 400 = 500, mean 15.
    assertThat(doubleOf(ten, "output_fps_sum")).isEqualTo(30.0);
    assertThat(doubleOf(ten, "output_fps_sum_squares")).isEqualTo(500.0);
    assertThat(doubleOf(ten, "avg_output_fps")).isCloseTo(15.0, within(1e-12));
    // Population variance 500 / 2 - 15^2 = 25, stddev 5: jitter 5 / 15 = 1/3.
    assertThat(doubleOf(ten, "fps_jitter_coefficient")).isCloseTo(1.0 / 3, within(1e-12));
    // p95 of [10, 20]: rank 0.95 * (2 - 1) = 0.95, 10 + 0.95 * (20 - 10) = 19.5.
    assertThat(doubleOf(ten, "p95_output_fps")).isCloseTo(19.5, within(1e-12));

    Row eleven = hourRow("11:00", A, GPU);
    // Only the 30-fps sample counts: mean 30 (not (30 + 0) / 2 = 15), jitter 0, p95 30.
    assertThat(doubleOf(eleven, "avg_output_fps")).isCloseTo(30.0, within(1e-12));
    assertThat(doubleOf(eleven, "fps_jitter_coefficient")).isCloseTo(0.0, within(1e-12));
    assertThat(doubleOf(eleven, "p95_output_fps")).isCloseTo(30.0, within(1e-12));

    Row lost = hourRow("13:00", null, null);
    // Only 0-fps samples: no evidence of output FPS, so the statistics are null, not 0.
    assertThat((Object) lost.getAs("avg_output_fps")).isNull();
    assertThat((Object) lost.getAs("fps_jitter_coefficient")).isNull();
    assertThat((Object) lost.getAs("p95_output_fps")).isNull();
  }

  @Test
  void aSwapMidHourSplitsTheSamplesAndCreditsTheSessionToTheLastSelection() {
    Row a = hourRow("12:00", A, GPU);
    // A served 12:05 (10 fps) and 12:10 (12 fps).
    assertThat(longOf(a, "status_samples")).isEqualTo(2);
    assertThat(longOf(a, "status_sessions")).isEqualTo(1);
    assertThat(longOf(a, "attributed_status_samples")).isEqualTo(2);
    // mean 11; variance (100 + 144) / 2 - 121 = 1; jitter 1/11; p95 10 + 0.95 * 2 = 11.9.
    assertThat(doubleOf(a, "avg_output_fps")).isCloseTo(11.0, within(1e-12));
    assertThat(doubleOf(a, "fps_jitter_coefficient")).isCloseTo(1.0 / 11, within(1e-12));
    assertThat(doubleOf(a, "p95_output_fps")).isCloseTo(11.9, within(1e-12));
    // The session is credited to B, the selection made last before 13:00.
    assertThat(longOf(a, "session_hours")).isZero();
    assertThat(longOf(a, "requested_sessions")).isZero();
    // No requested session on A's row: no reliability evidence, so no score (null, not 0).
    assertThat((Object) a.getAs("reliability_score")).isNull();
    assertThat((Object) a.getAs("sla_score")).isNull();
    assertThat((Object) a.getAs("startup_success_rate")).isNull();

    Row b = hourRow("12:00", B, null);
    // 12:20 (0 fps: the sample at the swap's instant is B's) and 12:30 (14 fps).
    assertThat(longOf(b, "status_samples")).isEqualTo(2);
    assertThat(longOf(b, "fps_positive_samples")).isEqualTo(1);
    assertThat(doubleOf(b, "avg_output_fps")).isCloseTo(14.0, within(1e-12));
    assertThat(longOf(b, "session_hours")).isEqualTo(1);
    assertThat(longOf(b, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(b, "swapped_sessions")).isEqualTo(1);
    assertThat(longOf(b, "attribution_hardware_less_sessions")).isEqualTo(1);
    assertThat(longOf(b, "startup_latency_sum_ms")).isEqualTo(3_000);
    assertThat(longOf(b, "e2e_latency_count")).isZero();
    assertThat((Object) b.getAs("gpu_model_name")).isNull();
    // Over the hour's rows the session counts once.
    assertThat(sumOverHour("12:00", "requested_sessions")).isEqualTo(1);
    assertThat(sumOverHour("12:00", "status_samples")).isEqualTo(4);
  }

  @Test
  void unattributedSessionsKeepANullOrchestratorAndStillCount() {
    Row lost = hourRow("13:00", null, null);
    assertThat(lost.<String>getAs("pipeline")).isEqualTo(LV2V);
    assertThat(lost.<String>getAs("model_id")).isEqualTo(MODEL);
    assertThat(longOf(lost, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "startup_unexcused_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "loading_only_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "zero_output_fps_sessions")).isEqualTo(1);
    // Loading-only and zero-fps: one output failure, not two.
    assertThat(longOf(lost, "output_failed_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "effective_failed_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "attribution_unresolved_sessions")).isEqualTo(1);
    assertThat(longOf(lost, "attributed_status_samples")).isZero();
    // startup 0/1, no swap 1, viability 0: reliability 0.4*0 + 0.2*1 + 0.4*0 = 0.2; coverage
    // 1/3 (observed 1 of 3); quality neutral 0.5 (no benchmark history):
    // 100 * 1/3 * (0.7 * 0.2 + 0.3 * 0.5) = 100 * 0.29 / 3 = 9.666...
    assertThat(doubleOf(lost, "reliability_score")).isCloseTo(0.2, within(1e-12));
    assertThat(doubleOf(lost, "health_signal_coverage_ratio")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(doubleOf(lost, "sla_score")).isCloseTo(29.0 / 3, within(1e-9));

    // The no-orchestrator session has no status sample: it counts at its start hour.
    Row noOrch = hourRow("14:00", null, null);
    assertThat(longOf(noOrch, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(noOrch, "no_orch_sessions")).isEqualTo(1);
    assertThat(longOf(noOrch, "startup_excused_sessions")).isEqualTo(1);
    assertThat(longOf(noOrch, "attribution_no_selection_sessions")).isEqualTo(1);
    assertThat(longOf(noOrch, "status_samples")).isZero();
    assertThat(doubleOf(noOrch, "no_orch_rate")).isEqualTo(1.0);
  }

  @Test
  void aTerminalTailHourKeepsItsSamplesButDoesNotCountTheSessionAgain() {
    Row fourteen = hourRow("14:00", A, GPU);
    assertThat(longOf(fourteen, "requested_sessions")).isEqualTo(1);
    assertThat(longOf(fourteen, "status_samples")).isEqualTo(1);
    Row fifteen = hourRow("15:00", A, GPU);
    assertThat(longOf(fifteen, "requested_sessions")).isZero();
    assertThat(longOf(fifteen, "session_hours")).isZero();
    assertThat(longOf(fifteen, "terminal_tail_sessions")).isEqualTo(1);
    assertThat(longOf(fifteen, "status_samples")).isEqualTo(1);
  }

  @Test
  void settlementAndVersion() {
    // settledBefore 12:00: hours ending by 12:00 (10:00, 11:00) are settled, later ones are not.
    assertThat(hourRow("11:00", A, GPU).<Boolean>getAs("is_settled")).isTrue();
    assertThat(hourRow("12:00", A, GPU).<Boolean>getAs("is_settled")).isFalse();
    assertThat(hourly)
        .allMatch(r -> r.getAs("sla_semantics_version").equals("quality-benchmark-v1"));
    // Rows: 10 A, 11 A, 12 A, 12 B, 13 null, 14 A, 14 null, 15 A.
    assertThat(hourly).hasSize(8);
  }

  @Test
  void hourlyMeasuresSumToTheDailyRows() {
    Map<List<Object>, Map<String, Double>> sums = new HashMap<>();
    for (Row hour : hourly) {
      Map<String, Double> sum = sums.computeIfAbsent(dailyKey(hour), k -> new HashMap<>());
      for (Column measure : GoldSlaTables.MEASURES) {
        sum.merge(measure.name(), ((Number) hour.getAs(measure.name())).doubleValue(), Double::sum);
      }
    }
    // Orchestrators A, B and the unattributed one; one pipeline and model; one day.
    assertThat(daily).hasSize(3);
    for (Row day : daily) {
      Map<String, Double> sum = sums.get(dailyKey(day));
      for (Column measure : GoldSlaTables.MEASURES) {
        assertThat(((Number) day.getAs(measure.name())).doubleValue())
            .as(measure.name() + " of " + dailyKey(day))
            .isCloseTo(sum.get(measure.name()), within(1e-9));
      }
    }
    Row a = daily.stream().filter(r -> A.equals(r.getAs("orchestrator_address"))).findFirst().get();
    // A's session-hours: cross at 10 and 11, tail at 14 (swap went to B, the 15:00 tail is not
    // credited) = 3.
    assertThat(longOf(a, "requested_sessions")).isEqualTo(3);
    assertThat(longOf(a, "scored_hours")).isEqualTo(5);
    // Its fps-positive samples over the day: 10, 20 (10:00), 30 (11:00), 10, 12 (12:00): 82 / 5.
    assertThat(doubleOf(a, "avg_output_fps")).isCloseTo(16.4, within(1e-12));
  }

  private static List<Object> dailyKey(Row row) {
    return List.of(
        String.valueOf((Object) row.getAs("orchestrator_address")),
        String.valueOf((Object) row.getAs("pipeline")),
        String.valueOf((Object) row.getAs("model_id")));
  }

  private static Row hourRow(String hour, String orchestrator, String gpu) {
    Instant start = at(hour);
    List<Row> matches =
        hourly.stream()
            .filter(r -> ((Timestamp) r.getAs("window_start")).toInstant().equals(start))
            .filter(r -> Objects.equals(r.getAs("orchestrator_address"), orchestrator))
            .filter(r -> Objects.equals(r.getAs("gpu_id"), gpu))
            .toList();
    assertThat(matches).as(hour + " " + orchestrator + " " + gpu).hasSize(1);
    return matches.get(0);
  }

  private static long sumOverHour(String hour, String column) {
    Instant start = at(hour);
    return hourly.stream()
        .filter(r -> ((Timestamp) r.getAs("window_start")).toInstant().equals(start))
        .mapToLong(r -> r.<Long>getAs(column))
        .sum();
  }

  static long longOf(Row row, String column) {
    return row.<Long>getAs(column);
  }

  static double doubleOf(Row row, String column) {
    return row.<Double>getAs(column);
  }

  static Instant at(String hhmm) {
    return Instant.parse("2026-01-08T" + hhmm + ":00Z");
  }

  private static Instant hourOf(String hhmm) {
    return at(hhmm.substring(0, 2) + ":00");
  }

  /** A requested, playable session of the scenario, to be adjusted. */
  private static SessionRow session(
      String stream, String startedAt, String lastSeen, String firstStatusHour, int samples) {
    return new SessionRow(
        row(
            "org",
            ORG,
            "session_key",
            key(stream),
            "stream_id",
            stream,
            "request_id",
            "r-" + stream,
            "first_seen",
            at(startedAt),
            "last_seen",
            at(lastSeen),
            "started_at",
            at(startedAt),
            "start_hour",
            hourOf(startedAt),
            "start_date",
            "2026-01-08",
            "duration_minutes",
            0.0,
            "requested",
            true,
            "playable",
            true,
            "completed",
            true,
            "swap_count",
            0,
            "selection_outcome",
            "selected",
            "startup_outcome",
            "success",
            "excusal_reason",
            "none",
            "startup_class",
            "success",
            "loading_only",
            false,
            "zero_output_fps",
            false,
            "status_samples",
            samples,
            "ends_in_error",
            false,
            "health_signals_expected",
            3,
            "health_signals_observed",
            3,
            "canonical_pipeline",
            LV2V,
            "canonical_model",
            MODEL,
            "first_status_hour",
            firstStatusHour == null ? null : at(firstStatusHour)));
  }

  /** A session row under construction. */
  private record SessionRow(Map<String, Object> values) {
    SessionRow with(Object... namesAndValues) {
      return new SessionRow(SilverRows.with(values, namesAndValues));
    }

    SessionRow failed(String excusal, String startupClass) {
      return with(
          "playable",
          false,
          "startup_outcome",
          "failed",
          "excusal_reason",
          excusal,
          "startup_class",
          startupClass);
    }
  }

  private static Map<String, Object> selection(
      String stream, int seq, String time, String status, String orchestrator, String gpu) {
    boolean named = orchestrator != null;
    return row(
        "org",
        ORG,
        "session_key",
        key(stream),
        "stream_id",
        stream,
        "request_id",
        "r-" + stream,
        "selection_seq",
        seq,
        "selection_ts",
        at(time),
        "selection_reason",
        seq == 0 ? "initial" : "swap",
        "pipeline_hint",
        LV2V,
        "model_hint",
        MODEL,
        "signal_event_id",
        stream + "-sel-" + seq,
        "signal_family",
        "stream_trace",
        "selection_date",
        "2026-01-08",
        "attribution_status",
        status,
        "attribution_reason",
        named ? "matched" : "missing_candidate",
        "attributed_orch_address",
        orchestrator,
        "attributed_gpu_id",
        gpu,
        "attributed_gpu_name",
        gpu == null ? null : GPU_NAME,
        "attributed_pipeline",
        named ? LV2V : null,
        "attributed_model_id",
        named ? MODEL : null);
  }

  private static Map<String, Object> sample(String stream, String time, String state, double fps) {
    return row(
        "org",
        ORG,
        "event_id",
        stream + "-" + time,
        "event_type",
        "ai_stream_status",
        "event_ts",
        at(time),
        "event_date",
        "2026-01-08",
        "timestamp",
        at(time),
        "stream_id",
        stream,
        "request_id",
        "r-" + stream,
        "pipeline",
        MODEL,
        "state",
        state,
        "inference_status_fps",
        fps);
  }

  private static String key(String stream) {
    return ORG + "|" + stream + "|r-" + stream;
  }
}
