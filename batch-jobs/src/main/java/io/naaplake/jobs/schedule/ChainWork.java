package io.naaplake.jobs.schedule;

import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.runs.StageTimings;
import java.time.Instant;
import java.util.List;

/** The work of one chain, between the runner's bookkeeping: what runs, and how to describe it. */
interface ChainWork {

  /**
   * Runs the chain's jobs or steps for {@code runTime}, timing each into {@code stages}; returns
   * the ops.job_runs rows they wrote, in order.
   */
  List<JobRun> run(Instant runTime, StageTimings stages);

  /** The chain row's window_description. */
  String window(Instant runTime, List<JobRun> runs);
}
