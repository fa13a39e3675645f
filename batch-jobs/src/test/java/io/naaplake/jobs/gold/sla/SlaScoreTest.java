package io.naaplake.jobs.gold.sla;

import static io.naaplake.jobs.gold.sla.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.Column;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.LakeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLA score (reference §3.2) of a hand-made cohort on 2026-01-10 08:00, every component
 * computed by hand in the comments, and the degradation flag.
 *
 * <p>Benchmarks of live-video-to-video / streamdiffusion-sdxl ({@code M}): 2026-01-03 (D-7) PTFF
 * p50 1000 / p90 3000, E2E 100 / 300, FPS p10 10 / p50 20, 40 rows each; 2026-01-09 (D-1) PTFF 2000
 * / 4000, E2E 200 / 400, FPS 15 / 25, 10 rows each. 2026-01-02 (D-8) and 2026-01-10 (D) are outside
 * the 7 prior days and must be ignored (their values would be absurd). Row-weighted 7-day means
 * over 50 rows: PTFF p50 (1000·40 + 2000·10)/50 = 1200, p90 (3000·40 + 4000·10)/50 = 3200; E2E p50
 * (100·40 + 200·10)/50 = 120, p90 (300·40 + 400·10)/50 = 320; FPS p10 (10·40 + 15·10)/50 = 11, p50
 * (20·40 + 25·10)/50 = 21.
 */
class SlaScoreTest {
  private static final String ORG = "cloudspe";
  private static final String LV2V = "live-video-to-video";
  private static final String M = "streamdiffusion-sdxl";
  private static final String SPARSE = "sparse-model";
  private static final String FLAT = "flat-model";
  private static final String HOUR = "2026-01-10T08:00:00Z";
  private static final String NEXT_HOUR = "2026-01-10T09:00:00Z";
  private static final String PRIOR_HOUR = "2026-01-10T07:00:00Z";

  private static List<Row> scored;

