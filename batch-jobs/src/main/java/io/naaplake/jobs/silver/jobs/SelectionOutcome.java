package io.naaplake.jobs.silver.jobs;

/** Values of the job tables' {@code selection_outcome} (reference §2.10). */
final class SelectionOutcome {
  /** The job reports the orchestrator that served it. */
  static final String SELECTED = "selected";

  /** The gateway found no orchestrator: an excused failure. */
  static final String NO_ORCH = "no_orch";

  /** Neither: the outcome of selection is not known from the job's events. */
  static final String UNKNOWN = "unknown";

  private SelectionOutcome() {}
}
