package io.naaplake.api.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-text report of a bench run: one table per timed phase (columns always in the same
 * order, so two runs can be diffed), then a one-line summary.
 */
public final class BenchReport {
  private static final String COLUMNS = "%8s %7s %7s %9s %9s %9s %9s  %s";

  private BenchReport() {}

  /** The whole report, ending with {@link #summary}. */
  public static String render(BenchResult result, BenchOptions options) {
    StringBuilder text = new StringBuilder();
    int width =
        Math.max(
            "route".length(),
            result.routes().stream().mapToInt(r -> r.template().length()).max().orElse(0));
    table(text, result.cold(), width);
    text.append(
        String.format(
            Locale.ROOT,
            "warm-up: %d untimed requests (one per route), %d failed%n%n",
            result.warmup().sent(),
            result.warmup().failed()));
    table(text, result.warm(), width);
    table(text, result.conditional(), width);
    text.append(
        String.format(
            Locale.ROOT,
            "conditional: %d of %d requests answered 304 Not Modified; %d of %d routes sent an"
                + " ETag%n",
            result.notModified(),
            result.conditional().sent(),
            result.routesWithEtag(),
            result.routes().size()));
    for (SkippedRoute skipped : result.skipped()) {
      text.append("skipped ").append(skipped.template()).append(": ").append(skipped.reason());
      text.append(System.lineSeparator());
    }
    result
        .budgetSpentDuring()
        .ifPresent(
            phase ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "time budget of %s s spent during the %s phase: the run stopped there"
                            + " (%d requests sent)%n",
                        seconds(options.budget()),
                        phase,
                        result.requestsSent())));
    int throttled = result.cold().count(429) + result.warm().count(429);
    if (throttled > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "%d requests were rate limited (429): the server's naap.api.rate-limit.rps and"
                  + " .burst were measured, not its queries; raise them for the bench%n",
              throttled));
    }
    text.append(summary(result)).append(System.lineSeparator());
    return text.toString();
  }

  /**
   * {@code cold p50=… p95=… p99=… | warm p50=… p95=… p99=… rps=… | 304s=k/n}, latencies in
   * milliseconds.
   */
  public static String summary(BenchResult result) {
    return "cold "
        + percentiles(result.cold().latency())
        + " | warm "
        + percentiles(result.warm().latency())
        + String.format(Locale.ROOT, " rps=%.1f", result.warm().requestsPerSecond())
        + " | 304s="
        + result.notModified()
        + "/"
        + result.conditional().sent();
  }

  private static void table(StringBuilder text, PhaseResult phase, int width) {
    String format = "%-" + width + "s " + COLUMNS + "%n";
    text.append("== ").append(phase.name()).append(" ==").append(System.lineSeparator());
    text.append(
        String.format(
            Locale.ROOT,
            format,
            "route",
            "count",
            "non2xx",
            "failed",
            "p50_ms",
            "p95_ms",
            "p99_ms",
            "max_ms",
            "non2xx_by_status"));
    for (RouteResult route : phase.routes()) {
      Optional<LatencyStats> latency = route.latency();
      text.append(
          String.format(
              Locale.ROOT,
              format,
              route.route(),
              route.sent(),
              route.non2xx(),
              route.failed(),
              millis(latency.map(LatencyStats::p50Millis)),
              millis(latency.map(LatencyStats::p95Millis)),
              millis(latency.map(LatencyStats::p99Millis)),
              millis(latency.map(LatencyStats::maxMillis)),
              byStatus(route)));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%s total: %d requests, %d failed, wall %.3f s, %.1f req/s%n%n",
            phase.name(),
            phase.sent(),
            phase.failed(),
            phase.wallNanos() / 1e9,
            phase.requestsPerSecond()));
  }

  /** {@code 304x1 429x3}, or {@code -} when every answer was 2xx. */
  private static String byStatus(RouteResult route) {
    String text =
        route.statusCounts().entrySet().stream()
            .filter(e -> e.getKey() < 200 || e.getKey() > 299)
            .map(Map.Entry::toString)
            .map(entry -> entry.replace('=', 'x'))
            .collect(Collectors.joining(" "));
    return text.isEmpty() ? "-" : text;
  }

  private static String percentiles(Optional<LatencyStats> latency) {
    List<String> values =
        List.of(
            millis(latency.map(LatencyStats::p50Millis)),
            millis(latency.map(LatencyStats::p95Millis)),
            millis(latency.map(LatencyStats::p99Millis)));
    String unit = latency.isPresent() ? "ms" : "";
    return "p50="
        + values.get(0)
        + unit
        + " p95="
        + values.get(1)
        + unit
        + " p99="
        + values.get(2)
        + unit;
  }

  /** Whole seconds as given on the command line; a finer budget (tests) keeps its fraction. */
  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  private static String millis(Optional<Double> value) {
    return value.map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("-");
  }
}
