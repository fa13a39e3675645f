// Overview: live now, network state, served vs unserved demand, top orchestrators by SLA.
import { api, apiAll, barChart, filterParams, fmt, orchestratorLink, page, panel, provisional, ratio, sum, timeChart, timeSeries } from "./dash.js";

page({
  title: "Network overview",
  filters: ["window", "end", "org", "pipeline", "model"],
  render(ctx) {
    const filters = filterParams(["org", "pipeline", "model"]);
    const window = { start: ctx.range.start, end: ctx.range.end };
    const live = panel("live", "Live now", { note: "Open sessions in the newest snapshot at or before the window's end; latency over the window." });
    const network = panel("network", "Network state", { note: "The whole network's totals over the window (the org, pipeline and model filters do not apply), change against the window before it." });
    const demand = panel("demand", "Served vs unserved demand", { wide: true, note: "Sessions by the hour they were requested." });
    const top = panel("top", "Top orchestrators by SLA", { wide: true });

    ctx.load(live, async () => {
      const [active, sla] = await Promise.all([
        apiAll("/v1/streaming/active", { ...filters, as_of: ctx.range.end }),
        apiAll("/v1/streaming/sla", { ...window, ...filters }),
      ]);
      live.kpis([
        { id: "active-streams", label: "Active streams", value: fmt.int(active.length), raw: active.length },
        { id: "network-fps", label: "Network output FPS", value: fmt.fps(sum(active, "output_fps")), raw: sum(active, "output_fps") },
        { id: "e2e", label: "Mean E2E latency", value: fmt.ms(ratio(sla, "e2e_latency_sum_ms", "e2e_latency_count")),
          raw: ratio(sla, "e2e_latency_sum_ms", "e2e_latency_count"), provisional: provisional(sla) },
        { id: "served", label: "Served sessions", value: fmt.int(sum(sla, "startup_success_sessions")),
          raw: sum(sla, "startup_success_sessions"), provisional: provisional(sla) },
      ]);
    });

    ctx.load(network, async () => {
      const summary = (await api("/v1/network/summary", window)).data;
      const c = summary.current;
      const d = summary.delta;
      const signed = (v, f) => (v === null || v === undefined ? null : (Number(v) > 0 ? "+" : Number(v) === 0 ? "±" : "") + f(v));
      network.kpis([
        { id: "orchestrators", label: "Active orchestrators", value: fmt.int(c.active_orchestrators), raw: c.active_orchestrators },
        { id: "gpus", label: "Physical GPUs", value: fmt.int(c.physical_gpus), raw: c.physical_gpus },
        { id: "requested", label: "Sessions requested", value: fmt.int(c.requested_sessions), raw: c.requested_sessions,
          delta: signed(d.requested_sessions, fmt.int) },
        { id: "success", label: "Startup success", value: fmt.pct(c.startup_success_rate), raw: c.startup_success_rate },
        { id: "minutes", label: "Minutes served", value: fmt.num(c.usage_minutes, 0), raw: c.usage_minutes },
        { id: "fees", label: "Expected fees", value: fmt.wei(c.expected_fees_wei), raw: c.expected_fees_wei },
        { id: "jobs", label: "Request jobs", value: fmt.int(c.jobs), raw: c.jobs, delta: signed(d.jobs, fmt.int) },
      ]);
    });

    ctx.load(demand, async () => {
      const rows = await apiAll("/v1/streaming/demand", { ...window, ...filters });
      const series = [
        ["Served", (rs) => sum(rs, "startup_success_sessions")],
        ["Unserved (no orchestrator)", (rs) => sum(rs, "no_orch_sessions")],
        ["Failed to start", (rs) => sum(rs, "unexcused_failed_sessions") + sum(rs, "excused_failed_sessions")],
      ].flatMap(([name, value]) => timeSeries(rows, { value, type: "bar", stack: "sessions" }).map((s) => ({ ...s, name })));
      demand.chart(timeChart(series, fmt.int, ctx.range));
    });

    ctx.load(top, async () => {
      const board = (await api("/v1/leaderboard", { window: ctx.range.hours > 24 ? "7d" : "24h", pipeline: filters.pipeline, as_of: ctx.range.end, limit: 10 })).data;
      const names = board.map((r) => fmt.addr(r.orchestrator_address) + " · " + fmt.text(r.pipeline));
      top.table([
        { label: "Rank", value: (r) => r.rank, num: true },
        { label: "Orchestrator", value: (r) => orchestratorLink(r.orchestrator_address) },
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline) },
        { label: "SLA score", value: (r) => fmt.score(r.sla_score), num: true },
        { label: "Leaderboard score", value: (r) => fmt.score(r.leaderboard_score), num: true },
        { label: "Avg FPS", value: (r) => fmt.fps(r.avg_output_fps), num: true },
        { label: "E2E", value: (r) => fmt.ms(r.avg_e2e_latency_ms), num: true },
        { label: "Sessions", value: (r) => fmt.int(r.requested_sessions), num: true },
      ], board, { empty: "No orchestrator ranked in the " + (ctx.range.hours > 24 ? "7 d" : "24 h") + " leaderboard." });
      if (board.length) {
        const box = top.body;
        const chartPanel = panel("top-chart", "SLA score of the top orchestrators", { wide: true,
          note: "Leaderboard " + (ctx.range.hours > 24 ? "7 d" : "24 h") + " window (the leaderboard offers only those two)." });
        chartPanel.chart(barChart(names, [["SLA score", board.map((r) => r.sla_score)]], fmt.score, true));
        box.dataset.rows = board.length;
      } else {
        panel("top-chart", "SLA score of the top orchestrators", { wide: true }).empty();
      }
    });
  },
});
