package io.naaplake.jobs.gold.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A late row that changes a day's benchmark re-scores the hours of the next seven days, and only
 * those. The gold job recomputes every window from the late event's date on, so it recomputes the
 * day's benchmark and then scores the following days against it; this test runs that chain
 * (primitives → benchmarks → scores) before and after the late row.
 *
 * <p>Day D = 2026-01-01, live-video-to-video / streamdiffusion-sdxl: 48 rows at 10:00, each with
 * one PTFF sample (24 of 1000 ms, 24 of 3000 ms), one E2E sample of 100 ms and one FPS sample of
 * 20. PTFF sorted [1000 ×24, 3000 ×24]: p50 at rank 0.5 · 47 = 23.5, between 1000 and 3000: 2000;
 * p90 at rank 42.3: 3000. E2E p50 = p90 = 100; FPS p10 = p50 = 20. The late row adds a 49th row at
 * 11:00 with PTFF 3000: [1000 ×24, 3000 ×25], p50 at rank 24: 3000, p90 3000.
 *
 * <p>Scored: orchestrator 0xa1 at 2026-01-04 08:00 (D + 3, D within its 7 prior days) and at
 * 2026-01-09 08:00 (D + 8, D outside): 1 requested session that started, health 1 of 1, PTFF 25000
 * ms over 10 samples (2500), E2E 1000 over 10 (100), FPS 600 over 30 samples (20).
 */
class SlaLateBenchmarkTest {
  private static final String M = "streamdiffusion-sdxl";
  private static final String D = "2026-01-01T10:00:00Z";
  private static final String LATE_HOUR = "2026-01-01T11:00:00Z";
  private static final String D_PLUS_3 = "2026-01-04T08:00:00Z";
  private static final String D_PLUS_8 = "2026-01-09T08:00:00Z";
  private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-20T00:00:00Z");

  private static List<Row> before;
  private static List<Row> after;

  @BeforeAll
  static void scoreBeforeAndAfterTheLateRow() {
    List<Map<String, Object>> day = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      day.add(benchmarkRow(D, String.format("0xb%02d", i), i < 24 ? 1000 : 3000));
    }
    before = scored(day);
    List<Map<String, Object>> withLate = new ArrayList<>(day);
    withLate.add(benchmarkRow(LATE_HOUR, "0xb48", 3000));
    after = scored(withLate);
  }

  /** The gold job's chain: the day's benchmarks from its rows, then the later hours' scores. */
  private static List<Row> scored(List<Map<String, Object>> dayRows) {
    List<Map<String, Object>> rows = new ArrayList<>(dayRows);
    rows.add(scoredRow(D_PLUS_3));
    rows.add(scoredRow(D_PLUS_8));
    Dataset<Row> primitives =
        SilverRows.of(LocalSpark.get(), SlaTransform.PRIMITIVE_COLUMNS, rows).localCheckpoint();
    Dataset<Row> benchmarks = SlaTransform.benchmarks(primitives, SETTLED_BEFORE);
    return SlaTransform.score(primitives, benchmarks, primitives.limit(0), SETTLED_BEFORE)
        .where(org.apache.spark.sql.functions.col("orchestrator_address").equalTo("0xa1"))
        .collectAsList();
  }

  @Test
  void theFollowingDaysAreRescoredAgainstTheNewBenchmark() {
    Row early = row(before, D_PLUS_3);
    assertThat(early.<Double>getAs("benchmark_ptff_p50_ms")).isCloseTo(2000, within(1e-9));
    assertThat(early.<Double>getAs("benchmark_ptff_p90_ms")).isCloseTo(3000, within(1e-9));
    assertThat(early.<Long>getAs("benchmark_ptff_rows")).isEqualTo(48);
    // PTFF 2500 between p50 2000 and p90 3000: 1 - 500/1000 = 0.5 (10 samples: no shrink). E2E
    // p90 = p50 = 100 and 100 <= p50: 1. FPS p50 = p10 = 20 and 20 >= p50: 1 (30 samples).
    // Latency 0.6·0.5 + 0.4·1 = 0.7; quality 0.6·0.7 + 0.4·1 = 0.82; reliability 1;
    // 100 · 1 · (0.7·1 + 0.3·0.82) = 94.6.
    assertThat(early.<Double>getAs("ptff_score")).isCloseTo(0.5, within(1e-12));
    assertThat(early.<Double>getAs("quality_score")).isCloseTo(0.82, within(1e-12));
    assertThat(early.<Double>getAs("sla_score")).isCloseTo(94.6, within(1e-9));

    Row rescored = row(after, D_PLUS_3);
    // 49 rows: p50 = p90 = 3000, and 2500 <= p50 scores 1: latency 1, quality 1, score 100.
    assertThat(rescored.<Double>getAs("benchmark_ptff_p50_ms")).isCloseTo(3000, within(1e-9));
    assertThat(rescored.<Long>getAs("benchmark_ptff_rows")).isEqualTo(49);
    assertThat(rescored.<Double>getAs("ptff_score")).isEqualTo(1.0);
    assertThat(rescored.<Double>getAs("sla_score")).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void daysPastTheSevenDayWindowAreNot() {
    // D + 8 looks at D + 1 ... D + 7: D's 48 or 49 rows are not in it, only the D + 3 row's own
    // cohort of 1 (< 48): every quality component the neutral 0.5 either time,
    // 100 · (0.7 + 0.3 · 0.5) = 85.
    for (List<Row> rows : List.of(before, after)) {
      Row late = row(rows, D_PLUS_8);
      assertThat(late.<Long>getAs("benchmark_ptff_rows")).isEqualTo(1);
      assertThat(late.<Double>getAs("sla_score")).isCloseTo(85.0, within(1e-9));
    }
  }

  private static Map<String, Object> benchmarkRow(String hour, String orchestrator, long ptffMs) {
    return SlaScoreTest.primitive(hour, orchestrator, M, null)
        .with(
            "prompt_to_first_frame_sum_ms", ptffMs,
            "prompt_to_first_frame_count", 1,
            "e2e_latency_sum_ms", 100,
            "e2e_latency_count", 1,
            "status_samples", 1,
            "fps_positive_samples", 1,
            "output_fps_sum", 20.0)
        .values();
  }

  private static Map<String, Object> scoredRow(String hour) {
    return SlaScoreTest.primitive(hour, "0xa1", M, null)
        .with(
            "requested_sessions", 1,
            "startup_success_sessions", 1,
            "health_signals_expected", 1,
            "health_signals_observed", 1,
            "prompt_to_first_frame_sum_ms", 25_000,
            "prompt_to_first_frame_count", 10,
            "e2e_latency_sum_ms", 1000,
            "e2e_latency_count", 10,
            "status_samples", 30,
            "fps_positive_samples", 30,
            "output_fps_sum", 600.0,
            "output_fps_sum_squares", 12_000.0)
        .values();
  }

  private static Row row(List<Row> rows, String hour) {
    Instant start = Instant.parse(hour);
    List<Row> matches =
        rows.stream()
            .filter(r -> ((Timestamp) r.getAs("window_start")).toInstant().equals(start))
            .toList();
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }
}
