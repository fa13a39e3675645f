package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.ArrayList;
import java.util.List;

/**
 * Streaming SLA (reference §3.1, §3.2, version {@code quality-benchmark-v1}): the hourly
 * session-hour primitives per orchestrator and GPU with every rate and the score, the daily
 * per-(pipeline, model) benchmarks the score is judged against, and the daily roll-up recomputed
 * from the hourly primitives.
 *
 * <p>Terms used in the comments:
 *
 * <ul>
 *   <li><b>Segment</b>: the part of a live session served under one orchestrator selection
 *       (silver.session_selections). A status sample belongs to the latest selection at or before
 *       its event time (samples before the first selection to the first selection); a session
 *       without selections has one segment with no orchestrator (attribution no_selection).
 *   <li><b>Row identity</b> of a segment: orchestrator_address = attributed_orch_address (null
 *       unless resolved, hardware_less or stale: no evidence is no orchestrator), gpu_id =
 *       attributed_gpu_id, pipeline and model_id = the attributed offer's, else the selection's
 *       canonical hints, else the session's canonical pipeline and model.
 *   <li><b>Credited session-hour</b>: a session counts once in each UTC hour in which it has status
 *       samples (a session spanning three hours counts once in each), except a terminal-tail hour
 *       (silver.session_hours.terminal_tail) that is not its first status hour; a session with no
 *       status samples counts once, in its start hour. Within an hour it is credited to one
 *       segment: the latest selection made before the hour ends (the simulator's truth credits a
 *       session to its last serving segment), so summing session counts over the rows of an hour
 *       counts each session once. Session-level latencies are credited on the session's first
 *       credited hour only (the first status hour, else the start hour).
 *   <li><b>Session flags</b> are silver.sessions' (whole-session outcomes), counted only for
 *       requested sessions: a credited hour of a failed session counts as a failed session-hour.
 * </ul>
 *
 * <p>Sums over hours of the session counts are session-hours, not distinct sessions.
 */
public final class GoldSlaTables {

  /** The value of {@code sla_semantics_version}. */
  public static final String SEMANTICS_VERSION = "quality-benchmark-v1";

