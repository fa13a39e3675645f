package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.runs.JobRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gold over the fixture lake, read through Trino: the real sample's SLA and payment rows, the real
 * capabilities response's GPU counts, and the late announcement's revisions (issue 5, "Must show").
 * Every expected figure is computed by hand from the sample files or the scenario.
 */
class GoldFixtureIT {
  private static final String ORCHESTRATOR = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
  private static final String SAMPLE_HOUR = "TIMESTAMP '2026-01-08 21:00:00 UTC'";

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  private static List<Map<String, Object>> rows(String sql) throws Exception {
    return SessionScenariosIT.rows(sql);
  }

  private static Map<String, Object> only(String sql) throws Exception {
    List<Map<String, Object>> rows = rows(sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0);
  }

  @Test
  void realSampleSlaHour() throws Exception {
    Map<String, Object> row =
        only(
            "SELECT * FROM delta.gold.streaming_sla_hourly WHERE window_start = "
                + SAMPLE_HOUR
                + " AND org = 'cloudspe' AND orchestrator_address = '"
                + ORCHESTRATOR
                + "' AND pipeline = 'live-video-to-video' AND model_id ="
                + " 'streamdiffusion-sdxl-faceid' AND gpu_id ="
                + " 'GPU-a8d13655-197b-2226-d09f-b4b81e07504b'");
    // One requested session that started (first processed frame), 17 status samples, all with
    // output FPS > 0, no swap.
    assertThat(row.get("requested_sessions")).isEqualTo(1L);
    assertThat(row.get("startup_success_sessions")).isEqualTo(1L);
    assertThat(row.get("status_samples")).isEqualTo(17L);
    assertThat(row.get("fps_positive_samples")).isEqualTo(17L);
    assertThat(row.get("swapped_sessions")).isEqualTo(0L);
    // Mean of the 17 inference_status.fps values of the export.
    assertThat((Double) row.get("avg_output_fps")).isCloseTo(15.999951534393, within(1e-9));
    // Linear interpolation at rank 0.95 × 16 = 15.2 between the 16th and 17th sorted values.
    assertThat((Double) row.get("p95_output_fps")).isCloseTo(17.21226888, within(1e-8));
    // Population stddev / mean of the same 17 values.
    assertThat((Double) row.get("fps_jitter_coefficient")).isCloseTo(0.11631881975, within(1e-10));
    assertThat((Double) row.get("output_viability_rate")).isEqualTo(1.0);
    // No benchmark history for the pipeline and model before 2026-01-08: every quality
    // component is the neutral 0.5 and coverage is 1, so 100 × (0.7 × 1 + 0.3 × 0.5) = 85.0.
    assertThat((Double) row.get("quality_score")).isEqualTo(0.5);
    assertThat((Double) row.get("sla_score")).isCloseTo(85.0, within(1e-9));
    assertThat(row.get("sla_semantics_version")).isEqualTo("quality-benchmark-v1");
  }

  @Test
  void realSamplePaymentsHour() throws Exception {
    // Six create_new_payment batches in the export's hour: 1 + 1 + 1 + 1 + 1 + 2 = 7 tickets.
    // Face value Σ face × tickets = 16,807,200,000,000,000 wei; expected value Σ face × win
    // probability × tickets = 16,800,000,007,200 wei (the hand computation).
    Map<String, Object> sums =
        only(
            "SELECT sum(payment_events) AS events, sum(tickets) AS tickets,"
                + " sum(face_value_wei) AS face, sum(expected_value_wei) AS expected FROM"
                + " delta.gold.payments_hourly WHERE window_start = "
                + SAMPLE_HOUR
                + " AND org = 'cloudspe'");
    assertThat(sums.get("events")).isEqualTo(6L);
    assertThat(sums.get("tickets")).isEqualTo(7L);
    assertThat((BigDecimal) sums.get("face")).isEqualByComparingTo("16807200000000000");
    assertThat((BigDecimal) sums.get("expected")).isEqualByComparingTo("16800000007200");
  }

