package io.naaplake.jobs.runs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Which scheduler chain run a job belongs to, written on every {@code ops.job_runs} row of the
 * chain (columns chain_run_id, trigger, attempt) so the rows of one chain run can be found
 * together.
 *
 * <p>The jobs write their own run rows deep inside {@link JobRunLog}; instead of threading the tag
 * through every job, the chain binds it to the calling thread as Spark local properties for the
 * length of the run ({@link #bind}), and {@link JobRunLog} reads it back. Runs outside a chain
 * (./naap run) have no tag and leave the columns null.
 *
 * @param chainRunId the run_id of the chain's own row (job chain_hourly or chain_daily)
 * @param trigger why the chain runs: scheduled, misfire-catch-up or manual
 * @param attempt 1 for the first attempt of the chain run, more for retries
 */
public record ChainTag(String chainRunId, String trigger, int attempt) {
  private static final String RUN_ID = "naap.chain.run-id";
  private static final String TRIGGER = "naap.chain.trigger";
  private static final String ATTEMPT = "naap.chain.attempt";

  public ChainTag {
    requireNonNull(chainRunId, "chainRunId is null");
    requireNonNull(trigger, "trigger is null");
  }

  /** Tags every run row the calling thread writes until the returned binding is closed. */
  public Binding bind(SparkSession spark) {
    SparkContext context = spark.sparkContext();
    context.setLocalProperty(RUN_ID, chainRunId);
    context.setLocalProperty(TRIGGER, trigger);
    context.setLocalProperty(ATTEMPT, Integer.toString(attempt));
    return () -> {
      // null removes a local property.
      context.setLocalProperty(RUN_ID, null);
      context.setLocalProperty(TRIGGER, null);
      context.setLocalProperty(ATTEMPT, null);
    };
  }

  /** The tag bound to the calling thread, if a chain is running on it. */
  public static Optional<ChainTag> current(SparkSession spark) {
    SparkContext context = spark.sparkContext();
    String runId = context.getLocalProperty(RUN_ID);
    if (runId == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ChainTag(
            runId,
            context.getLocalProperty(TRIGGER),
            Integer.parseInt(context.getLocalProperty(ATTEMPT))));
  }

  /** A bound tag; closing it unbinds it. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
