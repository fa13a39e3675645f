package io.naaplake.scheduler;

import java.util.Optional;

/** The recorded attempts, read back for {@code ./naap jobs}. */
public interface RunHistory {

  /** The last recorded attempt of {@code chain}, if any. */
  Optional<RunRecord> lastRun(String chain);
}
