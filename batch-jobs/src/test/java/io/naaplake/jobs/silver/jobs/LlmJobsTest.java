package io.naaplake.jobs.silver.jobs;

import static io.naaplake.jobs.silver.jobs.Envelopes.T;
import static io.naaplake.jobs.silver.jobs.Envelopes.envelope;
import static io.naaplake.jobs.silver.jobs.Envelopes.instant;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.events.EventFamily;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlmJobsTest {
  private static Dataset<Row> jobs;
  private static Map<String, Row> byRequest;

  @BeforeAll
  static void transform() {
    List<String> envelopes =
        List.of(
            llm("s1", "llm_request_started", T, "\"request_id\":\"llm-1\",\"model\":\"llama-8b\""),
            llm(
                "c1",
                "llm_stream_completed",
                T.plusMillis(3000),
                "\"request_id\":\"llm-1\",\"model\":\"llama-8b\",\"completion_id\":\"cmpl-1\","
                    + "\"orch_url\":\"https://LLM.example:8935\",\"prompt_tokens\":12,"
                    + "\"completion_tokens\":48,\"total_tokens\":60,\"max_tokens_requested\":64,"
                    + "\"token_utilization\":0.75,\"finish_reason\":\"stop\","
                    + "\"total_duration_ms\":2700,\"tokens_per_second\":19.2,\"ttft_ms\":210,"
                    + "\"error\":\"\",\"streaming\":true"),
            llm(
                "c2",
                "llm_request_completed",
                T.plusSeconds(5),
                "\"request_id\":\"llm-2\",\"model\":\"llama-8b\",\"orch_url\":\"\","
                    + "\"finish_reason\":\"error\",\"error\":\"upstream returned 500\","
                    + "\"streaming\":false"),
            // Started, never completed: not a row.
            llm("s3", "llm_request_started", T.plusSeconds(6), "\"request_id\":\"llm-3\""));
    jobs = JobTransforms.llmJobs(Envelopes.typed(EventFamily.AI_LLM_REQUEST, "acme", envelopes));
    byRequest = Envelopes.byKey(jobs, "request_id");
  }

  private static String llm(String id, String subtype, Instant time, String fields) {
    return envelope(
        id,
        "ai_llm_request",
        time,
        "{\"type\":\"" + subtype + "\",\"timestamp\":" + time.toEpochMilli() + "," + fields + "}");
  }

  @Test
  void outputIsTheDeclaredTable() {
    assertThat(jobs.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(JobTables.LLM_JOBS).fieldNames());
    assertThat(byRequest.values()).allMatch(row -> row.getAs("attribution_status") == null);
  }

  @Test
  void onlyCompletedRequestsAreRows() {
    // llm-3 only started.
    assertThat(byRequest).containsOnlyKeys("llm-1", "llm-2");
  }

  @Test
  void streamedCompletionCarriesTokensAndTiming() {
    Row job = byRequest.get("llm-1");
    assertThat(job.<Boolean>getAs("success")).as("empty error, finish_reason stop").isTrue();
    assertThat(job.<Integer>getAs("total_tokens")).isEqualTo(60);
    assertThat(job.<Long>getAs("ttft_ms")).isEqualTo(210L);
    assertThat(job.<Double>getAs("tokens_per_second")).isEqualTo(19.2);
    assertThat(job.<Long>getAs("duration_ms")).as("total_duration_ms").isEqualTo(2700L);
    assertThat(instant(job, "started_at")).isEqualTo(T);
    assertThat(instant(job, "completed_at")).isEqualTo(T.plusMillis(3000));
    assertThat(instant(job, "selection_ts")).as("the start, not the completion").isEqualTo(T);
    assertThat(job.<String>getAs("orch_url")).isEqualTo("https://llm.example:8935");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("selected");
    assertThat(job.<String>getAs("pipeline_hint")).isEqualTo("llm");
    assertThat(job.<String>getAs("model_hint")).isEqualTo("llama-8b");
    assertThat(job.<String>getAs("started_event_id")).isEqualTo("s1");
    assertThat(job.<String>getAs("completed_event_id")).isEqualTo("c1");
  }

  @Test
  void erroredRequestFailsWithUnknownSelection() {
    Row job = byRequest.get("llm-2");
    assertThat(job.<Boolean>getAs("success")).isFalse();
    assertThat(job.<String>getAs("error_message")).isEqualTo("upstream returned 500");
    assertThat(job.<String>getAs("selection_outcome")).as("no orch_url").isEqualTo("unknown");
    assertThat(instant(job, "selection_ts")).as("no start event").isEqualTo(T.plusSeconds(5));
  }
}
