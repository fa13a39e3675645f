// The one shared module of the dashboards: page shell and navigation, filters kept in the URL,
// fetching the JSON API, formatting numbers for people, panels with loading / empty / error
// states, and ECharts helpers. Pages only say which routes they read and how to show them.

export const PAGES = [
  ["index.html", "Overview"],
  ["realtime.html", "Real-time"],
  ["performance.html", "Performance"],
  ["orchestrator.html", "Orchestrator"],
  ["supply.html", "Supply"],
  ["economics.html", "Economics"],
  ["jobs.html", "Jobs"],
  ["health.html", "System health"],
];

const HOUR = 3600 * 1000;
export const WINDOWS = { "1h": HOUR, "6h": 6 * HOUR, "24h": 24 * HOUR, "7d": 168 * HOUR, "30d": 720 * HOUR };

/** The standard filters a page may show, in this order. */
const FILTERS = {
  window: { label: "Window", options: Object.keys(WINDOWS), fallback: "24h" },
  end: { label: "End (UTC)", type: "datetime-local", hint: "empty: the API's now" },
  org: { label: "Org", hint: "e.g. cloudspe" },
  pipeline: { label: "Pipeline", hint: "e.g. live-video-to-video", suggest: { path: "/v1/streaming/models", column: "pipeline" } },
  model: { label: "Model", hint: "model id", suggest: { path: "/v1/streaming/models", column: "model_id" } },
  orchestrator: { label: "Orchestrator", hint: "0x… address", suggest: { path: "/v1/streaming/orchestrators", column: "orchestrator_address", paged: true } },
  gpu: { label: "GPU", hint: "GPU UUID" },
  refresh: { label: "Auto-refresh", options: ["60", "30", "300", "0"], fallback: "60",
    names: { 0: "off", 30: "30 s", 60: "1 min", 300: "5 min" } },
};

// Errors anywhere on the page are collected (the browser tests read them) and shown.
window.__dashErrors = window.__dashErrors || [];
window.addEventListener("error", (e) => reportError(e.message || String(e)));
window.addEventListener("unhandledrejection", (e) => reportError(String(e.reason)));

function reportError(message) {
  window.__dashErrors.push(message);
  const banner = document.getElementById("page-error");
  if (banner) {
    banner.hidden = false;
    banner.textContent = "Something went wrong on this page: " + message;
  }
}

// ---------------------------------------------------------------- URL state

/** The value of a query-string parameter, or the fallback. */
export function param(name, fallback = "") {
  const value = new URLSearchParams(location.search).get(name);
  return value === null || value === "" ? fallback : value;
}

/** The API filter parameters of the page (only those set), under the API's names. */
export function filterParams(names) {
  const out = {};
  for (const name of names) {
    const value = param(name);
    if (value) out[name] = value;
  }
  return out;
}

/** [start, end) of the selected window ending at the selected end, or at the API's now. */
export function timeRange(now) {
  const end = param("end") ? new Date(param("end") + (param("end").endsWith("Z") ? "" : "Z")) : now;
  const length = WINDOWS[param("window", "24h")] || WINDOWS["24h"];
  return { start: iso(new Date(end.getTime() - length)), end: iso(end), hours: length / HOUR };
}

export function iso(date) {
  return date.toISOString().replace(".000Z", "Z");
}

/** A dashboard link keeping the current filters, with some changed. */
export function link(page, changes = {}) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") q.delete(k);
    else q.set(k, v);
  }
  const text = q.toString();
  return page + (text ? "?" + text : "");
}

// ---------------------------------------------------------------- fetching

/** An API error with its problem+json detail. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON route with the given parameters (empty ones left out). */
export async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, v);
  }
  const url = path + (q.toString() ? "?" + q : "");
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError(0, "the API cannot be reached (" + e.message + ")");
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, "the API answered something that is not JSON");
  }
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new ApiError(response.status, response.status + " " + (detail || response.statusText));
  }
  return body;
}

