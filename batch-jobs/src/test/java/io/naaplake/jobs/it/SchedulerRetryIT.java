package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.schedule.ChainRunnerConfig;
import io.naaplake.jobs.schedule.SparkChainRunner;
import io.naaplake.jobs.schedule.SparkSessionSource;
import io.naaplake.scheduler.InMemoryRunRecorder;
import io.naaplake.scheduler.JobsCommand;
import io.naaplake.scheduler.NaapScheduler;
import io.naaplake.scheduler.RetryPolicy;
import io.naaplake.scheduler.RunRecord;
import io.naaplake.scheduler.RunStatus;
import io.naaplake.scheduler.SchedulerConfig;
import io.naaplake.schema.OpsTables;
import io.naaplake.tools.PublishResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;

/**
 * The scheduler's retries against real failures of the hourly chain on Spark: Kafka stopped during
 * a run is retried with backoff until it is back, then the run succeeds; a bad-data failure is
 * recorded once and not retried. The scheduler runs in this JVM on the tests' shared SparkSession,
 * over private lakes and a private topic.
 */
class SchedulerRetryIT {
  /** A chain on a fresh lake creates every table first: minutes on a loaded 2-core machine. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @Test
  void kafkaOutageIsRetriedUntilKafkaIsBack() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis());
    String topic = "sched_retry_" + suffix;
    JobsConfig config =
        ItEnvironment.privateLake(
            "scheduler-retry-" + suffix,
            Map.of("naap.ingest.topics", topic + ":retrytest", "naap.kafka.timeout", "3s"));
    TestTopics.create(topic, 2, Map.of());
    PublishResult published = TestTopics.publishSynthetic(topic, 500, 17);
    InMemoryRunRecorder recorder = new InMemoryRunRecorder();
    // The ingest's tables exist before the outage, as they do in a lake that has run before: the
    // first attempt reaches Kafka at once, and the shared broker is down for seconds, not minutes.
    LakeTables tables = new LakeTables(SharedSpark.get(), config);
    BronzeIngestJob.outputTables().forEach(tables::ensure);

    List<RunRecord> runs;
    KafkaOutage.stop();
    try (NaapScheduler scheduler = start(config, recorder, "retry-" + suffix)) {
      runNow(scheduler, recorder);
      await(recorder, run -> run.status() == RunStatus.RETRYING);
      KafkaOutage.start();
      await(recorder, run -> run.status() != RunStatus.RETRYING);
      runs = recorder.runs("hourly");
    } finally {
      // The broker is everyone's: back up whatever happened (a no-op when it already runs).
      KafkaOutage.start();
    }

    RunRecord first = runs.get(0);
    RunRecord last = runs.get(runs.size() - 1);
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.errorCategory()).contains(ErrorCategory.RETRIABLE);
    assertThat(first.message()).contains("Kafka at " + config.kafkaBootstrapServers());
    assertThat(runs.subList(0, runs.size() - 1))
        .extracting(RunRecord::status)
        .containsOnly(RunStatus.RETRYING);
    assertThat(last.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(last.attempt()).isEqualTo(runs.size()).isGreaterThan(1);
    assertThat(last.scheduledTime())
        .as("a retry runs the same window")
        .isEqualTo(first.scheduledTime());

    // ops.job_runs has every attempt: failed retriable ones, then the one that succeeded.
    SchedulerLake lake = new SchedulerLake(config);
    List<Row> chainRows = lake.runs("chain_hourly");
    assertThat(chainRows)
        .extracting(r -> r.<Integer>getAs("attempt"))
        .containsExactly(
            java.util.stream.IntStream.rangeClosed(1, runs.size()).boxed().toArray(Integer[]::new));
    assertThat(chainRows.get(0).<String>getAs("status")).isEqualTo("failed");
    assertThat(chainRows.get(0).<String>getAs("error_category")).isEqualTo("retriable");
    assertThat(chainRows.get(0).<String>getAs("error_message")).contains("did not answer");
    assertThat(chainRows.get(runs.size() - 1).<String>getAs("status")).isEqualTo("succeeded");
    assertThat(chainRows).extracting(r -> r.<String>getAs("trigger")).containsOnly("manual");
    Object runTime = chainRows.get(0).getAs("run_time");
    assertThat(chainRows).extracting(r -> r.getAs("run_time")).containsOnly(runTime);
    assertThat(lake.bronzeRows()).isEqualTo(published.records());
  }

  /**
   * Files that are not a Delta table where the lake's first table belongs (e.g. a stray copy): the
   * chain refuses to write over them. Bad data, not a dependency's state: a retry would find the
   * same files, so the scheduler records it once and does not retry.
   */
  @Test
  void badDataIsRecordedAndNotRetried() throws Exception {
    String suffix = Long.toString(System.currentTimeMillis());
    String topic = "sched_bad_" + suffix;
    JobsConfig config =
        ItEnvironment.privateLake(
            "scheduler-bad-data-" + suffix, Map.of("naap.ingest.topics", topic + ":badtest"));
    TestTopics.create(topic, 1, Map.of());
    Path foreign =
        Path.of(new LakeTables(SharedSpark.get(), config).path(OpsTables.KAFKA_INGEST_BATCHES));
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("batches.csv"), "batch_id\n0\n");
    InMemoryRunRecorder recorder = new InMemoryRunRecorder();

