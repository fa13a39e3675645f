package io.naaplake.jobs.report;

import java.util.List;

/**
 * A chart drawn as inline SVG in the HTML report (Markdown and CSV carry the numbers in the
 * tables). A bar chart has one series; a line chart one or more over the same labels. Null values
 * are gaps, never zero.
 */
public record Chart(
    Kind kind, String title, String unit, List<String> labels, List<Series> series) {

  public enum Kind {
    BAR,
    LINE
  }

  /** A named sequence of values, one per label. */
  public record Series(String name, List<Double> values) {
    public Series {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  public Chart {
    labels = List.copyOf(labels);
    series = List.copyOf(series);
    for (Series s : series) {
      if (s.values().size() != labels.size()) {
        throw new IllegalArgumentException(
            title
                + ": series "
                + s.name()
                + " has "
                + s.values().size()
                + " values for "
                + labels.size()
                + " labels");
      }
    }
  }

  public static Chart bar(String title, String unit, List<String> labels, List<Double> values) {
    return new Chart(Kind.BAR, title, unit, labels, List.of(new Series(title, values)));
  }

  public static Chart line(String title, String unit, List<String> labels, List<Series> series) {
    return new Chart(Kind.LINE, title, unit, labels, series);
  }
}
