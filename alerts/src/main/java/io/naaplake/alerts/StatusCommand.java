package io.naaplake.alerts;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./naap status} after the services: judges every alert of the catalog on the lake's gauges
 * as of now (or {@code naap.alerts.as-of} / {@code --as-of TIME}) and prints each as FIRING, ok or
 * unknown with the values, thresholds and why. Exit code 0 when nothing fires, 1 when something
 * fires, 2 when the lake cannot be read.
 */
public final class StatusCommand {
  static final int NOTHING_FIRING = 0;
  static final int FIRING = 1;
  static final int LAKE_UNREACHABLE = 2;

  private StatusCommand() {}

  public static void main(String[] args) {
    Settings settings = Settings.fromEnvironment();
    if (args.length == 2 && args[0].equals("--as-of")) {
      settings = settings.with(Map.of("naap.alerts.as-of", args[1]));
    } else if (args.length != 0) {
      System.err.println("usage: ./naap status [--as-of RFC3339-TIME]");
      System.exit(64);
    }
    AlertsConfig config = AlertsConfig.from(settings);
    Instant asOf = config.asOfOr(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    System.exit(run(config, asOf, new LakeGauges(config), System.out));
  }

  /** Prints the alerts as of {@code asOf} and returns the exit code. */
  static int run(AlertsConfig config, Instant asOf, GaugeSource source, PrintStream out) {
    GaugeReadings readings;
    try {
      readings = source.read(asOf);
    } catch (NaapException e) {
      out.println("alerts: the lake cannot be read (" + config.trinoUrl() + "): " + e.getMessage());
      return LAKE_UNREACHABLE;
    }
    out.println(
        "alerts as of "
            + asOf
            + " (ratios over "
            + config.windowStart(asOf)
            + " to "
            + AlertsConfig.windowEnd(asOf)
            + "):");
    List<AlertResult> results = AlertEvaluator.evaluate(config.rules(), readings);
    for (AlertResult result : results) {
      print(result, out);
    }
    long firing = results.stream().filter(r -> r.state() == AlertState.FIRING).count();
    out.println(firing == 0 ? "no alert firing" : firing + " alert(s) firing");
    return firing == 0 ? NOTHING_FIRING : FIRING;
  }

  private static void print(AlertResult result, PrintStream out) {
    AlertRule rule = result.rule();
    String state =
        switch (result.state()) {
          case FIRING -> "FIRING ";
          case OK -> "ok     ";
          case UNKNOWN -> "unknown";
        };
    out.println(
        "  "
            + state
            + " "
            + rule.name()
            + " ["
            + rule.severity().label()
            + "] "
            + rule.expression()
            + (rule.forDuration().isZero()
                ? ""
                : " (Prometheus waits " + AlertRulesFile.duration(rule.forDuration()) + ")"));
    out.println("            " + rule.summary() + " — " + result.reason());
    for (SeriesVerdict verdict : result.series()) {
      if (result.state() == AlertState.FIRING && !verdict.firing()) {
        continue; // a firing alert lists the series that fire
      }
      out.println("            " + labels(verdict.labels()) + ": " + verdict.why());
    }
  }

  private static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "{}";
    }
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