  /**
   * The additive session-hour primitives of streaming_sla_hourly, also summed in
   * streaming_sla_daily.
   */
  public static final List<Column> MEASURES =
      List.of(
          Column.measure(
              "session_hours",
              bigint(),
              "Credited session-hours of this row: sessions (requested or not) counted in this"
                  + " hour under this row's segment."),
          Column.measure(
              "requested_sessions",
              bigint(),
              "Credited sessions with a gateway_receive_stream_request (silver.sessions.requested):"
                  + " the denominator of every rate."),
          Column.measure(
              "startup_success_sessions",
              bigint(),
              "Requested sessions whose startup succeeded (playable; startup_class success)."),
          Column.measure(
              "startup_excused_sessions",
              bigint(),
              "Requested sessions whose startup failed with an excusal (no_orch or"
                  + " excusable_error; startup_class excused)."),
          Column.measure(
              "startup_unexcused_sessions",
              bigint(),
              "Requested sessions whose startup failed without excusal (startup_class"
                  + " unexcused)."),
          Column.measure(
              "no_orch_sessions",
              bigint(),
              "Requested sessions that failed for want of an orchestrator (excusal_reason"
                  + " no_orch); also counted in startup_excused_sessions."),
          Column.measure("swapped_sessions", bigint(), "Requested sessions with swap_count > 0."),
          Column.measure(
              "loading_only_sessions",
              bigint(),
              "Requested sessions whose status samples were all outside a running state"
                  + " (silver.sessions.loading_only)."),
          Column.measure(
              "zero_output_fps_sessions",
              bigint(),
              "Requested sessions with status samples and none with output fps > 0"
                  + " (silver.sessions.zero_output_fps)."),
          Column.measure(
              "output_failed_sessions",
              bigint(),
              "Requested sessions that are loading-only or zero-output-fps (union: a session"
                  + " both is counted once)."),
          Column.measure(
              "effective_failed_sessions",
              bigint(),
              "Requested sessions with an unexcused startup failure, or loading-only, or"
                  + " zero-output-fps (counted once)."),
          Column.measure(
              "error_ending_sessions",
              bigint(),
              "Requested sessions some status sample of which carries a last_error"
                  + " (silver.sessions.ends_in_error); a diagnostic, not a failure."),
          Column.measure(
              "health_signals_expected",
              bigint(),
              "Sum of silver.sessions.health_signals_expected (3 per requested session)."),
          Column.measure(
              "health_signals_observed",
              bigint(),
              "Sum of silver.sessions.health_signals_observed: [has status samples] + [playable]"
                  + " + [has samples and not (loading_only and zero_output_fps)]."),
          Column.measure(
              "terminal_tail_sessions",
              bigint(),
              "Sessions whose samples in this hour form a terminal-tail artifact (reference"
                  + " §2.7) and that are therefore not credited in this hour; their samples are"
                  + " still counted below."),
          Column.measure(
              "attribution_resolved_sessions",
              bigint(),
              "Credited session-hours whose segment's attribution_status is resolved."),
          Column.measure(
              "attribution_hardware_less_sessions",
              bigint(),
              "Credited session-hours whose segment's attribution_status is hardware_less."),
          Column.measure(
              "attribution_stale_sessions",
              bigint(),
              "Credited session-hours whose segment's attribution_status is stale."),
          Column.measure(
              "attribution_ambiguous_sessions",
              bigint(),
              "Credited session-hours whose segment's attribution_status is ambiguous."),
          Column.measure(
              "attribution_unresolved_sessions",
              bigint(),
              "Credited session-hours whose segment's attribution_status is unresolved."),
          Column.measure(
              "attribution_no_selection_sessions",
              bigint(),
              "Credited session-hours of sessions without any orchestrator selection"
                  + " (attribution no_selection)."),
          Column.measure(
              "startup_latency_sum_ms",
              bigint(),
              "Sum of silver.sessions.startup_latency_ms (request to first processed segment)"
                  + " over requested sessions with one, on their first credited hour."),
          Column.measure(
              "startup_latency_count", bigint(), "Sessions counted in startup_latency_sum_ms."),
          Column.measure(
              "e2e_latency_sum_ms",
              bigint(),
              "Sum of silver.sessions.e2e_latency_ms (the trace proxy: first ingest segment to"
                  + " the runner's first processed segment) over requested sessions with one, on"
                  + " their first credited hour."),
          Column.measure("e2e_latency_count", bigint(), "Sessions counted in e2e_latency_sum_ms."),
          Column.measure(
              "prompt_to_first_frame_sum_ms",
              bigint(),
              "Sum of silver.sessions.prompt_to_first_frame_ms (PTFF: status start_time to the"
                  + " few-processed-segments trace) over requested sessions with one, on their"
                  + " first credited hour."),
          Column.measure(
              "prompt_to_first_frame_count",
              bigint(),
              "Sessions counted in prompt_to_first_frame_sum_ms."),
          Column.measure(
              "status_samples",
              bigint(),
              "ai_stream_status samples of the row's segments whose event time falls in the hour"
                  + " (of every session, requested or not; terminal tails included)."),
          Column.measure(
              "status_sessions",
              bigint(),
              "Session segments with at least one status sample in the hour (a session served"
                  + " twice by the row within the hour counts twice)."),
          Column.measure(
              "fps_positive_samples",
              bigint(),
              "Status samples with output (inference) fps > 0: the samples every output-FPS"
                  + " statistic is taken over."),
          Column.measure(
              "output_fps_sum",
              float64(),
              "Sum of output fps over the fps-positive samples (0-fps samples mean not started"
                  + " and are left out)."),
          Column.measure(
              "output_fps_sum_squares",
              float64(),
              "Sum of squared output fps over the fps-positive samples: with the sum and count"
                  + " gives the population variance."),
          Column.measure(
              "running_samples",
              bigint(),
              "Status samples in a running state (ONLINE, DEGRADED_INPUT, DEGRADED_INFERENCE)."),
          Column.measure("online_samples", bigint(), "Status samples with state ONLINE."),
          Column.measure(
              "error_samples",
              bigint(),
              "Status samples carrying a last_error (not null, empty or \"null\")."),
          Column.measure(
              "status_latency_sum_ms",
              float64(),
              "Sum of inference_status.latency_ms over samples reporting a positive value (absent"
                  + " in real data so far; E2E is the trace proxy)."),
          Column.measure(
              "status_latency_samples", bigint(), "Samples counted in status_latency_sum_ms."),
          Column.measure(
              "attributed_status_samples",
              bigint(),
              "Status samples whose segment is attributed (resolved or hardware_less): with"
                  + " status_samples the sample attribution rate."));

