package io.naaplake.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real capture in ../shared/samples (beside the checkout, never copied into the repo): 65
 * events of one live session on 2026-01-08 (Cloud-SPE/livepeer-naap-analytics, docs/references/).
 */
final class SampleEvents {
  static final String KAFKA_UI_EXPORT = "streaming-events-2026-01-08.kafka-ui.json";

  /** The tests run in the module directory; shared/ sits beside the repository root. */
  static Path path() {
    Path file =
        Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"))
            .resolve(KAFKA_UI_EXPORT);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " missing: ../shared must sit beside the checkout");
    }
    return file;
  }

  static List<Envelope> envelopes() {
    return EventsFile.read(path()).envelopes();
  }

  /** Average compact-JSON size of the envelopes of each type. */
  static Map<String, Double> averageBytesByType(Iterable<Envelope> envelopes) {
    Map<String, long[]> totals = new TreeMap<>();
    for (Envelope envelope : envelopes) {
      long[] total = totals.computeIfAbsent(envelope.type(), t -> new long[2]);
      total[0] += envelope.jsonBytes().length;
      total[1]++;
    }
    Map<String, Double> averages = new TreeMap<>();
    totals.forEach((type, total) -> averages.put(type, (double) total[0] / total[1]));
    return averages;
  }

  private SampleEvents() {}
}
