package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.Trigger.TriggerState;

class JobsCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;

  private final FakeChainRunner runner = new FakeChainRunner();
  private final InMemoryRunRecorder recorder = new InMemoryRunRecorder();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private NaapScheduler scheduler;

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  @Test
  void listShowsEachChainsStateFireTimesAndLastRun() {
    scheduler = start("naap.scheduler.hourly.interval", "1h", "naap.scheduler.daily.at", "00:30");
    Instant nextHour = ChainSchedules.alignedStart(Instant.now(), 3_600_000);
    assertThat(jobs("list")).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0).split(" {2,}"))
        .containsExactly("CHAIN", "STATE", "NEXT FIRE", "PREVIOUS FIRE", "LAST RUN", "LAST STATUS");
    assertThat(lines.get(1).split(" {2,}"))
        .containsExactly("hourly", "NORMAL", nextHour.toString(), "-", "-", "-");
    assertThat(lines.get(2).split(" {2,}")[2]).endsWith("T00:30:00Z");

    assertThat(jobs("run", "daily")).isZero();
    Eventually.await("the manual run", WAIT, () -> recorder.lastRun("daily").isPresent());
    out.reset();
    assertThat(jobs()).isZero();
    String daily = out.toString(StandardCharsets.UTF_8).lines().toList().get(2);
    assertThat(daily).containsPattern("succeeded, manual, attempt 1, \\d+\\.\\ds$");
  }

  @Test
  void pauseResumeAndRunNowChangeWhatRuns() throws Exception {
    scheduler = start();
    Eventually.await("an hourly run", WAIT, () -> runner.requests(Chain.HOURLY).size() >= 1);

    assertThat(jobs("pause", "hourly")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("hourly: paused");
    assertThat(scheduler.quartz().getTriggerState(Chain.HOURLY.triggerKey()))
        .isEqualTo(TriggerState.PAUSED);
    // A run already started when the pause came may still finish.
    Eventually.pause(Duration.ofMillis(300));
    int whilePaused = runner.requests(Chain.HOURLY).size();
    Eventually.pause(Duration.ofMillis(2_000));
    assertThat(runner.requests(Chain.HOURLY)).hasSize(whilePaused);

    // An operator's explicit run goes through a pause.
    assertThat(jobs("run", "hourly")).isZero();
    Eventually.await(
        "the manual run", WAIT, () -> runner.requests(Chain.HOURLY).size() == whilePaused + 1);
    assertThat(runner.requests(Chain.HOURLY).get(whilePaused).kind()).isEqualTo(TriggerKind.MANUAL);

    assertThat(jobs("resume", "hourly")).isZero();
    Eventually.await(
        "scheduled runs again",
        WAIT,
        () -> runner.requests(Chain.HOURLY).size() >= whilePaused + 4);
    List<ChainRequest> resumed =
        runner.requests(Chain.HOURLY).subList(whilePaused + 1, whilePaused + 4);
    // The fires missed while paused come first, oldest first.
    assertThat(resumed.get(0).kind()).isEqualTo(TriggerKind.MISFIRE_CATCH_UP);
    assertThat(resumed.get(1).scheduledTime())
        .isEqualTo(resumed.get(0).scheduledTime().plusSeconds(1));
    assertThat(resumed.get(2).scheduledTime())
        .isEqualTo(resumed.get(1).scheduledTime().plusSeconds(1));
  }

  @Test
  void wrongCommandLinesPrintTheUsageAndExitWith2() {
    scheduler = start("naap.scheduler.hourly.interval", "1h");
    assertThat(jobs("frobnicate")).isEqualTo(2);
    assertThat(jobs("run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(JobsCommand.USAGE);
    err.reset();
    assertThat(jobs("pause", "weekly")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("chain 'weekly'", "hourly, daily");
  }

  @Test
  void anotherProcessListsAndPausesThroughTheStoreWithoutRunningJobs() throws Exception {
    SchedulerConfig config = TestConfigs.config(dir);
    JsonLinesRunRecorder runLog = new JsonLinesRunRecorder(config.runLog());
    scheduler = NaapScheduler.start(config, runner, runLog, Clock.systemUTC());
    Eventually.await("an hourly run", WAIT, () -> runLog.lastRun("hourly").isPresent());

    Process list = jobsProcess("list");
    String listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(list.exitValue()).as(listed).isZero();
    assertThat(listed)
        .containsPattern(
            "(?m)^hourly +(NORMAL|RUNNING) +\\S+ +\\S+ +\\S+ +succeeded, \\S+, attempt 1, [0-9.]+s$")
        .containsPattern("(?m)^daily +NORMAL +\\S+ +- +- +-$");

    Process pause = jobsProcess("pause", "hourly");
    assertThat(pause.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pause.exitValue()).isZero();
    assertThat(scheduler.quartz().getTriggerState(Chain.HOURLY.triggerKey()))
        .isEqualTo(TriggerState.PAUSED);
    Eventually.pause(Duration.ofMillis(300));
    int whilePaused = runner.requests(Chain.HOURLY).size();
    Eventually.pause(Duration.ofMillis(1_500));
    assertThat(runner.requests(Chain.HOURLY)).hasSize(whilePaused);
  }

  @Test
  void theClientRunsNoJobItsManualRunWaitsForTheScheduler() throws Exception {
    SchedulerConfig config = TestConfigs.config(dir, "naap.scheduler.hourly.interval", "1h");
    Scheduler fresh = SchedulerClient.open(config);
    try {
      assertThat(jobs(fresh, "list")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("hourly  NOT SCHEDULED  -", "daily   NOT SCHEDULED  -");
      assertThat(jobs(fresh, "run", "hourly")).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("hourly is not in the store yet; start ./naap scheduler once");
    } finally {
      fresh.shutdown(false);
    }
    NaapScheduler.start(config, runner, recorder, Clock.systemUTC()).close();

    Scheduler client = SchedulerClient.open(config);
    try {
      assertThat(jobs(client, "run", "hourly")).isZero();
      Eventually.pause(Duration.ofMillis(1_500));
      assertThat(runner.requests(Chain.HOURLY)).isEmpty();
    } finally {
      client.shutdown(false);
    }
    scheduler = NaapScheduler.start(config, runner, recorder, Clock.systemUTC());
    Eventually.await("the queued manual run", WAIT, () -> !runner.requests(Chain.HOURLY).isEmpty());
    assertThat(runner.requests(Chain.HOURLY).get(0).kind()).isEqualTo(TriggerKind.MANUAL);
  }

  private NaapScheduler start(String... overrides) {
    return NaapScheduler.start(
        TestConfigs.config(dir, overrides), runner, recorder, Clock.systemUTC());
  }

  private int jobs(String... args) {
    return jobs(scheduler.quartz(), args);
  }

  private int jobs(Scheduler target, String... args) {
    return new JobsCommand(
            target,
            recorder,
            Clock.systemUTC(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  /** {@code ./naap jobs ARGS} in a JVM of its own, on this test's store. */
  private Process jobsProcess(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    TestConfigs.keys(dir).forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(JobsCommand.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
