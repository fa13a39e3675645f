package io.naaplake.jobs.silver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What silver makes of one bronze event: typed rows (one per element for array payloads), problems
 * (contract violations, per element), or the ignore rule that matched.
 */
public record NormalizedEvent(
    List<Map<String, Object>> rows, List<ElementProblem> problems, Optional<String> ignoreReason) {

  public NormalizedEvent {
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
    problems = List.copyOf(problems);
    requireNonNull(ignoreReason, "ignoreReason is null");
  }

  static NormalizedEvent ignored(String reason) {
    return new NormalizedEvent(List.of(), List.of(), Optional.of(reason));
  }

  static NormalizedEvent quarantined(PayloadProblem problem) {
    return new NormalizedEvent(
        List.of(), List.of(new ElementProblem(Optional.empty(), problem)), Optional.empty());
  }

  /** A problem, and the array element it condemns (empty for object payloads). */
  public record ElementProblem(Optional<Integer> elementIndex, PayloadProblem problem) {}
}