  @BeforeAll
  static void score() {
    SparkSession spark = LocalSpark.get();
    List<Map<String, Object>> benchmarks = new ArrayList<>();
    benchmarks.add(benchmark("2026-01-02", M, 9000, 9900, 9000, 9900, 90, 99, 1000));
    benchmarks.add(benchmark("2026-01-03", M, 1000, 3000, 100, 300, 10, 20, 40));
    benchmarks.add(benchmark("2026-01-09", M, 2000, 4000, 200, 400, 15, 25, 10));
    benchmarks.add(benchmark("2026-01-10", M, 1, 2, 1, 2, 1, 2, 1000));
    // 47 rows: one short of the 48 a benchmark needs.
    benchmarks.add(benchmark("2026-01-09", SPARSE, 500, 5000, 50, 500, 5, 50, 47));
    // p90 = p50 and p50 = p10: the degenerate branches.
    benchmarks.add(benchmark("2026-01-08", FLAT, 1000, 1000, 200, 200, 20, 20, 60));

    List<Map<String, Object>> rows = new ArrayList<>();
    // R1 interpolation: requested 10, success 9, 1 swapped, 1 output failure, health 27 of 30;
    // PTFF 17000/10 = 1700, E2E 2700/10 = 270, FPS 555/30 = 18.5.
    rows.add(
        primitive(HOUR, "0x01", M, null)
            .with(
                "requested_sessions",
                10,
                "startup_success_sessions",
                9,
                "swapped_sessions",
                1,
                "output_failed_sessions",
                1,
                "health_signals_expected",
                30,
                "health_signals_observed",
                27,
                "prompt_to_first_frame_sum_ms",
                17_000,
                "prompt_to_first_frame_count",
                10,
                "e2e_latency_sum_ms",
                2_700,
                "e2e_latency_count",
                10,
                "status_samples",
                30,
                "fps_positive_samples",
                30,
                "output_fps_sum",
                555.0,
                "output_fps_sum_squares",
                555.0 * 18.5)
            .values());
    // R2 edges (good) and the shrink: PTFF 6000/5 = 1200 (= p50) with 5 samples, E2E 2000/20 =
    // 100 (< p50) with 20 samples, FPS 450/15 = 30 (> p50) over 15 samples; 4 of 4 succeed.
    rows.add(
        primitive(HOUR, "0x02", M, null)
            .with(
                "requested_sessions",
                4,
                "startup_success_sessions",
                4,
                "health_signals_expected",
                12,
                "health_signals_observed",
                12,
                "prompt_to_first_frame_sum_ms",
                6_000,
                "prompt_to_first_frame_count",
                5,
                "e2e_latency_sum_ms",
                2_000,
                "e2e_latency_count",
                20,
                "status_samples",
                15,
                "fps_positive_samples",
                15,
                "output_fps_sum",
                450.0)
            .values());
    // R3 edges (bad) and coverage: PTFF 32000/10 = 3200 (= p90), E2E 5000/10 = 500 (> p90), FPS
    // 330/30 = 11 (= p10); 1 of 2 succeeds, 1 output failure, health 4 of 6.
    rows.add(
        primitive(HOUR, "0x03", M, null)
            .with(
                "requested_sessions",
                2,
                "startup_success_sessions",
                1,
                "output_failed_sessions",
                1,
                "health_signals_expected",
                6,
                "health_signals_observed",
                4,
                "prompt_to_first_frame_sum_ms",
                32_000,
                "prompt_to_first_frame_count",
                10,
                "e2e_latency_sum_ms",
                5_000,
                "e2e_latency_count",
                10,
                "status_samples",
                30,
                "fps_positive_samples",
                30,
                "output_fps_sum",
                330.0)
            .values());
    // R4 neutral: no latency and no fps evidence; 1 of 1 succeeds.
    rows.add(
        primitive(HOUR, "0x04", M, null)
            .with(
                "requested_sessions",
                1,
                "startup_success_sessions",
                1,
                "health_signals_expected",
                3,
                "health_signals_observed",
                3)
            .values());
    // R5 benchmark of 47 rows: evidence present, benchmark too thin.
    rows.add(
        primitive(HOUR, "0x05", SPARSE, null)
            .with(
                "requested_sessions",
                1,
                "startup_success_sessions",
                1,
                "health_signals_expected",
                3,
                "health_signals_observed",
                3,
                "prompt_to_first_frame_sum_ms",
                10_000,
                "prompt_to_first_frame_count",
                10,
                "e2e_latency_sum_ms",
                1_000,
                "e2e_latency_count",
                10,
                "status_samples",
                30,
                "fps_positive_samples",
                30,
                "output_fps_sum",
                600.0)
            .values());
    // R6 null case: samples (FPS 600/30 = 20) but no requested session.
    rows.add(
        primitive(HOUR, "0x06", M, null)
            .with("status_samples", 30, "fps_positive_samples", 30, "output_fps_sum", 600.0)
            .values());
    // R7 clamp: inconsistent primitives (3 successes of 2 requested, 9 of 6 health signals).
    rows.add(
        primitive(HOUR, "0x07", M, null)
            .with(
                "requested_sessions",
                2,
                "startup_success_sessions",
                3,
                "health_signals_expected",
                6,
                "health_signals_observed",
                9)
            .values());
    // R8 degenerate benchmarks: PTFF 10000/10 = 1000 (= p50 = p90), E2E 2010/10 = 201 (> p50 =
    // p90 = 200), FPS 200/10 = 20 (= p50 = p10) over 10 samples.
    rows.add(
        primitive(HOUR, "0x08", FLAT, null)
            .with(
                "requested_sessions",
                1,
                "startup_success_sessions",
                1,
                "health_signals_expected",
                3,
                "health_signals_observed",
                3,
                "prompt_to_first_frame_sum_ms",
                10_000,
                "prompt_to_first_frame_count",
                10,
                "e2e_latency_sum_ms",
                2_010,
                "e2e_latency_count",
                10,
                "status_samples",
                10,
                "fps_positive_samples",
                10,
                "output_fps_sum",
                200.0)
            .values());
    // Degradation: 0xd1 at 08:00 on two GPUs, 150/10 and 170/10 = 320/20 = 16 fps; at 09:00
    // 160/10 = 16. 0xd2 at 08:00: 324/20 = 16.2. An unattributed row at 08:00: 100/10.
    rows.add(fps(HOUR, "0xd1", "GPU-a", 150.0, 10));
    rows.add(fps(HOUR, "0xd1", "GPU-b", 170.0, 10));
    rows.add(fps(NEXT_HOUR, "0xd1", "GPU-a", 160.0, 10));
    rows.add(fps(HOUR, "0xd2", "GPU-c", 324.0, 20));
    rows.add(fps(HOUR, null, null, 100.0, 10));
    // Stored rows of the hour before: 0xd1 and 0xd2 at 400/20 = 20 fps, the unattributed at 20;
    // and a stale 08:00 row of 0xd1 at 100 fps, which must lose to the 08:00 rows being scored.
    List<Map<String, Object>> prior = new ArrayList<>();
    prior.add(fps(PRIOR_HOUR, "0xd1", "GPU-a", 400.0, 20));
    prior.add(fps(PRIOR_HOUR, "0xd2", "GPU-c", 400.0, 20));
    prior.add(fps(PRIOR_HOUR, null, null, 200.0, 10));
    prior.add(fps(HOUR, "0xd1", "GPU-a", 10_000.0, 100));

    scored =
        SlaTransform.score(
                SilverRows.of(spark, SlaTransform.PRIMITIVE_COLUMNS, rows),
                SilverRows.of(spark, GoldSlaTables.SLA_BENCHMARK_DAILY, benchmarks),
                SilverRows.of(spark, SlaTransform.PRIMITIVE_COLUMNS, prior),
                Instant.parse("2026-01-10T09:00:00Z"))
            .collectAsList();
  }

