package io.naaplake.alerts;

import static io.naaplake.alerts.GaugeSample.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
  private static final Instant AS_OF = Instant.parse("2026-01-09T01:30:00Z");
  private static final AlertsConfig CONFIG = AlertsConfig.from(Settings.of(Map.of()));

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exitsZeroWhenNothingFires() {
    GaugeSource fresh =
        asOf ->
            new GaugeReadings(
                asOf,
                List.of(of(LakeMetric.UP, 1), of(LakeMetric.EVENT_FRESHNESS, 42, "daydream", "x")));
    assertThat(StatusCommand.run(CONFIG, AS_OF, fresh, out)).isZero();
    assertThat(output())
        .contains("alerts as of 2026-01-09T01:30:00Z (ratios over 2026-01-09T00:00:00Z to")
        .contains("  ok      NaapEventsStale [critical]")
        .contains("{org=daydream}: 42 not > 300")
        .contains("  unknown NaapAttributionLow")
        .contains("no alert firing");
  }

  @Test
  void exitsOneWhenSomethingFiresAndListsTheFiringSeries() {
    GaugeSource stale =
        asOf ->
            new GaugeReadings(
                asOf,
                List.of(
                    of(LakeMetric.UP, 1),
                    of(LakeMetric.EVENT_FRESHNESS, 42, "daydream", "x"),
                    of(LakeMetric.EVENT_FRESHNESS, 7200, "cloudspe", "x")));
    assertThat(StatusCommand.run(CONFIG, AS_OF, stale, out)).isEqualTo(1);
    assertThat(output())
        .contains("  FIRING  NaapEventsStale [critical]")
        .contains("(Prometheus waits 5m)")
        .contains("{org=cloudspe}: 7200 > 300")
        .doesNotContain("{org=daydream}")
        .contains("1 alert(s) firing");
  }

  @Test
  void exitsTwoWhenTheLakeCannotBeRead() {
    GaugeSource down =
        asOf -> {
          throw LakeErrors.trinoUnavailable("jdbc:trino://127.0.0.1:1", new java.io.IOException());
        };
    assertThat(StatusCommand.run(CONFIG, AS_OF, down, out)).isEqualTo(2);
    assertThat(output()).startsWith("alerts: the lake cannot be read");
  }
}
