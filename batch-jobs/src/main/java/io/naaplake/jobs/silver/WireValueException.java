package io.naaplake.jobs.silver;

/** A wire value that does not fit its declared type; carries the problem it becomes. */
final class WireValueException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient PayloadProblem problem;

  WireValueException(PayloadProblem problem) {
    super(problem.field() + ": " + problem.reason().code(), null, false, false);
    this.problem = problem;
  }

  PayloadProblem problem() {
    return problem;
  }
}
