package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One action maintenance took (or skipped, or failed) on one table: a row of {@code
 * ops.maintenance_actions}.
 */
public record MaintenanceAction(
    String table,
    Kind kind,
    Outcome outcome,
    Instant startedAt,
    Duration duration,
    Optional<String> error) {

  public MaintenanceAction {
    requireNonNull(table, "table is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(outcome, "outcome is null");
    requireNonNull(error, "error is null");
  }

  /** The actions, in the order they run on a table. */
  public enum Kind {
    DATA_RETENTION,
    OPTIMIZE,
    TIME_TRAVEL,
    VACUUM,
    CHECKPOINT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How an action ended. */
  public enum Status {
    SUCCEEDED,
    SKIPPED,
    FAILED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What an action did.
   *
   * @param detail what it covered, or why it was skipped
   * @param before files before (what is counted depends on the action: see the table's columns)
   * @param after files after, counted the same way
   */
  public record Outcome(
      Status status,
      String detail,
      Optional<FileStats> before,
      Optional<FileStats> after,
      Optional<Long> rowsDeleted,
      Optional<Long> versionBefore,
      Optional<Long> versionAfter) {

    public Outcome {
      requireNonNull(status, "status is null");
      requireNonNull(detail, "detail is null");
    }

    public static Outcome skipped(String detail) {
      return unmeasured(Status.SKIPPED, detail);
    }

    static Outcome failed(String detail) {
      return unmeasured(Status.FAILED, detail);
    }

    private static Outcome unmeasured(Status status, String detail) {
      return new Outcome(
          status,
          detail,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /** A succeeded action that changed files. */
    public static Outcome done(
        String detail, FileStats before, FileStats after, long versionBefore, long versionAfter) {
      return new Outcome(
          Status.SUCCEEDED,
          detail,
          Optional.of(before),
          Optional.of(after),
          Optional.empty(),
          Optional.of(versionBefore),
          Optional.of(versionAfter));
    }

    public Outcome withRowsDeleted(long rows) {
      return new Outcome(
          status, detail, before, after, Optional.of(rows), versionBefore, versionAfter);
    }
  }
}
