package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.TriggerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkChainRunnerTest {
  private static final Instant NOW = Instant.parse("2026-01-09T01:05:00Z");

  @Test
  void runTimeAheadOfTheClockIsBadInputAndTouchesNothing() {
    AtomicInteger opened = new AtomicInteger();
    SparkChainRunner runner = runner(opened);
    // Two minutes ahead with one minute allowed: a queued run from a machine whose clock is fast.
    ChainRequest request =
        ChainRequest.at(Chain.HOURLY, TriggerKind.MANUAL, NOW.plus(Duration.ofMinutes(2)), 1);

    assertThatThrownBy(() -> runner.run(request))
        .isInstanceOfSatisfying(
            NaapException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA);
              assertThat(e.getMessage())
                  .contains("120 s ahead")
                  .contains("naap.scheduler.max-run-time-ahead");
            });
    assertThat(opened).as("no SparkSession was started for a refused run").hasValue(0);
  }

  @Test
  void closedRunnerRefusesToRun() {
    AtomicInteger opened = new AtomicInteger();
    SparkChainRunner runner = runner(opened);
    runner.close();

    assertThatThrownBy(
            () -> runner.run(ChainRequest.at(Chain.HOURLY, TriggerKind.SCHEDULED, NOW, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(opened).hasValue(0);
  }

  @Test
  void prepareAsksForTheSessionBeforeAnyRunAndReportsItsFailure() {
    AtomicInteger opened = new AtomicInteger();
    SparkChainRunner runner = runner(opened);

    assertThatThrownBy(runner::prepare)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no Spark here");
    assertThat(opened).as("the session was opened by prepare, not by a chain").hasValue(1);
    runner.close();
    assertThatThrownBy(runner::prepare).hasMessageContaining("closed");
    assertThat(opened).hasValue(1);
  }

  private static SparkChainRunner runner(AtomicInteger opened) {
    SparkSessionSource sessions =
        new SparkSessionSource() {
          @Override
          public SparkSession open() {
            opened.incrementAndGet();
            // (no engine in a unit test: the count says whether a session was asked for)
            throw new IllegalStateException("no Spark here");
          }

          @Override
          public void release(SparkSession session) {}
        };
    return new SparkChainRunner(
        JobsConfig.from(Settings.of(Map.of())),
        new ChainRunnerConfig(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(1)),
        sessions,
        List.of(),
        Duration.ofMinutes(5),
        Clock.fixed(NOW, ZoneOffset.UTC),
        line -> {});
  }
}
