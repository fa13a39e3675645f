package io.naaplake.jobs.silver.jobs;

import static io.naaplake.jobs.silver.jobs.Envelopes.T;
import static io.naaplake.jobs.silver.jobs.Envelopes.envelope;
import static io.naaplake.jobs.silver.jobs.Envelopes.instant;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.AttributionColumns;
import io.naaplake.schema.Column;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AiBatchJobsTest {
  private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-01-08T23:59:59.900Z");
  private static final Instant AFTER_MIDNIGHT = Instant.parse("2026-01-09T00:00:01.500Z");

  private static Dataset<Row> jobs;
  private static Map<String, Row> byRequest;

  @BeforeAll
  static void transform() {
    List<String> envelopes =
        List.of(
            // job-a: received then completed, in arrival order.
            received("a1", "job-a", T),
            completed(
                "a2",
                T.plusMillis(1500),
                "\"request_id\":\"job-a\",\"success\":true,\"tries\":1,\"duration_ms\":1400,"
                    + "\"orch_url\":\"https://Orch-A.example:8935/\",\"latency_score\":0.5,"
                    + "\"price_per_unit\":1234.5,\"error_type\":\"\",\"error\":\"\""),
            // job-b: the completed half arrives first (lower offset); received was at 23:59:59.9.
            completed(
                "b2",
                AFTER_MIDNIGHT,
                "\"request_id\":\"job-b\",\"success\":true,\"duration_ms\":1600,"
                    + "\"orch_url\":\"https://orch-b.example:8935\""),
            received("b1", "job-b", BEFORE_MIDNIGHT),
            // job-c: completed only.
            completed(
                "c2",
                T.plusSeconds(10),
                "\"request_id\":\"job-c\",\"success\":true,\"duration_ms\":900,"
                    + "\"orch_url\":\"https://orch-c.example:8935\""),
            // job-d: the gateway found no orchestrator.
            received("d1", "job-d", T.plusSeconds(20)),
            completed(
                "d2",
                T.plusSeconds(21),
                "\"request_id\":\"job-d\",\"success\":false,\"duration_ms\":30,\"orch_url\":\"\","
                    + "\"error_type\":\"no_orchestrators\","
                    + "\"error\":\"no orchestrators available\""),
            // job-e: failed for another reason, no orchestrator reported.
            completed(
                "e2",
                T.plusSeconds(30),
                "\"request_id\":\"job-e\",\"success\":false,\"error_type\":\"timeout\","
                    + "\"error\":\"deadline exceeded\""),
            // No request id: not a job.
            completed("x2", T.plusSeconds(40), "\"request_id\":\"\",\"success\":true"));
    jobs =
        JobTransforms.aiBatchJobs(Envelopes.typed(EventFamily.AI_BATCH_REQUEST, "acme", envelopes));
    byRequest = Envelopes.byKey(jobs, "request_id");
  }

  private static String received(String id, String request, Instant time) {
    return envelope(
        id,
        "ai_batch_request",
        time,
        "{\"type\":\"ai_batch_request_received\",\"timestamp\":"
            + time.toEpochMilli()
            + ",\"request_id\":\""
            + request
            + "\",\"pipeline\":\"text-to-image\",\"model_id\":\"stabilityai/sd-turbo\","
            + "\"orchestrator\":\"\"}");
  }

  private static String completed(String id, Instant time, String fields) {
    return envelope(
        id,
        "ai_batch_request",
        time,
        "{\"type\":\"ai_batch_request_completed\",\"timestamp\":"
            + time.toEpochMilli()
            + ",\"pipeline\":\"text-to-image\",\"model_id\":\"stabilityai/sd-turbo\","
            + fields
            + "}");
  }

  @Test
  void outputIsTheDeclaredTableWithAttributionLeftNull() {
    assertThat(jobs.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(JobTables.AI_BATCH_JOBS).fieldNames());
    for (Column column : AttributionColumns.COLUMNS) {
      assertThat(byRequest.values()).allMatch(row -> row.getAs(column.name()) == null);
    }
  }

  @Test
  void onlyEventsWithARequestIdBecomeJobs() {
    // Requests job-a .. job-e; the event with an empty request id is not a job.
    assertThat(byRequest).containsOnlyKeys("job-a", "job-b", "job-c", "job-d", "job-e");
  }

  @Test
  void receivedAndCompletedHalvesCombine() {
    Row job = byRequest.get("job-a");
    assertThat(instant(job, "received_at")).isEqualTo(T);
    assertThat(instant(job, "completed_at")).isEqualTo(T.plusMillis(1500));
    assertThat(instant(job, "selection_ts")).as("received_at").isEqualTo(T);
    assertThat(job.<Boolean>getAs("success")).isTrue();
    assertThat(job.<Long>getAs("duration_ms")).isEqualTo(1400L);
    assertThat(job.<BigDecimal>getAs("price_per_unit")).isEqualByComparingTo("1234.5");
    assertThat(job.<String>getAs("orch_url"))
        .as("lower-cased, trailing slash dropped")
        .isEqualTo("https://orch-a.example:8935");
    assertThat(job.<String>getAs("observed_url")).isEqualTo("https://orch-a.example:8935");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("selected");
    assertThat(job.<String>getAs("error_type")).as("empty string is no error").isNull();
    assertThat(job.<String>getAs("received_event_id")).isEqualTo("a1");
    assertThat(job.<String>getAs("completed_event_id")).isEqualTo("a2");
    assertThat(job.<String>getAs("pipeline_hint")).isEqualTo("text-to-image");
    assertThat(job.<String>getAs("model_hint")).isEqualTo("stabilityai/sd-turbo");
  }

  @Test
  void arrivalOrderDoesNotMatterAndTheJobDateIsTheSelectionDate() {
    Row job = byRequest.get("job-b");
    // Completed arrived at offset 2, received at offset 3: times, not offsets, decide.
    assertThat(instant(job, "received_at")).isEqualTo(BEFORE_MIDNIGHT);
    assertThat(instant(job, "completed_at")).isEqualTo(AFTER_MIDNIGHT);
    // Selected at 23:59:59.9 on the 8th although completed on the 9th.
    assertThat(job.<java.sql.Date>getAs("job_date").toLocalDate())
        .isEqualTo(LocalDate.of(2026, 1, 8));
  }

  @Test
  void completedOnlySelectsAtCompletion() {
    Row job = byRequest.get("job-c");
    assertThat(instant(job, "received_at")).isNull();
    assertThat(instant(job, "selection_ts")).isEqualTo(T.plusSeconds(10));
    assertThat(job.<String>getAs("received_event_id")).isNull();
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("selected");
  }

  @Test
  void noOrchestratorsIsAnExcusedNoOrch() {
    Row job = byRequest.get("job-d");
    assertThat(job.<Boolean>getAs("success")).isFalse();
    assertThat(job.<String>getAs("orch_url")).isNull();
    assertThat(job.<String>getAs("error_message")).isEqualTo("no orchestrators available");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("no_orch");
  }

  @Test
  void anotherFailureWithoutOrchestratorIsUnknown() {
    Row job = byRequest.get("job-e");
    assertThat(job.<String>getAs("error_type")).isEqualTo("timeout");
    assertThat(job.<String>getAs("selection_outcome")).isEqualTo("unknown");
  }
}