  @Test
  void benchmarksAreTheRowWeightedMeansOfThePriorSevenDays() {
    Row r1 = scoredRow(HOUR, "0x01", null);
    assertThat(doubleOf(r1, "benchmark_ptff_p50_ms")).isCloseTo(1200, within(1e-9));
    assertThat(doubleOf(r1, "benchmark_ptff_p90_ms")).isCloseTo(3200, within(1e-9));
    assertThat(doubleOf(r1, "benchmark_e2e_p50_ms")).isCloseTo(120, within(1e-9));
    assertThat(doubleOf(r1, "benchmark_e2e_p90_ms")).isCloseTo(320, within(1e-9));
    assertThat(doubleOf(r1, "benchmark_fps_p10")).isCloseTo(11, within(1e-9));
    assertThat(doubleOf(r1, "benchmark_fps_p50")).isCloseTo(21, within(1e-9));
    assertThat(longOf(r1, "benchmark_ptff_rows")).isEqualTo(50);
    assertThat(longOf(r1, "benchmark_e2e_rows")).isEqualTo(50);
    assertThat(longOf(r1, "benchmark_fps_rows")).isEqualTo(50);
  }

  @Test
  void interpolationBetweenTheBenchmarks() {
    Row r1 = scoredRow(HOUR, "0x01", null);
    // PTFF 1700 between p50 1200 and p90 3200: 1 - (1700 - 1200) / 2000 = 0.75; 10 samples = N.
    assertThat(doubleOf(r1, "ptff_raw_score")).isCloseTo(0.75, within(1e-12));
    assertThat(doubleOf(r1, "ptff_score")).isCloseTo(0.75, within(1e-12));
    // E2E 270 between 120 and 320: 1 - 150 / 200 = 0.25.
    assertThat(doubleOf(r1, "e2e_raw_score")).isCloseTo(0.25, within(1e-12));
    assertThat(doubleOf(r1, "e2e_score")).isCloseTo(0.25, within(1e-12));
    // FPS 18.5 between p10 11 and p50 21: (18.5 - 11) / 10 = 0.75; 30 samples = N.
    assertThat(doubleOf(r1, "fps_raw_score")).isCloseTo(0.75, within(1e-12));
    assertThat(doubleOf(r1, "fps_score")).isCloseTo(0.75, within(1e-12));
    // latency 0.6·0.75 + 0.4·0.25 = 0.55; quality 0.6·0.55 + 0.4·0.75 = 0.63.
    assertThat(doubleOf(r1, "latency_score")).isCloseTo(0.55, within(1e-12));
    assertThat(doubleOf(r1, "quality_score")).isCloseTo(0.63, within(1e-12));
    // Rates 9/10, 1 - 1/10, 1 - 1/10: reliability 0.4·0.9 + 0.2·0.9 + 0.4·0.9 = 0.9.
    assertThat(doubleOf(r1, "startup_success_rate")).isCloseTo(0.9, within(1e-12));
    assertThat(doubleOf(r1, "no_swap_rate")).isCloseTo(0.9, within(1e-12));
    assertThat(doubleOf(r1, "output_viability_rate")).isCloseTo(0.9, within(1e-12));
    assertThat(doubleOf(r1, "reliability_score")).isCloseTo(0.9, within(1e-12));
    // Coverage 27/30 = 0.9: 100 · 0.9 · (0.7·0.9 + 0.3·0.63) = 90 · 0.819 = 73.71.
    assertThat(doubleOf(r1, "health_signal_coverage_ratio")).isCloseTo(0.9, within(1e-12));
    assertThat(doubleOf(r1, "sla_score")).isCloseTo(73.71, within(1e-9));
  }

