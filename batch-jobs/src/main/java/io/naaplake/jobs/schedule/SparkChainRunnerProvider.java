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
 * java.util.ServiceLoader} (META-INF/services/io.naaplake.scheduler.ChainRunnerProvider): the
 * pipeline on a SparkSession the scheduler owns, built the way every job builds one ({@link
 * io.naaplake.jobs.lake.SparkSessions}).
 */
public final class SparkChainRunnerProvider implements ChainRunnerProvider {

  @Override
  public ChainRunner create(Settings settings) {
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