/** Every row of a list route (following next_cursor), at most maxRows. */
export async function apiAll(path, params = {}, maxRows = 5000) {
  const rows = [];
  let cursor = null;
  do {
    const page = await api(path, { ...params, limit: 1000, cursor });
    rows.push(...page.data);
    cursor = page.pagination && page.pagination.next_cursor;
  } while (cursor && rows.length < maxRows);
  return rows;
}

// ---------------------------------------------------------------- formatting

/** Null, undefined and non-finite numbers show as a dash. */
const missing = (v) => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));

const nf = (digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });

export const fmt = {
  int: (v) => (missing(v) ? "–" : nf(0).format(Number(v))),
  num: (v, digits = 1) => (missing(v) ? "–" : nf(digits).format(Number(v))),
  pct: (rate) => (missing(rate) ? "–" : nf(1).format(Number(rate) * 100) + " %"),
  score: (v) => (missing(v) ? "–" : Number(v).toFixed(1)),
  fps: (v) => (missing(v) ? "–" : nf(1).format(Number(v)) + " fps"),
  ms: (v) => {
    if (missing(v)) return "–";
    const ms = Number(v);
    return ms >= 10000 ? nf(1).format(ms / 1000) + " s" : nf(0).format(ms) + " ms";
  },
  seconds: (v) => {
    if (missing(v)) return "–";
    const s = Number(v);
    if (s < 120) return nf(0).format(s) + " s";
    if (s < 7200) return nf(0).format(s / 60) + " min";
    if (s < 172800) return nf(1).format(s / 3600) + " h";
    return nf(1).format(s / 86400) + " d";
  },
  /** A wei amount (decimal string, exact) in ETH, gwei or wei, whichever reads best. */
  wei: (v) => {
    if (missing(v)) return "–";
    const wei = Number(v);
    const abs = Math.abs(wei);
    if (abs >= 1e15) return nf(4).format(wei / 1e18) + " ETH";
    if (abs >= 1e6) return nf(abs >= 1e9 ? 0 : 6).format(wei / 1e9) + " gwei";
    return nf(0).format(wei) + " wei";
  },
  eth: (v) => (missing(v) ? "–" : nf(6).format(Number(v) / 1e18) + " ETH"),
  /** A price in wei per pixel as gwei per megapixel (× 10⁶ pixels ÷ 10⁹ wei per gwei). */
  gweiPerMegapixel: (weiPerPixel) =>
    missing(weiPerPixel) ? "–" : nf(3).format(Number(weiPerPixel) / 1000) + " gwei/MP",
  time: (v) => (v ? String(v).replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC") : "–"),
  date: (v) => (v ? String(v).slice(0, 10) : "–"),
  addr: (v) => (v ? v.slice(0, 6) + "…" + v.slice(-4) : "unknown"),
  text: (v) => (v === null || v === undefined || v === "" ? "unknown" : String(v)),
};

/** Σ numerator / Σ denominator over rows, null when the denominator is 0. */
export function ratio(rows, numerator, denominator) {
  const num = sum(rows, numerator);
  const den = sum(rows, denominator);
  return den > 0 ? num / den : null;
}

export function sum(rows, column) {
  const value = typeof column === "function" ? column : (r) => r[column];
  return rows.reduce((total, r) => total + (Number(value(r)) || 0), 0);
}

/** Rows summed per key: {key → {rows, …sums}}. */
export function groupBy(rows, key) {
  const keyOf = typeof key === "function" ? key : (r) => r[key];
  const groups = new Map();
  for (const row of rows) {
    const k = keyOf(row) ?? "unknown";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(row);
  }
  return groups;
}

export const provisional = (rows) => rows.some((r) => r.is_settled === false);

// ---------------------------------------------------------------- DOM

/** An element: el("td", {class: "num"}, "text", child, …). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("data-") || k.startsWith("aria-") || k === "role" || k === "for" || k === "list") node.setAttribute(k, v);
    else if (k === "class") node.className = v;
    else node[k] = v;
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const PROVISIONAL_TITLE = "Provisional: the window is not settled yet (late data may still change it)";

export function provisionalBadge() {
  return el("span", { class: "badge provisional", title: PROVISIONAL_TITLE }, "provisional");
}

/** A link to the orchestrator page, showing the short address. */
export function orchestratorLink(address) {
  if (!address) return el("span", { class: "muted" }, "unknown");
  return el("a", { href: link("orchestrator.html", { orchestrator: address }), title: address, class: "mono" },
    fmt.addr(address));
}

// ---------------------------------------------------------------- panels

const panels = new Map();

/** A panel of the page (created once; later calls return it). */
export function panel(id, title, options = {}) {
  if (panels.has(id)) return panels.get(id);
  const heading = el("h2", { id: id + "-title" }, title);
  const note = options.note ? el("p", { class: "note" }, options.note) : null;
  const body = el("div", { class: "panel-body", "aria-live": "polite" });
  const section = el("section", {
    id, class: "panel" + (options.wide ? " wide" : ""), "aria-labelledby": id + "-title", "data-state": "loading",
  }, heading, note, body);
  document.getElementById("panels").append(section);
  const p = new Panel(section, body, title);
  panels.set(id, p);
  return p;
}

class Panel {
  constructor(section, body, title) {
    this.section = section;
    this.body = body;
    this.title = title;
    this.chartInstance = null;
  }

  state(value, ...children) {
    this.section.dataset.state = value;
    if (this.chartInstance) {
      this.chartInstance.dispose();
      this.chartInstance = null;
    }
    this.body.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
  }

  loading() {
    if (this.section.dataset.state !== "ready") this.state("loading", el("p", { class: "muted" }, "Loading…"));
  }

  empty(message = "No data for these filters and this window.") {
    this.state("empty", el("p", { class: "empty" }, message));
  }

  error(error) {
    this.state("error", el("p", { class: "error", role: "alert" }, "Could not load: " + error.message));
  }

  /** Shows nodes; a panel with no rows to show says so instead. */
  show(...children) {
    this.state("ready", ...children);
  }

  /** KPI tiles: [{id, label, value (shown), raw (data-raw, for tests), provisional, delta, small}]. */
  kpis(items) {
    this.show(kpiList(items));
  }

  /** A table: columns [{label, value(row) → node or text, num, wrap}], rows. */
  table(columns, rows, options = {}) {
    if (!rows.length) return this.empty(options.empty);
    this.show(table(columns, rows, this.title), options.after || null);
  }

  /** A chart; option.series must hold data. Appends below `before` nodes. */
  chart(option, ...before) {
    if (!option.series.some((s) => s.data && s.data.length)) return this.empty();
    const box = el("div", { class: "chart", role: "img", "aria-label": this.title + " (chart)" });
    this.show(...before, box);
    this.chartInstance = drawChart(box, option);
  }
}

/** KPI tiles as a node, for panels that show them beside something else. */
export function kpiList(items) {
  return el("dl", { class: "kpis" }, items.map((item) => el("div", { class: "kpi" + (item.small ? " small" : ""), "data-kpi": item.id || item.label, "data-raw": item.raw ?? "" },
    el("dt", {}, item.label),
    el("dd", {}, item.value, item.provisional ? provisionalBadge() : null,
      item.delta !== undefined && item.delta !== null ? el("span", { class: "delta" }, item.delta) : null))));
}

function table(columns, rows, caption) {
  return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    el("table", {},
      el("caption", { class: "sr-only" }, caption),
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col", class: c.num ? "num" : "" }, c.label)))),
      el("tbody", {}, rows.map((row) => el("tr", { class: row.is_settled === false ? "provisional" : "" },
        columns.map((c, i) => el("td", { class: c.num ? "num" : c.wrap ? "wrap" : "" }, c.value(row),
          i === 0 && row.is_settled === false ? provisionalBadge() : null)))))));
}