    try (NaapScheduler scheduler = start(config, recorder, "bad-data-" + suffix)) {
      runNow(scheduler, recorder);
      await(recorder, run -> run.status() == RunStatus.FAILED);
      // Longer than the first retry's backoff (1 s): a retry would have run by now.
      Thread.sleep(5000);
      assertThat(recorder.runs("hourly")).hasSize(1);
      assertThat(scheduler.quartz().getTriggersOfJob(JobKey.jobKey("hourly", "chains")))
          .as("no retry pending, only the recurring trigger")
          .hasSize(1);
    }
    RunRecord failed = recorder.runs("hourly").get(0);
    assertThat(failed.errorCategory()).contains(ErrorCategory.BAD_DATA);
    assertThat(failed.message()).contains("not a Delta table").contains("batches.csv");
    List<Row> chainRows = new SchedulerLake(config).runs("chain_hourly");
    assertThat(chainRows).hasSize(1);
    assertThat(chainRows.get(0).<String>getAs("status")).isEqualTo("failed");
    assertThat(chainRows.get(0).<String>getAs("error_category")).isEqualTo("bad_data");
    assertThat(Files.readString(foreign.resolve("batches.csv"))).as("left alone").contains("0");
  }

  /**
   * The scheduler in this JVM: the hourly chain on a weekly interval and the daily one half a day
   * away, so only the runs the test asks for happen; retries after 1 s, 2 s, 4 s ...
   */
  private static NaapScheduler start(JobsConfig config, InMemoryRunRecorder recorder, String name)
      throws Exception {
    Path dir = Files.createTempDirectory("naap-scheduler-" + name);
    SchedulerConfig scheduler =
        new SchedulerConfig(
            dir,
            SchedulerConfig.defaultStoreUrl(dir),
            Duration.ofDays(7),
            LocalTime.now(ZoneOffset.UTC).plusHours(12).withSecond(0).withNano(0),
            new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(8)),
            Duration.ofMinutes(1),
            1,
            Duration.ofSeconds(1));
    SparkChainRunner runner =
        new SparkChainRunner(
            config,
            new ChainRunnerConfig(
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
            SparkSessionSource.borrowed(SharedSpark::get),
            List.of(),
            scheduler.hourlyInterval(),
            Clock.systemUTC(),
            line -> System.out.println("[scheduler] " + line));
    return NaapScheduler.start(scheduler, runner, recorder, Clock.systemUTC());
  }

  /** ./naap jobs run hourly, against the running scheduler's store. */
  private static void runNow(NaapScheduler scheduler, InMemoryRunRecorder recorder) {
    PrintStream out = System.out;
    assertThat(
            new JobsCommand(scheduler.quartz(), recorder, Clock.systemUTC(), out, out)
                .run(List.of("run", "hourly")))
        .isZero();
  }

  private static void await(InMemoryRunRecorder recorder, Predicate<RunRecord> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (recorder.runs("hourly").stream().noneMatch(wanted)) {
      assertThat(System.nanoTime() < deadline)
          .as("hourly runs so far: %s", recorder.runs("hourly"))
          .isTrue();
      Thread.sleep(500);
    }
  }
}
