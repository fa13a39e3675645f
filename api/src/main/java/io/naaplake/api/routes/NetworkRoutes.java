package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.QueryParams;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Network overview and the health of the data behind it. */
final class NetworkRoutes {
  static final Duration SUMMARY_MAX = Duration.ofDays(31);
  static final Duration FRESHNESS_LOOKBACK = Duration.ofDays(7);

  private NetworkRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(summary(), health(), dataQuality(config));
  }

  static Route dataQuality(ApiConfig config) {
    return TableRoute.of("/v1/network/data-quality", "data_quality_hourly", "network", config)
        .summary("Data quality per hour, org and event family")
        .description(
            "Where each hour's events went, per org and event family: bronze deliveries,"
                + " duplicates, accepted, ignored, quarantined and partially quarantined events,"
                + " late events (and those beyond the lateness horizon), the newest event time,"
                + " and for live-video signal families the attribution quality of their"
                + " orchestrator selections. Hours by the events' own event time. Newest hour"
                + " first.")
        .window("window_start", SUMMARY_MAX)
        .filters("org")
        .filter(Params.filter("family", "Event family, e.g. stream_trace"), "family")
        .build();
  }

  private static final List<Column> KPIS =
      List.of(
          Column.required("hours", bigint(), "Hours of the window that have a summary row."),
          Column.required("requested_sessions", bigint(), "Live-video sessions requested."),
          Column.required("startup_success_sessions", bigint(), "Sessions that started."),
          Column.optional(
              "startup_success_rate", float64(), "startup_success / requested; null if none."),
          Column.required("usage_minutes", float64(), "Minutes of live video served."),
          Column.required(
              "expected_fees_wei", decimal(38, 10), "Expected fees (Σ face × win prob), wei."),
          Column.required("payment_events", bigint(), "Payment events."),
          Column.required("jobs", bigint(), "Request/response jobs."),
          Column.optional(
              "active_orchestrators",
              bigint(),
              "Orchestrators active in the window's latest hour with data."),
          Column.optional(
              "physical_gpus", bigint(), "Physical GPUs in the window's latest hour with data."));

  static Route summary() {
    List<Column> delta =
        KPIS.stream()
            .filter(c -> !c.name().equals("hours"))
            .map(
                c ->
                    Documents.nullable(
                        Column.optional(c.name(), c.type(), "Change: " + c.comment())))
            .toList();
    RouteDoc doc =
        new RouteDoc(
            "/v1/network/summary",
            "Network KPIs with deltas against the prior window",
            "Totals over [start, end) from gold.network_summary_hourly (default the 24 h before now;"
                + " at most 31 days) and the same totals over the window of equal length just"
                + " before it; delta = current − prior (null when either side is null).",
            "network",
            List.of(Params.start(SUMMARY_MAX), Params.end()),
            RouteDoc.Shape.OBJECT,
            List.of(
                Column.required("window_start", timestamp(), "Start of the window."),
                Column.required("window_end", timestamp(), "End of the window (exclusive)."),
                Column.required("prior_window_start", timestamp(), "Start of the prior window."),
                Documents.struct("current", "Totals over the window.", KPIS),
                Documents.struct("prior", "Totals over the prior window.", KPIS),
                Documents.struct("delta", "current − prior.", delta)));
    return new Route(doc, NetworkRoutes::summaryDocument);
  }

  private static Payload summaryDocument(RouteRequest request) {
    QueryParams.TimeRange range = request.params().timeRange(request.now(), SUMMARY_MAX);
    Duration length = Duration.between(range.start(), range.end());
    QueryParams.TimeRange prior =
        new QueryParams.TimeRange(range.start().minus(length), range.start());
    Map<String, Object> current = kpis(request, range);
    Map<String, Object> before = kpis(request, prior);
    Map<String, Object> delta = new LinkedHashMap<>();
    for (Column column : KPIS) {
      if (!column.name().equals("hours")) {
        delta.put(column.name(), difference(current.get(column.name()), before.get(column.name())));
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("window_start", range.start());
    fields.put("window_end", range.end());
    fields.put("prior_window_start", prior.start());
    fields.put("current", current);
    fields.put("prior", before);
    fields.put("delta", delta);
    return new Payload.Document(fields);
  }

  private static Map<String, Object> kpis(RouteRequest request, QueryParams.TimeRange range) {
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "SELECT count(*) AS hours,"
                + " coalesce(sum(requested_sessions), 0) AS requested_sessions,"
                + " coalesce(sum(startup_success_sessions), 0) AS startup_success_sessions,"
                + " CAST(sum(startup_success_sessions) AS double)"
                + " / nullif(sum(requested_sessions), 0) AS startup_success_rate,"
                + " coalesce(sum(usage_minutes), 0e0) AS usage_minutes,"
                + " coalesce(sum(expected_fees_wei), CAST(0 AS decimal(38, 10)))"
                + " AS expected_fees_wei,"
                + " coalesce(sum(payment_events), 0) AS payment_events,"
                + " coalesce(sum(jobs), 0) AS jobs,"
                + " max_by(active_orchestrators, window_start) AS active_orchestrators,"
                + " max_by(physical_gpus, window_start) AS physical_gpus FROM ")
        .table("network_summary_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", range);
    return request.context().rows(sql.query()).get(0);
  }

  private static Object difference(Object current, Object prior) {
    if (current == null || prior == null) {
      return null;
    }
    if (current instanceof BigDecimal a && prior instanceof BigDecimal b) {
      return a.subtract(b);
    }
    if (current instanceof Long a && prior instanceof Long b) {
      return a - b;
    }
    return ((Number) current).doubleValue() - ((Number) prior).doubleValue();
  }

  private static final List<Column> FRESHNESS =
      List.of(
          Column.required("org", string(), "Publishing org."),
          Column.required("family", string(), "Event family."),
          Column.required("latest_event_ts", timestamp(), "Newest event time seen."),
          Column.required(
              "lag_seconds", bigint(), "now − latest_event_ts in whole seconds (truncated)."));

  private static final List<Column> QUALITY =
      List.of(
          Column.required("bronze_rows", bigint(), "Messages landed in bronze."),
          Column.required("accepted_events", bigint(), "Events accepted into silver."),
          Column.required("duplicate_deliveries", bigint(), "Deliveries of an already-seen event."),
          Column.required("ignored_events", bigint(), "Events the routing rules ignore."),
          Column.required("quarantined_events", bigint(), "Events quarantined with a reason."),
          Column.required("late_events", bigint(), "Events that arrived late."),
          Column.optional("quarantine_rate", float64(), "quarantined / bronze rows."),
          Column.optional("late_rate", float64(), "late / accepted."),
          Column.required("selections", bigint(), "Orchestrator selections."),
          Column.required(
              "resolved_selections", bigint(), "Selections with attribution_status resolved."),
          Column.required(
              "hardware_less_selections",
              bigint(),
              "Selections with attribution_status hardware_less (no hardware announced)."),
          Column.optional(
              "attribution_quality",
              float64(),
              "(resolved + hardware_less) / selections, as gold.data_quality_hourly defines it."));

  private static final List<Column> RUNS =
      List.of(
          Column.required("job", string(), "Job name."),
          Column.required("run_id", string(), "Its newest run."),
          Column.required("status", string(), "succeeded, no_new_data or failed."),
          Column.required("run_time", timestamp(), "The run-time parameter."),
          Column.required("finished_at", timestamp(), "Wall-clock end."),
          Column.required("duration_ms", bigint(), "Duration."),
          Column.required("rows_in", bigint(), "Rows read."),
          Column.required("rows_out", bigint(), "Rows written."),
          Column.optional("error_category", string(), "bad_data, retriable or fatal."));

  static Route health() {
    RouteDoc doc =
        new RouteDoc(
            "/v1/network/health",
            "Health of the data: freshness, runs, quarantine, lateness, attribution",
            "As of as_of (default now): freshness per org and event family (newest event in"
                + " the 7 days before and its lag), ingest lag (the smallest lag), the newest run"
                + " of every pipeline job whose run time is at or before it, and quarantine,"
                + " late-data and attribution rates over the 24 h before it"
                + " (gold.data_quality_hourly, ops.job_runs).",
            "network",
            List.of(
                ParamDoc.instant(
                    "as_of",
                    "The time the health is computed at, RFC 3339 (the lake as it looked then)."
                        + " Default: now (the server's as-of time); a later time is served as"
                        + " now.")),
            RouteDoc.Shape.OBJECT,
            List.of(
                Column.required("as_of", timestamp(), "The time the document is computed at."),
                Column.optional(
                    "ingest_lag_seconds", bigint(), "Smallest lag of any org and family."),
                Documents.arrayOf("freshness", "Per org and family.", FRESHNESS),
                Documents.struct("quality_24h", "The 24 h before now.", QUALITY),
                Documents.arrayOf("pipeline_runs", "Newest run per job.", RUNS)));
    return new Route(doc, NetworkRoutes::healthDocument);
  }

  private static Payload healthDocument(RouteRequest request) {
    Instant now = Params.snapshotAt(request.params(), request.now());
    String catalog = request.context().catalog();
    Sql freshness = new Sql(catalog);
    freshness
        .append(
            "SELECT org, family, max(latest_event_ts) AS latest_event_ts,"
                + " date_diff('second', max(latest_event_ts), ")
        .instant(now)
        .append(") AS lag_seconds FROM ")
        .table("data_quality_hourly")
        .append(" WHERE ")
        .window(
            "window_start",
            "window_date",
            new QueryParams.TimeRange(now.minus(FRESHNESS_LOOKBACK), now))
        .append(" AND latest_event_ts IS NOT NULL GROUP BY org, family ORDER BY org, family");
    List<Map<String, Object>> fresh = request.context().rows(freshness.query());

    Sql quality = new Sql(catalog);
    quality
        .append(
            "SELECT coalesce(sum(bronze_rows), 0) AS bronze_rows,"
                + " coalesce(sum(accepted_events), 0) AS accepted_events,"
                + " coalesce(sum(duplicate_deliveries), 0) AS duplicate_deliveries,"
                + " coalesce(sum(ignored_events), 0) AS ignored_events,"
                + " coalesce(sum(quarantined_events), 0) AS quarantined_events,"
                + " coalesce(sum(late_events), 0) AS late_events,"
                + " CAST(sum(quarantined_events) AS double) / nullif(sum(bronze_rows), 0)"
                + " AS quarantine_rate,"
                + " CAST(sum(late_events) AS double) / nullif(sum(accepted_events), 0) AS late_rate,"
                + " coalesce(sum(selections), 0) AS selections,"
                + " coalesce(sum(resolved_selections), 0) AS resolved_selections,"
                + " coalesce(sum(hardware_less_selections), 0) AS hardware_less_selections,"
                + " CAST(sum(resolved_selections) + sum(hardware_less_selections) AS double)"
                + " / nullif(sum(selections), 0) AS attribution_quality FROM ")
        .table("data_quality_hourly")
        .append(" WHERE ")
        .window(
            "window_start",
            "window_date",
            new QueryParams.TimeRange(now.minus(Duration.ofHours(24)), now));
    Map<String, Object> quality24h = request.context().rows(quality.query()).get(0);

    Sql runs = new Sql(catalog);
    runs.append(
            "SELECT job, max_by(run_id, finished_at) AS run_id,"
                + " max_by(status, finished_at) AS status, max_by(run_time, finished_at) AS run_time,"
                + " max(finished_at) AS finished_at, max_by(duration_ms, finished_at) AS duration_ms,"
                + " max_by(rows_in, finished_at) AS rows_in, max_by(rows_out, finished_at) AS rows_out,"
                + " max_by(error_category, finished_at) AS error_category FROM ")
        .opsTable("job_runs")
        .append(" WHERE run_time <= ")
        .instant(now)
        .append(" GROUP BY job ORDER BY job");
    List<Map<String, Object>> pipelineRuns = request.context().rows(runs.query());

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("as_of", now);
    fields.put(
        "ingest_lag_seconds",
        fresh.stream().map(r -> (Long) r.get("lag_seconds")).min(Long::compare).orElse(null));
    fields.put("freshness", fresh);
    fields.put("quality_24h", quality24h);
    fields.put("pipeline_runs", pipelineRuns);
    return new Payload.Document(fields);
  }

  static {
    // ops.job_runs is read through Sql.opsTable, which requires the declaration.
    LakeCatalog.find("ops.job_runs").orElseThrow();
  }
}
