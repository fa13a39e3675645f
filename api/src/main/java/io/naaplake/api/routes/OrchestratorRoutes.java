package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.QueryParams;
import io.naaplake.api.ResourceNotFound;
import io.naaplake.schema.Column;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One orchestrator's profile and its economics. */
final class OrchestratorRoutes {
  static final Duration TREND = Duration.ofDays(7);
  static final Duration ECONOMICS_MAX = Duration.ofDays(366);
  static final int TOP_FAILURE_REASONS = 10;

  private OrchestratorRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(profile(), economics());
  }

  private static ParamDoc addressParam() {
    return ParamDoc.path(
        "address",
        "Orchestrator address: 0x and 40 hex digits (any case).",
        Params.ADDRESS_PATTERN,
        Params.EXAMPLE_ADDRESS);
  }

  private static final List<Column> IDENTITY =
      Documents.columnsOf(
          "orchestrators",
          "orchestrator_address",
          "as_of",
          "orch_uris",
          "node_version",
          "pipelines",
          "model_ids",
          "physical_gpus",
          "reported_gpu_uuids",
          "gpu_model_names",
          "first_seen",
          "last_seen");

  private static final List<Column> GPUS =
      Documents.columnsOf(
          "gpu_inventory",
          "window_date",
          "gpu_id",
          "physical_gpu_id",
          "gpu_model_name",
          "memory_gib",
          "pipelines",
          "model_ids",
          "last_seen");

  private static final List<Column> LATEST_SLA =
      Documents.columnsOf(
          "streaming_sla_hourly",
          "window_start",
          "pipeline",
          "model_id",
          "gpu_id",
          "requested_sessions",
          "effective_success_rate",
          "no_swap_rate",
          "avg_output_fps",
          "sla_score",
          "is_settled");

  private static final List<Column> TREND_DAYS =
      Documents.columnsOf(
          "streaming_sla_daily",
          "window_date",
          "pipeline",
          "model_id",
          "requested_sessions",
          "effective_success_rate",
          "avg_output_fps",
          "sla_score",
          "is_settled");

  private static final List<Column> FEES =
      List.of(
          Column.required("from_date", date(), "First date of the fee window."),
          Column.required("to_date", date(), "Last date of the fee window."),
          Column.required("payment_events", bigint(), "Payment events."),
          Column.required("tickets", bigint(), "Tickets received."),
          Column.required("face_value_wei", decimal(38, 0), "Face value, wei."),
          Column.required("expected_value_wei", decimal(38, 10), "Expected fees, wei."));

  private static final List<Column> REASONS =
      List.of(
          Column.required("category", string(), "Failure category."),
          Column.optional("reason", string(), "Normalised reason."),
          Column.required("occurrences", bigint(), "Occurrences in the last 7 days."),
          Column.required("sessions", bigint(), "Session-hours affected."));

  static Route profile() {
    List<Column> fields = new ArrayList<>(Documents.nullable(IDENTITY));
    fields.set(0, IDENTITY.get(0));
    fields.add(
        Column.required(
            "announced",
            bool(),
            "Whether an orchestrators snapshot at or before now knows it; false when only its"
                + " sessions, payments or failures of the last 7 days do (identity fields null)."));
    fields.add(Documents.arrayOf("gpus", "GPUs on the newest inventory date.", GPUS));
    fields.add(
        Documents.arrayOf(
            "latest_sla",
            "Hourly SLA rows of its newest hour with any (within 7 days).",
            LATEST_SLA));
    fields.add(Documents.arrayOf("sla_trend", "Daily SLA over the last 7 days.", TREND_DAYS));
    fields.add(Documents.struct("fees", "Payments received over the last 7 days.", FEES));
    fields.add(
        Documents.arrayOf(
            "failure_reasons",
            "Top " + TOP_FAILURE_REASONS + " failure reasons of the last 7 days.",
            REASONS));
    RouteDoc doc =
        new RouteDoc(
            "/v1/orchestrators/{address}",
            "One orchestrator: identity, GPUs, pipelines, latest SLA, 7-day trend, fees, failures",
            "Identity from the newest orchestrators snapshot (null, with announced = false, for"
                + " an orchestrator known only from its sessions, payments or failures of the last"
                + " 7 days; 404 when the lake knows nothing of it), then GPUs, the newest hourly SLA rows, daily SLA and fees of the 7 days"
                + " before now, and the top failure reasons.",
            "rankings",
            List.of(addressParam()),
            RouteDoc.Shape.OBJECT,
            fields);
    return new Route(doc, OrchestratorRoutes::profileDocument);
  }

  private static Payload profileDocument(RouteRequest request) {
    String address = QueryParams.address("address", request.path("address"));
    Instant now = request.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String catalog = request.context().catalog();

    Sql identity = new Sql(catalog);
    identity
        .append(
            "SELECT orchestrator_address, as_of, orch_uris, node_version, pipelines, model_ids,"
                + " physical_gpus, reported_gpu_uuids, gpu_model_names, first_seen, last_seen FROM ")
        .table("orchestrators")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND as_of <= ")
        .instant(now)
        .append(" AND as_of_date <= ")
        .date(today)
        .append(" ORDER BY as_of DESC LIMIT 1");
    Map<String, Object> found = Documents.first(request.context().rows(identity.query()));
    Map<String, Object> fields = new LinkedHashMap<>();
    if (found == null) {
      // Sessions or payments can name an orchestrator before the first capability announcement
      // at or before now reaches the lake (the leaderboard ranks it then): its identity is unknown,
      // its measurements are not.
      for (Column column : IDENTITY) {
        fields.put(column.name(), null);
      }
      fields.put("orchestrator_address", address);
    } else {
      fields.putAll(found);
    }
    fields.put("announced", found != null);

    Sql gpus = new Sql(catalog);
    gpus.append(
            "SELECT window_date, gpu_id, physical_gpu_id, gpu_model_name, memory_gib,"
                + " pipelines, model_ids, last_seen FROM ")
        .table("gpu_inventory")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND window_date = (SELECT max(window_date) FROM ")
        .table("gpu_inventory")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND window_date <= ")
        .date(today)
        .append(") ORDER BY gpu_id");
    fields.put("gpus", request.context().rows(gpus.query()));

    QueryParams.TimeRange week = new QueryParams.TimeRange(now.minus(TREND), now);
    Sql latest = new Sql(catalog);
    latest
        .append(
            "SELECT window_start, pipeline, model_id, gpu_id, requested_sessions,"
                + " effective_success_rate, no_swap_rate, avg_output_fps, sla_score, is_settled"
                + " FROM (SELECT *, max(window_start) OVER () AS newest FROM ")
        .table("streaming_sla_hourly")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND ")
        .window("window_start", "window_date", week)
        .append(") WHERE window_start = newest ORDER BY pipeline, model_id, gpu_id");
    fields.put("latest_sla", request.context().rows(latest.query()));

    Sql trend = new Sql(catalog);
    trend
        .append(
            "SELECT window_date, pipeline, model_id, requested_sessions,"
                + " effective_success_rate, avg_output_fps, sla_score, is_settled FROM ")
        .table("streaming_sla_daily")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND window_date >= ")
        .date(TableRoute.firstDate(week.start()))
        .append(" AND window_date <= ")
        .date(today)
        .append(" ORDER BY window_date, pipeline, model_id");
    fields.put("sla_trend", request.context().rows(trend.query()));

    LocalDate from = TableRoute.firstDate(week.start());
    fields.put("fees", fees(request, address, from, today));

    Sql reasons = new Sql(catalog);
    reasons
        .append(
            "SELECT category, reason, sum(occurrences) AS occurrences,"
                + " sum(sessions) AS sessions FROM ")
        .table("failure_reasons_hourly")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND ")
        .window("window_start", "window_date", week)
        .append(" GROUP BY category, reason ORDER BY occurrences DESC, category, reason LIMIT ")
        .value(TOP_FAILURE_REASONS);
    fields.put("failure_reasons", request.context().rows(reasons.query()));
    if (found == null && unmeasured(fields)) {
      throw new ResourceNotFound("No orchestrator " + address + " in the lake as of " + now + ".");
    }
    return new Payload.Document(fields);
  }

  /** No SLA row, payment or failure of the 7 days before now. */
  private static boolean unmeasured(Map<String, Object> fields) {
    @SuppressWarnings("unchecked")
    Map<String, Object> fees = (Map<String, Object>) fields.get("fees");
    return ((List<?>) fields.get("latest_sla")).isEmpty()
        && ((List<?>) fields.get("sla_trend")).isEmpty()
        && ((List<?>) fields.get("failure_reasons")).isEmpty()
        && ((Number) fees.get("payment_events")).longValue() == 0;
  }

  private static Map<String, Object> fees(
      RouteRequest request, String address, LocalDate from, LocalDate to) {
    Sql sql = new Sql(request.context().catalog());
    sql.append("SELECT ")
        .date(from)
        .append(" AS from_date, ")
        .date(to)
        .append(
            " AS to_date, coalesce(sum(payment_events), 0) AS payment_events,"
                + " coalesce(sum(tickets), 0) AS tickets,"
                + " coalesce(sum(face_value_wei), CAST(0 AS decimal(38, 0))) AS face_value_wei,"
                + " coalesce(sum(expected_value_wei), CAST(0 AS decimal(38, 10)))"
                + " AS expected_value_wei FROM ")
        .table("economics_daily")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND window_date >= ")
        .date(from)
        .append(" AND window_date <= ")
        .date(to);
    return request.context().rows(sql.query()).get(0);
  }

  private static final List<Column> ECONOMICS_DAYS =
      Documents.columnsOf(
          "economics_daily",
          "window_date",
          "payment_events",
          "tickets",
          "face_value_wei",
          "expected_value_wei",
          "expected_value_eth",
          "sessions_served",
          "usage_minutes",
          "expected_wei_per_usage_minute",
          "is_settled");

  static Route economics() {
    List<Column> fields = new ArrayList<>();
    fields.add(Column.required("orchestrator_address", string(), "The orchestrator."));
    fields.addAll(FEES);
    fields.add(Column.required("usage_minutes", float64(), "Minutes of live video it served."));
    fields.add(
        Column.optional(
            "expected_wei_per_usage_minute",
            float64(),
            "expected_value_wei / usage_minutes over the window (as economics_daily, a double);"
                + " null without usage."));
    fields.add(Documents.arrayOf("daily", "One entry per date with data.", ECONOMICS_DAYS));
    RouteDoc doc =
        new RouteDoc(
            "/v1/economics/orchestrators/{address}",
            "One orchestrator's fees and usage per day",
            "Payments received (tickets, face value, expected fees, all wei and exact) and usage"
                + " per UTC date of [start, end) (default the 24 h before now; at most 366 days),"
                + " from gold.economics_daily. 404 when the lake has never seen the address.",
            "economics",
            List.of(addressParam(), Params.start(ECONOMICS_MAX), Params.end()),
            RouteDoc.Shape.OBJECT,
            fields);
    return new Route(doc, OrchestratorRoutes::economicsDocument);
  }

  private static Payload economicsDocument(RouteRequest request) {
    String address = QueryParams.address("address", request.path("address"));
    QueryParams.TimeRange range = request.params().timeRange(request.now(), ECONOMICS_MAX);
    LocalDate from = TableRoute.firstDate(range.start());
    LocalDate to = TableRoute.dateAfter(range.end()).minusDays(1);
    String catalog = request.context().catalog();

    Sql known = new Sql(catalog);
    known
        .append("SELECT (SELECT count(*) FROM ")
        .table("orchestrators")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(") + (SELECT count(*) FROM ")
        .table("economics_daily")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(") AS sightings");
    long sightings = (Long) request.context().rows(known.query()).get(0).get("sightings");
    if (sightings == 0) {
      throw new ResourceNotFound("No orchestrator " + address + " in the lake.");
    }
    Sql daily = new Sql(catalog);
    daily
        .append(
            "SELECT window_date, payment_events, tickets, face_value_wei, expected_value_wei,"
                + " expected_value_eth, sessions_served, usage_minutes, expected_wei_per_usage_minute,"
                + " is_settled FROM ")
        .table("economics_daily")
        .append(" WHERE orchestrator_address = ")
        .value(address)
        .append(" AND window_date >= ")
        .date(from)
        .append(" AND window_date <= ")
        .date(to)
        .append(" ORDER BY window_date");
    List<Map<String, Object>> days = request.context().rows(daily.query());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("orchestrator_address", address);
    fields.putAll(fees(request, address, from, to));
    double minutes =
        days.stream()
            .mapToDouble(
                d ->
                    d.get("usage_minutes") == null
                        ? 0
                        : ((Number) d.get("usage_minutes")).doubleValue())
            .sum();
    fields.put("usage_minutes", minutes);
    java.math.BigDecimal expected = (java.math.BigDecimal) fields.get("expected_value_wei");
    fields.put(
        "expected_wei_per_usage_minute", minutes > 0 ? expected.doubleValue() / minutes : null);
    fields.put("daily", days);
    return new Payload.Document(fields);
  }
}
