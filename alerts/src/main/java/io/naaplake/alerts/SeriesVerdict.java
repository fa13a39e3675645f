package io.naaplake.alerts;

import java.util.Map;

/**
 * How one series of an alert's metric was judged.
 *
 * @param labels the series' labels (after {@code min by}, its grouping labels)
 * @param value its value
 * @param firing whether it fires
 * @param why the comparison as judged, e.g. {@code 0.5 < 0.75, naap_lake_status_samples 620 >= 500}
 */
public record SeriesVerdict(Map<String, String> labels, double value, boolean firing, String why) {

  public SeriesVerdict {
    labels = Map.copyOf(labels);
  }
}
