package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Payments, fees and prices. */
final class EconomicsRoutes {
  static final Duration HOURLY_MAX = Duration.ofDays(31);
  static final Duration DAILY_MAX = Duration.ofDays(366);

  private static final Map<String, String> GROUPS =
      Map.of("orchestrator", "orchestrator_address", "gateway", "gateway", "pipeline", "pipeline");

  private EconomicsRoutes() {}

  static List<Route> all(ApiConfig config) {
    return List.of(payments(config), pricing(config));
  }

  static final TableDeclaration PAYMENTS =
      ViewRoute.columns("economics_payments")
          .required("window_start", timestamp(), "Start of the UTC hour or day.")
          .required("granularity", string(), "hour or day.")
          .required("group_by", string(), "orchestrator, gateway or pipeline.")
          .optional(
              "group_value",
              string(),
              "The orchestrator address, gateway or pipeline; null unknown.")
          .measure("payment_events", bigint(), "Payment events (ticket batches sent).")
          .measure("tickets", bigint(), "Tickets sent: Σ num_tickets.")
          .measure("face_value_wei", decimal(38, 0), "Σ face value × tickets, wei, exact.")
          .measure(
              "expected_value_wei",
              decimal(38, 10),
              "Σ face value × win probability × tickets: the fees expected, wei, exact.")
          .optional(
              "price_wei_per_pixel",
              decimal(38, 18),
              "Ticket-weighted price paid, wei per pixel; null when no event carries a price.")
          .required("is_settled", bool(), "Whether every hour in the row is settled.")
          .keyedBy("window_start", "group_value")
          .build();

  static Route payments(ApiConfig config) {
    return ViewRoute.of("/v1/economics/payments", "economics", config)
        .summary("Payments per hour or day, grouped by orchestrator, gateway or pipeline")
        .description(
            "Tickets, face value, expected value (fees) and ticket-weighted price from the payment"
                + " events, summed exactly from gold.payments_hourly. Hourly windows span at most"
                + " 31 days, daily ones 366. Newest first.")
        .param(Params.start(DAILY_MAX))
        .param(Params.end())
        .param(ParamDoc.choice("granularity", "hour (default) or day.", List.of("hour", "day")))
        .param(
            ParamDoc.choice(
                "group_by",
                "orchestrator (default), gateway or pipeline.",
                List.of("orchestrator", "gateway", "pipeline")))
        .param(Params.address("orchestrator", "Only this orchestrator's payments"))
        .param(Params.filter("pipeline", "Pipeline"))
        .param(Params.standard("model"))
        .param(Params.standard("org"))
        .param(Params.gateway("Envelope gateway of the payment events"))
        .view(PAYMENTS, EconomicsRoutes::paymentsView)
        .paged()
        .build();
  }

  private static GoldQuery.View paymentsView(RouteRequest request) {
    QueryParams params = request.params();
    String granularity = params.choice("granularity", java.util.Set.of("hour", "day"), "hour");
    String groupBy = params.choice("group_by", GROUPS.keySet(), "orchestrator");
    QueryParams.TimeRange range =
        params.timeRange(request.now(), granularity.equals("day") ? DAILY_MAX : HOURLY_MAX);
    Sql sql = new Sql(request.context().catalog());
    // The grouping column and the truncation unit come from the fixed maps above, never from input.
    String column = GROUPS.get(groupBy);
    String unit = granularity.equals("day") ? "'day'" : "'hour'";
    sql.append("SELECT date_trunc(" + unit + ", window_start) AS window_start, ")
        .value(granularity)
        .append(" AS granularity, ")
        .value(groupBy)
        .append(
            " AS group_by, "
                + column
                + " AS group_value,"
                + " sum(payment_events) AS payment_events, sum(tickets) AS tickets,"
                + " sum(face_value_wei) AS face_value_wei,"
                + " sum(expected_value_wei) AS expected_value_wei,"
                + " CAST(sum(price_ticket_weighted_sum) / nullif(sum(priced_tickets), 0)"
                + " AS decimal(38, 18)) AS price_wei_per_pixel,"
                + " bool_and(is_settled) AS is_settled FROM ")
        .table("payments_hourly")
        .append(" WHERE ")
        .window("window_start", "window_date", range)
        .andEquals("orchestrator_address", params.address("orchestrator"))
        .andEquals("pipeline", params.filter("pipeline"))
        .andEquals("model_id", params.filter("model"))
        .andEquals("org", params.filter("org"))
        .andEquals("gateway", params.gateway("gateway"))
        .append(" GROUP BY 1, 4");
    return sql.view(PAYMENTS);
  }

  static Route pricing(ApiConfig config) {
    return TableRoute.of("/v1/economics/pricing", "orchestrator_pricing", "economics", config)
        .summary("Orchestrator price quotes per day")
        .description(
            "The latest price quote per UTC date, orchestrator, pipeline and model: wei per unit,"
                + " pixels per unit, wei per pixel, gwei per megapixel, whether the model is warm."
                + " Newest date first.")
        .window("window_date", DAILY_MAX)
        .filters("orchestrator", "pipeline", "model")
        .build();
  }
}
