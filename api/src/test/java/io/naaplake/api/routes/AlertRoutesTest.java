package io.naaplake.api.routes;

import static io.naaplake.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.alerts.AlertCatalog;
import io.naaplake.alerts.AlertRule;
import io.naaplake.alerts.AlertsConfig;
import io.naaplake.alerts.GaugeReadings;
import io.naaplake.alerts.GaugeSample;
import io.naaplake.alerts.GaugeSource;
import io.naaplake.alerts.LakeMetric;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiJson;
import io.naaplake.api.Cursor;
import io.naaplake.api.Envelope;
import io.naaplake.api.OpenApiValidator;
import io.naaplake.api.Problems;
import io.naaplake.api.QueryParams;
import io.naaplake.api.lake.TrinoLake;
import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code /v1/network/alerts} from explicit gauge readings (no Trino): its shape, that
 * it conforms to its own {@code /openapi.json} schema, which time it judges, and that a lake read
 * failure stays a retriable error.
 */
class AlertRoutesTest {
  private static final Instant NOW = Instant.parse("2026-01-09T01:30:00Z");

  private final ApiConfig api = ApiConfig.from(Settings.of(Map.of()));
  private final TrinoLake lake = new TrinoLake(api);
  private final List<Instant> asked = new ArrayList<>();

  /** Org a's freshest family is 350 s old and 50 % attributed on 620 samples; org b is fine. */
  private final GaugeSource readings =
      asOf -> {
        asked.add(asOf);
        return new GaugeReadings(
            asOf,
            List.of(
                of(LakeMetric.UP, 1),
                of(LakeMetric.EVENT_FRESHNESS, 400, "a", "ai_stream_status"),
                of(LakeMetric.EVENT_FRESHNESS, 350, "a", "stream_trace"),
                of(LakeMetric.EVENT_FRESHNESS, 10, "b", "ai_stream_status"),
                of(LakeMetric.ATTRIBUTION_RATIO, 0.5, "a"),
                of(LakeMetric.STATUS_SAMPLES, 620, "a"),
                // Low, but on too few samples for the reference to judge it.
                of(LakeMetric.ATTRIBUTION_RATIO, 0.6, "b"),
                of(LakeMetric.STATUS_SAMPLES, 100, "b")));
      };

  @AfterEach
  void close() {
    lake.close();
  }

