package io.naaplake.jobs.silver.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Request/response jobs from the typed silver tables: pure {@code Dataset -> Dataset} transforms
 * whose output is the declared table's columns in declared order (io.naaplake.schema.JobTables).
 * Each job table ends with the attribution columns, left null here: the job shell's attribution
 * step fills them from observed_url, observed_address, pipeline_hint, model_hint and selection_ts
 * before the rows are written.
 */
public final class JobTransforms {

  /**
   * silver.ai_batch_jobs: one row per (org, request_id).
   *
   * @param aiBatch silver.ai_batch_request rows; events without a request id are skipped
   */
  public static Dataset<Row> aiBatchJobs(Dataset<Row> aiBatch) {
    return AiBatchJobs.transform(aiBatch);
  }

  /**
   * silver.llm_jobs: one row per completed (org, request_id).
   *
   * @param llm silver.ai_llm_request rows; started events only supply the start time
   */
  public static Dataset<Row> llmJobs(Dataset<Row> llm) {
    return LlmJobs.transform(llm);
  }

  /**
   * silver.byoc_jobs: one row per job_gateway_completed event.
   *
   * @param jobGateway silver.job_gateway rows (other subtypes are skipped)
   * @param workerLifecycle silver.worker_lifecycle rows covering at least the 30 days before the
   *     earliest completion (fewer only loses model matches)
   */
  public static Dataset<Row> byocJobs(Dataset<Row> jobGateway, Dataset<Row> workerLifecycle) {
    return ByocJobs.transform(jobGateway, workerLifecycle);
  }

  private JobTransforms() {}
}
