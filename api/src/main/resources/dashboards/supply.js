// Supply: GPU inventory by model (physical GPUs vs reported UUIDs), capacity vs active streams,
// and hourly supply history.
import { api, apiAll, barChart, filterParams, fmt, page, panel, param, sum, timeChart, timeSeries } from "./dash.js";

page({
  title: "GPU supply",
  filters: ["window", "end", "pipeline", "model", ["gpu_model", { label: "GPU model", hint: "e.g. NVIDIA GeForce RTX 5090" }],
    ["by", { label: "Inventory by", options: ["gpu_model", "pipeline", "model"], fallback: "gpu_model" }]],
  render(ctx) {
    const filters = filterParams(["pipeline", "model", "gpu_model"]);
    const endDay = new Date(Date.parse(ctx.range.end) - 1).toISOString().slice(0, 10);
    const inventory = panel("inventory", "GPU inventory on " + endDay, { note: "Physical GPUs (a card whose NVML UUID changed counts once) vs the UUIDs reported." });
    const capacity = panel("capacity", "Capacity vs active streams", { note: "Latest supply hour at or before the window's end." });
    const history = panel("history", "Supply over time", { wide: true });

    ctx.load(inventory, async () => {
      const rows = (await api("/v1/supply/gpus", { date: endDay, by: param("by", "gpu_model") })).data;
      const names = rows.map((r) => fmt.text(r.group_value));
      inventory.chart(barChart(names, [
        ["Physical GPUs", rows.map((r) => r.physical_gpus)],
        ["Reported UUIDs", rows.map((r) => r.reported_gpu_uuids)],
        ["Orchestrators", rows.map((r) => r.orchestrators)],
      ], fmt.int, true));
    });
    ctx.load(capacity, async () => {
      const rows = (await api("/v1/supply/capacity", { pipeline: filters.pipeline, as_of: ctx.range.end })).data
        .filter((r) => !filters.model || r.model_id === filters.model);
      capacity.table([
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline) },
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "Hour", value: (r) => fmt.time(r.window_start) },
        { label: "Physical GPUs", value: (r) => fmt.int(r.physical_gpus), num: true },
        { label: "Advertised", value: (r) => fmt.int(r.advertised_capacity), num: true },
        { label: "In use", value: (r) => fmt.int(r.capacity_in_use), num: true },
        { label: "Active streams", value: (r) => fmt.int(r.active_streams), num: true },
        { label: "Free", value: (r) => fmt.int(r.available_capacity), num: true },
      ], rows, { empty: "No supply hour in the 24 h before the window's end." });
    });
    ctx.load(history, async () => {
      const rows = await apiAll("/v1/supply/gpus/history", { start: ctx.range.start, end: ctx.range.end, ...filters });
      const series = [
        ["Physical GPUs", "physical_gpus"],
        ["Reported UUIDs", "reported_gpu_uuids"],
        ["Active streams", "active_streams"],
        ["Capacity in use", "capacity_in_use"],
      ].flatMap(([name, column]) => timeSeries(rows, { value: (rs) => sum(rs, column) }).map((s) => ({ ...s, name })));
      history.chart(timeChart(series, fmt.int, ctx.range));
    });
  },
});
