package io.naaplake.scheduler;

import io.naaplake.config.Settings;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Scheduler configurations for tests: a private store, fast polling, tiny backoffs. */
final class TestConfigs {
  private TestConfigs() {}

  /**
   * A configuration on {@code dir} with a 1-second hourly interval and the daily chain twelve hours
   * away (so it never fires by itself during a test); {@code overrides} are key, value pairs.
   */
  static SchedulerConfig config(Path dir, String... overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("naap.scheduler.dir", dir.toString());
    values.put("naap.scheduler.hourly.interval", "1s");
    values.put(
        "naap.scheduler.daily.at",
        LocalTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.MINUTES).toString());
    values.put("naap.scheduler.poll-interval", "1s");
    values.put("naap.scheduler.misfire-threshold", "500ms");
    values.put("naap.scheduler.retry.initial-backoff", "200ms");
    values.put("naap.scheduler.retry.max-backoff", "300ms");
    for (int i = 0; i < overrides.length; i += 2) {
      values.put(overrides[i], overrides[i + 1]);
    }
    return SchedulerConfig.from(Settings.of(values));
  }

  /** Keys of the configuration, for a child process (-D flags). */
  static Map<String, String> keys(Path dir) {
    return Map.of("naap.scheduler.dir", dir.toString(), "naap.scheduler.poll-interval", "1s");
  }
}
