package io.naaplake.scheduler;

/**
 * Where the scheduler records every attempt of every chain. The batch-jobs side maps records to
 * ops.job_runs; {@link JsonLinesRunRecorder} keeps them in a file next to the job store.
 */
public interface RunRecorder {

  /** Records one attempt; a failure to record is logged by the caller, never retried. */
  void record(RunRecord run);
}
