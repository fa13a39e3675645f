package io.naaplake.jobs.runs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One row of {@code ops.job_runs}: what a run read, wrote, and how it ended. */
public record JobRun(
    String runId,
    String job,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    Instant runTime,
    Optional<Long> batchId,
    Optional<String> windowDescription,
    long rowsIn,
    long rowsOut,
    long rowsQuarantined,
    long offsetsLost,
    Optional<String> errorCategory,
    Optional<String> errorMessage,
    Map<String, Long> tableVersions) {

  public JobRun {
    requireNonNull(runId, "runId is null");
    requireNonNull(job, "job is null");
    requireNonNull(status, "status is null");
    tableVersions = Map.copyOf(tableVersions);
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** How a run ended. */
  public enum Status {
    SUCCEEDED("succeeded"),
    NO_NEW_DATA("no_new_data"),
    FAILED("failed");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