  /** Rates and averages recomputed from {@link #MEASURES} (hourly and daily alike). */
  private static final List<Column> RATES =
      List.of(
          Column.optional(
              "startup_success_rate",
              float64(),
              "startup_success_sessions / requested_sessions; null when no requested sessions."),
          Column.optional(
              "excused_failure_rate",
              float64(),
              "startup_excused_sessions / requested_sessions; null when none requested."),
          Column.optional(
              "unexcused_failure_rate",
              float64(),
              "startup_unexcused_sessions / requested_sessions; null when none requested."),
          Column.optional(
              "no_orch_rate",
              float64(),
              "no_orch_sessions / requested_sessions (unserved demand); null when none requested."),
          Column.optional(
              "effective_success_rate",
              float64(),
              "1 - effective_failed_sessions / requested_sessions; null when none requested."),
          Column.optional(
              "output_failure_rate",
              float64(),
              "output_failed_sessions / requested_sessions (target < 0.01); null when none"
                  + " requested."),
          Column.optional(
              "output_viability_rate",
              float64(),
              "1 - output_failure_rate (target > 0.99); null when none requested."),
          Column.optional(
              "swap_rate",
              float64(),
              "swapped_sessions / requested_sessions; null when none requested."),
          Column.optional("no_swap_rate", float64(), "1 - swap_rate; null when none requested."),
          Column.required(
              "health_signal_coverage_ratio",
              float64(),
              "min(health_signals_observed / health_signals_expected, 1); 1 when nothing was"
                  + " expected. The SLA's coverage multiplier (alert below 0.6)."),
          Column.optional(
              "avg_output_fps",
              float64(),
              "output_fps_sum / fps_positive_samples: mean output FPS excluding 0-fps samples;"
                  + " null without fps-positive samples."),
          Column.optional(
              "fps_jitter_coefficient",
              float64(),
              "FPS stability: population standard deviation / mean of output FPS over the"
                  + " fps-positive samples (0-fps samples excluded, as from the average), from"
                  + " the sums: sqrt(max(sum_squares / n - mean^2, 0)) / mean. Target <= 0.1;"
                  + " null without fps-positive samples."),
          Column.optional(
              "avg_startup_latency_ms",
              float64(),
              "startup_latency_sum_ms / startup_latency_count; null when the count is 0."),
          Column.optional(
              "avg_e2e_latency_ms",
              float64(),
              "e2e_latency_sum_ms / e2e_latency_count (target <= 3000); null when the count is"
                  + " 0."),
          Column.optional(
              "avg_prompt_to_first_frame_ms",
              float64(),
              "prompt_to_first_frame_sum_ms / prompt_to_first_frame_count; null when the count"
                  + " is 0."),
          Column.optional(
              "avg_status_latency_ms",
              float64(),
              "status_latency_sum_ms / status_latency_samples; null when no sample reported"
                  + " one."));

