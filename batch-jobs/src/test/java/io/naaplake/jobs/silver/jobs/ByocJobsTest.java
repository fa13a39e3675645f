package io.naaplake.jobs.silver.jobs;

import static io.naaplake.jobs.silver.jobs.Envelopes.T;
import static io.naaplake.jobs.silver.jobs.Envelopes.envelope;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ByocJobsTest {
  private static final String CHAT = "openai-chat-completions";
  private static final String ORCH = "0xAAaa000000000000000000000000000000000001";
  private static final String ORCH_URL = "https://byoc.example:8935";

  private static Dataset<Row> jobGateway;
  private static Dataset<Row> lifecycle;
  private static Dataset<Row> jobs;
  private static Map<String, Row> byEvent;

  @BeforeAll
  static void transform() {
    lifecycle =
        Envelopes.typed(
            EventFamily.WORKER_LIFECYCLE,
            "acme",
            List.of(
                worker(
                    "w1", T.minus(Duration.ofHours(2)), CHAT, "http://worker-1:8000", "model-w1"),
                worker(
                    "w2", T.minus(Duration.ofHours(1)), CHAT, "http://worker-2:8000", "model-w2"),
                // After every job's completion: must never be used.
                worker("w3", T.plus(Duration.ofHours(1)), CHAT, "http://worker-1:8000", "later"),
                // 31 days before the job: outside the 30-day lookback.
                worker("w4", T.minus(Duration.ofDays(31)), "old-cap", "http://w:1", "too-old")));
    jobGateway =
        Envelopes.typed(
            EventFamily.JOB_GATEWAY,
            "acme",
            List.of(
                completed("job-1", CHAT, ORCH, ORCH_URL),
                completed("job-2", CHAT, ORCH, ORCH_URL),
                completed("job-3", "image-generation", ORCH, ORCH_URL),
                completed("job-4", CHAT, "", ""),
                completed("job-5", "old-cap", ORCH, ORCH_URL),
                envelope(
                    "sub-1",
                    "job_gateway",
                    T,
                    "{\"type\":\"job_gateway_submitted\",\"capability\":\"" + CHAT + "\"}")));
    // The job_gateway contract has no worker_url yet; give job-1 one as a future producer would.
    Dataset<Row> withWorkerUrl =
        jobGateway.withColumn(
            "worker_url",
            when(col("event_id").equalTo("job-1"), lit("http://Worker-1:8000/"))
                .otherwise(lit(null).cast("string")));
    jobs = JobTransforms.byocJobs(withWorkerUrl, lifecycle);
    byEvent = Envelopes.byKey(jobs, "event_id");
  }

  private static String worker(
      String id, Instant time, String capability, String workerUrl, String model) {
    return envelope(
        "env-" + id,
        "worker_lifecycle",
        time,
        "{\"type\":\"worker_registered\",\"timestamp\":"
            + time.toEpochMilli()
            + ",\"id\":\""
            + id
            + "\",\"capability\":\""
            + capability
            + "\",\"worker_url\":\""
            + workerUrl
            + "\",\"price_per_unit\":100,\"worker_options\":[{\"model\":\""
            + model
            + "\"}],\"orchestrator_info\":{\"address\":\""
            + ORCH
            + "\",\"url\":\""
            + ORCH_URL
            + "\"}}");
  }

  private static String completed(String id, String capability, String address, String url) {
    return envelope(
        id,
        "job_gateway",
        T,
        "{\"type\":\"job_gateway_completed\",\"timestamp\":"
            + T.toEpochMilli()
            + ",\"request_id\":\"\",\"capability\":\""
            + capability
            + "\",\"success\":true,\"error\":\"\",\"duration_ms\":420,\"completed_at\":"
            + T.toEpochMilli()
            + ",\"http_status\":200,\"streaming\":false,"
            + "\"orchestrator_info\":{\"address\":\""
            + address
            + "\",\"url\":\""
            + url
            + "\"}}");
  }

  @Test
  void outputIsTheDeclaredTableOneRowPerCompletion() {
    assertThat(jobs.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(JobTables.BYOC_JOBS).fieldNames());
    // Five job_gateway_completed events; the submitted event is not a job.
    assertThat(byEvent).containsOnlyKeys("job-1", "job-2", "job-3", "job-4", "job-5");
  }

  @Test
  void sameWorkerBeatsANewerSnapshotOfAnotherWorker() {
    Row job = byEvent.get("job-1");
    // w1 (worker-1, 2 h before) matches the worker URL; w2 is newer but another worker; w3 is
    // worker-1 but after completion.
    assertThat(job.<String>getAs("model_id")).isEqualTo("model-w1");
    assertThat(job.<String>getAs("model_source")).isEqualTo("worker_url_match");
    assertThat(job.<String>getAs("worker_event_id")).isEqualTo("w1");
    assertThat(job.<String>getAs("worker_url")).isEqualTo("http://worker-1:8000");
    assertThat(job.<BigDecimal>getAs("worker_price_per_unit")).isEqualByComparingTo("100");
  }

  @Test
  void withoutAWorkerUrlTheLatestEarlierSnapshotOfTheOrchestratorWins() {
    Row job = byEvent.get("job-2");
    // w2 (1 h before) is the latest at or before completion; w3 (1 h after) is ignored.
    assertThat(job.<String>getAs("model_id")).isEqualTo("model-w2");
    assertThat(job.<String>getAs("model_source")).isEqualTo("orch_address_match");
    assertThat(job.<String>getAs("orch_address")).isEqualTo(ORCH.toLowerCase());
    assertThat(job.<String>getAs("observed_address")).isEqualTo(ORCH.toLowerCase());
    assertThat(job.<String>getAs("pipeline_hint")).isEqualTo(CHAT);
    assertThat(job.<String>getAs("model_hint")).isEqualTo("model-w2");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("selected");
  }

  @Test
  void noWorkerForTheCapabilityMeansNoModel() {
    Row job = byEvent.get("job-3");
    assertThat(job.<String>getAs("model_id")).isNull();
    assertThat(job.<String>getAs("model_source")).isEqualTo("none");
  }

  @Test
  void noOrchestratorMeansUnknownSelectionAndNoModel() {
    Row job = byEvent.get("job-4");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("unknown");
    assertThat(job.<String>getAs("model_source")).isEqualTo("none");
  }

  @Test
  void snapshotsOlderThanThirtyDaysAreIgnored() {
    // w4 is the only old-cap worker, 31 days before the job.
    assertThat(byEvent.get("job-5").<String>getAs("model_source")).isEqualTo("none");
  }

  @Test
  void theTypedTableWithoutWorkerUrlFallsBackForEveryJob() {
    Map<String, Row> plain =
        Envelopes.byKey(JobTransforms.byocJobs(jobGateway, lifecycle), "event_id");
    // job-1 has no worker URL now: the orchestrator's latest earlier snapshot, w2.
    assertThat(plain.get("job-1").<String>getAs("model_id")).isEqualTo("model-w2");
    assertThat(plain.get("job-1").<String>getAs("worker_url")).isNull();
  }
}
