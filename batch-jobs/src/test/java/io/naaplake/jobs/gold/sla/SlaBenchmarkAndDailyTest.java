package io.naaplake.jobs.gold.sla;

import static io.naaplake.jobs.gold.sla.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.schema.GoldSlaTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Daily benchmarks (exact percentiles) and the daily roll-up (sums, never averages). */
class SlaBenchmarkAndDailyTest {
  private static final String LV2V = "live-video-to-video";
  private static final String M = "streamdiffusion-sdxl";
  private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-10T12:00:00Z");

  private static List<Row> benchmarks;
  private static List<Row> hourly;
  private static Row day;

  @BeforeAll
  static void compute() {
    SparkSession spark = LocalSpark.get();

    // Benchmarks: 2026-01-09 has five rows of (LV2V, M) with per-row PTFF averages 100, 200, 300,
    // 400, 1000 (from sums and counts), E2E on two of them (10, 20), FPS on four (5, 10, 20, 40);
    // a row without pipeline (left out); 2026-01-10 has one row with PTFF 50 only.
    List<Map<String, Object>> days = new ArrayList<>();
    days.add(
        hour("2026-01-09T01:00:00Z", "0x01", M)
            .with(
                "prompt_to_first_frame_sum_ms",
                100,
                "prompt_to_first_frame_count",
                1,
                "e2e_latency_sum_ms",
                10,
                "e2e_latency_count",
                1,
                "output_fps_sum",
                5.0,
                "fps_positive_samples",
                1)
            .values());
    days.add(
        hour("2026-01-09T02:00:00Z", "0x01", M)
            .with(
                "prompt_to_first_frame_sum_ms",
                400,
                "prompt_to_first_frame_count",
                2,
                "e2e_latency_sum_ms",
                40,
                "e2e_latency_count",
                2,
                "output_fps_sum",
                20.0,
                "fps_positive_samples",
                2)
            .values());
    days.add(
        hour("2026-01-09T02:00:00Z", "0x02", M)
            .with(
                "prompt_to_first_frame_sum_ms",
                300,
                "prompt_to_first_frame_count",
                1,
                "output_fps_sum",
                20.0,
                "fps_positive_samples",
                1)
            .values());
    days.add(
        hour("2026-01-09T03:00:00Z", "0x02", M)
            .with(
                "prompt_to_first_frame_sum_ms",
                1_200,
                "prompt_to_first_frame_count",
                3,
                "output_fps_sum",
                120.0,
                "fps_positive_samples",
                3)
            .values());
    days.add(
        hour("2026-01-09T04:00:00Z", null, M)
            .with("prompt_to_first_frame_sum_ms", 1_000, "prompt_to_first_frame_count", 1)
            .values());
    days.add(
        hour("2026-01-09T04:00:00Z", null, M)
            .with(
                "pipeline",
                null,
                "prompt_to_first_frame_sum_ms",
                99_999,
                "prompt_to_first_frame_count",
                1)
            .values());
    days.add(
        hour("2026-01-10T04:00:00Z", "0x01", M)
            .with("prompt_to_first_frame_sum_ms", 50, "prompt_to_first_frame_count", 1)
            .values());
    benchmarks =
        SlaTransform.benchmarks(
                SilverRows.of(spark, SlaTransform.PRIMITIVE_COLUMNS, days), SETTLED_BEFORE)
            .collectAsList();

    // Daily: one orchestrator, two hours of 2026-01-10. 08:00: 1 requested session, an unexcused
    // failure, health 2 of 3, one 10-fps sample. 09:00: 99 requested, all succeed, health 297
    // of 297, 99 samples at 20 fps. FPS benchmark on 2026-01-09: p10 10, p50 30, 50 rows.
    List<Map<String, Object>> hours = new ArrayList<>();
    hours.add(
        hour("2026-01-10T08:00:00Z", "0xaa", M)
            .with(
                "session_hours",
                1,
                "requested_sessions",
                1,
                "startup_unexcused_sessions",
                1,
                "effective_failed_sessions",
                1,
                "health_signals_expected",
                3,
                "health_signals_observed",
                2,
                "status_samples",
                1,
                "fps_positive_samples",
                1,
                "output_fps_sum",
                10.0,
                "output_fps_sum_squares",
                100.0)
            .values());
    hours.add(
        hour("2026-01-10T09:00:00Z", "0xaa", M)
            .with(
                "session_hours",
                99,
                "requested_sessions",
                99,
                "startup_success_sessions",
                99,
                "health_signals_expected",
                297,
                "health_signals_observed",
                297,
                "status_samples",
                99,
                "fps_positive_samples",
                99,
                "output_fps_sum",
                1_980.0,
                "output_fps_sum_squares",
                99 * 400.0)
            .values());
    Dataset<Row> benchmarkDays =
        SilverRows.of(
            spark,
            GoldSlaTables.SLA_BENCHMARK_DAILY,
            List.of(
                row(
                    "cohort_date",
                    "2026-01-09",
                    "pipeline",
                    LV2V,
                    "model_id",
                    M,
                    "ptff_rows",
                    0,
                    "e2e_rows",
                    0,
                    "fps_p10",
                    10.0,
                    "fps_p50",
                    30.0,
                    "fps_rows",
                    50)));
    Dataset<Row> primitives = SilverRows.of(spark, SlaTransform.PRIMITIVE_COLUMNS, hours);
    Dataset<Row> scored =
        SlaTransform.score(primitives, benchmarkDays, primitives.limit(0), SETTLED_BEFORE)
            .localCheckpoint();
    hourly = scored.collectAsList();
    List<Row> daily = SlaTransform.daily(scored, benchmarkDays, SETTLED_BEFORE).collectAsList();
    assertThat(daily).hasSize(1);
    day = daily.get(0);
  }

