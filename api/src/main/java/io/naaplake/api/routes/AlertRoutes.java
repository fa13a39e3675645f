package io.naaplake.api.routes;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;
import static java.util.Objects.requireNonNull;

import io.naaplake.alerts.AlertEvaluator;
import io.naaplake.alerts.AlertResult;
import io.naaplake.alerts.AlertRule;
import io.naaplake.alerts.AlertsConfig;
import io.naaplake.alerts.GaugeSource;
import io.naaplake.alerts.LakeGauges;
import io.naaplake.alerts.SeriesVerdict;
import io.naaplake.schema.Column;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert catalog judged on the lake gauges as of the request's now: what {@code ./naap status}
 * prints, as JSON, for the System health dashboard. Reading the gauges fails like any lake read
 * (RETRIABLE when Trino cannot be reached: 503), so an unreachable lake is never reported as "no
 * alert firing".
 */
final class AlertRoutes {
  static final String PATH = "/v1/network/alerts";

  private AlertRoutes() {}

  private static final List<Column> SERIES =
      List.of(
          Column.required(
              "labels",
              mapOf(string(), string()),
              "The series' labels (for a min-by rule, its grouping labels); empty for none."),
          Column.optional("value", float64(), "The series' value; null when not a number."),
          Column.required(
              "why",
              string(),
              "The comparison as judged, with the volume guard when there is one."));

  private static final List<Column> ALERT =
      List.of(
          Column.required("name", string(), "Alert name, e.g. NaapEventsStale."),
          Column.required("severity", string(), "warning or critical."),
          Column.required("state", string(), "firing, ok or unknown (no series to judge)."),
          Column.required("summary", string(), "What the alert means, in one line."),
          Column.required(
              "expression", string(), "The rule's PromQL, with the configured threshold."),
          Column.required(
              "for_seconds",
              bigint(),
              "How long Prometheus waits before a pending alert fires; this route judges the"
                  + " instant."),
          Column.required("reason", string(), "Why this state, in one line."),
          Documents.arrayOf(
              "firing_series", "The series that fire (empty unless firing).", SERIES));

  /** The route over the lake through Trino, as the API's configuration says. */
  static Route alerts(AlertsConfig config) {
    return alerts(config, new LakeGauges(config));
  }

  /**
   * The route judging gauges from {@code source}.
   *
   * @param config the rules (thresholds) and the ratio window
   */
  static Route alerts(AlertsConfig config, GaugeSource source) {
    requireNonNull(config, "config is null");
    requireNonNull(source, "source is null");
    RouteDoc doc =
        new RouteDoc(
            PATH,
            "Alerts judged on the lake gauges: firing, ok or unknown",
            "Every alert of the catalog (infra/prometheus/naap-alerts.yml) judged at as_of"
                + " (default now) on the lake gauges, as ./naap status judges them: freshness and"
                + " runs at or before as_of, ratios over the configured window of whole hours"
                + " ending at the start of as_of's hour (naap.alerts.window, default 1 h)."
                + " Thresholds follow naap.alerts.thresholds. An alert whose metric has no series"
                + " is unknown.",
            "network",
            List.of(
                ParamDoc.instant(
                    "as_of",
                    "The time the alerts are judged at, RFC 3339. Default: now (the server's as-of"
                        + " time).")),
            RouteDoc.Shape.OBJECT,
            List.of(
                Column.required("as_of", timestamp(), "The time the alerts are judged at."),
                Column.required(
                    "window_start", timestamp(), "Start of the window the ratios cover."),
                Column.required(
                    "window_end", timestamp(), "End of the window the ratios cover (exclusive)."),
                Documents.arrayOf("alerts", "Every alert, in catalog order.", ALERT)));
    return new Route(doc, request -> document(request, config, source));
  }

  private static Payload document(RouteRequest request, AlertsConfig config, GaugeSource source) {
    Instant asOf = request.params().instant("as_of").orElse(request.now());
    List<AlertResult> results = AlertEvaluator.evaluate(config.rules(), source.read(asOf));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("as_of", asOf);
    fields.put("window_start", config.windowStart(asOf));
    fields.put("window_end", AlertsConfig.windowEnd(asOf));
    fields.put("alerts", results.stream().map(AlertRoutes::alert).toList());
    return new Payload.Document(fields);
  }

  private static Map<String, Object> alert(AlertResult result) {
    AlertRule rule = result.rule();
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("name", rule.name());
    alert.put("severity", rule.severity().label());
    alert.put("state", result.state().name().toLowerCase(Locale.ROOT));
    alert.put("summary", rule.summary());
    alert.put("expression", rule.expression());
    alert.put("for_seconds", rule.forDuration().toSeconds());
    alert.put("reason", result.reason());
    alert.put(
        "firing_series",
        result.series().stream().filter(SeriesVerdict::firing).map(AlertRoutes::series).toList());
    return alert;
  }

  private static Map<String, Object> series(SeriesVerdict verdict) {
    Map<String, Object> series = new LinkedHashMap<>();
    // Sorted: SeriesVerdict's labels have no order, and equal answers must be equal bytes.
    series.put("labels", new TreeMap<>(verdict.labels()));
    series.put("value", verdict.value());
    series.put("why", verdict.why());
    return series;
  }
}