// ---------------------------------------------------------------- charts

const PALETTE = ["#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#4b5563"];

function drawChart(box, option) {
  /* global echarts */
  const chart = echarts.init(box, null, { renderer: "canvas" });
  chart.setOption({
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { type: "scroll", top: 0 },
    tooltip: { trigger: option.xAxis && option.xAxis.type === "time" ? "axis" : "item" },
    ...option,
  });
  new ResizeObserver(() => chart.resize()).observe(box);
  return chart;
}

/**
 * Line series over time, one per group: rows → [{name, data: [[time, value]]}]. Points of
 * unsettled rows are drawn hollow (provisional).
 */
export function timeSeries(rows, { time = "window_start", group, value, type = "line", stack }) {
  const keyOf = typeof group === "function" ? group : group ? (r) => r[group] : () => "all";
  const series = [];
  for (const [name, groupRows] of groupBy(rows, keyOf)) {
    const byTime = groupBy(groupRows, time);
    const data = [...byTime.entries()]
      .map(([t, rs]) => {
        const v = value(rs);
        return { value: [t, missing(v) ? null : Number(v)], symbol: provisional(rs) ? "emptyCircle" : "circle" };
      })
      .filter((point) => point.value[1] !== null)
      .sort((a, b) => (a.value[0] < b.value[0] ? -1 : 1));
    series.push({ name: String(name), type, data, stack, showSymbol: true, connectNulls: false });
  }
  return series.filter((s) => s.data.length);
}