  /** The benchmarks used and every component of the score (reference §3.2). */
  private static final List<Column> SCORE =
      List.of(
          Column.optional(
              "benchmark_ptff_p50_ms",
              float64(),
              "7-day PTFF p50 benchmark of the row's (pipeline, model): the"
                  + " ptff_rows-weighted mean of sla_benchmark_daily.ptff_p50_ms over the 7 full"
                  + " UTC days before window_date; null without benchmark rows."),
          Column.optional(
              "benchmark_ptff_p90_ms",
              float64(),
              "7-day PTFF p90 benchmark, weighted as benchmark_ptff_p50_ms."),
          Column.required(
              "benchmark_ptff_rows",
              bigint(),
              "Benchmark rows behind the PTFF benchmark (sum of the 7 days' ptff_rows); below 48"
                  + " the PTFF score is the neutral 0.5."),
          Column.optional(
              "benchmark_e2e_p50_ms",
              float64(),
              "7-day E2E p50 benchmark (e2e_rows-weighted mean of the daily p50)."),
          Column.optional(
              "benchmark_e2e_p90_ms",
              float64(),
              "7-day E2E p90 benchmark (e2e_rows-weighted mean of the daily p90)."),
          Column.required(
              "benchmark_e2e_rows",
              bigint(),
              "Benchmark rows behind the E2E benchmark; below 48 the E2E score is 0.5."),
          Column.optional(
              "benchmark_fps_p10",
              float64(),
              "7-day output FPS p10 benchmark (fps_rows-weighted mean of the daily p10)."),
          Column.optional(
              "benchmark_fps_p50",
              float64(),
              "7-day output FPS p50 benchmark (fps_rows-weighted mean of the daily p50)."),
          Column.required(
              "benchmark_fps_rows",
              bigint(),
              "Benchmark rows behind the FPS benchmark; below 48 the FPS score is 0.5."),
          Column.required(
              "ptff_raw_score",
              float64(),
              "1 if avg_prompt_to_first_frame_ms <= p50, 0 if >= p90, else 1 - (avg - p50) /"
                  + " (p90 - p50) (p90 <= p50: 1 if avg <= p50 else 0); 0.5 when the average is"
                  + " null or the benchmark has fewer than 48 rows."),
          Column.required(
              "e2e_raw_score",
              float64(),
              "As ptff_raw_score, for avg_e2e_latency_ms against the E2E benchmark."),
          Column.required(
              "fps_raw_score",
              float64(),
              "1 if avg_output_fps >= p50, 0 if <= p10, else (avg - p10) / (p50 - p10) (p50 <="
                  + " p10: 1 if avg >= p50 else 0); 0.5 when the average is null or the"
                  + " benchmark has fewer than 48 rows."),
          Column.required(
              "ptff_score",
              float64(),
              "Sparse-evidence shrink: clamp01(0.5 + min(prompt_to_first_frame_count / 10, 1) *"
                  + " (ptff_raw_score - 0.5))."),
          Column.required(
              "e2e_score",
              float64(),
              "clamp01(0.5 + min(e2e_latency_count / 10, 1) * (e2e_raw_score - 0.5))."),
          Column.required(
              "fps_score",
              float64(),
              "clamp01(0.5 + min(fps_positive_samples / 30, 1) * (fps_raw_score - 0.5)): the"
                  + " reference's N = 30 status samples, counted over the samples the average is"
                  + " taken over."),
          Column.required("latency_score", float64(), "0.6 * ptff_score + 0.4 * e2e_score."),
          Column.required("quality_score", float64(), "0.6 * latency_score + 0.4 * fps_score."),
          Column.optional(
              "reliability_score",
              float64(),
              "clamp01(0.4 * startup_success_rate + 0.2 * no_swap_rate + 0.4 *"
                  + " output_viability_rate); null when no requested sessions."),
          Column.optional(
              "sla_score",
              float64(),
              "clamp(100 * health_signal_coverage_ratio * (0.7 * reliability_score + 0.3 *"
                  + " quality_score), 0, 100); null when no requested sessions (no evidence, not"
                  + " 0). Recommended threshold >= 95."));