  @Test
  void goodEdgesAndTheSparseEvidenceShrink() {
    Row r2 = scoredRow(HOUR, "0x02", null);
    // PTFF at p50 exactly: raw 1; 5 of N = 10 samples: 0.5 + 0.5 · (1 - 0.5) = 0.75.
    assertThat(doubleOf(r2, "ptff_raw_score")).isEqualTo(1.0);
    assertThat(doubleOf(r2, "ptff_score")).isCloseTo(0.75, within(1e-12));
    // E2E below p50: raw 1; 20 samples, weight min(20/10, 1) = 1: 1.
    assertThat(doubleOf(r2, "e2e_score")).isCloseTo(1.0, within(1e-12));
    // FPS above p50: raw 1; 15 of N = 30: 0.75.
    assertThat(doubleOf(r2, "fps_raw_score")).isEqualTo(1.0);
    assertThat(doubleOf(r2, "fps_score")).isCloseTo(0.75, within(1e-12));
    // latency 0.6·0.75 + 0.4·1 = 0.85; quality 0.6·0.85 + 0.4·0.75 = 0.81;
    // reliability 1, coverage 1: 100 · (0.7 + 0.3·0.81) = 94.3.
    assertThat(doubleOf(r2, "quality_score")).isCloseTo(0.81, within(1e-12));
    assertThat(doubleOf(r2, "sla_score")).isCloseTo(94.3, within(1e-9));
  }