  @Test
  void realCapabilitiesGpusByModel() throws Exception {
    // The response lists 19 GPU UUIDs on 2025-12-20, each its own physical GPU, by model:
    // 5090 ×6, 4090 ×5, 4070 Ti SUPER ×2, 3090 ×2, P4, A4000, 6000 Ada, A100 ×1 each.
    List<Map<String, Object>> inventory =
        rows(
            "SELECT gpu_model_name, count(*) AS reported, count(DISTINCT physical_gpu_id) AS"
                + " physical FROM delta.gold.gpu_inventory WHERE window_date = DATE '"
                + RealCapabilitiesScenario.DATE
                + "' GROUP BY gpu_model_name ORDER BY gpu_model_name");
    assertThat(inventory)
        .extracting(r -> r.get("gpu_model_name"), r -> r.get("reported"), r -> r.get("physical"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("NVIDIA A100-SXM4-40GB", 1L, 1L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA GeForce RTX 3090", 2L, 2L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA GeForce RTX 4070 Ti SUPER", 2L, 2L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA GeForce RTX 4090", 5L, 5L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA GeForce RTX 5090", 6L, 6L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA RTX 6000 Ada Generation", 1L, 1L),
            org.assertj.core.groups.Tuple.tuple("NVIDIA RTX A4000", 1L, 1L),
            org.assertj.core.groups.Tuple.tuple("Tesla P4", 1L, 1L));
    // Each GPU serves one (pipeline, model), so the supply hour's rows add up to the same.
    Map<String, Object> supply =
        only(
            "SELECT sum(reported_gpu_uuids) AS reported, sum(physical_gpus) AS physical FROM"
                + " delta.gold.gpu_supply_hourly WHERE window_date = DATE '"
                + RealCapabilitiesScenario.DATE
                + "' AND gpu_model_name IS NOT NULL");
    assertThat(supply).containsEntry("reported", 19L).containsEntry("physical", 19L);
  }

  @Test
  void lateAnnouncementRevisesOnlyItsHour() throws Exception {
    List<JobRun> goldRuns =
        FixtureLake.get().buildRuns().stream()
            .filter(run -> run.job().equals(GoldJob.JOB_NAME))
            .toList();
    assertThat(goldRuns)
        .extracting(JobRun::status)
        .containsExactly(JobRun.Status.SUCCEEDED, JobRun.Status.SUCCEEDED);
    // The late announcement (2025-12-05) re-attributed one selection: silver marked its hour
    // dirty, so the second gold run recomputed every window from that date and says so.
    SessionScenarios.Case c = SessionScenarios.LATE_CAPABILITY;
    String date =
        c.announcedAt()
            .truncatedTo(ChronoUnit.DAYS)
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .toString();
    // The session's SLA hour: the hour of its selection (the announcement came an hour earlier).
    Map<String, Object> selection =
        only(
            "SELECT to_unixtime(date_trunc('hour', selection_ts)) AS hour FROM"
                + " delta.silver.session_selections WHERE org = '"
                + SessionScenarios.ORG
                + "' AND session_key = '"
                + c.sessionKey()
                + "'");
    Instant hour = Instant.ofEpochSecond(((Number) selection.get("hour")).longValue());
    JobRun late = goldRuns.get(1);
    assertThat(late.windowDescription()).hasValueSatisfying(w -> assertThat(w).contains(date));
    // Its session's SLA hour was published unattributed (orchestrator null) by the first run:
    // that row is revised, and nothing outside that date changed.
    List<Map<String, Object>> revisions =
        rows(
            "SELECT table_name, CAST(window_date AS varchar) AS window_date, change,"
                + " json_extract_scalar(row_key, '$.window_start') AS window_start FROM"
                + " delta.gold.revisions WHERE run_id = '"
                + late.runId()
                + "'");
    assertThat(revisions).isNotEmpty();
    assertThat(revisions).allSatisfy(r -> assertThat(r.get("window_date")).isEqualTo(date));
    assertThat(revisions)
        .filteredOn(r -> r.get("table_name").equals("gold.streaming_sla_hourly"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(Instant.parse((String) r.get("window_start"))).isEqualTo(hour));
  }
}
