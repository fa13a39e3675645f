package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import io.naaplake.jobs.runs.JobRun;
import java.util.List;

/**
 * What a maintenance run did: its {@code ops.job_runs} row and its {@code ops.maintenance_actions}
 * rows.
 */
public record MaintenanceResult(JobRun run, List<MaintenanceAction> actions) {

  public MaintenanceResult {
    requireNonNull(run, "run is null");
    actions = List.copyOf(actions);
  }

  /** One line for a run log, e.g. the scheduler's. */
  public String summary() {
    return run.windowDescription().orElse(run.status().code());
  }
}
