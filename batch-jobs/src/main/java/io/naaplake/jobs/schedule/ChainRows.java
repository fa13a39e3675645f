package io.naaplake.jobs.schedule;

import io.naaplake.errors.NaapException;
import io.naaplake.jobs.runs.JobRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chain's own row in ops.job_runs (job {@code chain_hourly} / {@code chain_daily}), built from
 * the rows of the jobs it ran:
 *
 * <ul>
 *   <li>status: failed if the chain failed; no_new_data if every job found nothing new; else
 *       succeeded;
 *   <li>rows_in: what the first job read (the hourly chain: Kafka messages); rows_out: what the
 *       last one wrote (the hourly chain: gold rows); rows_quarantined and offsets_lost: summed;
 *   <li>table_versions: every table any of its jobs committed to, at the last version written.
 * </ul>
 */
final class ChainRows {
  private ChainRows() {}

  static String job(String chain) {
    return "chain_" + chain;
  }

  static JobRun finished(
      String chainRunId,
      String chain,
      Instant startedAt,
      Instant finishedAt,
      Instant runTime,
      String window,
      List<JobRun> runs) {
    boolean nothingNew =
        !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == JobRun.Status.NO_NEW_DATA);
    Map<String, Long> versions = new LinkedHashMap<>();
    runs.forEach(run -> versions.putAll(run.tableVersions()));
    String firstJob = runs.isEmpty() ? "" : runs.get(0).job();
    String lastJob = runs.isEmpty() ? "" : runs.get(runs.size() - 1).job();
    return new JobRun(
        chainRunId,
        job(chain),
        nothingNew ? JobRun.Status.NO_NEW_DATA : JobRun.Status.SUCCEEDED,
        startedAt,
        finishedAt,
        runTime,
        Optional.empty(),
        Optional.of(window),
        runs.stream().filter(r -> r.job().equals(firstJob)).mapToLong(JobRun::rowsIn).sum(),
        runs.stream().filter(r -> r.job().equals(lastJob)).mapToLong(JobRun::rowsOut).sum(),
        runs.stream().mapToLong(JobRun::rowsQuarantined).sum(),
        runs.stream().mapToLong(JobRun::offsetsLost).sum(),
        Optional.empty(),
        Optional.empty(),
        versions);
  }

  static JobRun failed(
      String chainRunId,
      String chain,
      Instant startedAt,
      Instant finishedAt,
      Instant runTime,
      Throwable error) {
    return failedRun(chainRunId, job(chain), startedAt, finishedAt, runTime, error);
  }

  /** The row of a failed run of {@code job} (a chain or a daily step): nothing read or written. */
  static JobRun failedRun(
      String runId,
      String job,
      Instant startedAt,
      Instant finishedAt,
      Instant runTime,
      Throwable error) {
    return new JobRun(
        runId,
        job,
        JobRun.Status.FAILED,
        startedAt,
        finishedAt,
        runTime,
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        0,
        0,
        Optional.of(NaapException.categoryOf(error).name().toLowerCase(Locale.ROOT)),
        Optional.ofNullable(error.getMessage()),
        Map.of());
  }
}
