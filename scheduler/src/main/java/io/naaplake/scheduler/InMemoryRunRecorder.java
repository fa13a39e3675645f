package io.naaplake.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records attempts in memory, in order: for tests and embedded use. Thread-safe. */
public final class InMemoryRunRecorder implements RunRecorder, RunHistory {
  private final List<RunRecord> runs = new ArrayList<>();

  @Override
  public synchronized void record(RunRecord run) {
    runs.add(run);
  }

  /** Every attempt recorded so far, oldest first. */
  public synchronized List<RunRecord> runs() {
    return List.copyOf(runs);
  }

  /** The attempts of one chain, oldest first. */
  public synchronized List<RunRecord> runs(String chain) {
    return runs.stream().filter(run -> run.chain().equals(chain)).toList();
  }

  @Override
  public synchronized Optional<RunRecord> lastRun(String chain) {
    List<RunRecord> ofChain = runs(chain);
    return ofChain.isEmpty() ? Optional.empty() : Optional.of(ofChain.get(ofChain.size() - 1));
  }
}
