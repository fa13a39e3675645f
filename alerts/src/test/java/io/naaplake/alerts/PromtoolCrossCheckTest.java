package io.naaplake.alerts;

import static io.naaplake.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link AlertEvaluator} and the rendered PromQL agree, with Prometheus' own rule
 * tester ({@code promtool test rules}, Debian package {@code prometheus}): the same gauge values
 * are fed to both, and promtool must see exactly the alerts and labels the evaluator fires. Skipped
 * where promtool is not installed.
 */
class PromtoolCrossCheckTest {
  private static final Instant AS_OF = Instant.parse("2026-01-09T01:00:00Z");

  /** Both sides of every threshold and guard, each case in its own org or job. */
  private static final List<GaugeSample> BOUNDARIES =
      List.of(
          of(LakeMetric.UP, 1),
          of(LakeMetric.EVENT_FRESHNESS, 300, "at", "ai_stream_status"),
          of(LakeMetric.EVENT_FRESHNESS, 300.001, "above", "ai_stream_status"),
          of(LakeMetric.EVENT_FRESHNESS, 86_400, "mixed", "job_auth"),
          of(LakeMetric.EVENT_FRESHNESS, 12, "mixed", "ai_stream_status"),
          of(LakeMetric.GOLD_AGE, 10_800),
          of(LakeMetric.JOB_UNSUCCESSFUL, 900, "silver_events"),
          of(LakeMetric.JOB_UNSUCCESSFUL, 901, "gold"),
          of(LakeMetric.JOB_FAILED_RUNS_LAST_HOUR, 0, "silver_events"),
          of(LakeMetric.JOB_FAILED_RUNS_LAST_HOUR, 2, "gold"),
          of(LakeMetric.ATTRIBUTION_RATIO, 0.75, "at"),
          of(LakeMetric.STATUS_SAMPLES, 500, "at"),
          of(LakeMetric.ATTRIBUTION_RATIO, 0.7499, "above"),
          of(LakeMetric.STATUS_SAMPLES, 500, "above"),
          of(LakeMetric.ATTRIBUTION_RATIO, 0.1, "mixed"),
          of(LakeMetric.STATUS_SAMPLES, 499, "mixed"),
          of(LakeMetric.ATTRIBUTION_RATIO, 0.1, "unguarded"),
          of(LakeMetric.DUPLICATE_JOB_ROWS, 0, "at"),
          of(LakeMetric.DUPLICATE_JOB_ROWS, 3, "above"),
          of(LakeMetric.QUARANTINE_RATIO, 0.02, "at"),
          of(LakeMetric.CONTRACT_EVENTS, 50, "at"),
          of(LakeMetric.QUARANTINE_RATIO, 0.05, "above"),
          of(LakeMetric.CONTRACT_EVENTS, 20, "above"),
          of(LakeMetric.QUARANTINE_RATIO, 1, "mixed"),
          of(LakeMetric.CONTRACT_EVENTS, 19, "mixed"),
          of(LakeMetric.UNSERVED_DEMAND_RATIO, 0.4, "at"),
          of(LakeMetric.REQUESTED_SESSIONS, 50, "at"),
          of(LakeMetric.UNSERVED_DEMAND_RATIO, 0.42, "above"),
          of(LakeMetric.REQUESTED_SESSIONS, 50, "above"),
          of(LakeMetric.UNSERVED_DEMAND_RATIO, 1, "mixed"),
          of(LakeMetric.REQUESTED_SESSIONS, 49, "mixed"),
          of(LakeMetric.SLA_COVERAGE_RATIO, 0.6, "at"),
          of(LakeMetric.REQUESTED_SESSION_HOURS, 50, "at"),
          of(LakeMetric.SLA_COVERAGE_RATIO, 0.59, "above"),
          of(LakeMetric.REQUESTED_SESSION_HOURS, 50, "above"));

  @Test
  void promtoolFiresWhatTheEvaluatorFires(@TempDir Path dir) throws Exception {
    assumeTrue(promtoolInstalled(), "promtool is not installed (apt-get install prometheus)");
    Path rules = dir.resolve("rules.yml");
    Files.writeString(rules, AlertRulesFile.render(AlertCatalog.DEFAULTS), StandardCharsets.UTF_8);
    StringBuilder test = new StringBuilder();
    test.append("rule_files:\n  - ").append(rules).append('\n');
    test.append("evaluation_interval: 1m\ntests:\n");
    int firing = appendCase(test, new GaugeReadings(AS_OF, BOUNDARIES));
    int unreachable = appendCase(test, GaugeReadings.unreachable(AS_OF));
    // The boundary case fires one series per alert but the lake alert, the other only that one.
    assertThat(firing).isEqualTo(AlertCatalog.DEFAULTS.size() - 2);
    assertThat(unreachable).isEqualTo(1);
    Path tests = dir.resolve("tests.yml");
    Files.writeString(tests, test.toString(), StandardCharsets.UTF_8);

    assertThat(promtool(dir, "check", "rules", rules.toString())).contains("SUCCESS");
    assertThat(promtool(dir, "test", "rules", tests.toString())).contains("SUCCESS");
  }

  /** One promtool test: the readings as constant series, the alerts the evaluator fires. */
  private static int appendCase(StringBuilder out, GaugeReadings readings) {
    out.append("  - interval: 1m\n    input_series:\n");
    for (GaugeSample sample : readings.samples()) {
      out.append("      - series: '")
          .append(sample.metric().metricName())
          .append(labels(sample.labels(), "=\"", "\"", "{", "}"))
          .append("'\n        values: '")
          .append(Condition.number(sample.value()))
          .append("x10'\n");
    }
    out.append("    alert_rule_test:\n");
    int firing = 0;
    for (AlertResult result : AlertEvaluator.evaluate(AlertCatalog.DEFAULTS, readings)) {
      AlertRule rule = result.rule();
      // Ten minutes of constant values: past every rule's for-duration.
      out.append("      - eval_time: 10m\n        alertname: ").append(rule.name()).append('\n');
      List<SeriesVerdict> fired = result.series().stream().filter(SeriesVerdict::firing).toList();
      if (fired.isEmpty()) {
        out.append("        exp_alerts: []\n");
        continue;
      }
      out.append("        exp_alerts:\n");
      for (SeriesVerdict verdict : fired) {
        firing++;
        out.append("          - exp_labels:\n              severity: ")
            .append(rule.severity().label())
            .append('\n');
        verdict.labels().forEach((k, v) -> out.append("              " + k + ": " + v + "\n"));
        out.append("            exp_annotations:\n              summary: ")
            .append(AlertRulesFile.quoted(annotation(rule)))
            .append("\n              source: ")
            .append(AlertRulesFile.quoted(rule.source()))
            .append('\n');
      }
    }
    return firing;
  }

  private static String annotation(AlertRule rule) {
    return rule.summary()
        + " ("
        + rule.condition().comparison().operator()
        + " "
        + rule.condition().thresholdText()
        + ")";
  }

  private static String labels(
      Map<String, String> labels, String eq, String close, String open, String end) {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(open);
    labels.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? "," : "").append(k).append(eq).append(v).append(close));
    return out.append(end).toString();
  }

  private static boolean promtoolInstalled() {
    try {
      Process p = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String promtool(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
