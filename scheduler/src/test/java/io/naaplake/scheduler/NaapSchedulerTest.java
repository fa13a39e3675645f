package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.LakeErrors;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Trigger.TriggerState;

class NaapSchedulerTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Quartz fires a trigger when it is due within 2 ms, so a retry may start that much early. */
  private static final Duration EARLY = Duration.ofMillis(3);

  @TempDir Path dir;

  private final FakeChainRunner runner = new FakeChainRunner();
  private final InMemoryRunRecorder recorder = new InMemoryRunRecorder();
  private NaapScheduler scheduler;

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  @Test
  void theHourlyChainFiresByItselfAtIncreasingScheduledTimes() {
    scheduler = start(TestConfigs.config(dir));
    Eventually.await("three hourly runs", WAIT, () -> runner.requests(Chain.HOURLY).size() >= 3);
    List<ChainRequest> requests = runner.requests(Chain.HOURLY);
    assertConsecutiveSeconds(requests);
    for (ChainRequest request : requests) {
      assertThat(request.kind()).isEqualTo(TriggerKind.SCHEDULED);
      assertThat(request.runTime()).isEqualTo(request.scheduledTime());
      assertThat(request.scheduledTime().toEpochMilli() % 1000).isZero();
      assertThat(request.attempt()).isEqualTo(1);
    }
    assertThat(recorder.runs(Chain.HOURLY.id()))
        .allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
    assertThat(runner.requests(Chain.DAILY)).isEmpty();
  }

  @Test
  void aRetriableFailureIsRetriedWithBackoffUntilItSucceeds() {
    scheduler = start(quietConfig("naap.scheduler.retry.max-attempts", "5"));
    runner.failWith(
        request ->
            request.attempt() < 4
                ? LakeErrors.kafkaUnavailable("127.0.0.1:9", new ConnectException("refused"))
                : null);
    runNow(Chain.HOURLY);
    Eventually.await("a fourth attempt", WAIT, () -> recorder.runs().size() >= 4);
    List<RunRecord> runs = recorder.runs(Chain.HOURLY.id());
    assertThat(runs)
        .extracting(RunRecord::status)
        .containsExactly(
            RunStatus.RETRYING, RunStatus.RETRYING, RunStatus.RETRYING, RunStatus.SUCCEEDED);
    assertThat(runs).extracting(RunRecord::attempt).containsExactly(1, 2, 3, 4);
    assertThat(runs.subList(0, 3))
        .allSatisfy(
            run -> {
              assertThat(run.errorCategory()).contains(ErrorCategory.RETRIABLE);
              assertThat(run.message()).contains("Kafka at 127.0.0.1:9 did not answer");
            });
    // Every attempt keeps the first one's kind and scheduled (and so run) time.
    Instant scheduled = runs.get(0).scheduledTime();
    assertThat(runner.requests(Chain.HOURLY))
        .allSatisfy(
            request -> {
              assertThat(request.kind()).isEqualTo(TriggerKind.MANUAL);
              assertThat(request.scheduledTime()).isEqualTo(scheduled);
              assertThat(request.runTime()).isEqualTo(scheduled);
            });
    // Backoff 200ms, then doubled to 400ms but capped at 300ms, twice.
    assertThat(gap(runs, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(200).minus(EARLY));
    assertThat(gap(runs, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(300).minus(EARLY));
    assertThat(gap(runs, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(300).minus(EARLY));
    assertThat(gap(runs, 1)).isLessThan(Duration.ofMillis(1_300));
  }

  @Test
  void aRetriableFailureFailsForGoodAfterTheLastAttempt() {
    scheduler = start(quietConfig("naap.scheduler.retry.max-attempts", "3"));
    runner.failWith(
        request -> LakeErrors.trinoUnavailable("jdbc:trino://x", new ConnectException()));
    runNow(Chain.DAILY);
    Eventually.await("three attempts", WAIT, () -> recorder.runs().size() >= 3);
    Eventually.pause(Duration.ofMillis(800));
    assertThat(recorder.runs(Chain.DAILY.id()))
        .extracting(RunRecord::status)
        .containsExactly(RunStatus.RETRYING, RunStatus.RETRYING, RunStatus.FAILED);
    assertThat(recorder.runs().get(2).errorCategory()).contains(ErrorCategory.RETRIABLE);
    assertThat(runner.requests(Chain.DAILY)).hasSize(3);
  }

  @Test
  void badDataAndFatalFailuresAreRecordedOnceAndNotRetried() {
    scheduler = start(quietConfig());
    runner.failWith(
        request ->
            request.chain().equals("hourly")
                ? LakeErrors.badInput("event 17", "negative duration")
                : new IllegalStateException("a bug"));
    runNow(Chain.HOURLY);
    runNow(Chain.DAILY);
    Eventually.await("both runs", WAIT, () -> recorder.runs().size() >= 2);
    // Longer than any backoff: a retry would have run by now.
    Eventually.pause(Duration.ofMillis(800));
    assertThat(runner.requests(Chain.HOURLY)).hasSize(1);
    assertThat(runner.requests(Chain.DAILY)).hasSize(1);
    RunRecord badData = recorder.lastRun("hourly").orElseThrow();
    assertThat(badData.status()).isEqualTo(RunStatus.FAILED);
    assertThat(badData.errorCategory()).contains(ErrorCategory.BAD_DATA);
    assertThat(badData.message()).isEqualTo("event 17: negative duration");
    RunRecord fatal = recorder.lastRun("daily").orElseThrow();
    assertThat(fatal.status()).isEqualTo(RunStatus.FAILED);
    assertThat(fatal.errorCategory()).contains(ErrorCategory.FATAL);
    assertThat(fatal.message()).isEqualTo("a bug");
  }

  @Test
  void afterARestartMissedFiresRunInOrderWithTheirOwnScheduledTimes() {
    SchedulerConfig config = TestConfigs.config(dir);
    scheduler = start(config);
    Eventually.await("two runs", WAIT, () -> runner.requests(Chain.HOURLY).size() >= 2);
    scheduler.close();
    scheduler = null;
    List<ChainRequest> before = runner.requests(Chain.HOURLY);
    Instant lastBefore = before.get(before.size() - 1).scheduledTime();
    Eventually.pause(Duration.ofMillis(3_000));

    FakeChainRunner afterRestart = new FakeChainRunner();
    Instant restartedAt = Instant.now();
    scheduler = NaapScheduler.start(config, afterRestart, recorder, Clock.systemUTC());
    Eventually.await(
        "the missed fires and one on time",
        WAIT,
        () -> afterRestart.requests(Chain.HOURLY).size() >= 5);
    List<ChainRequest> after = afterRestart.requests(Chain.HOURLY);
    // No fire is lost or repeated across the restart.
    assertThat(after.get(0).scheduledTime()).isEqualTo(lastBefore.plusSeconds(1));
    assertConsecutiveSeconds(after);
    List<ChainRequest> missed =
        after.stream()
            .filter(r -> r.scheduledTime().isBefore(restartedAt.minusSeconds(1)))
            .toList();
    assertThat(missed).hasSizeGreaterThanOrEqualTo(2);
    assertThat(missed)
        .allSatisfy(
            request -> {
              assertThat(request.kind()).isEqualTo(TriggerKind.MISFIRE_CATCH_UP);
              assertThat(request.runTime()).isEqualTo(request.scheduledTime());
            });
    assertThat(after.get(after.size() - 1).kind()).isEqualTo(TriggerKind.SCHEDULED);
  }

  @Test
  void aPausedChainStaysPausedAcrossARestartAndCatchesUpWhenResumed() throws Exception {
    SchedulerConfig config = TestConfigs.config(dir);
    scheduler = start(config);
    Eventually.await("a run", WAIT, () -> runner.requests(Chain.HOURLY).size() >= 1);
    scheduler.quartz().pauseJob(Chain.HOURLY.jobKey());
    scheduler.close();
    scheduler = null;
    int runsBefore = runner.requests(Chain.HOURLY).size();

    scheduler = start(config);
    assertThat(scheduler.quartz().getTriggerState(Chain.HOURLY.triggerKey()))
        .isEqualTo(TriggerState.PAUSED);
    Eventually.pause(Duration.ofMillis(2_500));
    assertThat(runner.requests(Chain.HOURLY)).hasSize(runsBefore);

    scheduler.quartz().resumeJob(Chain.HOURLY.jobKey());
    Eventually.await(
        "the fires missed while paused",
        WAIT,
        () -> runner.requests(Chain.HOURLY).size() >= runsBefore + 3);
    assertConsecutiveSeconds(runner.requests(Chain.HOURLY));
  }

  @Test
  void aSecondSchedulerOnTheSameDirectoryIsRefused() {
    scheduler = start(quietConfig());
    assertThatThrownBy(() -> start(quietConfig()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another scheduler is running on " + dir);
  }

  /** A configuration whose hourly chain does not fire during a test: only what a test runs runs. */
  private SchedulerConfig quietConfig(String... overrides) {
    String[] all = new String[overrides.length + 2];
    all[0] = "naap.scheduler.hourly.interval";
    all[1] = "1h";
    System.arraycopy(overrides, 0, all, 2, overrides.length);
    return TestConfigs.config(dir, all);
  }

  private NaapScheduler start(SchedulerConfig config) {
    return NaapScheduler.start(config, runner, recorder, Clock.systemUTC());
  }

  private void runNow(Chain chain) {
    int exit =
        new JobsCommand(scheduler.quartz(), recorder, Clock.systemUTC(), System.out, System.err)
            .run(List.of("run", chain.id()));
    assertThat(exit).isZero();
  }

  /** From the start of attempt {@code index} to the start of the next one. */
  private static Duration gap(List<RunRecord> runs, int index) {
    return Duration.between(runs.get(index).startedAt(), runs.get(index + 1).startedAt());
  }

  private static void assertConsecutiveSeconds(List<ChainRequest> requests) {
    for (int i = 1; i < requests.size(); i++) {
      assertThat(requests.get(i).scheduledTime())
          .as("scheduled time of run %d", i)
          .isEqualTo(requests.get(i - 1).scheduledTime().plusSeconds(1));
    }
  }
}
