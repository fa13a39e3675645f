package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.util.List;

/** Request/response jobs: AI batch, LLM and bring-your-own-container. */
final class JobRoutes {
  static final Duration MAX_WINDOW = Duration.ofDays(31);
  static final String AI_BATCH = "ai_batch";
  static final String LLM = "llm";
  static final String BYOC = "byoc";

  private JobRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(
        summary(config, "/v1/requests/ai-batch/summary", AI_BATCH, "AI batch"),
        jobs(config, "/v1/requests/ai-batch/jobs", AI_BATCH, "AI batch"),
        llmSummary(config),
        summary(config, "/v1/requests/byoc/summary", BYOC, "BYOC"),
        jobs(config, "/v1/requests/byoc/jobs", BYOC, "BYOC"));
  }

  static final TableDeclaration SUMMARY =
      ViewRoute.columns("job_summary")
          .optional(
              "pipeline_or_capability",
              string(),
              "AI pipeline (batch) or capability (BYOC); null when unknown.")
          .measure("total_jobs", bigint(), "Jobs requested.")
          .measure("selected_jobs", bigint(), "Jobs an orchestrator was selected for.")
          .measure("no_orch_jobs", bigint(), "Jobs no orchestrator was found for.")
          .measure("successful_jobs", bigint(), "Jobs that succeeded.")
          .optional(
              "success_rate",
              float64(),
              "successful_jobs / total_jobs (unserved jobs stay in the denominator).")
          .optional(
              "avg_duration_ms",
              float64(),
              "Σ duration_ms_sum / Σ duration_samples: mean over jobs with a duration.")
          .keyedBy("pipeline_or_capability")
          .build();

  static Route summary(ApiConfig config, String path, String jobType, String label) {
    return ViewRoute.of(path, "jobs", config)
        .summary(label + " jobs per pipeline or capability")
        .description(
            label
                + " jobs requested in the window, summed from gold.request_demand_hourly per"
                + " pipeline or capability: totals, selections, unserved, successes, success rate"
                + " and mean duration. The window spans at most 31 days.")
        .param(Params.start(MAX_WINDOW))
        .param(Params.end())
        .param(Params.filter("org", "Publishing org"))
        .view(SUMMARY, request -> summaryView(request, jobType))
        .build();
  }

  private static GoldQuery.View summaryView(RouteRequest request, String jobType) {
    QueryParams params = request.params();
    QueryParams.TimeRange range = params.timeRange(request.now(), MAX_WINDOW);
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "SELECT pipeline_or_capability, sum(jobs) AS total_jobs,"
                + " sum(selected_jobs) AS selected_jobs, sum(no_orch_jobs) AS no_orch_jobs,"
                + " sum(successful_jobs) AS successful_jobs,"
                + " CAST(sum(successful_jobs) AS double) / nullif(sum(jobs), 0) AS success_rate,"
                + " CAST(sum(duration_ms_sum) AS double) / nullif(sum(duration_samples), 0)"
                + " AS avg_duration_ms FROM ")
        .table("request_demand_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", range)
        .append(" AND job_type = ")
        .value(jobType)
        .andEquals("org", params.filter("org"))
        .append(" GROUP BY pipeline_or_capability");
    return sql.view(SUMMARY);
  }

  static final TableDeclaration LLM_SUMMARY =
      ViewRoute.columns("llm_summary")
          .optional("model_id", string(), "LLM model; null when unknown.")
          .measure("total_requests", bigint(), "LLM requests.")
          .measure("successful_requests", bigint(), "Requests that succeeded.")
          .optional("success_rate", float64(), "successful_requests / total_requests.")
          .optional(
              "avg_tokens_per_second",
              float64(),
              "Σ tokens_per_second_sum / Σ tokens_per_second_samples.")
          .optional(
              "avg_ttft_ms", float64(), "Σ ttft_ms_sum / Σ ttft_samples: time to first token.")
          .optional("avg_total_tokens", float64(), "Σ total_tokens_sum / Σ total_tokens_samples.")
          .keyedBy("model_id")
          .build();

  static Route llmSummary(ApiConfig config) {
    return ViewRoute.of("/v1/requests/llm/summary", "jobs", config)
        .summary("LLM requests per model")
        .description(
            "LLM requests in the window per model, summed from gold.request_demand_hourly:"
                + " success rate, tokens per second, time to first token and tokens per request"
                + " (each a ratio of sums over the requests that report it). At most 31 days.")
        .param(Params.start(MAX_WINDOW))
        .param(Params.end())
        .param(Params.filter("org", "Publishing org"))
        .view(LLM_SUMMARY, JobRoutes::llmView)
        .build();
  }

  private static GoldQuery.View llmView(RouteRequest request) {
    QueryParams params = request.params();
    QueryParams.TimeRange range = params.timeRange(request.now(), MAX_WINDOW);
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "SELECT model_id, sum(jobs) AS total_requests,"
                + " sum(successful_jobs) AS successful_requests,"
                + " CAST(sum(successful_jobs) AS double) / nullif(sum(jobs), 0) AS success_rate,"
                + " sum(tokens_per_second_sum) / nullif(sum(tokens_per_second_samples), 0)"
                + " AS avg_tokens_per_second,"
                + " CAST(sum(ttft_ms_sum) AS double) / nullif(sum(ttft_samples), 0) AS avg_ttft_ms,"
                + " CAST(sum(total_tokens_sum) AS double) / nullif(sum(total_tokens_samples), 0)"
                + " AS avg_total_tokens FROM ")
        .table("request_demand_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", range)
        .append(" AND job_type = ")
        .value(LLM)
        .andEquals("org", params.filter("org"))
        .append(" GROUP BY model_id");
    return sql.view(LLM_SUMMARY);
  }

  static Route jobs(ApiConfig config, String path, String jobType, String label) {
    TableRoute route =
        TableRoute.of(path, "request_jobs", "jobs", config)
            .summary(label + " jobs, one row each")
            .description(
                label
                    + " jobs by the time they were requested (job_ts), newest first: gateway,"
                    + " pipeline or capability, model, orchestrator and GPU, outcome, duration,"
                    + " tries, errors"
                    + (jobType.equals(AI_BATCH)
                        ? ", and LLM token counts (LLM jobs included)."
                        : ".")
                    + " At most 31 days.")
            .window("job_ts", MAX_WINDOW)
            .filters("org", "gateway")
            .filter(Params.filter("pipeline", "Pipeline or capability"), "pipeline_or_capability")
            .filters("model", "orchestrator");
    if (jobType.equals(AI_BATCH)) {
      route.fixedIn("job_type", List.of(AI_BATCH, LLM));
    } else {
      route.fixedIn("job_type", List.of(jobType));
    }
    return route.build();
  }
}
