// Economics: expected fees and face value over time, by orchestrator, gateway or pipeline, and
// the prices orchestrators quote (gwei per megapixel).
import { apiAll, barChart, filterParams, fmt, groupBy, orchestratorLink, page, panel, param, provisional, sum, timeChart, timeSeries } from "./dash.js";

page({
  title: "Economics",
  filters: ["window", "end", "org", ["gateway", { label: "Gateway", hint: "address or host, any case" }], "pipeline", "model", "orchestrator",
    ["group_by", { label: "Group by", options: ["orchestrator", "gateway", "pipeline"], fallback: "orchestrator" }]],
  render(ctx) {
    // Payments follow every filter; price quotes have no org or gateway (see their panel's note).
    const filters = filterParams(["org", "gateway", "pipeline", "model", "orchestrator"]);
    const groupByName = param("group_by", "orchestrator");
    const granularity = ctx.range.hours > 48 ? "day" : "hour";
    const label = (k) => (groupByName === "orchestrator" && k !== "unknown" ? fmt.addr(k) : String(k));
    const totals = panel("totals", "Totals over the window", { wide: true });
    const fees = panel("fees", "Expected fees per " + granularity + " by " + groupByName, { wide: true });
    const face = panel("face", "Face value per " + granularity);
    const groups = panel("groups", "By " + groupByName);
    const prices = panel("prices", "Price quotes", { wide: true, note: "Latest quote per date, orchestrator, pipeline and model (quotes name no org or gateway)." });

    const payments = apiAll("/v1/economics/payments", { start: ctx.range.start, end: ctx.range.end, granularity, group_by: groupByName, ...filters });
    ctx.load(totals, async () => {
      const rows = await payments;
      const p = provisional(rows);
      const expected = sum(rows, "expected_value_wei");
      totals.kpis([
        { id: "expected", label: "Expected fees", value: fmt.wei(expected), raw: expected, provisional: p },
        { id: "face", label: "Face value", value: fmt.wei(sum(rows, "face_value_wei")), raw: sum(rows, "face_value_wei"), provisional: p },
        { id: "tickets", label: "Tickets", value: fmt.int(sum(rows, "tickets")), raw: sum(rows, "tickets"), provisional: p },
        { id: "events", label: "Payment events", value: fmt.int(sum(rows, "payment_events")), raw: sum(rows, "payment_events"), provisional: p },
      ]);
    });
    ctx.load(fees, async () => {
      const rows = await payments;
      fees.chart(timeChart(timeSeries(rows, { group: (r) => label(r.group_value ?? "unknown"), value: (rs) => sum(rs, "expected_value_wei"), type: "bar", stack: "fees" }), fmt.eth, ctx.range));
    });
    ctx.load(face, async () => {
      const rows = await payments;
      face.chart(timeChart(timeSeries(rows, { group: (r) => label(r.group_value ?? "unknown"), value: (rs) => sum(rs, "face_value_wei"), type: "bar", stack: "face" }), fmt.eth, ctx.range));
    });
    ctx.load(groups, async () => {
      const rows = await payments;
      const summary = [...groupBy(rows, "group_value").entries()].map(([k, rs]) => ({
        key: k, is_settled: !provisional(rs), expected: sum(rs, "expected_value_wei"), face: sum(rs, "face_value_wei"),
        tickets: sum(rs, "tickets"), price: rs.find((r) => r.price_wei_per_pixel !== null)?.price_wei_per_pixel ?? null,
      })).sort((a, b) => b.expected - a.expected);
      groups.table([
        { label: groupByName, value: (g) => (groupByName === "orchestrator" ? orchestratorLink(g.key === "unknown" ? null : g.key) : String(g.key)) },
        { label: "Expected fees", value: (g) => fmt.wei(g.expected), num: true },
        { label: "Face value", value: (g) => fmt.wei(g.face), num: true },
        { label: "Tickets", value: (g) => fmt.int(g.tickets), num: true },
        { label: "Price paid", value: (g) => fmt.gweiPerMegapixel(g.price), num: true },
      ], summary);
    });
    ctx.load(prices, async () => {
      const rows = (await apiAll("/v1/economics/pricing", { start: ctx.range.start, end: ctx.range.end, ...filterParams(["pipeline", "model", "orchestrator"]) }))
        .sort((a, b) => Number(a.gwei_per_megapixel) - Number(b.gwei_per_megapixel));
      prices.table([
        { label: "Date", value: (r) => fmt.date(r.window_date) },
        { label: "Orchestrator", value: (r) => orchestratorLink(r.orchestrator_address) },
        { label: "Pipeline", value: (r) => fmt.text(r.pipeline) },
        { label: "Model", value: (r) => fmt.text(r.model_id) },
        { label: "Price", value: (r) => fmt.num(r.gwei_per_megapixel, 3) + " gwei/MP", num: true },
        { label: "Wei per unit", value: (r) => fmt.int(r.price_wei_per_unit), num: true },
        { label: "Pixels per unit", value: (r) => fmt.int(r.pixels_per_unit), num: true },
        { label: "Warm", value: (r) => (r.warm ? "yes" : "no") },
      ], rows);
      if (rows.length) {
        const chartPanel = panel("price-chart", "Price per orchestrator and model (gwei per megapixel)", { wide: true });
        const latest = [...groupBy(rows, (r) => fmt.addr(r.orchestrator_address) + " · " + fmt.text(r.model_id)).entries()]
          .map(([k, rs]) => [k, Number(rs.sort((a, b) => (a.window_date < b.window_date ? 1 : -1))[0].gwei_per_megapixel)]);
        chartPanel.chart(barChart(latest.map(([k]) => k), [["gwei / megapixel", latest.map(([, v]) => v)]], (v) => fmt.num(v, 3), true));
      }
    });
  },
});
