package io.naaplake.jobs.gold.demand;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.JobTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * request_jobs and request_demand_hourly from one fixture: four AI-batch rows, two LLM rows and two
 * BYOC rows, of which one AI-batch row and one LLM row are the same LLM request (r2).
 */
class RequestDemandTest {
  private static final Instant H10 = at("2026-01-08T10:00:00Z");
  private static final Instant H11 = at("2026-01-08T11:00:00Z");
  private static final Instant H12 = at("2026-01-08T12:00:00Z");
  private static final String ORCH_A = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
  private static final String URI_A = "https://orch-a.example:8935";
  private static final String URI_B = "https://orch-b.example:8935";

  private static Map<String, Row> jobs;
  private static Dataset<Row> jobsRows;
  private static Dataset<Row> hourly;
  private static Map<String, Row> hours;

  /** Attribution columns of a job served by orchestrator A, resolved. */
  private static Map<String, Object> servedByA(Map<String, Object> job) {
    return with(
        job,
        "selection_outcome",
        "selected",
        "attribution_status",
        "resolved",
        "attribution_reason",
        "matched",
        "attributed_orch_address",
        ORCH_A,
        "attributed_orch_uri",
        URI_A,
        "orch_url",
        URI_A);
  }

  @BeforeAll
  static void derive() {
    Map<String, Object> batch = row("org", "acme", "gateway", "gw-1", "tries", 1);
    Dataset<Row> aiBatch =
        SilverRows.of(
            JobTables.AI_BATCH_JOBS,
            // r1: a text-to-image job, 2 s.
            servedByA(
                with(
                    batch,
                    "request_id",
                    "r1",
                    "pipeline",
                    "text-to-image",
                    "model_id",
                    "sd-turbo",
                    "received_at",
                    at("2026-01-08T10:00:10Z"),
                    "completed_at",
                    at("2026-01-08T10:00:12Z"),
                    "success",
                    true,
                    "duration_ms",
                    2000)),
            // r2: an LLM request seen on the AI-batch path (its LLM half is below), 3 s.
            servedByA(
                with(
                    batch,
                    "request_id",
                    "r2",
                    "pipeline",
                    "llm",
                    "model_id",
                    "llama-3-8b",
                    "received_at",
                    at("2026-01-08T10:05:00Z"),
                    "completed_at",
                    at("2026-01-08T10:05:03Z"),
                    "success",
                    true,
                    "duration_ms",
                    3000,
                    "price_per_unit",
                    "56909258")),
            // r3: an LLM request that found no orchestrator: no LLM half exists.
            with(
                batch,
                "request_id",
                "r3",
                "pipeline",
                "llm",
                "model_id",
                "llama-3-8b",
                "received_at",
                at("2026-01-08T10:10:00Z"),
                "completed_at",
                at("2026-01-08T10:10:00.300Z"),
                "success",
                false,
                "duration_ms",
                300,
                "error_type",
                "no_orchestrators",
                "error_message",
                "no orchestrators available",
                "selection_outcome",
                "no_orch",
                "attribution_status",
                "no_selection",
                "attribution_reason",
                "no_observed_orchestrator"),
            // r5: received at 10:59:59.9, completed at 11:00:01: an hour-10 job; URL known but
            // not attributed.
            with(
                batch,
                "request_id",
                "r5",
                "pipeline",
                "text-to-image",
                "model_id",
                "sd-turbo",
                "received_at",
                at("2026-01-08T10:59:59.900Z"),
                "completed_at",
                at("2026-01-08T11:00:01Z"),
                "success",
                false,
                "duration_ms",
                1500,
                "error_type",
                "timeout",
                "orch_url",
                URI_B,
                "selection_outcome",
                "selected",
                "attribution_status",
                "unresolved",
                "attribution_reason",
                "missing_candidate"));
    Map<String, Object> llm = row("org", "acme", "gateway", "gw-1", "model", "llama-3-8b");
    Dataset<Row> llmJobs =
        SilverRows.of(
            JobTables.LLM_JOBS,
            // r2's LLM half: started 20 ms after the AI-batch half was received.
            servedByA(
                with(
                    llm,
                    "request_id",
                    "r2",
                    "started_at",
                    at("2026-01-08T10:05:00.020Z"),
                    "completed_at",
                    at("2026-01-08T10:05:02.998Z"),
                    "success",
                    true,
                    "streaming",
                    true,
                    "finish_reason",
                    "stop",
                    "prompt_tokens",
                    100,
                    "completion_tokens",
                    50,
                    "total_tokens",
                    150,
                    "ttft_ms",
                    200,
                    "tokens_per_second",
                    25.0,
                    "duration_ms",
                    2978)),
            // r4: an LLM request whose AI-batch half was lost; not streamed, so no TTFT.
            servedByA(
                with(
                    llm,
                    "request_id",
                    "r4",
                    "started_at",
                    at("2026-01-08T10:20:00Z"),
                    "completed_at",
                    at("2026-01-08T10:20:01Z"),
                    "success",
                    true,
                    "streaming",
                    false,
                    "finish_reason",
                    "length",
                    "prompt_tokens",
                    10,
                    "completion_tokens",
                    20,
                    "total_tokens",
                    30,
                    "tokens_per_second",
                    40.0,
                    "duration_ms",
                    1000)));
    Map<String, Object> byoc =
        row("org", "acme", "gateway", "gw-1", "capability", "my-cap", "model_id", "m1");
    Dataset<Row> byocJobs =
        SilverRows.of(
            JobTables.BYOC_JOBS,
            servedByA(
                with(
                    byoc,
                    "event_id",
                    "e1",
                    "completed_at",
                    at("2026-01-08T10:30:00Z"),
                    "success",
                    true,
                    "duration_ms",
                    500,
                    "http_status",
                    200,
                    "model_source",
                    "orch_address_match")),
            with(
                byoc,
                "event_id",
                "e2",
                "completed_at",
                at("2026-01-08T11:10:00Z"),
                "success",
                false,
                "duration_ms",
                100,
                "http_status",
                503,
                "model_source",
                "orch_address_match",
                "selection_outcome",
                "unknown",
                "attribution_status",
                "no_selection",
                "attribution_reason",
                "no_observed_orchestrator"));
    jobsRows = RequestJobs.of(aiBatch, llmJobs, byocJobs).cache();
    jobs = SilverRows.byKey(jobsRows, "job_id");
    hourly = RequestDemand.hourly(jobsRows, at("2026-01-08T11:00:00Z")).cache();
    hours =
        SilverRows.byKey(
            hourly, "window_start", "job_type", "pipeline_or_capability", "orchestrator_uri");
  }

