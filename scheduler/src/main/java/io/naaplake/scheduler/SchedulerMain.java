package io.naaplake.scheduler;

import io.naaplake.alerts.AlertsConfig;
import io.naaplake.alerts.LakeGauges;
import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.scheduler.metrics.MetricsEndpointConfig;
import io.naaplake.scheduler.metrics.MetricsServer;
import io.naaplake.scheduler.metrics.ObservedRunRecorder;
import io.naaplake.scheduler.metrics.SchedulerMetrics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./naap scheduler}: runs the chains until the process is stopped. Prints the schedule at
 * start; a stop (Ctrl-C, SIGTERM) lets the running chain finish and closes the store, and a kill
 * leaves the interrupted run to Quartz's recovery at the next start.
 */
public final class SchedulerMain {
  private SchedulerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Clock clock = Clock.systemUTC();
    SchedulerConfig config;
    JsonLinesRunRecorder recorder;
    NaapScheduler scheduler;
    ChainRunner runner;
    MetricsServer metricsServer;
    try {
      Settings settings = Settings.fromEnvironment();
      config = SchedulerConfig.from(settings);
      AlertsConfig alerts = AlertsConfig.from(settings);
      MetricsEndpointConfig endpoint = MetricsEndpointConfig.from(settings);
      runner = ChainRunnerProviders.load(settings);
      recorder = new JsonLinesRunRecorder(config.runLog());
      SchedulerMetrics metrics = new SchedulerMetrics();
      // Metrics first: a port already taken stops the start before any chain can run.
      metricsServer =
          MetricsServer.start(endpoint, alerts.asOf(), metrics, new LakeGauges(alerts), clock);
      scheduler =
          NaapScheduler.start(config, runner, new ObservedRunRecorder(recorder, metrics), clock);
    } catch (RuntimeException e) {
      System.err.println(
          "naap: scheduler did not start [" + NaapException.categoryOf(e) + "]: " + e.getMessage());
      System.exit(1);
      return;
    }
    runner.onShutdown(() -> stop(scheduler, runner, metricsServer));
    new JobsCommand(scheduler.quartz(), recorder, clock, System.out, System.err)
        .run(List.of("list"));
    System.out.println("run log: " + config.runLog() + "; stop with Ctrl-C");
    prepare(runner);
    // Quartz's threads do the work; main only waits until the shutdown hook ends the JVM.
    new CountDownLatch(1).await();
  }

  /** Readies the runner while the first fire is still ahead; its failure is the first run's. */
  private static void prepare(ChainRunner runner) {
    try {
      runner.prepare();
    } catch (RuntimeException e) {
      System.err.println(
          "naap: the chain runner could not get ready ["
              + NaapException.categoryOf(e)
              + "]: "
              + e.getMessage()
              + "; the first chain tries again");
    }
  }

  /** The running chain finishes first; then the runner releases what it holds (its session). */
  private static void stop(
      NaapScheduler scheduler, ChainRunner runner, MetricsServer metricsServer) {
    try {
      scheduler.close();
    } finally {
      runner.close();
      metricsServer.close();
    }
  }
}