/**
 * A time chart of series over the window `range` ({start, end}, optional), the y axis formatted by
 * `format` (counts get whole-number ticks).
 */
export function timeChart(series, format = (v) => fmt.num(v), range = null) {
  return {
    xAxis: { type: "time", min: range ? range.start : null, max: range ? range.end : null },
    yAxis: { type: "value", minInterval: format === fmt.int ? 1 : null, axisLabel: { formatter: (v) => format(v) } },
    tooltip: { trigger: "axis", valueFormatter: (v) => format(v) },
    series: series.map((s) => (s.type === "bar" ? { barMaxWidth: 28, ...s } : s)),
  };
}

/** A bar chart of categories, one series per [name, values]. */
export function barChart(categories, series, format = (v) => fmt.num(v), horizontal = false) {
  const category = { type: "category", data: categories.map(String), axisLabel: { width: 140, overflow: "truncate" } };
  const numeric = { type: "value", minInterval: format === fmt.int ? 1 : null, axisLabel: { formatter: (v) => format(v) } };
  return {
    xAxis: horizontal ? numeric : category,
    yAxis: horizontal ? category : numeric,
    tooltip: { trigger: "axis", valueFormatter: (v) => format(v) },
    series: series.map(([name, data, stack]) => ({ name, type: "bar", data, stack, barMaxWidth: 28 })),
  };
}

// ---------------------------------------------------------------- the page

function shell(title, filterNames) {
  const current = location.pathname.split("/").pop() || "index.html";
  const nav = el("nav", { "aria-label": "Dashboards" }, el("ul", {}, PAGES.map(([href, name]) =>
    el("li", {}, el("a", { href: link(href, { address: null }), "aria-current": href === current ? "page" : null }, name)))));
  const header = el("header", { class: "top" },
    el("a", { class: "brand", href: link("index.html") }, "NaaP Lake"), nav,
    el("a", { class: "docs", href: "/docs" }, "API docs"));
  const form = el("form", { id: "filters", class: "filters", "aria-label": "Filters", method: "get" },
    filterNames.map((name) => filterField(name)),
    el("div", { class: "actions" },
      el("button", { type: "submit" }, "Apply"),
      el("a", { href: location.pathname, class: "reset" }, "Reset")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = {};
    for (const [k, v] of new FormData(form).entries()) changes[k] = v;
    location.assign(link(current, changes));
  });
  const status = el("p", { id: "status", class: "status", role: "status" }, "Loading…");
  const banner = el("p", { id: "page-error", class: "error banner", role: "alert", hidden: true });
  document.body.prepend(
    el("a", { class: "skip", href: "#main" }, "Skip to content"),
    header,
    el("main", { id: "main" }, el("h1", {}, title), form, status, banner, el("div", { id: "panels", class: "panels" })));
  document.title = title + " · NaaP Lake dashboards";
}

