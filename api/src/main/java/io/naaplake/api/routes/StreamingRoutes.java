package io.naaplake.api.routes;

import static io.naaplake.api.GoldQuery.SortKey.ascending;
import static io.naaplake.api.GoldQuery.SortKey.descending;

import io.naaplake.api.ApiConfig;
import java.time.Duration;
import java.util.List;

/** The live-video routes that page through one gold table each. */
final class StreamingRoutes {
  static final Duration HOURLY_MAX = Duration.ofDays(31);
  static final Duration DAILY_MAX = Duration.ofDays(366);

  private StreamingRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(
        sla(config),
        slaDaily(config),
        demand(config),
        gpuMetrics(config),
        orchestrators(config),
        active(config),
        failures(config));
  }

  static Route sla(ApiConfig config) {
    return TableRoute.of("/v1/streaming/sla", "streaming_sla_hourly", "streaming", config)
        .summary("Hourly SLA per orchestrator, pipeline, model and GPU")
        .description(
            "One row per UTC hour, org, orchestrator, pipeline, model and GPU: the SLA primitives"
                + " (sessions, startup outcomes, swaps, FPS, latencies), their rates and the SLA"
                + " score (quality-benchmark semantics). Newest hour first.")
        .window("window_start", HOURLY_MAX)
        .filters("orchestrator", "pipeline", "model", "gpu", "org")
        .orderBy(
            descending("window_start"),
            ascending("org"),
            ascending("orchestrator_address"),
            ascending("pipeline"),
            ascending("model_id"),
            ascending("gpu_id"))
        .build();
  }

  static Route slaDaily(ApiConfig config) {
    return TableRoute.of("/v1/streaming/sla/daily", "streaming_sla_daily", "streaming", config)
        .summary("Daily SLA per orchestrator, pipeline and model")
        .description(
            "One row per UTC date, orchestrator, pipeline and model, recomputed from the day's"
                + " additive primitives (never an average of hourly rates). Newest date first.")
        .window("window_date", DAILY_MAX)
        .filters("orchestrator", "pipeline", "model")
        .orderBy(
            descending("window_date"),
            ascending("orchestrator_address"),
            ascending("pipeline"),
            ascending("model_id"))
        .build();
  }

  static Route demand(ApiConfig config) {
    return TableRoute.of("/v1/streaming/demand", "streaming_demand_hourly", "streaming", config)
        .summary("Hourly live-video demand per gateway, pipeline and model")
        .description(
            "Sessions counted at the hour they were requested: requested, started, failed"
                + " (excused and unexcused), unserved (no orchestrator), swapped, and minutes used."
                + " Newest hour first.")
        .window("window_start", HOURLY_MAX)
        .filters("org", "gateway", "pipeline", "model")
        .orderBy(
            descending("window_start"),
            ascending("org"),
            ascending("gateway"),
            ascending("pipeline"),
            ascending("model_id"))
        .build();
  }

  static Route gpuMetrics(ApiConfig config) {
    return TableRoute.of("/v1/streaming/gpu-metrics", "streaming_sla_hourly", "streaming", config)
        .summary("Hourly performance per GPU")
        .description(
            "The hourly SLA rows that name a GPU, reduced to the per-GPU view: sessions, startup"
                + " success, FPS (mean, p95, jitter), latencies, swap rate and SLA score.")
        .window("window_start", HOURLY_MAX)
        .filters("orchestrator", "pipeline", "model", "gpu", "gpu_model", "org")
        .notNull("gpu_id")
        .select(
            "window_start",
            "org",
            "orchestrator_address",
            "pipeline",
            "model_id",
            "gpu_id",
            "gpu_model_name",
            "requested_sessions",
            "startup_success_sessions",
            "status_samples",
            "avg_output_fps",
            "p95_output_fps",
            "fps_jitter_coefficient",
            "avg_e2e_latency_ms",
            "avg_prompt_to_first_frame_ms",
            "swap_rate",
            "sla_score",
            "is_settled")
        .orderBy(
            descending("window_start"),
            ascending("org"),
            ascending("orchestrator_address"),
            ascending("pipeline"),
            ascending("model_id"),
            ascending("gpu_id"))
        .build();
  }

  static Route orchestrators(ApiConfig config) {
    return TableRoute.of("/v1/streaming/orchestrators", "orchestrators", "streaming", config)
        .summary("Orchestrators known to the network")
        .description(
            "Every orchestrator in the newest snapshot: service URIs, pipelines and models it"
                + " offers, physical GPUs (UUID churn removed) and reported GPU UUIDs, last seen.")
        .latestSnapshot()
        .filters("orchestrator")
        .orderBy(ascending("as_of"), ascending("orchestrator_address"))
        .build();
  }

  static Route active(ApiConfig config) {
    return TableRoute.of("/v1/streaming/active", "active_sessions", "streaming", config)
        .summary("Open live-video sessions")
        .description(
            "Sessions open in the newest snapshot: gateway, orchestrator, pipeline, model, GPU,"
                + " state, FPS and age.")
        .latestSnapshot()
        .filters("org", "gateway", "orchestrator", "pipeline", "model")
        .orderBy(ascending("as_of"), ascending("org"), ascending("session_key"))
        .build();
  }

  static Route failures(ApiConfig config) {
    return TableRoute.of("/v1/streaming/failures", "failure_reasons_hourly", "streaming", config)
        .summary("Hourly failure reasons")
        .description(
            "Why sessions failed, per hour, orchestrator, pipeline, model, category and reason:"
                + " occurrences, sessions affected, whether the reason is excusable, one example"
                + " message. Newest hour first.")
        .window("window_start", HOURLY_MAX)
        .filters("org", "orchestrator", "pipeline", "model")
        .filter(Params.filter("category", "Failure category"), "category")
        .build();
  }
}