  public static final TableDeclaration STREAMING_SLA_HOURLY = hourly();

  public static final TableDeclaration SLA_BENCHMARK_DAILY =
      TableDeclaration.builder(Layer.GOLD, "sla_benchmark_daily")
          .comment(
              "One row per UTC day and (pipeline, model) with scored rows: the daily percentiles"
                  + " the SLA's quality components are judged against (reference §3.2). Each is"
                  + " exact (linear interpolation between closest ranks) over the per-row averages"
                  + " of that day's streaming_sla_hourly rows (the scored grain: hour x org x"
                  + " orchestrator x GPU), every row with the average counting once, attributed"
                  + " or not. A score uses the 7 days before its date, weighted by rows.")
          .required("cohort_date", date(), "UTC date of the hourly rows. Partition.")
          .required("pipeline", string(), "Canonical pipeline of the rows.")
          .required("model_id", string(), "Model id of the rows.")
          .required("sla_semantics_version", string(), "quality-benchmark-v1.")
          .required(
              "is_settled",
              bool(),
              "The day's last hour is settled (its rows can no longer change; see"
                  + " streaming_sla_hourly.is_settled).")
          .measure(
              "scored_rows",
              bigint(),
              "streaming_sla_hourly rows of the day and (pipeline, model).")
          .optional(
              "ptff_p50_ms",
              float64(),
              "p50 of avg_prompt_to_first_frame_ms over the rows that have one; null if none.")
          .optional("ptff_p90_ms", float64(), "p90 of the same.")
          .measure(
              "ptff_rows",
              bigint(),
              "Rows with an avg_prompt_to_first_frame_ms: the weight of the PTFF percentiles.")
          .optional(
              "e2e_p50_ms", float64(), "p50 of avg_e2e_latency_ms over the rows that have one.")
          .optional("e2e_p90_ms", float64(), "p90 of the same.")
          .measure("e2e_rows", bigint(), "Rows with an avg_e2e_latency_ms.")
          .optional(
              "fps_p10",
              float64(),
              "p10 of avg_output_fps (0-fps samples excluded) over the rows that have one.")
          .optional("fps_p50", float64(), "p50 of the same.")
          .measure("fps_rows", bigint(), "Rows with an avg_output_fps.")
          .partitionedBy("cohort_date")
          .keyedBy("cohort_date", "pipeline", "model_id")
          .published()
          .build();

  public static final TableDeclaration STREAMING_SLA_DAILY = daily();

