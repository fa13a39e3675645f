package io.naaplake.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertRulesFileTest {

  @Test
  void shippedRuleFileIsTheRenderedCatalog() throws Exception {
    // Surefire runs in the module directory; the file lives at the repository root.
    Path shipped = Path.of("..").resolve(AlertRulesFile.SHIPPED);
    assertThat(Files.readString(shipped, StandardCharsets.UTF_8))
        .as("regenerate with AlertRulesFile.main after changing AlertCatalog")
        .isEqualTo(AlertRulesFile.render(AlertCatalog.DEFAULTS));
  }

  @Test
  void rendersExpressionsForAndLabels() {
    String yaml = AlertRulesFile.render(AlertCatalog.DEFAULTS);
    assertThat(yaml)
        .contains(
            "      - alert: NaapEventsStale\n"
                + "        expr: \"min by (org) (naap_lake_event_freshness_seconds) > 300\"\n"
                + "        for: 5m\n"
                + "        labels:\n"
                + "          severity: critical\n")
        .contains(
            "        expr: \"naap_lake_attribution_ratio < 0.75 and naap_lake_status_samples >="
                + " 500\"\n")
        .contains("        expr: \"naap_lake_up < 1\"\n        for: 2m\n");
  }

  @Test
  void quotesYamlScalars() {
    assertThat(AlertRulesFile.quoted("a \"b\" \\ c")).isEqualTo("\"a \\\"b\\\" \\\\ c\"");
  }

  @Test
  void everyAlertJudgesDeclaredGaugesAndNamesAreUnique() {
    Set<String> gauges =
        Arrays.stream(LakeMetric.values()).map(LakeMetric::metricName).collect(Collectors.toSet());
    Set<String> names = new HashSet<>();
    for (AlertRule rule : AlertCatalog.DEFAULTS) {
      assertThat(names.add(rule.name())).as(rule.name()).isTrue();
      assertThat(gauges).contains(rule.condition().metric());
      rule.guard().ifPresent(g -> assertThat(gauges).contains(g.metric()));
      assertThat(rule.source()).isNotBlank();
    }
  }

  @Test
  void thresholdOverridesReplaceOnlyTheirAlert() {
    AlertRule attribution =
        AlertCatalog.withThresholds(Map.of("NaapAttributionLow", 0.8)).stream()
            .filter(r -> r.name().equals("NaapAttributionLow"))
            .findFirst()
            .get();
    assertThat(attribution.expression())
        .isEqualTo("naap_lake_attribution_ratio < 0.8 and naap_lake_status_samples >= 500");
    assertThatThrownBy(() -> AlertCatalog.withThresholds(Map.of("NoSuchAlert", 1.0)))
        .hasMessageContaining("no alert named NoSuchAlert");
  }
}