  @Test
  void badEdgesAndTheCoverageMultiplier() {
    Row r3 = scoredRow(HOUR, "0x03", null);
    // PTFF at p90 exactly, E2E above p90, FPS at p10 exactly: all 0.
    assertThat(doubleOf(r3, "ptff_raw_score")).isEqualTo(0.0);
    assertThat(doubleOf(r3, "e2e_raw_score")).isEqualTo(0.0);
    assertThat(doubleOf(r3, "fps_raw_score")).isEqualTo(0.0);
    assertThat(doubleOf(r3, "quality_score")).isCloseTo(0.0, within(1e-12));
    // reliability 0.4·0.5 + 0.2·1 + 0.4·0.5 = 0.6; coverage 4/6:
    // 100 · (2/3) · (0.7·0.6 + 0) = 28.
    assertThat(doubleOf(r3, "reliability_score")).isCloseTo(0.6, within(1e-12));
    assertThat(doubleOf(r3, "health_signal_coverage_ratio")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(doubleOf(r3, "sla_score")).isCloseTo(28.0, within(1e-9));
  }

  @Test
  void neutralWithoutEvidenceOrWithoutEnoughBenchmarkRows() {
    Row r4 = scoredRow(HOUR, "0x04", null);
    // No averages: every component 0.5; 100 · 1 · (0.7·1 + 0.3·0.5) = 85.
    for (String component :
        List.of(
            "ptff_raw_score",
            "e2e_raw_score",
            "fps_raw_score",
            "ptff_score",
            "e2e_score",
            "fps_score",
            "latency_score",
            "quality_score")) {
      assertThat(doubleOf(r4, component)).as(component).isCloseTo(0.5, within(1e-12));
    }
    assertThat(doubleOf(r4, "sla_score")).isCloseTo(85.0, within(1e-9));

    Row r5 = scoredRow(HOUR, "0x05", null);
    // With enough rows PTFF 1000 against 500 / 5000 would score 1 - 500/4500, E2E 100 against
    // 50 / 500 1 - 50/450 and FPS 20 against 5 / 50 15/45; with 47 rows < 48 all are the neutral
    // 0.5, and the score is 85 as for R4.
    assertThat(longOf(r5, "benchmark_ptff_rows")).isEqualTo(47);
    assertThat(doubleOf(r5, "benchmark_ptff_p50_ms")).isCloseTo(500, within(1e-9));
    assertThat(doubleOf(r5, "ptff_raw_score")).isEqualTo(0.5);
    assertThat(doubleOf(r5, "e2e_raw_score")).isEqualTo(0.5);
    assertThat(doubleOf(r5, "fps_raw_score")).isEqualTo(0.5);
    assertThat(doubleOf(r5, "sla_score")).isCloseTo(85.0, within(1e-9));
  }

  @Test
  void noRequestedSessionsMeansNoScore() {
    Row r6 = scoredRow(HOUR, "0x06", null);
    assertThat((Object) r6.getAs("startup_success_rate")).isNull();
    assertThat((Object) r6.getAs("output_viability_rate")).isNull();
    assertThat((Object) r6.getAs("reliability_score")).isNull();
    assertThat((Object) r6.getAs("sla_score")).isNull();
    // Nothing expected: coverage 1. Quality is still computed: FPS 20, (20 - 11) / 10 = 0.9.
    assertThat(doubleOf(r6, "health_signal_coverage_ratio")).isEqualTo(1.0);
    assertThat(doubleOf(r6, "fps_score")).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void clamps() {
    Row r7 = scoredRow(HOUR, "0x07", null);
    // startup_success_rate 3/2 = 1.5: 0.4·1.5 + 0.2·1 + 0.4·1 = 1.2, clamped to 1; coverage 9/6
    // capped at 1: 100 · 1 · (0.7·1 + 0.3·0.5) = 85 (not 100 · 1.5 · (0.7·1.2 + 0.15) = 148.5,
    // which the outer clamp would cut to 100).
    assertThat(doubleOf(r7, "startup_success_rate")).isCloseTo(1.5, within(1e-12));
    assertThat(doubleOf(r7, "reliability_score")).isEqualTo(1.0);
    assertThat(doubleOf(r7, "health_signal_coverage_ratio")).isEqualTo(1.0);
    assertThat(doubleOf(r7, "sla_score")).isCloseTo(85.0, within(1e-9));
  }

  @Test
  void degenerateBenchmarks() {
    Row r8 = scoredRow(HOUR, "0x08", null);
    // p90 = p50 = 1000: PTFF 1000 <= p50 scores 1; E2E p90 = p50 = 200: 201 > p50 scores 0.
    assertThat(doubleOf(r8, "ptff_raw_score")).isEqualTo(1.0);
    assertThat(doubleOf(r8, "e2e_raw_score")).isEqualTo(0.0);
    // FPS p50 = p10 = 20: 20 >= p50 scores 1; 10 of 30 samples: 0.5 + (1/3)·0.5 = 2/3.
    assertThat(doubleOf(r8, "fps_raw_score")).isEqualTo(1.0);
    assertThat(doubleOf(r8, "fps_score")).isCloseTo(2.0 / 3, within(1e-12));
    // latency 0.6·1 + 0.4·0 = 0.6; quality 0.6·0.6 + 0.4·2/3 = 0.36 + 4/15;
    // 100 · (0.7 + 0.3·(0.36 + 4/15)) = 100 · (0.7 + 0.108 + 0.08) = 88.8.
    assertThat(doubleOf(r8, "quality_score")).isCloseTo(0.36 + 4.0 / 15, within(1e-12));
    assertThat(doubleOf(r8, "sla_score")).isCloseTo(88.8, within(1e-9));
  }

  @Test
  void degradationFlag() {
    // 0xd1 at 08:00: 320/20 = 16 over both GPUs, prior hour 20: 16/20 = 0.8, down 20 %: flagged on
    // both GPU rows.
    for (String gpu : List.of("GPU-a", "GPU-b")) {
      Row row = scoredRow(HOUR, "0xd1", gpu);
      assertThat(doubleOf(row, "orchestrator_avg_output_fps")).isCloseTo(16.0, within(1e-12));
      assertThat(doubleOf(row, "prior_hour_avg_output_fps")).isCloseTo(20.0, within(1e-12));
      assertThat(row.<Boolean>getAs("fps_degraded")).isTrue();
    }
    // 0xd2: 16.2 / 20 = 0.81, down 19 %: not flagged.
    assertThat(scoredRow(HOUR, "0xd2", "GPU-c").<Boolean>getAs("fps_degraded")).isFalse();
    // 0xd1 at 09:00: 16 against the scored 08:00 (16), not the stale stored 08:00 row (100).
    Row next = scoredRow(NEXT_HOUR, "0xd1", "GPU-a");
    assertThat(doubleOf(next, "prior_hour_avg_output_fps")).isCloseTo(16.0, within(1e-12));
    assertThat(next.<Boolean>getAs("fps_degraded")).isFalse();
    // No prior hour (R1), no orchestrator: no evidence, null.
    assertThat((Object) scoredRow(HOUR, "0x01", null).getAs("fps_degraded")).isNull();
    assertThat((Object) scoredRow(HOUR, null, null).getAs("fps_degraded")).isNull();
  }

  @Test
  void settlement() {
    // settledBefore 09:00: 08:00 ends at 09:00 (settled); 09:00 ends at 10:00 (not yet).
    assertThat(scoredRow(HOUR, "0x01", null).<Boolean>getAs("is_settled")).isTrue();
    assertThat(scoredRow(NEXT_HOUR, "0xd1", "GPU-a").<Boolean>getAs("is_settled")).isFalse();
  }

  private static Row scoredRow(String hour, String orchestrator, String gpu) {
    Instant start = Instant.parse(hour);
    List<Row> matches =
        scored.stream()
            .filter(r -> ((Timestamp) r.getAs("window_start")).toInstant().equals(start))
            .filter(r -> Objects.equals(r.getAs("orchestrator_address"), orchestrator))
            .filter(r -> Objects.equals(r.getAs("gpu_id"), gpu))
            .toList();
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }

  private static long longOf(Row row, String column) {
    return row.<Long>getAs(column);
  }

  private static double doubleOf(Row row, String column) {
    return row.<Double>getAs(column);
  }

  /** An all-zero primitive row of the key, to be adjusted. */
  static Primitive primitive(String hour, String orchestrator, String model, String gpu) {
    Map<String, Object> values =
        row(
            "window_start", hour,
            "window_date", hour.substring(0, 10),
            "org", ORG,
            "orchestrator_address", orchestrator,
            "pipeline", LV2V,
            "model_id", model,
            "gpu_id", gpu);
    for (Column measure : GoldSlaTables.MEASURES) {
      boolean isDouble = measure.type().equals(LakeType.float64());
      values.put(measure.name(), isDouble ? 0.0 : 0L);
    }
    return new Primitive(values);
  }

  /** A primitive row under construction. */
  record Primitive(Map<String, Object> values) {
    Primitive with(Object... namesAndValues) {
      return new Primitive(SilverRows.with(values, namesAndValues));
    }
  }

  private static Map<String, Object> fps(
      String hour, String orchestrator, String gpu, double sum, int samples) {
    return primitive(hour, orchestrator, M, gpu)
        .with("status_samples", samples, "fps_positive_samples", samples, "output_fps_sum", sum)
        .values();
  }

  private static Map<String, Object> benchmark(
      String date,
      String model,
      double ptffP50,
      double ptffP90,
      double e2eP50,
      double e2eP90,
      double fpsP10,
      double fpsP50,
      long rows) {
    return row(
        "cohort_date", date,
        "pipeline", LV2V,
        "model_id", model,
        "sla_semantics_version", GoldSlaTables.SEMANTICS_VERSION,
        "is_settled", true,
        "scored_rows", rows,
        "ptff_p50_ms", ptffP50,
        "ptff_p90_ms", ptffP90,
        "ptff_rows", rows,
        "e2e_p50_ms", e2eP50,
        "e2e_p90_ms", e2eP90,
        "e2e_rows", rows,
        "fps_p10", fpsP10,
        "fps_p50", fpsP50,
        "fps_rows", rows);
  }
}
