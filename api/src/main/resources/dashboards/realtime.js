// Real-time operations: open sessions (gateway → orchestrator → pipeline), streams per
// orchestrator, and capacity against active streams per pipeline and model.
import { api, apiAll, barChart, filterParams, fmt, groupBy, orchestratorLink, page, panel } from "./dash.js";

page({
  title: "Real-time operations",
  filters: ["org", "pipeline", "model", "orchestrator"],
  render(ctx) {
    const filters = filterParams(["org", "pipeline", "model", "orchestrator"]);
    const sessions = panel("sessions", "Active sessions", { wide: true, note: "Sessions seen in the 2 minutes before the newest snapshot." });
    const perOrch = panel("per-orchestrator", "Streams per orchestrator");
    const capacity = panel("capacity", "Capacity vs active streams", { note: "Per pipeline and model, latest supply hour." });

    ctx.load(sessions, async () => {
      const rows = await apiAll("/v1/streaming/active", filters);
      const now = ctx.now.getTime();
      sessions.table([
        { label: "Gateway", value: (r) => fmt.text(r.gateway) },
        { label: "Orchestrator", value: (r) => orchestratorLink(r.orchestrator_address) },
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline) },
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "Output FPS", value: (r) => fmt.fps(r.output_fps), num: true },
        { label: "State", value: (r) => fmt.text(r.state) },
        { label: "Age", value: (r) => fmt.seconds((now - Date.parse(r.first_seen)) / 1000), num: true },
        { label: "Stream", value: (r) => r.stream_id },
      ], rows, { empty: "No open session as of " + fmt.time(ctx.now.toISOString()) + "." });
      if (!rows.length) return perOrch.empty("No open session.");
      const counts = [...groupBy(rows, "orchestrator_address").entries()].sort((a, b) => b[1].length - a[1].length);
      perOrch.chart(barChart(counts.map(([k]) => (k === "unknown" ? k : fmt.addr(k))),
        [["Streams", counts.map(([, rs]) => rs.length)]], fmt.int, true));
    });

    ctx.load(capacity, async () => {
      const rows = (await api("/v1/streaming/models", { pipeline: filters.pipeline })).data;
      const shown = rows.filter((r) => !filters.model || r.model_id === filters.model);
      const names = shown.map((r) => fmt.text(r.pipeline) + " / " + fmt.text(r.model_id));
      capacity.chart(barChart(names, [
        ["Active streams", shown.map((r) => r.active_streams)],
        ["Free capacity", shown.map((r) => r.available_capacity)],
        ["Advertised slots", shown.map((r) => r.gpu_slots)],
        ["Warm orchestrators", shown.map((r) => r.warm_orchestrators)],
      ], fmt.int, true));
    });
  },
});
