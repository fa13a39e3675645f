package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.QueryParams;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** GPU supply and capacity, and the per-model live-video view built on them. */
final class SupplyRoutes {
  /** How far back "the latest supply hour" may lie before a model counts as gone. */
  static final Duration LATEST_HOUR_LOOKBACK = Duration.ofHours(24);

  private static final Map<String, String> GPU_GROUPS =
      Map.of("gpu_model", "gpu_model_name", "pipeline", "pipeline", "model", "model_id");

  private SupplyRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(gpus(config), gpuHistory(config), capacity(config), models(config));
  }

  static final TableDeclaration GPU_COUNTS =
      ViewRoute.columns("supply_gpus")
          .required("group_by", string(), "The grouping: gpu_model, pipeline or model.")
          .optional("group_value", string(), "The GPU model, pipeline or model id; null unknown.")
          .measure(
              "physical_gpus",
              bigint(),
              "Distinct physical GPUs seen that day (UUID churn removed: one card counts once).")
          .measure("reported_gpu_uuids", bigint(), "Distinct GPU UUIDs as reported that day.")
          .measure("orchestrators", bigint(), "Distinct orchestrators with such a GPU that day.")
          .keyedBy("group_value")
          .build();

  static Route gpus(ApiConfig config) {
    return ViewRoute.of("/v1/supply/gpus", "supply", config)
        .summary("GPUs observed on a day, by GPU model, pipeline or model")
        .description(
            "Physical GPUs (a card whose UUID changed counts once) and reported GPU UUIDs seen in"
                + " capability announcements on one UTC date, grouped by GPU model (default),"
                + " pipeline or model. A GPU offering two pipelines counts once under each.")
        .param(ParamDoc.date("date", "UTC date (default: the date of now)."))
        .param(
            ParamDoc.choice(
                "by", "Grouping (default gpu_model).", List.of("gpu_model", "pipeline", "model")))
        .view(GPU_COUNTS, SupplyRoutes::gpuCounts)
        .build();
  }

  private static io.naaplake.api.GoldQuery.View gpuCounts(RouteRequest request) {
    QueryParams params = request.params();
    LocalDate date = params.date("date").orElse(LocalDate.ofInstant(request.now(), ZoneOffset.UTC));
    String by = params.choice("by", GPU_GROUPS.keySet(), "gpu_model");
    String column = GPU_GROUPS.get(by);
    Sql sql = new Sql(request.context().catalog());
    sql.append("SELECT ").value(by).append(" AS group_by, ");
    if (by.equals("gpu_model")) {
      sql.append("i.gpu_model_name AS group_value");
    } else {
      sql.append("u.value AS group_value");
    }
    sql.append(
            ", count(DISTINCT i.physical_gpu_id) AS physical_gpus,"
                + " count(DISTINCT i.gpu_id) AS reported_gpu_uuids,"
                + " count(DISTINCT i.orchestrator_address) AS orchestrators FROM ")
        .table("gpu_inventory")
        .append(" i");
    if (!by.equals("gpu_model")) {
      sql.append(" CROSS JOIN UNNEST(i.")
          .append(column.equals("pipeline") ? "pipelines" : "model_ids")
          .append(") AS u(value)");
    }
    sql.append(" WHERE i.window_date = ").date(date).append(" GROUP BY 2");
    return sql.view(GPU_COUNTS);
  }

  static Route gpuHistory(ApiConfig config) {
    return TableRoute.of("/v1/supply/gpus/history", "gpu_supply_hourly", "supply", config)
        .summary("Hourly GPU supply by GPU model, pipeline and model")
        .description(
            "Per hour: reported GPU UUIDs, physical GPUs, orchestrators, advertised capacity,"
                + " capacity in use, active streams and available capacity. Newest hour first.")
        .window("window_start", StreamingRoutes.HOURLY_MAX)
        .filters("gpu_model", "pipeline", "model")
        .build();
  }

  static final TableDeclaration CAPACITY =
      ViewRoute.columns("supply_capacity")
          .optional("pipeline", string(), "Pipeline; null when unknown.")
          .optional("model_id", string(), "Model id; null when unknown.")
          .required("window_start", timestamp(), "The supply hour the numbers are from.")
          .measure("physical_gpus", bigint(), "Physical GPUs offering the pipeline and model.")
          .optional(
              "advertised_capacity",
              bigint(),
              "Σ PerCapability capacity of the offers; null when no offer reports a capacity.")
          .optional(
              "capacity_in_use",
              bigint(),
              "Σ PerCapability capacity_in_use of the offers; null when no offer reports it.")
          .measure("active_streams", bigint(), "Streams running.")
          .optional(
              "available_capacity",
              bigint(),
              "GPUs free: Σ over the hour's GPU models of physical GPUs minus the streams on them"
                  + " (gold available_capacity; negative when oversubscribed); streams on no known"
                  + " GPU model are not subtracted. Null when no GPU of the pipeline and model is"
                  + " known.")
          .keyedBy("pipeline", "model_id")
          .build();

  static Route capacity(ApiConfig config) {
    return ViewRoute.of("/v1/supply/capacity", "supply", config)
        .summary("Capacity and load per pipeline and model, latest hour")
        .description(
            "From the newest supply hour at or before as_of (default now; looking back at most"
                + " 24 h): physical GPUs, advertised, used and free capacity and active streams per"
                + " pipeline and model.")
        .param(Params.filter("pipeline", "Pipeline"))
        .param(Params.snapshotAt())
        .view(CAPACITY, SupplyRoutes::capacityView)
        .build();
  }

  private static io.naaplake.api.GoldQuery.View capacityView(RouteRequest request) {
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "SELECT s.pipeline, s.model_id, s.window_start, sum(s.physical_gpus) AS physical_gpus,"
                + " sum(s.advertised_capacity) AS advertised_capacity,"
                + " sum(s.capacity_in_use) AS capacity_in_use,"
                + " sum(s.active_streams) AS active_streams,"
                + " sum(s.available_capacity) AS available_capacity FROM ")
        .table("gpu_supply_hourly")
        .append(" s WHERE ");
    latestHour(sql, Params.snapshotAt(request.params(), request.now()), "s");
    sql.andEquals("s.pipeline", request.params().filter("pipeline"));
    sql.append(" GROUP BY s.pipeline, s.model_id, s.window_start");
    return sql.view(CAPACITY);
  }

  /** {@code alias.window_start} is the newest supply hour at or before now, within a day. */
  static void latestHour(Sql sql, Instant now, String alias) {
    Instant from = now.minus(LATEST_HOUR_LOOKBACK);
    sql.append(alias + ".window_date >= ").date(TableRoute.firstDate(from));
    sql.append(" AND " + alias + ".window_start = (SELECT max(h.window_start) FROM ")
        .table("gpu_supply_hourly")
        .append(" h WHERE h.window_start <= ")
        .instant(now)
        .append(" AND h.window_start > ")
        .instant(from)
        .append(" AND h.window_date >= ")
        .date(TableRoute.firstDate(from))
        .append(")");
  }

  static final TableDeclaration MODELS =
      ViewRoute.columns("streaming_models")
          .optional("pipeline", string(), "Pipeline; null when unknown.")
          .optional("model_id", string(), "Model id; null when unknown.")
          .measure(
              "warm_orchestrators",
              bigint(),
              "Orchestrators whose latest price quote of the last 24 h has the model warm"
                  + " (loaded).")
          .optional(
              "gpu_slots",
              bigint(),
              "Advertised capacity (Σ PerCapability capacity) in the latest supply hour; null when"
                  + " no offer reports one.")
          .measure("active_streams", bigint(), "Streams running in the latest supply hour.")
          .optional(
              "available_capacity",
              bigint(),
              "GPUs free in the latest supply hour: physical GPUs minus the streams on them, as"
                  + " /v1/supply/capacity; null when no GPU of the pipeline and model is known.")
          .optional(
              "avg_output_fps",
              float64(),
              "Mean output FPS over the last 24 h: Σ output_fps_sum / Σ fps_positive_samples of"
                  + " the hourly SLA rows; null without samples.")
          .keyedBy("pipeline", "model_id")
          .build();

  static Route models(ApiConfig config) {
    return ViewRoute.of("/v1/streaming/models", "streaming", config)
        .summary("Per pipeline and model: warm orchestrators, capacity, load and FPS")
        .description(
            "What the network offers as of as_of (default now) for each pipeline and model: warm"
                + " orchestrators (price quotes of the 24 h before), GPU slots, active streams and"
                + " free capacity (latest supply hour), and mean output FPS over the 24 h before.")
        .param(Params.filter("pipeline", "Pipeline"))
        .param(Params.snapshotAt())
        .view(MODELS, SupplyRoutes::modelsView)
        .build();
  }

  private static io.naaplake.api.GoldQuery.View modelsView(RouteRequest request) {
    Instant now = Params.snapshotAt(request.params(), request.now());
    Instant dayAgo = now.minus(Duration.ofHours(24));
    QueryParams.TimeRange lastDay = new QueryParams.TimeRange(dayAgo, now);
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "WITH supply AS (SELECT s.pipeline, s.model_id,"
                + " sum(s.advertised_capacity) AS gpu_slots, sum(s.active_streams) AS active_streams,"
                + " sum(s.available_capacity) AS available_capacity FROM ")
        .table("gpu_supply_hourly")
        .append(" s WHERE ");
    latestHour(sql, now, "s");
    sql.append(
            " GROUP BY s.pipeline, s.model_id), warm AS (SELECT q.pipeline, q.model_id,"
                + " count(DISTINCT q.orchestrator_address) AS warm_orchestrators FROM (SELECT"
                + " p.orchestrator_address, p.pipeline, p.model_id,"
                + " max_by(p.warm, p.quoted_at) AS warm FROM ")
        .table("orchestrator_pricing")
        .append(" p WHERE ")
        // The latest quote of the last 24 h decides, as for discovery: the date of now alone
        // would count no orchestrator warm from midnight until the first quotes of the new day.
        .window("p.quoted_at", "p.window_date", lastDay)
        .append(
            " GROUP BY p.orchestrator_address, p.pipeline, p.model_id) q WHERE q.warm"
                + " GROUP BY q.pipeline, q.model_id), fps AS (SELECT f.pipeline, f.model_id,"
                + " sum(f.output_fps_sum) / nullif(sum(f.fps_positive_samples), 0) AS avg_output_fps"
                + " FROM ")
        .table("streaming_sla_hourly")
        .append(" f WHERE ")
        .window("f.window_start", "f.window_date", lastDay)
        .append(
            " GROUP BY f.pipeline, f.model_id), keys AS (SELECT pipeline, model_id FROM supply"
                + " UNION SELECT pipeline, model_id FROM warm)"
                + " SELECT k.pipeline, k.model_id,"
                + " coalesce(warm.warm_orchestrators, 0) AS warm_orchestrators,"
                + " supply.gpu_slots, coalesce(supply.active_streams, 0) AS active_streams,"
                + " supply.available_capacity,"
                + " fps.avg_output_fps FROM keys k"
                + " LEFT JOIN supply ON supply.pipeline IS NOT DISTINCT FROM k.pipeline"
                + " AND supply.model_id IS NOT DISTINCT FROM k.model_id"
                + " LEFT JOIN warm ON warm.pipeline IS NOT DISTINCT FROM k.pipeline"
                + " AND warm.model_id IS NOT DISTINCT FROM k.model_id"
                + " LEFT JOIN fps ON fps.pipeline IS NOT DISTINCT FROM k.pipeline"
                + " AND fps.model_id IS NOT DISTINCT FROM k.model_id WHERE true");
    sql.andEquals("k.pipeline", request.params().filter("pipeline"));
    return sql.view(MODELS);
  }
}
