package io.naaplake.scheduler;

import io.naaplake.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link ChainRunner} of {@code ./naap scheduler} with {@link ServiceLoader}: the module
 * that does the work registers a {@link ChainRunnerProvider}, so this module compiles without it
 * (and without Spark), and tests run the scheduler with a fake runner.
 */
final class ChainRunnerProviders {
  private ChainRunnerProviders() {}

  /** The runner of the one provider on the classpath. */
  static ChainRunner load(Settings settings) {
    return load(settings, ServiceLoader.load(ChainRunnerProvider.class));
  }

  /** The runner of the one provider in {@code providers}; none or several is a packaging bug. */
  static ChainRunner load(Settings settings, Iterable<ChainRunnerProvider> providers) {
    List<String> names = new ArrayList<>();
    ChainRunnerProvider found = null;
    for (ChainRunnerProvider provider : providers) {
      names.add(provider.getClass().getName());
      found = provider;
    }
    if (names.size() != 1) {
      // Not a configuration value anyone can fix in naap.properties: the classpath is wrong.
      throw new IllegalStateException(
          "expected exactly one "
              + ChainRunnerProvider.class.getName()
              + " on the classpath (the batch-jobs module provides it), found "
              + (names.isEmpty() ? "none" : names));
    }
    return found.create(settings);
  }
}
