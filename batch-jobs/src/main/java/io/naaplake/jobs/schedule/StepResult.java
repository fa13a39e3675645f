package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What one {@link ChainStep} did, as its ops.job_runs row records it.
 *
 * @param window what it covered, e.g. {@code day 2026-01-08} (window_description)
 * @param rowsIn rows it read
 * @param rowsOut rows it wrote
 * @param tableVersions the Delta version of each table it committed to, by qualified name
 */
public record StepResult(
    String window, long rowsIn, long rowsOut, Map<String, Long> tableVersions) {

  public StepResult {
    requireNonNull(window, "window is null");
    tableVersions = Map.copyOf(tableVersions);
  }
}
