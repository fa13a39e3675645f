// One orchestrator: identity, GPUs, latest SLA, 7-day trend, fees and failure reasons. Without an
// address, the orchestrators known to the network to pick from.
import { api, apiAll, barChart, el, fmt, orchestratorLink, page, panel, param, timeChart, timeSeries } from "./dash.js";

page({
  title: "Orchestrator",
  filters: ["orchestrator", "window", "end"],
  render(ctx) {
    const address = param("orchestrator").toLowerCase();
    if (!address) {
      const known = panel("known", "Orchestrators known to the network", { wide: true, note: "In the newest snapshot at or before the window's end. Pick one to see its profile." });
      ctx.load(known, async () => {
        const rows = await apiAll("/v1/streaming/orchestrators", { as_of: ctx.range.end });
        known.table([
          { label: "Orchestrator", value: (r) => orchestratorLink(r.orchestrator_address) },
          { label: "Service URIs", value: (r) => (r.orch_uris || []).join(", ") },
          { label: "Version", value: (r) => fmt.text(r.node_version) },
          { label: "Pipelines", value: (r) => (r.pipelines || []).join(", ") },
          { label: "Physical GPUs", value: (r) => fmt.int(r.physical_gpus), num: true },
          { label: "Last seen", value: (r) => fmt.time(r.last_seen) },
        ], rows);
      });
      return;
    }
    const identity = panel("identity", "Identity", { wide: true });
    const latest = panel("latest-sla", "Latest hourly SLA", { wide: true });
    const trend = panel("trend", "Daily SLA score, last 7 days");
    const fees = panel("fees", "Fees per day", { note: "Expected fees over the selected window (from economics_daily)." });
    const gpus = panel("gpus", "GPUs", { wide: true });
    const failures = panel("failures", "Top failure reasons, last 7 days");

    const profile = api("/v1/orchestrators/" + encodeURIComponent(address)).then((b) => b.data);
    ctx.load(identity, async () => {
      const p = await profile;
      identity.kpis([
        { id: "address", label: "Address", value: p.orchestrator_address, raw: p.orchestrator_address, small: true },
        { id: "uris", label: "Service URIs", value: (p.orch_uris || []).join(", ") || "–", small: true },
        { id: "version", label: "Node version", value: fmt.text(p.node_version), small: true },
        { id: "gpus", label: "Physical GPUs", value: fmt.int(p.physical_gpus), raw: p.physical_gpus },
        { id: "uuids", label: "Reported GPU UUIDs", value: fmt.int(p.reported_gpu_uuids), raw: p.reported_gpu_uuids },
        { id: "fees7d", label: "Expected fees, 7 days", value: fmt.wei(p.fees.expected_value_wei), raw: p.fees.expected_value_wei },
        { id: "last-seen", label: "Last seen", value: fmt.time(p.last_seen), small: true },
      ]);
      // Known from its sessions or payments only: say why the identity is blank.
      if (!p.announced) {
        identity.body.append(el("p", { class: "note", "data-announced": "false" },
          "No capability announcement from this orchestrator at or before now yet: its identity and GPUs are unknown; its SLA, fees and failures below come from its sessions and payments."));
      }
    });
    ctx.load(latest, async () => {
      const p = await profile;
      latest.table([
        { label: "Hour", value: (r) => fmt.time(r.window_start) },
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline) },
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "GPU", value: (r) => fmt.text(r.gpu_id) },
        { label: "Sessions", value: (r) => fmt.int(r.requested_sessions), num: true },
        { label: "Effective success", value: (r) => fmt.pct(r.effective_success_rate), num: true },
        { label: "No swap", value: (r) => fmt.pct(r.no_swap_rate), num: true },
        { label: "Avg FPS", value: (r) => fmt.fps(r.avg_output_fps), num: true },
        { label: "SLA score", value: (r) => fmt.score(r.sla_score), num: true },
      ], p.latest_sla, { empty: "No hourly SLA row in the 7 days before now." });
    });
    ctx.load(trend, async () => {
      const p = await profile;
      const series = timeSeries(p.sla_trend, { time: "window_date", group: (r) => fmt.text(r.pipeline) + " / " + fmt.text(r.model_id),
        value: (rs) => rs[0].sla_score });
      trend.chart(timeChart(series, fmt.score));
    });
    ctx.load(fees, async () => {
      const e = (await api("/v1/economics/orchestrators/" + encodeURIComponent(address), { start: ctx.range.start, end: ctx.range.end })).data;
      const series = timeSeries(e.daily, { time: "window_date", value: (rs) => Number(rs[0].expected_value_wei), type: "bar" })
        .map((s) => ({ ...s, name: "Expected fees" }));
      fees.chart(timeChart(series, fmt.eth), windowTotal(e));
    });
    ctx.load(gpus, async () => {
      const p = await profile;
      gpus.table([
        { label: "GPU UUID", value: (r) => r.gpu_id },
        { label: "Physical GPU", value: (r) => fmt.text(r.physical_gpu_id) },
        { label: "Model", value: (r) => fmt.text(r.gpu_model_name) },
        { label: "Memory", value: (r) => fmt.num(r.memory_gib, 0) + " GiB", num: true },
        { label: "Pipelines", value: (r) => (r.pipelines || []).join(", ") },
        { label: "Last seen", value: (r) => fmt.time(r.last_seen) },
      ], p.gpus, { empty: "No GPU reported." });
    });
    ctx.load(failures, async () => {
      const p = await profile;
      const rows = p.failure_reasons;
      // No failure is the orchestrator's result, not missing data.
      if (!rows.length) return failures.show(el("p", { class: "empty" }, "No failed session in the last 7 days."));
      failures.chart(barChart(rows.map((r) => r.category + ": " + fmt.text(r.reason)), [["Occurrences", rows.map((r) => r.occurrences)]], fmt.int, true));
    });
  },
});

/** The window's totals, exact wei kept in data-expected-wei. */
function windowTotal(e) {
  return el("p", { class: "note", "data-expected-wei": e.expected_value_wei },
    "Window total: " + fmt.wei(e.expected_value_wei) + " expected, face value " + fmt.wei(e.face_value_wei) +
    ", " + fmt.int(e.tickets) + " tickets, " + fmt.num(e.usage_minutes, 1) + " minutes served.");
}
