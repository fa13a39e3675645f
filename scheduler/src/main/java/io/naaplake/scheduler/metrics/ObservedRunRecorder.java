package io.naaplake.scheduler.metrics;

import static java.util.Objects.requireNonNull;

import io.naaplake.scheduler.RunRecord;
import io.naaplake.scheduler.RunRecorder;

/**
 * A {@link RunRecorder} that also counts every attempt in {@link SchedulerMetrics}: wrap the
 * scheduler's recorder in it. The attempt is counted even when the wrapped recorder fails (the
 * metrics describe what ran, not what was logged).
 */
public final class ObservedRunRecorder implements RunRecorder {
  private final RunRecorder delegate;
  private final SchedulerMetrics metrics;

  public ObservedRunRecorder(RunRecorder delegate, SchedulerMetrics metrics) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public void record(RunRecord run) {
    try {
      delegate.record(run);
    } finally {
      metrics.record(run);
    }
  }
}
