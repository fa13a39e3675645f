package io.naaplake.jobs.report.render;

import io.naaplake.jobs.report.Chart;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws a {@link Chart} as inline SVG: no script, no external reference, coordinates printed with
 * two decimals in the root locale so the same chart is the same bytes. Bars are horizontal (labels
 * such as addresses and GPU names stay readable); lines share one y axis starting at 0. Null values
 * are gaps: no bar, a break in the line.
 */
public final class SvgCharts {
  static final int WIDTH = 720;
  private static final int LABEL_WIDTH = 240;
  private static final int BAR_HEIGHT = 18;
  private static final int BAR_GAP = 6;
  private static final int LINE_HEIGHT = 240;
  private static final List<String> COLORS =
      List.of("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#e53e3e", "#319795");

  private SvgCharts() {}

  public static String svg(Chart chart) {
    return chart.kind() == Chart.Kind.BAR ? bars(chart) : lines(chart);
  }

  private static String bars(Chart chart) {
    List<Double> values = chart.series().get(0).values();
    double max = max(chart);
    int plot = WIDTH - LABEL_WIDTH - 120;
    int height = values.size() * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
    StringBuilder svg = open(chart, height);
    for (int i = 0; i < values.size(); i++) {
      double y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP);
      svg.append("<text x=\"")
          .append(LABEL_WIDTH - 6)
          .append("\" y=\"")
          .append(n(y + BAR_HEIGHT * 0.75))
          .append("\" text-anchor=\"end\">")
          .append(Html.escape(chart.labels().get(i)))
          .append("</text>");
      Double value = values.get(i);
      if (value == null) {
        continue;
      }
      double width = max <= 0 ? 0 : Math.max(0, value) / max * plot;
      svg.append("<rect x=\"")
          .append(LABEL_WIDTH)
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(n(width))
          .append("\" height=\"")
          .append(BAR_HEIGHT)
          .append("\" fill=\"")
          .append(COLORS.get(0))
          .append("\"><title>")
          .append(Html.escape(chart.labels().get(i) + ": " + label(value)))
          .append("</title></rect><text x=\"")
          .append(n(LABEL_WIDTH + width + 4))
          .append("\" y=\"")
          .append(n(y + BAR_HEIGHT * 0.75))
          .append("\">")
          .append(Html.escape(label(value)))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String lines(Chart chart) {
    int left = 60;
    int right = 20;
    int top = 14;
    int bottom = 40;
    int plotWidth = WIDTH - left - right;
    int plotHeight = LINE_HEIGHT - top - bottom;
    double max = max(chart);
    double scale = max <= 0 ? 0 : plotHeight / max;
    int points = chart.labels().size();
    double step = points > 1 ? (double) plotWidth / (points - 1) : 0;
    StringBuilder svg = open(chart, LINE_HEIGHT);
    // Axes, the top value and the x labels (at most 12, evenly spaced).
    svg.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top + plotHeight)
        .append("\" x2=\"")
        .append(left + plotWidth)
        .append("\" y2=\"")
        .append(top + plotHeight)
        .append("\" stroke=\"#888\"/>");
    svg.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top)
        .append("\" x2=\"")
        .append(left)
        .append("\" y2=\"")
        .append(top + plotHeight)
        .append("\" stroke=\"#888\"/>");
    svg.append("<text x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + 10)
        .append("\" text-anchor=\"end\">")
        .append(Html.escape(label(max)))
        .append("</text>");
    svg.append("<text x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + plotHeight)
        .append("\" text-anchor=\"end\">0</text>");
    int every = Math.max(1, (points + 11) / 12);
    for (int i = 0; i < points; i += every) {
      svg.append("<text x=\"")
          .append(n(left + i * step))
          .append("\" y=\"")
          .append(top + plotHeight + 16)
          .append("\" text-anchor=\"middle\">")
          .append(Html.escape(chart.labels().get(i)))
          .append("</text>");
    }
    for (int s = 0; s < chart.series().size(); s++) {
      Chart.Series series = chart.series().get(s);
      String color = COLORS.get(s % COLORS.size());
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < points; i++) {
        Double value = series.values().get(i);
        if (value == null) {
          pen = false;
          continue;
        }
        path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
            .append(n(left + i * step))
            .append(' ')
            .append(n(top + plotHeight - Math.max(0, value) * scale));
        pen = true;
      }
      if (path.length() > 0) {
        svg.append("<path d=\"")
            .append(path)
            .append("\" fill=\"none\" stroke=\"")
            .append(color)
            .append("\" stroke-width=\"2\"><title>")
            .append(Html.escape(series.name()))
            .append("</title></path>");
      }
      int legendX = left + 10 + s * 150;
      svg.append("<rect x=\"")
          .append(legendX)
          .append("\" y=\"")
          .append(LINE_HEIGHT - 14)
          .append("\" width=\"10\" height=\"10\" fill=\"")
          .append(color)
          .append("\"/>")
          .append("<text x=\"")
          .append(legendX + 14)
          .append("\" y=\"")
          .append(LINE_HEIGHT - 5)
          .append("\">")
          .append(Html.escape(series.name()))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(Chart chart, int height) {
    return new StringBuilder()
        .append("<svg role=\"img\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-size=\"11\" font-family=\"sans-serif\"><title>")
        .append(Html.escape(chart.title() + " (" + chart.unit() + ")"))
        .append("</title>");
  }

  private static double max(Chart chart) {
    return chart.series().stream()
        .flatMap(s -> s.values().stream())
        .filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(0);
  }

  /** A coordinate: two decimals, root locale. */
  static String n(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A value label: whole numbers without decimals, others with up to two, grouped. */
  static String label(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (Math.abs(value) >= 1e15) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%,.2f", value);
  }
}
