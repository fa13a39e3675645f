package io.naaplake.scheduler;

/**
 * Does a chain's work (ingest, silver, gold; the daily report, exports, maintenance). The scheduler
 * decides when and how often; the runner decides what. The batch-jobs module provides the real one
 * through {@link ChainRunnerProvider}, so this module never needs Spark.
 */
public interface ChainRunner extends AutoCloseable {

  /**
   * Runs one chain for {@code request.runTime()}. Must be safe to repeat for the same request: a
   * retry, a crash recovery or a manual run may ask again.
   *
   * @throws Exception on failure; the scheduler reads its category with {@link
   *     io.naaplake.errors.NaapException#categoryOf}: RETRIABLE is retried with backoff, BAD_DATA
   *     and FATAL (any exception that is not a NaapException) are recorded and not retried
   */
  ChainResult run(ChainRequest request) throws Exception;

  /**
   * Readies what every run needs (the batch-jobs runner: its SparkSession), so the first fire does
   * not wait for it. Called once, on the scheduler's main thread after it started; a failure here
   * is reported and left to the first run, which needs the same thing and fails with its category.
   */
  default void prepare() {}

  /**
   * Arranges for {@code stop} (which waits for the running chain) to run when the JVM shuts down on
   * SIGTERM or Ctrl-C, before the runner's engine stops itself. By default a plain JVM shutdown
   * hook; a runner whose engine has its own shutdown hook orders {@code stop} before it.
   */
  default void onShutdown(Runnable stop) {
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "naap-scheduler-stop"));
  }

  /**
   * Releases what the runner holds across runs (the batch-jobs runner: its SparkSession). Called
   * once, when the scheduler has stopped and no run is in progress.
   */
  @Override
  default void close() {}
}