  @Test
  void exactPercentilesOverPerRowAverages() {
    Row jan9 = benchmark(LocalDate.parse("2026-01-09"));
    // Five rows; the one without pipeline is left out.
    assertThat(jan9.<Long>getAs("scored_rows")).isEqualTo(5);
    // PTFF [100, 200, 300, 400, 1000]: p50 = 300; p90 at rank 0.9·4 = 3.6: 400 + 0.6·600 = 760.
    assertThat(jan9.<Double>getAs("ptff_p50_ms")).isCloseTo(300, within(1e-9));
    assertThat(jan9.<Double>getAs("ptff_p90_ms")).isCloseTo(760, within(1e-9));
    assertThat(jan9.<Long>getAs("ptff_rows")).isEqualTo(5);
    // E2E [10, 20]: p50 at rank 0.5: 15; p90 at rank 0.9: 19.
    assertThat(jan9.<Double>getAs("e2e_p50_ms")).isCloseTo(15, within(1e-9));
    assertThat(jan9.<Double>getAs("e2e_p90_ms")).isCloseTo(19, within(1e-9));
    assertThat(jan9.<Long>getAs("e2e_rows")).isEqualTo(2);
    // FPS [5, 10, 20, 40]: p10 at rank 0.3: 5 + 0.3·5 = 6.5; p50 at rank 1.5: 10 + 0.5·10 = 15.
    assertThat(jan9.<Double>getAs("fps_p10")).isCloseTo(6.5, within(1e-9));
    assertThat(jan9.<Double>getAs("fps_p50")).isCloseTo(15, within(1e-9));
    assertThat(jan9.<Long>getAs("fps_rows")).isEqualTo(4);
    assertThat(jan9.<Boolean>getAs("is_settled")).isTrue();

    Row jan10 = benchmark(LocalDate.parse("2026-01-10"));
    assertThat(jan10.<Double>getAs("ptff_p50_ms")).isCloseTo(50, within(1e-9));
    // No E2E evidence: null percentiles, 0 rows (not 0 ms).
    assertThat((Object) jan10.getAs("e2e_p50_ms")).isNull();
    assertThat(jan10.<Long>getAs("e2e_rows")).isZero();
    // 2026-01-10 ends after settledBefore (12:00 that day).
    assertThat(jan10.<Boolean>getAs("is_settled")).isFalse();
    assertThat(benchmarks).hasSize(2);
  }