  @Test
  void anLlmRequestIsOneJobThoughItHasAnAiBatchAndAnLlmRecord() {
    // Silver holds 4 + 2 + 2 = 8 rows; r2 is one request on two paths: 7 jobs.
    assertThat(jobs).containsOnlyKeys("r1", "r2", "r3", "r4", "r5", "e1", "e2");
    assertThat(jobs.values())
        .extracting(job -> job.<String>getAs("job_type"))
        .containsExactlyInAnyOrder("ai_batch", "llm", "llm", "llm", "ai_batch", "byoc", "byoc");
    Row r2 = jobs.get("r2");
    assertThat(r2.<String>getAs("source_records")).isEqualTo("ai_batch+llm");
    assertThat(r2.<String>getAs("pipeline_or_capability")).isEqualTo("llm");
    // Gateway facts from the AI-batch half: received 10:05:00 (before the LLM start 10:05:00.020),
    // duration 3000 ms (not the LLM's 2978), the price it quoted.
    assertThat(r2.<Timestamp>getAs("job_ts").toInstant()).isEqualTo(at("2026-01-08T10:05:00Z"));
    assertThat(r2.<Long>getAs("duration_ms")).isEqualTo(3000L);
    assertThat(r2.<Integer>getAs("tries")).isEqualTo(1);
    assertThat(r2.<java.math.BigDecimal>getAs("price_per_unit")).isEqualByComparingTo("56909258");
    // LLM facts from the LLM half.
    assertThat(r2.<Integer>getAs("total_tokens")).isEqualTo(150);
    assertThat(r2.<Long>getAs("ttft_ms")).isEqualTo(200L);
    assertThat(r2.<Boolean>getAs("streaming")).isTrue();
    assertThat(r2.<String>getAs("orchestrator_address")).isEqualTo(ORCH_A);
    assertThat(r2.<String>getAs("job_id_kind")).isEqualTo("request_id");
  }

