// Request/response jobs: AI batch, LLM and BYOC volumes, success rates, durations, tokens/s.
import { api, apiAll, barChart, filterParams, fmt, orchestratorLink, page, panel, sum, timeChart, timeSeries } from "./dash.js";

page({
  title: "Jobs",
  filters: ["window", "end", "org", "pipeline", "model", "orchestrator"],
  render(ctx) {
    const window = { start: ctx.range.start, end: ctx.range.end };
    const org = filterParams(["org"]);
    const kinds = [
      ["ai-batch", "AI batch", "/v1/requests/ai-batch/summary"],
      ["byoc", "BYOC", "/v1/requests/byoc/summary"],
    ];
    const totals = panel("totals", "Jobs over the window", { wide: true });
    const granularity = ctx.range.hours > 48 ? "day" : "hour";
    const volume = panel("volume", "Jobs per " + granularity + " by type", { wide: true,
      note: "By the hour (or day, over longer windows) the jobs were requested; every filter applies." });
    const summaries = kinds.map(([id, title, path]) => [panel(id, title + " jobs per pipeline or capability"), path]);
    const llm = panel("llm", "LLM requests per model", { wide: true });
    const recent = panel("recent", "Recent AI batch and LLM jobs", { wide: true });

    const loaded = summaries.map(([p, path]) => api(path, { ...window, ...org }).then((b) => b.data));
    const llmRows = api("/v1/requests/llm/summary", { ...window, ...org }).then((b) => b.data);
    ctx.load(totals, async () => {
      const [batch, byoc] = await Promise.all(loaded);
      const llmData = await llmRows;
      totals.kpis([
        { id: "ai-batch-jobs", label: "AI batch jobs", value: fmt.int(sum(batch, "total_jobs")), raw: sum(batch, "total_jobs") },
        { id: "ai-batch-success", label: "AI batch success", value: fmt.pct(sum(batch, "successful_jobs") / (sum(batch, "total_jobs") || NaN)) },
        { id: "llm-requests", label: "LLM requests", value: fmt.int(sum(llmData, "total_requests")), raw: sum(llmData, "total_requests") },
        { id: "byoc-jobs", label: "BYOC jobs", value: fmt.int(sum(byoc, "total_jobs")), raw: sum(byoc, "total_jobs") },
        { id: "byoc-success", label: "BYOC success", value: fmt.pct(sum(byoc, "successful_jobs") / (sum(byoc, "total_jobs") || NaN)) },
      ]);
    });
    ctx.load(volume, async () => {
      const rows = await apiAll("/v1/requests/volume", { ...window, granularity, ...filterParams(["org", "pipeline", "model", "orchestrator"]) });
      const types = { ai_batch: "AI batch", llm: "LLM", byoc: "BYOC" };
      volume.chart(timeChart(timeSeries(rows, { group: (r) => types[r.job_type] || r.job_type, value: (rs) => sum(rs, "total_jobs"), type: "bar", stack: "jobs" }), fmt.int, ctx.range));
    });
    summaries.forEach(([p], i) => ctx.load(p, async () => {
      const rows = await loaded[i];
      const names = rows.map((r) => fmt.text(r.pipeline_or_capability));
      p.chart(barChart(names, [
        ["Successful", rows.map((r) => r.successful_jobs)],
        ["Failed", rows.map((r) => r.total_jobs - r.successful_jobs - r.no_orch_jobs)],
        ["No orchestrator", rows.map((r) => r.no_orch_jobs)],
      ].map(([name, data]) => [name, data, "jobs"]), fmt.int, true),
      durationTable(rows));
    }));
    ctx.load(llm, async () => {
      const rows = await llmRows;
      llm.table([
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "Requests", value: (r) => fmt.int(r.total_requests), num: true },
        { label: "Success", value: (r) => fmt.pct(r.success_rate), num: true },
        { label: "Tokens/s", value: (r) => fmt.num(r.avg_tokens_per_second, 1), num: true },
        { label: "Time to first token", value: (r) => fmt.ms(r.avg_ttft_ms), num: true },
        { label: "Avg tokens", value: (r) => fmt.num(r.avg_total_tokens, 0), num: true },
      ], rows, { empty: "No LLM request in the window." });
    });
    ctx.load(recent, async () => {
      const rows = await apiAll("/v1/requests/ai-batch/jobs", { ...window, ...filterParams(["org", "pipeline", "model", "orchestrator"]) }, 200);
      recent.table([
        { label: "Requested", value: (r) => fmt.time(r.job_ts) },
        { label: "Type", value: (r) => r.job_type },
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline_or_capability) },
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "Orchestrator", value: (r) => orchestratorLink(r.orchestrator_address) },
        { label: "Outcome", value: (r) => (r.success === true ? "success" : r.success === false ? fmt.text(r.error_type) : "pending") },
        { label: "Duration", value: (r) => fmt.ms(r.duration_ms), num: true },
        { label: "Tokens/s", value: (r) => fmt.num(r.tokens_per_second, 1), num: true },
      ], rows.slice(0, 200), { empty: "No job in the window." });
    });
  },
});

function durationTable(rows) {
  const list = document.createElement("p");
  list.className = "note";
  list.textContent = "Mean duration: " + rows.map((r) => fmt.text(r.pipeline_or_capability) + " " + fmt.ms(r.avg_duration_ms) +
    " (" + fmt.pct(r.success_rate) + " success)").join(" · ");
  return list;
}
