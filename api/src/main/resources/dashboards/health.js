// System health as of the window's end (default now): the alerts firing then, data freshness per
// org and family, the newest pipeline runs, quarantine, late data and attribution quality over the
// 24 h before it, events per hour by outcome over the window, and the API's readiness.
import { api, apiAll, barChart, el, fmt, kpiList, page, panel, sum, timeChart, timeSeries } from "./dash.js";

const SEVERITY_ORDER = { critical: 0, warning: 1 };

/** A series' labels as people read them; an unlabelled gauge describes the whole lake. */
const labelText = (labels) =>
  Object.entries(labels).map(([k, v]) => k + "=" + v).join(", ") || "lake-wide";

function showAlerts(p, a) {
  const count = (state) => a.alerts.filter((r) => r.state === state).length;
  // Critical first, then the catalog's order (sort is stable).
  const firing = a.alerts.filter((r) => r.state === "firing")
    .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const counts = el("div", {},
    kpiList([
      { id: "firing", label: "Firing", value: fmt.int(firing.length), raw: firing.length },
      { id: "ok", label: "OK", value: fmt.int(count("ok")), raw: count("ok") },
      { id: "unknown", label: "Unknown (no data)", value: fmt.int(count("unknown")), raw: count("unknown") },
    ]),
    el("p", { class: "note" }, "Judged as of " + fmt.time(a.as_of) + "; ratios over "
      + fmt.time(a.window_start) + " – " + fmt.time(a.window_end) + "."));
  if (!firing.length) {
    // Nothing firing is a result (the catalog was judged), not missing data: the panel is ready.
    return p.show(el("p", { class: "empty" }, "No alert firing as of " + fmt.time(a.as_of) + "."), counts);
  }
  p.table([
    { label: "Severity", value: (r) => el("span", { class: "badge severity-" + r.severity }, r.severity) },
    { label: "Alert", value: (r) => r.name },
    { label: "Summary", value: (r) => r.summary, wrap: true },
    { label: "Firing series", wrap: true, value: (r) => el("ul", { class: "series" },
      r.firing_series.map((s) => el("li", {}, labelText(s.labels) + ": " + s.why))) },
    { label: "Rule", value: (r) => el("span", { class: "mono" },
      r.expression + (r.for_seconds ? " for " + fmt.seconds(r.for_seconds) : "")) },
  ], firing, { after: counts });
}

page({
  title: "System health",
  filters: ["window", "end"],
  render(ctx) {
    const alerts = panel("alerts", "Firing alerts", { wide: true,
      note: "The alert catalog judged on the lake gauges, as ./naap status judges it (Prometheus may still hold a rule with a for-duration pending)." });
    const asOf = ctx.range.end;
    const quality = panel("quality", "Data quality, the 24 h before " + fmt.time(asOf), { wide: true });
    const outcomes = panel("outcomes", "Events per hour by outcome", { wide: true,
      note: "By the events' own event time, every org and family (/v1/network/data-quality); hollow points are hours not settled yet." });
    const freshness = panel("freshness", "Freshness per org and family", { note: "Time from the newest event to " + fmt.time(asOf) + " (7 days looked back)." });
    const lag = panel("lag", "Event lag by family");
    const runs = panel("runs", "Pipeline runs (newest per job)", { wide: true });
    const health = api("/v1/network/health", { as_of: asOf }).then((b) => b.data);

    ctx.load(alerts, async () => showAlerts(alerts, (await api("/v1/network/alerts", { as_of: asOf })).data));
    ctx.load(quality, async () => {
      const h = await health;
      const q = h.quality_24h;
      const ready = await fetch("/readyz").then((r) => r.json());
      quality.kpis([
        { id: "ready", label: "API readiness", value: ready.status === "ready" ? "ready" : "not ready", raw: ready.status },
        { id: "ingest-lag", label: "Ingest lag", value: fmt.seconds(h.ingest_lag_seconds), raw: h.ingest_lag_seconds },
        { id: "bronze", label: "Messages landed", value: fmt.int(q.bronze_rows), raw: q.bronze_rows },
        { id: "quarantine", label: "Quarantine rate", value: fmt.pct(q.quarantine_rate), raw: q.quarantine_rate },
        { id: "late", label: "Late-data rate", value: fmt.pct(q.late_rate), raw: q.late_rate },
        { id: "attribution", label: "Attribution quality", value: fmt.pct(q.attribution_quality), raw: q.attribution_quality },
        { id: "duplicates", label: "Duplicate deliveries", value: fmt.int(q.duplicate_deliveries), raw: q.duplicate_deliveries },
        { id: "ignored", label: "Ignored events", value: fmt.int(q.ignored_events), raw: q.ignored_events },
      ]);
    });
    ctx.load(outcomes, async () => {
      const rows = await apiAll("/v1/network/data-quality", { start: ctx.range.start, end: ctx.range.end });
      const series = [
        ["Accepted", "accepted_events"], ["Duplicate deliveries", "duplicate_deliveries"], ["Ignored", "ignored_events"],
        ["Quarantined", "quarantined_events"], ["Late", "late_events"],
      ].flatMap(([name, column]) => timeSeries(rows, { value: (rs) => sum(rs, column) }).map((s) => ({ ...s, name })));
      outcomes.chart(timeChart(series, fmt.int, ctx.range));
    });
    ctx.load(freshness, async () => {
      const h = await health;
      freshness.table([
        { label: "Org", value: (r) => r.org },
        { label: "Family", value: (r) => r.family },
        { label: "Newest event", value: (r) => fmt.time(r.latest_event_ts) },
        { label: "Lag", value: (r) => fmt.seconds(r.lag_seconds), num: true },
      ], h.freshness, { empty: "No event in the 7 days before " + fmt.time(asOf) + "." });
    });
    ctx.load(lag, async () => {
      const h = await health;
      const names = h.freshness.map((r) => r.org + " · " + r.family);
      lag.chart(barChart(names, [["Lag (h)", h.freshness.map((r) => r.lag_seconds / 3600)]], (v) => fmt.num(v, 1) + " h", true));
    });
    ctx.load(runs, async () => {
      const h = await health;
      runs.table([
        { label: "Job", value: (r) => r.job },
        { label: "Status", value: (r) => r.status + (r.error_category ? " (" + r.error_category + ")" : "") },
        { label: "Run time", value: (r) => fmt.time(r.run_time) },
        { label: "Finished", value: (r) => fmt.time(r.finished_at) },
        { label: "Duration", value: (r) => fmt.ms(r.duration_ms), num: true },
        { label: "Rows in", value: (r) => fmt.int(r.rows_in), num: true },
        { label: "Rows out", value: (r) => fmt.int(r.rows_out), num: true },
      ], h.pipeline_runs, { empty: "No pipeline run at or before " + fmt.time(asOf) + "." });
    });
  },
});
