package io.naaplake.api.routes;

import static io.naaplake.api.GoldQuery.SortKey.ascending;
import static io.naaplake.api.GoldQuery.SortKey.descending;
import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.BadParameter;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The leaderboard and orchestrator discovery. */
final class RankingRoutes {
  /** Reference §3.6: discovery scores the last two hours of work. */
  static final Duration DISCOVERY_RECENT = Duration.ofHours(2);

  /** Offers seen in the last day are candidates. */
  static final Duration DISCOVERY_OFFERS = Duration.ofHours(24);

  static final int MAX_CAPS = 20;
  private static final Pattern CAP = Pattern.compile("[A-Za-z0-9._:@+()-]+/[A-Za-z0-9._:/@+()-]+");

  private RankingRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(leaderboard(config), discover(config));
  }

  static Route leaderboard(ApiConfig config) {
    return TableRoute.of("/v1/leaderboard", "orchestrator_leaderboard", "rankings", config)
        .summary("Orchestrator leaderboard (24 h or 7 d)")
        .description(
            "The ranking of the newest snapshot: per orchestrator and pipeline, the leaderboard"
                + " score (reference §3.3: FPS, degradation, volume and latency components,"
                + " min-max normalised among peers, methodology leaderboard-minmax-v1) and the"
                + " session-weighted SLA score. Best rank first.")
        .latestSnapshot()
        .choice(
            ParamDoc.choice("window", "24h (default) or 7d.", List.of("24h", "7d")),
            "window_label",
            "24h")
        .filters("pipeline")
        .orderBy(
            ascending("as_of"),
            ascending("window_label"),
            ascending("rank"),
            ascending("orchestrator_address"),
            ascending("pipeline"))
        .build();
  }

  static final TableDeclaration DISCOVERED =
      ViewRoute.columns("discover_orchestrators")
          .required("orchestrator_address", string(), "Orchestrator address.")
          .optional("orch_uri", string(), "Service URI of its newest quote.")
          .optional("pipeline", string(), "Pipeline offered.")
          .required(
              "capabilities",
              arrayOf(string()),
              "pipeline/model pairs quoted in the last 24 h, sorted.")
          .required(
              "score",
              float64(),
              "0..1: live video, Σ(sla_score × requested) / Σ requested / 100 over the last 2 h;"
                  + " request pipelines, Σ successful / Σ jobs over the last 2 h; 0 without"
                  + " recent work.")
          .required("recent_work", bool(), "Whether the score rests on work in the last 2 h.")
          .required("last_seen", timestamp(), "Newest price quote.")
          .keyedBy("orchestrator_address", "pipeline")
          .build();

  static Route discover(ApiConfig config) {
    return ViewRoute.of("/v1/discover/orchestrators", "rankings", config)
        .summary("Orchestrators offering capabilities, ranked by recent work")
        .description(
            "One row per orchestrator and pipeline quoted in the last 24 h (optionally only those"
                + " quoting one of the given capabilities), ranked by the reference §3.6 score:"
                + " recent SLA for live video, recent success rate for request pipelines, 0 with"
                + " recent_work=false when idle. Highest score first.")
        .param(
            ParamDoc.text(
                "caps",
                "Comma-separated pipeline/model pairs, any of which qualifies (at most "
                    + MAX_CAPS
                    + "), e.g. live-video-to-video/streamdiffusion.",
                "^[A-Za-z0-9._:@+()-]+/[A-Za-z0-9._:/@+()-]+(,[A-Za-z0-9._:@+()-]+/"
                    + "[A-Za-z0-9._:/@+()-]+)*$"))
        .view(DISCOVERED, RankingRoutes::discoverView)
        .order(descending("score"), ascending("orchestrator_address"), ascending("pipeline"))
        .build();
  }

  /** A requested capability. */
  record Capability(String pipeline, String model) {}

  static List<Capability> caps(QueryParams params) {
    List<Capability> caps = new ArrayList<>();
    params
        .single("caps")
        .ifPresent(
            text -> {
              String[] parts = text.split(",", -1);
              if (parts.length > MAX_CAPS) {
                throw new BadParameter("caps", "at most " + MAX_CAPS + " pipeline/model pairs");
              }
              for (String part : parts) {
                if (!CAP.matcher(part).matches()) {
                  throw new BadParameter("caps", "expected comma-separated pipeline/model pairs");
                }
                int slash = part.indexOf('/');
                caps.add(new Capability(part.substring(0, slash), part.substring(slash + 1)));
              }
            });
    return caps;
  }

  private static GoldQuery.View discoverView(RouteRequest request) {
    List<Capability> caps = caps(request.params());
    Instant now = request.now();
    QueryParams.TimeRange offers = new QueryParams.TimeRange(now.minus(DISCOVERY_OFFERS), now);
    QueryParams.TimeRange recent = new QueryParams.TimeRange(now.minus(DISCOVERY_RECENT), now);
    Sql sql = new Sql(request.context().catalog());
    sql.append(
            "WITH offers AS (SELECT orchestrator_address, pipeline,"
                + " max_by(orch_uri, quoted_at) AS orch_uri,"
                + " array_sort(array_agg(DISTINCT concat(coalesce(pipeline, ''), '/',"
                + " coalesce(model_id, '')))) AS capabilities, max(quoted_at) AS last_seen FROM ")
        .table("orchestrator_pricing")
        .append(" WHERE ")
        .window("quoted_at", "window_date", offers)
        .append(" GROUP BY orchestrator_address, pipeline");
    if (!caps.isEmpty()) {
      // caps choose the rows (an orchestrator and pipeline quoting any of them), not the pairs a
      // row lists: capabilities, orch_uri and last_seen stay those of all its quotes.
      sql.append(" HAVING bool_or(");
      for (int i = 0; i < caps.size(); i++) {
        sql.append(i == 0 ? "" : " OR ")
            .append("(pipeline = ")
            .value(caps.get(i).pipeline())
            .append(" AND model_id = ")
            .value(caps.get(i).model())
            .append(")");
      }
      sql.append(")");
    }
    sql.append(
            "), sla AS (SELECT orchestrator_address,"
                + " pipeline, sum(sla_score * requested_sessions) / nullif(sum(requested_sessions), 0)"
                + " / 100 AS score FROM ")
        .table("streaming_sla_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", recent)
        .append(
            " AND sla_score IS NOT NULL AND requested_sessions > 0"
                + " GROUP BY orchestrator_address, pipeline), jobs AS (SELECT orchestrator_address,"
                + " pipeline_or_capability AS pipeline, CAST(sum(successful_jobs) AS double)"
                + " / nullif(sum(jobs), 0) AS score FROM ")
        .table("request_demand_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", recent)
        .append(
            " GROUP BY orchestrator_address, pipeline_or_capability)"
                + " SELECT o.orchestrator_address, o.orch_uri, o.pipeline, o.capabilities,"
                + " coalesce(sla.score, jobs.score, 0e0) AS score,"
                + " (sla.score IS NOT NULL OR jobs.score IS NOT NULL) AS recent_work, o.last_seen"
                + " FROM offers o"
                + " LEFT JOIN sla ON sla.orchestrator_address = o.orchestrator_address"
                + " AND sla.pipeline IS NOT DISTINCT FROM o.pipeline"
                + " LEFT JOIN jobs ON jobs.orchestrator_address = o.orchestrator_address"
                + " AND jobs.pipeline IS NOT DISTINCT FROM o.pipeline"
                + " WHERE o.orchestrator_address IS NOT NULL");
    return sql.view(DISCOVERED);
  }
}