  private static TableDeclaration hourly() {
    TableDeclaration.Builder builder =
        TableDeclaration.builder(Layer.GOLD, "streaming_sla_hourly")
            .comment(
                "One row per UTC hour, org, orchestrator, pipeline, model and GPU with live-video"
                    + " status samples or credited sessions: the additive session-hour"
                    + " primitives of reference §3.1 (a session counts once in each hour it has"
                    + " status samples, under the segment selected last before the hour ends),"
                    + " every rate recomputed from them, output FPS statistics and the SLA score"
                    + " of reference §3.2 (quality-benchmark-v1). Samples are split between"
                    + " orchestrators at a swap. Recompute longer windows from the measures, never"
                    + " by averaging these ratios.")
            .required("window_start", timestamp(), "UTC hour.")
            .required("window_date", date(), "UTC date of window_start. Partition.")
            .required("org", string(), "Tenant, from the Kafka topic.")
            .optional(
                "orchestrator_address",
                string(),
                "Canonical (on-chain) address the segment is attributed to; null when the"
                    + " selection is ambiguous or unresolved or there was none (no evidence).")
            .optional(
                "pipeline",
                string(),
                "Canonical pipeline: the attributed offer's, else the selection's hints, else the"
                    + " session's; null when unknown.")
            .optional("model_id", string(), "Model id, chosen like pipeline.")
            .optional(
                "gpu_id",
                string(),
                "NVML UUID of the attributed GPU; null when the orchestrator had several GPUs for"
                    + " the model, none, or was not attributed.")
            .optional(
                "gpu_model_name",
                string(),
                "GPU model name of gpu_id (e.g. NVIDIA GeForce RTX 5090); hardware is not"
                    + " normalised out of the score.")
            .required("sla_semantics_version", string(), "quality-benchmark-v1.")
            .required(
                "is_settled",
                bool(),
                "window_start + 1 h <= the run's settledBefore (its as-of time minus the"
                    + " lateness horizon): late data can no longer change the row. False while it"
                    + " may.");
    MEASURES.forEach(builder::column);
    RATES.forEach(builder::column);
    builder
        .optional(
            "p95_output_fps",
            float64(),
            "Exact p95 (linear interpolation between closest ranks) of output FPS over the hour's"
                + " fps-positive samples of the row; not additive, recomputed from the samples;"
                + " null without fps-positive samples.")
        .optional(
            "orchestrator_avg_output_fps",
            float64(),
            "Mean output FPS (0-fps excluded) of the orchestrator, pipeline and model over all"
                + " orgs and GPUs in this hour; null without an orchestrator or fps-positive"
                + " samples.")
        .optional(
            "prior_hour_avg_output_fps",
            float64(),
            "orchestrator_avg_output_fps of the same orchestrator, pipeline and model in the"
                + " previous UTC hour; null when it had no fps-positive samples.")
        .optional(
            "fps_degraded",
            bool(),
            "Degradation flag: orchestrator_avg_output_fps <= 0.8 * prior_hour_avg_output_fps"
                + " (down by 20 % or more on the prior hour); null when either is null.");
    SCORE.forEach(builder::column);
    return builder
        .partitionedBy("window_date")
        .keyedBy("window_start", "org", "orchestrator_address", "pipeline", "model_id", "gpu_id")
        .published()
        .build();
  }

  private static TableDeclaration daily() {
    TableDeclaration.Builder builder =
        TableDeclaration.builder(Layer.GOLD, "streaming_sla_daily")
            .comment(
                "One row per UTC day, orchestrator, pipeline and model: the sums of the day's"
                    + " streaming_sla_hourly measures over hours, orgs and GPUs, and every rate"
                    + " and the SLA score recomputed from those sums with the same 7-day"
                    + " benchmarks (never an average of hourly scores). Session counts are"
                    + " session-hours. Percentiles are not additive and are not carried.")
            .required("window_date", date(), "UTC date. Partition.")
            .optional(
                "orchestrator_address",
                string(),
                "Canonical orchestrator address; null for unattributed segments.")
            .optional("pipeline", string(), "Canonical pipeline; null when unknown.")
            .optional("model_id", string(), "Model id; null when unknown.")
            .required("sla_semantics_version", string(), "quality-benchmark-v1.")
            .required(
                "is_settled",
                bool(),
                "The day's last hour is settled (window_date + 1 day <= the run's"
                    + " settledBefore).")
            .measure(
                "scored_hours",
                bigint(),
                "streaming_sla_hourly rows summed into this row (hours x orgs x GPUs).")
            .measure(
                "degraded_hours",
                bigint(),
                "Distinct hours of the day whose rows carry fps_degraded = true.");
    MEASURES.forEach(builder::column);
    RATES.forEach(builder::column);
    SCORE.forEach(builder::column);
    return builder
        .partitionedBy("window_date")
        .keyedBy("window_date", "orchestrator_address", "pipeline", "model_id")
        .published()
        .build();
  }

  /** The three tables, in creation order. */
  public static List<TableDeclaration> all() {
    List<TableDeclaration> tables = new ArrayList<>();
    tables.add(SLA_BENCHMARK_DAILY);
    tables.add(STREAMING_SLA_HOURLY);
    tables.add(STREAMING_SLA_DAILY);
    return List.copyOf(tables);
  }

  private GoldSlaTables() {}
}
