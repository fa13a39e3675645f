package io.naaplake.jobs.schedule;

import io.naaplake.errors.ErrorCategory;

/**
 * How a chain's outcome crosses a process boundary: the exit code of the job jar's {@code chain}
 * command, which the scheduler reads back when it submits chains to a Spark cluster (values from
 * sysexits.h, so a shell also reads them).
 */
public final class ChainExitCodes {
  public static final int OK = 0;

  /** EX_DATAERR: bad input; not retried. */
  public static final int BAD_DATA = 65;

  /** EX_SOFTWARE: a bug or a broken invariant; not retried. */
  public static final int FATAL = 70;

  /** EX_TEMPFAIL: a dependency was unavailable or busy; retried with backoff. */
  public static final int RETRIABLE = 75;

  private ChainExitCodes() {}

  public static int of(ErrorCategory category) {
    return switch (category) {
      case BAD_DATA -> BAD_DATA;
      case RETRIABLE -> RETRIABLE;
      case FATAL -> FATAL;
    };
  }

  /**
   * The category a non-zero exit code stands for. Any code this class does not define (a JVM that
   * died, spark-submit refusing its arguments) is fatal: a person must look.
   */
  public static ErrorCategory category(int exitCode) {
    if (exitCode == OK) {
      throw new IllegalArgumentException("exit code 0 is success, not a failure category");
    }
    return switch (exitCode) {
      case BAD_DATA -> ErrorCategory.BAD_DATA;
      case RETRIABLE -> ErrorCategory.RETRIABLE;
      default -> ErrorCategory.FATAL;
    };
  }
}
