package io.naaplake.jobs.report.sections;

import io.naaplake.jobs.report.Format;
import io.naaplake.jobs.report.ReportInputs;
import io.naaplake.jobs.report.ReportSection;
import io.naaplake.jobs.report.ReportTable;
import io.naaplake.jobs.report.ReportWindow;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.TableDeclaration;
import java.util.List;

/**
 * AI-batch, LLM and BYOC jobs in the window: gold.request_demand_hourly by job type, pipeline (or
 * BYOC capability) and model, rates recomputed from the sums; BYOC auth, payments and workers from
 * gold.byoc_hourly by capability.
 */
public final class JobsSection {
  public static final TableDeclaration REQUESTS = GoldDemandTables.REQUEST_DEMAND_HOURLY;
  public static final TableDeclaration BYOC = GoldDemandTables.BYOC_HOURLY;

  private JobsSection() {}

  public static ReportSection build(ReportInputs inputs, ReportWindow window) {
    String predicate = window.timePredicate("window_start", "window_date");
    ReportTable jobs =
        new QueryTable("jobs", "Request/response jobs by type, pipeline or capability, and model")
            .col("job_type", "Type", Format.TEXT)
            .col("pipeline_or_capability", "Pipeline or capability", Format.TEXT)
            .col("model_id", "Model", Format.TEXT)
            .col("jobs", "Jobs", Format.COUNT)
            .col("selected_jobs", "Selected", Format.COUNT)
            .col("no_orch_jobs", "No orchestrator", Format.COUNT)
            .col("successful_jobs", "Successful", Format.COUNT)
            .col("success_rate", "Success rate", Format.PERCENT)
            .col("avg_duration_ms", "Avg duration (ms)", Format.NUMBER)
            .col("total_tokens", "Tokens", Format.COUNT)
            .col("avg_ttft_ms", "Avg TTFT (ms)", Format.NUMBER)
            .run(
                inputs,
                "SELECT job_type, pipeline_or_capability, model_id, sum(jobs) AS jobs,"
                    + " sum(selected_jobs) AS selected_jobs, sum(no_orch_jobs) AS no_orch_jobs,"
                    + " sum(successful_jobs) AS successful_jobs,"
                    + " CAST(sum(successful_jobs) AS double) / nullif(sum(jobs), 0) AS success_rate,"
                    + " CAST(sum(duration_ms_sum) AS double) / nullif(sum(duration_samples), 0)"
                    + " AS avg_duration_ms, sum(total_tokens_sum) AS total_tokens,"
                    + " CAST(sum(ttft_ms_sum) AS double) / nullif(sum(ttft_samples), 0)"
                    + " AS avg_ttft_ms FROM "
                    + inputs.view(REQUESTS)
                    + " WHERE "
                    + predicate
                    + " GROUP BY job_type, pipeline_or_capability, model_id ORDER BY job_type,"
                    + " jobs DESC, pipeline_or_capability NULLS LAST, model_id NULLS LAST");
    ReportTable byoc =
        new QueryTable("byoc", "BYOC auth, payments and workers by capability")
            .col("capability", "Capability", Format.TEXT)
            .col("auth_events", "Auth events", Format.COUNT)
            .col("auth_successes", "Auth successes", Format.COUNT)
            .col("auth_failures", "Auth failures", Format.COUNT)
            .col("payment_events", "Payment events", Format.COUNT)
            .col("payment_stream_cycle_failures", "Payment cycle failures", Format.COUNT)
            .col("worker_events", "Worker events", Format.COUNT)
            .col("workers_registered", "Workers registered", Format.COUNT)
            .col("worker_capacity_exhausted", "Capacity exhausted", Format.COUNT)
            .run(
                inputs,
                "SELECT capability, sum(auth_events) AS auth_events,"
                    + " sum(auth_successes) AS auth_successes, sum(auth_failures) AS auth_failures,"
                    + " sum(payment_events) AS payment_events,"
                    + " sum(payment_stream_cycle_failures) AS payment_stream_cycle_failures,"
                    + " sum(worker_events) AS worker_events,"
                    + " sum(workers_registered) AS workers_registered,"
                    + " sum(worker_capacity_exhausted) AS worker_capacity_exhausted FROM "
                    + inputs.view(BYOC)
                    + " WHERE "
                    + predicate
                    + " GROUP BY capability ORDER BY capability NULLS LAST");
    long total = jobs.rows().stream().mapToLong(r -> (Long) r.get(3).value()).sum();
    String note =
        total == 0 && byoc.rows().isEmpty()
            ? "No AI-batch, LLM or BYOC job in this window."
            : total
                + " jobs. An LLM request seen on both the AI-batch and LLM paths counts once;"
                + " success rate keeps jobs without an orchestrator in the denominator.";
    return new ReportSection(
        "jobs", "AI batch, LLM and BYOC jobs", List.of(note), List.of(), List.of(jobs, byoc));
  }
}
