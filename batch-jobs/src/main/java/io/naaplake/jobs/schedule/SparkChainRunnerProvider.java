package io.naaplake.jobs.schedule;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.Main;
import io.naaplake.scheduler.ChainRunner;
import io.naaplake.scheduler.ChainRunnerProvider;
import io.naaplake.scheduler.SchedulerConfig;
import java.time.Clock;

/**
 * The chains' runner of {@code ./naap scheduler}, found by the scheduler through {@link
 * java.util.ServiceLoader} (META-INF/services/io.naaplake.scheduler.ChainRunnerProvider): by
 * default the pipeline on a SparkSession the scheduler owns, built the way every job builds one
 * ({@link io.naaplake.jobs.lake.SparkSessions}); with {@code naap.cluster.master} set, each chain
 * submitted to that cluster ({@link SubmittedChainRunner}).
 */
public final class SparkChainRunnerProvider implements ChainRunnerProvider {

  @Override
  public ChainRunner create(Settings settings) {
    ChainSubmission submission = ChainSubmission.from(settings);
    if (submission.submitted()) {
      return new SubmittedChainRunner(submission, settings.explicitValues(), Main::say);
    }
    return inProcess(settings);
  }

  /** The chains in this JVM's own SparkSession (the scheduler's, or a submitted driver's). */
  static SparkChainRunner inProcess(Settings settings) {
    JobsConfig jobs = JobsConfig.from(settings);
    ChainRunnerConfig chain = ChainRunnerConfig.from(settings);
    return new SparkChainRunner(
        jobs,
        chain,
        SparkSessionSource.owned(jobs, "naap-scheduler"),
        DailySteps.standard(settings, jobs, chain, Main::say),
        SchedulerConfig.from(settings).hourlyInterval(),
        Clock.systemUTC(),
        Main::say);
  }
}
