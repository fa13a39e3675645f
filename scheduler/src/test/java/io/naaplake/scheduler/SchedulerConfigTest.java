package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerConfigTest {

  @Test
  void defaults() {
    Path dir = Path.of(".run/scheduler").toAbsolutePath().normalize();
    SchedulerConfig config = SchedulerConfig.from(Settings.of(Map.of()));
    assertThat(config)
        .isEqualTo(
            new SchedulerConfig(
                dir,
                "jdbc:h2:file:" + dir + "/quartz;AUTO_SERVER=TRUE",
                Duration.ofMinutes(5),
                LocalTime.of(0, 30),
                new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                Duration.ofMinutes(1),
                1,
                Duration.ofSeconds(5)));
    assertThat(config.runLog()).isEqualTo(dir.resolve("runs.jsonl"));
    assertThat(config.dailyCron()).isEqualTo("0 30 0 * * ?");
  }

  @Test
  void explicitMapping() {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("naap.scheduler.dir", "/var/naap/sched"),
            Map.entry("naap.scheduler.store", "jdbc:h2:file:/data/jobs"),
            Map.entry("naap.scheduler.hourly.interval", "1m"),
            Map.entry("naap.scheduler.daily.at", "02:15"),
            Map.entry("naap.scheduler.retry.max-attempts", "3"),
            Map.entry("naap.scheduler.retry.initial-backoff", "500ms"),
            Map.entry("naap.scheduler.retry.max-backoff", "2s"),
            Map.entry("naap.scheduler.misfire-threshold", "10s"),
            Map.entry("naap.scheduler.threads", "2"),
            Map.entry("naap.scheduler.poll-interval", "1s"));
    SchedulerConfig config = SchedulerConfig.from(Settings.of(values));
    assertThat(config)
        .isEqualTo(
            new SchedulerConfig(
                Path.of("/var/naap/sched"),
                "jdbc:h2:file:/data/jobs",
                Duration.ofMinutes(1),
                LocalTime.of(2, 15),
                new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(2)),
                Duration.ofSeconds(10),
                2,
                Duration.ofSeconds(1)));
    assertThat(config.dailyCron()).isEqualTo("0 15 2 * * ?");
  }

  @Test
  void theStoreFollowsTheDirectoryUnlessSet() {
    SchedulerConfig config =
        SchedulerConfig.from(Settings.of(Map.of("naap.scheduler.dir", "/tmp/x/../sched")));
    assertThat(config.storeUrl()).isEqualTo("jdbc:h2:file:/tmp/sched/quartz;AUTO_SERVER=TRUE");
  }

  @Test
  void invalidValuesAreFatalAndNameTheKey() {
    assertInvalid("naap.scheduler.store", "jdbc:postgresql://db/quartz");
    assertInvalid("naap.scheduler.hourly.interval", "500ms");
    assertInvalid("naap.scheduler.daily.at", "25:00");
    assertInvalid("naap.scheduler.daily.at", "half past midnight");
    assertInvalid("naap.scheduler.retry.max-attempts", "0");
    assertInvalid("naap.scheduler.retry.initial-backoff", "0s");
    assertInvalid("naap.scheduler.misfire-threshold", "0s");
    assertInvalid("naap.scheduler.threads", "0");
    assertInvalid("naap.scheduler.poll-interval", "200ms");
    assertThatThrownBy(
            () ->
                SchedulerConfig.from(
                    Settings.of(
                        Map.of(
                            "naap.scheduler.retry.initial-backoff", "1m",
                            "naap.scheduler.retry.max-backoff", "30s"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.scheduler.retry.max-backoff");
  }

  private static void assertInvalid(String key, String value) {
    assertThatThrownBy(() -> SchedulerConfig.from(Settings.of(Map.of(key, value))))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FATAL))
        .hasMessageContaining(key);
  }
}
