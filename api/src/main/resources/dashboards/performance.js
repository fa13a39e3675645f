// Performance: SLA score, startup success, output viability, swap rate, FPS and latencies over
// time, grouped by orchestrator, pipeline, model or GPU; failure reasons.
import { apiAll, barChart, el, filterParams, fmt, groupBy, orchestratorLink, page, panel, param, provisional, ratio, sum, timeChart, timeSeries } from "./dash.js";

const GROUPS = { orchestrator: "orchestrator_address", pipeline: "pipeline", model: "model_id", gpu: "gpu_model_name" };

/**
 * The session-weighted mean of hourly SLA scores. Not gold's score of a longer window (gold
 * re-scores a day from its summed primitives and benchmarks: /v1/streaming/sla/daily and the
 * leaderboard); labelled as a mean wherever it is shown.
 */
const slaScore = (rs) => {
  const scored = rs.filter((r) => r.sla_score !== null);
  const weight = sum(scored, "requested_sessions");
  return weight > 0 ? sum(scored, (r) => r.sla_score * r.requested_sessions) / weight : null;
};

/** 1 − output-failed sessions / requested sessions; null without sessions. */
const viability = (rs) => {
  const failed = ratio(rs, "output_failed_sessions", "requested_sessions");
  return failed === null ? null : 1 - failed;
};

page({
  title: "Performance",
  filters: ["window", "end", "org", "pipeline", "model", "orchestrator", "gpu",
    ["group", { label: "Group by", options: Object.keys(GROUPS), fallback: "orchestrator" }]],
  render(ctx) {
    const filters = filterParams(["org", "pipeline", "model", "orchestrator", "gpu"]);
    const window = { start: ctx.range.start, end: ctx.range.end };
    const group = GROUPS[param("group", "orchestrator")] || GROUPS.orchestrator;
    const label = (k) => (group === "orchestrator_address" && k !== "unknown" ? fmt.addr(k) : String(k));
    const kpis = panel("kpis", "Over the window", { wide: true });
    const charts = [
      ["sla", "Mean hourly SLA score", slaScore, fmt.score],
      ["startup", "Startup success rate", (rs) => ratio(rs, "startup_success_sessions", "requested_sessions"), fmt.pct],
      ["fps", "Average output FPS", (rs) => ratio(rs, "output_fps_sum", "fps_positive_samples"), fmt.fps],
      ["e2e", "E2E latency", (rs) => ratio(rs, "e2e_latency_sum_ms", "e2e_latency_count"), fmt.ms],
      ["ptff", "Prompt to first frame", (rs) => ratio(rs, "prompt_to_first_frame_sum_ms", "prompt_to_first_frame_count"), fmt.ms],
      ["swap", "Swap rate", (rs) => ratio(rs, "swapped_sessions", "requested_sessions"), fmt.pct],
    ].map(([id, title, value, format]) => [panel(id, title + " by " + param("group", "orchestrator")), value, format]);
    const ranking = panel("ranking", "By " + param("group", "orchestrator"), { wide: true });
    const failures = panel("failures", "Failure reasons", { wide: true });

    const sla = apiAll("/v1/streaming/sla", { ...window, ...filters });
    ctx.load(kpis, async () => {
      const rows = await sla;
      const p = provisional(rows);
      kpis.kpis([
        { id: "sla", label: "Mean hourly SLA score (session-weighted)", value: fmt.score(slaScore(rows)), raw: slaScore(rows), provisional: p },
        { id: "startup", label: "Startup success", value: fmt.pct(ratio(rows, "startup_success_sessions", "requested_sessions")),
          raw: ratio(rows, "startup_success_sessions", "requested_sessions"), provisional: p },
        { id: "viability", label: "Output viability", value: fmt.pct(viability(rows)), raw: viability(rows), provisional: p },
        { id: "swap", label: "Swap rate", value: fmt.pct(ratio(rows, "swapped_sessions", "requested_sessions")),
          raw: ratio(rows, "swapped_sessions", "requested_sessions"), provisional: p },
        { id: "fps", label: "Avg output FPS", value: fmt.fps(ratio(rows, "output_fps_sum", "fps_positive_samples")),
          raw: ratio(rows, "output_fps_sum", "fps_positive_samples"), provisional: p },
        { id: "e2e", label: "E2E latency", value: fmt.ms(ratio(rows, "e2e_latency_sum_ms", "e2e_latency_count")),
          raw: ratio(rows, "e2e_latency_sum_ms", "e2e_latency_count"), provisional: p },
        { id: "ptff", label: "Prompt to first frame", value: fmt.ms(ratio(rows, "prompt_to_first_frame_sum_ms", "prompt_to_first_frame_count")),
          raw: ratio(rows, "prompt_to_first_frame_sum_ms", "prompt_to_first_frame_count"), provisional: p },
        { id: "sessions", label: "Sessions requested", value: fmt.int(sum(rows, "requested_sessions")), raw: sum(rows, "requested_sessions") },
      ]);
    });
    for (const [p, value, format] of charts) {
      ctx.load(p, async () => {
        const rows = await sla;
        const series = timeSeries(rows, { group: (r) => label(r[group] ?? "unknown"), value });
        p.chart(timeChart(series, format, ctx.range));
      });
    }
    ctx.load(ranking, async () => {
      const rows = await sla;
      const groups = [...groupBy(rows, group).entries()].map(([k, rs]) => ({
        key: k, rows: rs, is_settled: !provisional(rs), sla: slaScore(rs),
        startup: ratio(rs, "startup_success_sessions", "requested_sessions"),
        viability: viability(rs),
        fps: ratio(rs, "output_fps_sum", "fps_positive_samples"),
        e2e: ratio(rs, "e2e_latency_sum_ms", "e2e_latency_count"),
        swap: ratio(rs, "swapped_sessions", "requested_sessions"),
        sessions: sum(rs, "requested_sessions"),
      })).sort((a, b) => (b.sla ?? -1) - (a.sla ?? -1));
      ranking.table([
        { label: param("group", "orchestrator"), value: (g) => (group === "orchestrator_address" ? orchestratorLink(g.key === "unknown" ? null : g.key) : String(g.key)) },
        { label: "Mean hourly SLA score", value: (g) => el("span", { "data-sla": g.key }, fmt.score(g.sla)), num: true },
        { label: "Startup success", value: (g) => fmt.pct(g.startup), num: true },
        { label: "Output viability", value: (g) => fmt.pct(g.viability), num: true },
        { label: "Swap rate", value: (g) => fmt.pct(g.swap), num: true },
        { label: "Avg FPS", value: (g) => fmt.fps(g.fps), num: true },
        { label: "E2E", value: (g) => fmt.ms(g.e2e), num: true },
        { label: "Sessions", value: (g) => fmt.int(g.sessions), num: true },
      ], groups);
    });
    ctx.load(failures, async () => {
      const rows = await apiAll("/v1/streaming/failures", { ...window, org: filters.org, pipeline: filters.pipeline,
        model: filters.model, orchestrator: filters.orchestrator });
      const reasons = [...groupBy(rows, (r) => r.category + ": " + (r.reason ?? "unknown")).entries()]
        .map(([k, rs]) => [k, sum(rs, "occurrences")]).sort((a, b) => b[1] - a[1]).slice(0, 15);
      failures.chart(barChart(reasons.map(([k]) => k), [["Occurrences", reasons.map(([, v]) => v)]], fmt.int, true));
    });
  },
});