  @Test
  void halfRequestsAreStillLlmJobs() {
    // r3: AI-batch only (no orchestrator, so no LLM record): an llm job, no_orch.
    Row r3 = jobs.get("r3");
    assertThat(r3.<String>getAs("job_type")).isEqualTo("llm");
    assertThat(r3.<String>getAs("source_records")).isEqualTo("ai_batch");
    assertThat(r3.<String>getAs("selection_outcome")).isEqualTo("no_orch");
    assertThat(r3.<String>getAs("error_type")).isEqualTo("no_orchestrators");
    // r4: LLM only: times, outcome, duration and attribution from the LLM half.
    Row r4 = jobs.get("r4");
    assertThat(r4.<String>getAs("job_type")).isEqualTo("llm");
    assertThat(r4.<String>getAs("source_records")).isEqualTo("llm");
    assertThat(r4.<Timestamp>getAs("job_ts").toInstant()).isEqualTo(at("2026-01-08T10:20:00Z"));
    assertThat(r4.<Long>getAs("duration_ms")).isEqualTo(1000L);
    assertThat(r4.<String>getAs("selection_outcome")).isEqualTo("selected");
    assertThat(r4.<String>getAs("orchestrator_uri")).isEqualTo(URI_A);
    assertThat(r4.<Integer>getAs("tries")).isNull();
  }

  @Test
  void byocJobsAreKeyedByTheirEventIdAndNamedByCapability() {
    Row e1 = jobs.get("e1");
    assertThat(e1.<String>getAs("job_id_kind")).isEqualTo("event_id");
    assertThat(e1.<String>getAs("job_type")).isEqualTo("byoc");
    assertThat(e1.<String>getAs("pipeline_or_capability")).isEqualTo("my-cap");
    assertThat(e1.<String>getAs("model_id")).isEqualTo("m1");
    assertThat(e1.<Integer>getAs("http_status")).isEqualTo(200);
    assertThat(e1.<java.sql.Date>getAs("job_date").toString()).isEqualTo("2026-01-08");
    SilverRows.assertDeclared(jobsRows, GoldDemandTables.REQUEST_JOBS);
  }

