package io.naaplake.jobs.schedule;

import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * One step of the daily chain (the daily report, a recurring export, table maintenance), run in
 * order by {@link DailyChain} on the scheduler's long-lived SparkSession. Each step's run is
 * recorded as its own row in {@code ops.job_runs} (job = {@link #name}) tagged with the chain run.
 *
 * <p>A step must be idempotent for its run time: a retry, a crash recovery or a manual run may run
 * it again. A failure should be a {@link io.naaplake.errors.NaapException} from {@link
 * io.naaplake.errors.LakeErrors} so the scheduler knows whether to retry; it stops the chain (the
 * later steps run at the retry).
 */
public interface ChainStep {

  /** The job name recorded in ops.job_runs, e.g. {@code daily_report}. */
  String name();

  /**
   * Whether the step writes the lake: it then runs holding the lake's writer lease, so it never
   * overlaps ./naap run or another writer. A step that only reads the lake (e.g. an export to files
   * outside it) runs without it.
   */
  default boolean writesLake() {
    return true;
  }

  /**
   * Runs the step for {@code runTime} (the chain's scheduled time; the day it covers is derived
   * from it, never from the wall clock).
   */
  StepResult run(SparkSession spark, Instant runTime);
}
