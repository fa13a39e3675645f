package io.naaplake.alerts;

import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Renders {@link AlertCatalog} as a Prometheus rule file. The shipped {@code
 * infra/prometheus/naap-alerts.yml} is this output for the default thresholds (a unit test keeps
 * them equal); {@link #main} rewrites it after a catalog change.
 */
public final class AlertRulesFile {

  /** Where the shipped file lives, relative to the repository root. */
  public static final Path SHIPPED = Path.of("infra", "prometheus", "naap-alerts.yml");

  private AlertRulesFile() {}

  /** {@code main [FILE]}: writes the default catalog's rule file (default {@link #SHIPPED}). */
  public static void main(String[] args) {
    Path file = args.length > 0 ? Path.of(args[0]) : SHIPPED;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, render(AlertCatalog.DEFAULTS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + file, e);
    }
    System.out.println("wrote " + file);
  }

  /** The rule file for these rules: one group, the rules in catalog order. */
  public static String render(List<AlertRule> rules) {
    StringBuilder out = new StringBuilder();
    out.append("# Generated from io.naaplake.alerts.AlertCatalog by AlertRulesFile:\n")
        .append("# edit the catalog and regenerate, never this file. The metrics are served by\n")
        .append("# the scheduler on naap.scheduler.metrics-port (/metrics); ./naap status and\n")
        .append("# the API's /v1/network/alerts judge the same rules without Prometheus.\n")
        .append("groups:\n")
        .append("  - name: naap-lake\n")
        .append("    rules:\n");
    for (AlertRule rule : rules) {
      out.append("      - alert: ").append(rule.name()).append('\n');
      out.append("        expr: ").append(quoted(rule.expression())).append('\n');
      if (!rule.forDuration().isZero()) {
        out.append("        for: ").append(duration(rule.forDuration())).append('\n');
      }
      out.append("        labels:\n");
      out.append("          severity: ").append(rule.severity().label()).append('\n');
      out.append("        annotations:\n");
      out.append("          summary: ")
          .append(quoted(rule.summary() + " (" + threshold(rule) + ")"))
          .append('\n');
      out.append("          source: ").append(quoted(rule.source())).append('\n');
    }
    return out.toString();
  }

  private static String threshold(AlertRule rule) {
    Condition c = rule.condition();
    return c.comparison().operator() + " " + c.thresholdText();
  }

  /** A Prometheus duration: whole minutes as {@code 5m}, else seconds. */
  static String duration(Duration value) {
    long seconds = value.getSeconds();
    return seconds % 60 == 0 ? (seconds / 60) + "m" : seconds + "s";
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