  @Test
  void oneAndNinetyNineSessionsAreNotAveraged() {
    // Hourly startup success 0/1 and 99/99: averaging the rates would say 0.5.
    assertThat(hourRow(8).<Double>getAs("startup_success_rate")).isEqualTo(0.0);
    assertThat(hourRow(9).<Double>getAs("startup_success_rate")).isEqualTo(1.0);
    assertThat(day.<Long>getAs("requested_sessions")).isEqualTo(100);
    assertThat(day.<Long>getAs("startup_success_sessions")).isEqualTo(99);
    assertThat(day.<Double>getAs("startup_success_rate")).isCloseTo(0.99, within(1e-12));
    // Average output FPS 10 and 20 per hour; the day is (10 + 1980) / 100 = 19.9, not 15.
    assertThat(day.<Double>getAs("avg_output_fps")).isCloseTo(19.9, within(1e-12));
    // Coverage (2 + 297) / 300.
    assertThat(day.<Double>getAs("health_signal_coverage_ratio"))
        .isCloseTo(299.0 / 300, within(1e-12));
    // Reliability 0.4·0.99 + 0.2·1 + 0.4·1 = 0.996. FPS 19.9 against p10 10 / p50 30:
    // (19.9 - 10) / 20 = 0.495 with 100 samples (>= 30); PTFF and E2E neutral 0.5: latency 0.5,
    // quality 0.6·0.5 + 0.4·0.495 = 0.498. Score 100 · (299/300) · (0.7·0.996 + 0.3·0.498)
    // = 100 · (299/300) · 0.8466 = 84.3778.
    assertThat(day.<Double>getAs("reliability_score")).isCloseTo(0.996, within(1e-12));
    assertThat(day.<Double>getAs("fps_score")).isCloseTo(0.495, within(1e-12));
    assertThat(day.<Double>getAs("quality_score")).isCloseTo(0.498, within(1e-12));
    assertThat(day.<Double>getAs("sla_score")).isCloseTo(84.3778, within(1e-9));
    // The hourly scores: 08:00 reliability 0.6, coverage 2/3, FPS 10 <= p10 raw 0 shrunk with 1
    // of 30 samples to 0.5 - 0.5/30, quality 0.3 + 0.4·(0.5 - 1/60):
    // 100 · (2/3) · (0.42 + 0.3·quality); 09:00 FPS 20 raw 0.5, quality 0.5: 85. Their mean is
    // not the daily score.
    double quality8 = 0.3 + 0.4 * (0.5 - 1.0 / 60);
    double score8 = 100 * (2.0 / 3) * (0.42 + 0.3 * quality8);
    assertThat(hourRow(8).<Double>getAs("sla_score")).isCloseTo(score8, within(1e-9));
    assertThat(hourRow(9).<Double>getAs("sla_score")).isCloseTo(85.0, within(1e-9));
    assertThat((score8 + 85.0) / 2).isNotCloseTo(84.3778, within(1.0));
    assertThat(day.<Long>getAs("scored_hours")).isEqualTo(2);
    assertThat(day.<Date>getAs("window_date").toLocalDate())
        .isEqualTo(LocalDate.parse("2026-01-10"));
    assertThat(day.<Boolean>getAs("is_settled")).isFalse();
  }

  private static Row benchmark(LocalDate date) {
    return benchmarks.stream()
        .filter(r -> r.<Date>getAs("cohort_date").toLocalDate().equals(date))
        .findFirst()
        .orElseThrow();
  }

  private static Row hourRow(int hour) {
    return hourly.stream()
        .filter(
            r ->
                ((Timestamp) r.getAs("window_start"))
                        .toInstant()
                        .atZone(java.time.ZoneOffset.UTC)
                        .getHour()
                    == hour)
        .findFirst()
        .orElseThrow();
  }

  private static SlaScoreTest.Primitive hour(String start, String orchestrator, String model) {
    return SlaScoreTest.primitive(start, orchestrator, model, null);
  }
}
