package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The lines the commands print: what was read, how time was shifted, what was published. */
final class ConsoleReport {
  private final PrintStream out;

  ConsoleReport(PrintStream out) {
    this.out = requireNonNull(out, "out is null");
  }

  void line(String format, Object... arguments) {
    out.println(String.format(Locale.ROOT, format, arguments));
  }

  void eventsByType(Map<String, Long> counts) {
    counts.forEach((type, count) -> line("  %-24s %,d", type, count));
  }

  void shift(TimestampShift shift) {
    line(
        "shifted every timestamp by %+,d ms (%s) so the latest event is now",
        shift.offsetMillis(), readable(shift.offsetMillis()));
  }

  /** {@code +51d 14:08:04.390}: days, then clock time, so large shifts read at a glance. */
  static String readable(long millis) {
    long magnitude = Math.abs(millis);
    return String.format(
        Locale.ROOT,
        "%s%dd %02d:%02d:%02d.%03d",
        millis < 0 ? "-" : "+",
        magnitude / 86_400_000,
        magnitude / 3_600_000 % 24,
        magnitude / 60_000 % 60,
        magnitude / 1_000 % 60,
        magnitude % 1_000);
  }

  void published(PublishResult result) {
    line(
        "published %,d records (%,d bytes of keys and values) to %s:",
        result.records(), result.payloadBytes(), result.topic());
    for (PublishResult.PartitionRange partition : result.partitions()) {
      line(
          "  partition %d: %,d records at offsets %d..%d",
          partition.partition(),
          partition.records(),
          partition.firstOffset(),
          partition.lastOffset());
    }
  }

  PublishProgress progress() {
    return records -> line("  ... %,d records sent", records);
  }
}