  @Test
  void hourlyRequestDemandByHand() {
    SilverRows.assertDeclared(hourly, GoldDemandTables.REQUEST_DEMAND_HOURLY);
    // Hour 10: r1, r2, r3, r4, r5, e1 = 6 jobs; hour 11: e2. Σ jobs = 7 = request_jobs rows.
    assertThat(hourly.collectAsList())
        .extracting(row -> row.<Long>getAs("jobs"))
        .containsExactlyInAnyOrder(1L, 2L, 1L, 1L, 1L, 1L);
    String h10 = Timestamp.from(H10) + "|";

    // LLM jobs served by A: r2 and r4 (never r2 twice).
    Row llm = hours.get(h10 + "llm|llm|" + URI_A);
    assertThat(llm.<String>getAs("gateway")).isEqualTo("gw-1");
    assertThat(llm.<String>getAs("model_id")).isEqualTo("llama-3-8b");
    assertThat(llm.<String>getAs("orchestrator_address")).isEqualTo(ORCH_A);
    // jobs 2, selected 2, attributed 2 (resolved), completed 2, successes 2.
    assertThat(llm.<Long>getAs("jobs")).isEqualTo(2L);
    assertThat(llm.<Long>getAs("selected_jobs")).isEqualTo(2L);
    assertThat(llm.<Long>getAs("attributed_jobs")).isEqualTo(2L);
    assertThat(llm.<Long>getAs("successful_jobs")).isEqualTo(2L);
    // durations 3000 + 1000 = 4000 over 2; tokens: prompt 100 + 10 = 110, completion 50 + 20 =
    // 70, total 150 + 30 = 180 over 2 (avg 90); TTFT 200 over 1 (r4 not streamed); speed
    // 25 + 40 = 65 over 2 (avg 32.5).
    assertThat(llm.<Long>getAs("duration_ms_sum")).isEqualTo(4000L);
    assertThat(llm.<Long>getAs("duration_samples")).isEqualTo(2L);
    assertThat(llm.<Long>getAs("prompt_tokens_sum")).isEqualTo(110L);
    assertThat(llm.<Long>getAs("completion_tokens_sum")).isEqualTo(70L);
    assertThat(llm.<Long>getAs("total_tokens_sum")).isEqualTo(180L);
    assertThat(llm.<Long>getAs("total_tokens_samples")).isEqualTo(2L);
    assertThat(llm.<Long>getAs("ttft_ms_sum")).isEqualTo(200L);
    assertThat(llm.<Long>getAs("ttft_samples")).isEqualTo(1L);
    assertThat(llm.<Double>getAs("tokens_per_second_sum")).isEqualTo(65.0);
    assertThat(llm.<Double>getAs("avg_duration_ms")).isEqualTo(2000.0);
    assertThat(llm.<Double>getAs("avg_total_tokens")).isEqualTo(90.0);
    assertThat(llm.<Double>getAs("avg_ttft_ms")).isEqualTo(200.0);
    assertThat(llm.<Double>getAs("avg_tokens_per_second")).isEqualTo(32.5);
    assertThat(llm.<Double>getAs("success_rate")).isEqualTo(1.0);

    // r3: no orchestrator, so null for both orchestrator keys; a failure in the denominator.
    Row noOrch = hours.get(h10 + "llm|llm|null");
    assertThat(noOrch.<String>getAs("orchestrator_address")).isNull();
    assertThat(noOrch.<Long>getAs("no_orch_jobs")).isEqualTo(1L);
    assertThat(noOrch.<Long>getAs("selected_jobs")).isZero();
    assertThat(noOrch.<Double>getAs("success_rate")).isEqualTo(0.0);
    assertThat(noOrch.<Double>getAs("no_orch_rate")).isEqualTo(1.0);
    assertThat(noOrch.<Long>getAs("total_tokens_samples")).isZero();
    assertThat(noOrch.<Double>getAs("avg_total_tokens")).as("no evidence").isNull();

    // r5: received in hour 10 though completed in hour 11; selected by URL, not attributed.
    Row unattributed = hours.get(h10 + "ai_batch|text-to-image|" + URI_B);
    assertThat(unattributed.<String>getAs("orchestrator_address")).isNull();
    assertThat(unattributed.<Long>getAs("selected_jobs")).isEqualTo(1L);
    assertThat(unattributed.<Long>getAs("attributed_jobs")).isZero();
    assertThat(unattributed.<Long>getAs("completed_jobs")).isEqualTo(1L);
    assertThat(unattributed.<Long>getAs("successful_jobs")).isZero();

    Row byoc = hours.get(h10 + "byoc|my-cap|" + URI_A);
    assertThat(byoc.<Long>getAs("jobs")).isEqualTo(1L);
    assertThat(byoc.<String>getAs("model_id")).isEqualTo("m1");
    // Settled before 11:00: hour 10 (ends 11:00) is settled, hour 11 is not.
    assertThat(byoc.<Boolean>getAs("is_settled")).isTrue();
    Row late = hours.get(Timestamp.from(H11) + "|byoc|my-cap|null");
    assertThat(late.<Long>getAs("completed_jobs")).isEqualTo(1L);
    assertThat(late.<Boolean>getAs("is_settled")).isFalse();
  }

  @Test
  void hoursAddUpToTheWindow() {
    Dataset<Row> window = RequestDemand.overWindow(hourly, H10, H12);
    SilverRows.assertAdditive(GoldDemandTables.REQUEST_DEMAND_HOURLY, hourly, window, H10, H12);
    // All jobs of both hours: 7; LLM requests 3 (r2, r3, r4), not 5.
    List<Row> rows = window.collectAsList();
    assertThat(rows.stream().mapToLong(row -> row.<Long>getAs("jobs")).sum()).isEqualTo(7L);
    assertThat(
            rows.stream()
                .filter(row -> row.<String>getAs("job_type").equals("llm"))
                .mapToLong(row -> row.<Long>getAs("jobs"))
                .sum())
        .isEqualTo(3L);
  }
}
