package io.naaplake.scheduler;

import io.naaplake.config.Settings;

/**
 * Creates the {@link ChainRunner} that {@code ./naap scheduler} uses, found with {@link
 * java.util.ServiceLoader}. The module that does the work (batch-jobs) implements it and names the
 * class in {@code META-INF/services/io.naaplake.scheduler.ChainRunnerProvider}; the scheduler
 * module then needs neither Spark nor batch-jobs at compile time, and exactly one provider must be
 * on the runtime classpath.
 */
public interface ChainRunnerProvider {

  /** A runner configured from {@code settings} (the same settings the scheduler reads). */
  ChainRunner create(Settings settings);
}