  private JsonNode get(Route route, Map<String, List<String>> query) {
    RouteRequest request =
        new RouteRequest(
            AlertRoutes.PATH,
            QueryParams.of(query, route.queryParameterNames()),
            Map.of(),
            query,
            NOW,
            new RouteContext(lake, Cursor.withRandomKey(), api));
    Payload.Document document = (Payload.Document) route.handler().handle(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", document.fields());
    body.put("meta", new Envelope.Meta(NOW, "r1", "run-1"));
    JsonNode json = ApiJson.MAPPER.valueToTree(body);
    OpenApiValidator validator =
        new OpenApiValidator(OpenApiDocument.build(List.of(route.doc()), "test"));
    assertThat(validator.validate(AlertRoutes.PATH, 200, json)).isEmpty();
    return json.get("data");
  }

  private static JsonNode alert(JsonNode data, String name) {
    for (JsonNode alert : data.get("alerts")) {
      if (alert.get("name").asText().equals(name)) {
        return alert;
      }
    }
    throw new AssertionError("no alert " + name + " in " + data);
  }

  private static AlertsConfig alerts(Map<String, String> settings) {
    return AlertsConfig.from(Settings.of(settings));
  }

  @Test
  void everyAlertIsListedWithItsStateAndTheFiringSeriesSayWhy() {
    JsonNode data = get(AlertRoutes.alerts(alerts(Map.of()), readings), Map.of());
    assertThat(asked).containsExactly(NOW);
    assertThat(data.get("as_of").asText()).isEqualTo("2026-01-09T01:30:00Z");
    // The default window: the whole hour before the as-of time's hour.
    assertThat(data.get("window_start").asText()).isEqualTo("2026-01-09T00:00:00Z");
    assertThat(data.get("window_end").asText()).isEqualTo("2026-01-09T01:00:00Z");
    List<String> names = new ArrayList<>();
    data.get("alerts").forEach(a -> names.add(a.get("name").asText()));
    assertThat(names).isEqualTo(AlertCatalog.DEFAULTS.stream().map(AlertRule::name).toList());

    // min by (org): org a's freshest family (350 s) fires, org b's (10 s) does not.
    JsonNode stale = alert(data, "NaapEventsStale");
    assertThat(stale.get("severity").asText()).isEqualTo("critical");
    assertThat(stale.get("state").asText()).isEqualTo("firing");
    assertThat(stale.get("expression").asText())
        .isEqualTo("min by (org) (naap_lake_event_freshness_seconds) > 300");
    assertThat(stale.get("for_seconds").asLong()).isEqualTo(300);
    assertThat(stale.get("reason").asText()).isEqualTo("1 of 2 series fire");
    assertThat(stale.get("summary").asText()).startsWith("No new events from an org");
    assertThat(stale.get("firing_series")).hasSize(1);
    JsonNode series = stale.get("firing_series").get(0);
    assertThat(series.get("labels").toString()).isEqualTo("{\"org\":\"a\"}");
    assertThat(series.get("value").asDouble()).isEqualTo(350.0);
    assertThat(series.get("why").asText()).isEqualTo("350 > 300");

    // The guarded ratio: org a fires with its volume, org b is held back by its 100 samples.
    JsonNode attribution = alert(data, "NaapAttributionLow");
    assertThat(attribution.get("state").asText()).isEqualTo("firing");
    assertThat(attribution.get("severity").asText()).isEqualTo("warning");
    assertThat(attribution.get("for_seconds").asLong()).isZero();
    assertThat(attribution.get("firing_series")).hasSize(1);
    assertThat(attribution.at("/firing_series/0/labels/org").asText()).isEqualTo("a");
    assertThat(attribution.at("/firing_series/0/why").asText())
        .isEqualTo("0.5 < 0.75, naap_lake_status_samples 620 >= 500");

    JsonNode up = alert(data, "NaapLakeUnreachable");
    assertThat(up.get("state").asText()).isEqualTo("ok");
    assertThat(up.get("reason").asText()).isEqualTo("none of 1 series fires");
    assertThat(up.get("firing_series")).isEmpty();

    JsonNode gold = alert(data, "NaapGoldStale");
    assertThat(gold.get("state").asText()).isEqualTo("unknown");
    assertThat(gold.get("reason").asText())
        .isEqualTo("no naap_lake_gold_age_seconds series (no data)");
    assertThat(gold.get("firing_series")).isEmpty();
  }

  @Test
  void asOfParameterThresholdsAndWindowFollowTheRequestAndTheConfiguration() {
    Route route =
        AlertRoutes.alerts(
            alerts(
                Map.of(
                    "naap.alerts.window", "24h", "naap.alerts.thresholds", "NaapEventsStale:400")),
            readings);
    JsonNode data = get(route, Map.of("as_of", List.of("2026-01-08T12:34:56+01:00")));
    assertThat(asked).containsExactly(Instant.parse("2026-01-08T11:34:56Z"));
    assertThat(data.get("as_of").asText()).isEqualTo("2026-01-08T11:34:56Z");
    assertThat(data.get("window_start").asText()).isEqualTo("2026-01-07T11:00:00Z");
    assertThat(data.get("window_end").asText()).isEqualTo("2026-01-08T11:00:00Z");
    JsonNode stale = alert(data, "NaapEventsStale");
    assertThat(stale.get("state").asText()).isEqualTo("ok");
    assertThat(stale.get("expression").asText()).endsWith("> 400");
    assertThat(stale.get("firing_series")).isEmpty();
  }

  @Test
  void aLakeThatCannotBeReadIsARetriable503NotAQuietOk() {
    GaugeSource down =
        asOf -> {
          throw LakeErrors.trinoUnavailable(
              "jdbc:trino://127.0.0.1:1", new IOException("Connection refused"));
        };
    Route route = AlertRoutes.alerts(alerts(Map.of()), down);
    assertThatThrownBy(() -> get(route, Map.of()))
        .isInstanceOf(NaapException.class)
        .satisfies(
            e -> {
              assertThat(((NaapException) e).category()).isEqualTo(ErrorCategory.RETRIABLE);
              assertThat(Problems.of(e).status()).isEqualTo(503);
            });
  }

  @Test
  void anUnlabelledSeriesFiresWithEmptyLabels() {
    GaugeSource oldGold =
        asOf ->
            new GaugeReadings(
                asOf, List.of(GaugeSample.of(LakeMetric.UP, 1), of(LakeMetric.GOLD_AGE, 20000)));
    JsonNode gold =
        alert(get(AlertRoutes.alerts(alerts(Map.of()), oldGold), Map.of()), "NaapGoldStale");
    // Gold 20000 s old, above the 10800 s threshold; the gauge has no labels.
    assertThat(gold.get("state").asText()).isEqualTo("firing");
    assertThat(gold.at("/firing_series/0/labels").isObject()).isTrue();
    assertThat(gold.at("/firing_series/0/labels").isEmpty()).isTrue();
    assertThat(gold.at("/firing_series/0/value").asDouble()).isEqualTo(20000.0);
  }
}
