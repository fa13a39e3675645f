package io.naaplake.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges the catalog's alerts on gauge readings with the semantics of their PromQL ({@link
 * AlertRule}), for {@code ./naap status} and the API, which have no Prometheus server to ask. It
 * judges the instant: a rule with a for-duration that fires here is firing or pending in
 * Prometheus.
 */
public final class AlertEvaluator {

  private AlertEvaluator() {}

  public static List<AlertResult> evaluate(List<AlertRule> rules, GaugeReadings readings) {
    List<AlertResult> results = new ArrayList<>();
    for (AlertRule rule : rules) {
      results.add(evaluate(rule, readings));
    }
    return List.copyOf(results);
  }

  public static AlertResult evaluate(AlertRule rule, GaugeReadings readings) {
    Condition condition = rule.condition();
    List<Series> series = reduce(rule.minBy(), readings.series(condition.metric()));
    if (series.isEmpty()) {
      return new AlertResult(
          rule, AlertState.UNKNOWN, List.of(), "no " + condition.metric() + " series (no data)");
    }
    List<SeriesVerdict> verdicts = new ArrayList<>();
    for (Series s : series) {
      verdicts.add(judge(rule, s, readings));
    }
    long firing = verdicts.stream().filter(SeriesVerdict::firing).count();
    AlertState state = firing > 0 ? AlertState.FIRING : AlertState.OK;
    String reason =
        firing > 0
            ? firing + " of " + verdicts.size() + " series fire"
            : "none of " + verdicts.size() + " series fires";
    return new AlertResult(rule, state, verdicts, reason);
  }

  private static SeriesVerdict judge(AlertRule rule, Series series, GaugeReadings readings) {
    Condition condition = rule.condition();
    boolean holds = condition.holds(series.value());
    String why =
        HumanNumbers.format(series.value())
            + (holds ? " " : " not ")
            + condition.comparison().operator()
            + " "
            + HumanNumbers.format(condition.threshold());
    if (!holds || rule.guard().isEmpty()) {
      return new SeriesVerdict(series.labels(), series.value(), holds, why);
    }
    Condition guard = rule.guard().get();
    Optional<GaugeSample> guardSeries =
        readings.series(guard.metric()).stream()
            .filter(g -> g.labels().equals(series.labels()))
            .findFirst();
    if (guardSeries.isEmpty()) {
      return new SeriesVerdict(
          series.labels(), series.value(), false, why + ", but no " + guard.metric() + " series");
    }
    double volume = guardSeries.get().value();
    boolean enough = guard.holds(volume);
    String guardWhy =
        guard.metric()
            + " "
            + HumanNumbers.format(volume)
            + (enough ? " " : " not ")
            + guard.comparison().operator()
            + " "
            + HumanNumbers.format(guard.threshold());
    return new SeriesVerdict(
        series.labels(),
        series.value(),
        enough,
        why + (enough ? ", " : ", but too little volume: ") + guardWhy);
  }

  /** The metric's series, reduced to their minimum per {@code minBy} labels when there are any. */
  private static List<Series> reduce(List<String> minBy, List<GaugeSample> samples) {
    if (minBy.isEmpty()) {
      return samples.stream().map(s -> new Series(s.labels(), s.value())).toList();
    }
    Map<String, Series> groups = new TreeMap<>();
    for (GaugeSample sample : samples) {
      if (Double.isNaN(sample.value())) {
        continue; // PromQL's min ignores NaN unless every value is NaN
      }
      Map<String, String> key = new LinkedHashMap<>();
      for (String label : minBy) {
        key.put(label, sample.labels().getOrDefault(label, ""));
      }
      groups.merge(
          key.toString(),
          new Series(key, sample.value()),
          (a, b) -> a.value() <= b.value() ? a : b);
    }
    return List.copyOf(groups.values());
  }

  private record Series(Map<String, String> labels, double value) {}
}