function filterField(spec) {
  const [name, custom] = Array.isArray(spec) ? spec : [spec, null];
  const def = custom || FILTERS[name];
  const id = "f-" + name;
  let input;
  if (def.options) {
    input = el("select", { id, name }, def.options.map((o) =>
      el("option", { value: o, selected: param(name, def.fallback) === o }, def.names ? def.names[o] : o)));
  } else {
    input = el("input", {
      id, name, type: def.type || "text", value: param(name).replace(/Z$/, ""), placeholder: def.hint || "",
      autocomplete: "off", spellcheck: false, list: def.suggest ? id + "-options" : null,
    });
  }
  const field = el("div", { class: "field" }, el("label", { for: id }, def.label), input);
  if (def.suggest) field.append(suggestions(id + "-options", def.suggest));
  return field;
}

/**
 * A datalist of the values the API knows for a filter (its newest snapshot's orchestrators, the
 * pipelines and models on offer), filled once per page load: the field still takes any value.
 */
function suggestions(id, { path, column, paged }) {
  const list = el("datalist", { id });
  (paged ? apiAll(path) : api(path).then((body) => body.data))
    .then((rows) => {
      const values = [...new Set(rows.map((r) => r[column]).filter((v) => v))].sort();
      list.replaceChildren(...values.map((v) => el("option", { value: v })));
      list.dataset.count = values.length;
    })
    .catch((e) => {
      // Only the hints are missing; the panels report their own errors.
      list.dataset.count = "0";
      console.warn("no suggestions for the " + column + " filter: " + e.message);
    });
  return list;
}

/**
 * Runs a page: builds the shell and filters, reads the API's now, and calls render(ctx) now and
 * on every auto-refresh. ctx: {now, asOf, range, params(names), load(panel, fn)}.
 *
 * @param spec {title, filters: [name | [name, {label, options, fallback}]], render}
 */
export async function page(spec) {
  shell(spec.title, [...spec.filters, "refresh"]);
  const run = async () => {
    document.body.dataset.state = "loading";
    let clock;
    try {
      clock = await api("/dashboards/clock");
    } catch (e) {
      document.getElementById("status").textContent = "The API cannot be reached: " + e.message;
      document.body.dataset.state = "error";
      return;
    }
    const now = new Date(clock.now);
    const range = timeRange(now);
    const loads = [];
    const ctx = {
      now,
      asOf: clock.as_of,
      range,
      load(p, fn) {
        p.loading();
        const done = Promise.resolve().then(fn).catch((e) => p.error(e));
        loads.push(done);
        return done;
      },
    };
    await spec.render(ctx);
    await Promise.all(loads);
    document.getElementById("status").replaceChildren(
      spec.filters.includes("window") ? "Window " + fmt.time(range.start) + " – " + fmt.time(range.end) : "Now " + fmt.time(clock.now),
      clock.as_of ? el("span", { class: "badge" }, "as of " + fmt.time(clock.as_of)) : "",
      " · updated " + new Date().toLocaleTimeString("en-GB"),
      ". Hollow points and ", provisionalBadge(), " rows are not settled yet.");
    document.body.dataset.state = "ready";
  };
  await run();
  const seconds = Number(param("refresh", "60"));
  if (seconds > 0) setInterval(run, seconds * 1000);
}
