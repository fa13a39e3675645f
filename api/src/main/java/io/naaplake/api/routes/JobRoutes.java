package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

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
        jobs(config, "/v1/requests/byoc/jobs", BYOC, "BYOC"),
        volume(config));
  }

  /** Daily volumes span at most a year; hourly ones {@link #MAX_WINDOW}. */
  static final Duration DAILY_MAX = Duration.ofDays(366);

  static final TableDeclaration VOLUME =
      withJobMeasures(
              ViewRoute.columns("job_volume")
                  .required("window_start", timestamp(), "Start of the UTC hour or day.")
                  .required("granularity", string(), "hour or day.")
                  .required("job_type", string(), "ai_batch, llm or byoc."))
          .required("is_settled", bool(), "Whether every hour in the row is settled.")
          .keyedBy("window_start", "job_type")
          .build();

  static Route volume(ApiConfig config) {
    return ViewRoute.of("/v1/requests/volume", "jobs", config)
        .summary("Request jobs per hour or day and job type")
        .description(
            "AI batch, LLM and BYOC jobs requested per UTC hour or day, summed from"
                + " gold.request_demand_hourly: totals, selections, unserved, successes, success"
                + " rate and mean duration. Hourly windows span at most 31 days, daily ones 366."
                + " Newest first.")
        .param(Params.start(DAILY_MAX))
        .param(Params.end())
        .param(ParamDoc.choice("granularity", "hour (default) or day.", List.of("hour", "day")))
        .param(ParamDoc.choice("job_type", "Only this job type.", List.of(AI_BATCH, LLM, BYOC)))
        .param(Params.standard("org"))
        .param(Params.standard("gateway"))
        .param(Params.filter("pipeline", "Pipeline or capability"))
        .param(Params.standard("model"))
        .param(Params.standard("orchestrator"))
        .view(VOLUME, JobRoutes::volumeView)
        .paged()
        .build();
  }

  private static GoldQuery.View volumeView(RouteRequest request) {
    QueryParams params = request.params();
    String granularity = params.choice("granularity", java.util.Set.of("hour", "day"), "hour");
    QueryParams.TimeRange range =
        params.timeRange(request.now(), granularity.equals("day") ? DAILY_MAX : MAX_WINDOW);
    Sql sql = new Sql(request.context().catalog());
    // The truncation unit comes from the fixed choice above, never from input.
    String unit = granularity.equals("day") ? "'day'" : "'hour'";
    sql.append("SELECT date_trunc(" + unit + ", window_start) AS window_start, ")
        .value(granularity)
        .append(
            " AS granularity, job_type,"
                + JOB_MEASURES_SQL
                + ", bool_and(is_settled) AS is_settled FROM ")
        .table("request_demand_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", range)
        .andEquals("job_type", params.choice("job_type", java.util.Set.of(AI_BATCH, LLM, BYOC)))
        .andEquals("org", params.filter("org"))
        .andEquals("gateway", params.gateway("gateway"))
        .andEquals("pipeline_or_capability", params.filter("pipeline"))
        .andEquals("model_id", params.filter("model"))
        .andEquals("orchestrator_address", params.address("orchestrator"))
        .append(" GROUP BY 1, 3");
    return sql.view(VOLUME);
  }

  /**
   * The job counts, success rate and mean duration of the summary and volume views, as the view
   * declares them and as its SELECT computes them from gold.request_demand_hourly.
   */
  private static TableDeclaration.Builder withJobMeasures(TableDeclaration.Builder columns) {
    return columns
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
            "Σ duration_ms_sum / Σ duration_samples: mean over jobs with a duration.");
  }

  private static final String JOB_MEASURES_SQL =
      " sum(jobs) AS total_jobs, sum(selected_jobs) AS selected_jobs,"
          + " sum(no_orch_jobs) AS no_orch_jobs, sum(successful_jobs) AS successful_jobs,"
          + " CAST(sum(successful_jobs) AS double) / nullif(sum(jobs), 0) AS success_rate,"
          + " CAST(sum(duration_ms_sum) AS double) / nullif(sum(duration_samples), 0)"
          + " AS avg_duration_ms";

  static final TableDeclaration SUMMARY =
      withJobMeasures(
              ViewRoute.columns("job_summary")
                  .optional(
                      "pipeline_or_capability",
                      string(),
                      "AI pipeline (batch) or capability (BYOC); null when unknown."))
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
    sql.append("SELECT pipeline_or_capability," + JOB_MEASURES_SQL + " FROM ")
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
