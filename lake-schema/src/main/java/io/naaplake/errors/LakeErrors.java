package io.naaplake.errors;

/**
 * The one place errors are created. Each method is one failure condition; its message names what
 * failed and says what to do next.
 */
public final class LakeErrors {

  public static NaapException badConfiguration(String key, String value, String expectation) {
    return new NaapException(
        ErrorCategory.FATAL,
        "BAD_CONFIGURATION",
        "configuration "
            + key
            + "='"
            + value
            + "' is invalid: "
            + expectation
            + ". Fix it in naap.properties, the environment or -D.",
        null);
  }

  public static NaapException kafkaUnavailable(String bootstrapServers, Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "KAFKA_UNAVAILABLE",
        "Kafka at "
            + bootstrapServers
            + " did not answer ("
            + cause.getMessage()
            + "). Start it with ./naap up or check naap.kafka.bootstrap-servers.",
        cause);
  }

  public static NaapException topicMissing(String topic, String bootstrapServers) {
    return new NaapException(
        ErrorCategory.FATAL,
        "KAFKA_TOPIC_MISSING",
        "topic "
            + topic
            + " does not exist on "
            + bootstrapServers
            + ". Create it (./naap up creates the default topics) or fix naap.ingest.topics.",
        null);
  }

  public static NaapException trinoUnavailable(String url, Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "TRINO_UNAVAILABLE",
        "Trino at "
            + url
            + " did not answer ("
            + cause.getMessage()
            + "). Start it with ./naap up or check naap.trino.url.",
        cause);
  }

  /** A read query that did not finish within the caller's timeout; Trino may be cold or busy. */
  public static NaapException trinoQueryTimeout(java.time.Duration timeout) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "TRINO_QUERY_TIMEOUT",
        "the query did not finish within "
            + timeout.toMillis()
            + " ms and was cancelled. Retry; raise naap.api.query-timeout if Trino is just slow.",
        null);
  }

  /** Trino answered a read query with an error: the statement is wrong, not the request. */
  public static NaapException trinoQueryFailed(Throwable cause) {
    return new NaapException(
        ErrorCategory.FATAL, "TRINO_QUERY_FAILED", "Trino refused a query: " + cause, cause);
  }

  public static NaapException trinoRegistrationFailed(String table, Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "TRINO_REGISTRATION_FAILED",
        "registering "
            + table
            + " in Trino failed ("
            + cause.getMessage()
            + "). The table is written; the next run registers it again.",
        cause);
  }

  public static NaapException incompatibleSchemaChange(String table, String detail) {
    return new NaapException(
        ErrorCategory.FATAL,
        "INCOMPATIBLE_SCHEMA_CHANGE",
        table
            + ": "
            + detail
            + ". Only added columns migrate in place; a removed, renamed or retyped column needs a"
            + " new table (Trino 476 hides widened columns).",
        null);
  }

  public static NaapException offsetLedgerInconsistent(String detail) {
    return new NaapException(
        ErrorCategory.FATAL,
        "OFFSET_LEDGER_INCONSISTENT",
        "ops.kafka_ingest_batches is inconsistent: "
            + detail
            + ". Do not delete ledger rows; inspect the table history.",
        null);
  }

  /**
   * Another writer committed to a Delta table between this run's read and its commit, in a way
   * Delta's optimistic concurrency could not reconcile. Retriable: the run re-reads and recomputes.
   */
  public static NaapException deltaCommitConflict(Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "DELTA_COMMIT_CONFLICT",
        "a Delta commit conflicted with a concurrent commit ("
            + cause.getClass().getSimpleName()
            + ": "
            + firstLine(cause.getMessage())
            + "). Nothing was committed by the conflicting write; run again.",
        cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /**
   * A declared table's location holds files that are not a Delta table. Bad data: the lake's
   * content at that path is not what the pipeline wrote, rerunning finds the same files, and the
   * pipeline rejects it instead of writing a table over it.
   */
  public static NaapException notADeltaTable(String table, String location, String firstEntry) {
    return new NaapException(
        ErrorCategory.BAD_DATA,
        "NOT_A_DELTA_TABLE",
        table
            + ": its location "
            + location
            + " holds files that are not a Delta table (e.g. "
            + firstEntry
            + ", and no _delta_log). The pipeline does not write over them: move them away, or"
            + " point naap.lake.root at the right lake.",
        null);
  }

  public static NaapException badInput(String what, String detail) {
    return new NaapException(ErrorCategory.BAD_DATA, "BAD_INPUT", what + ": " + detail, null);
  }

  public static NaapException ioFailure(String what, Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE, "IO_FAILURE", what + " failed: " + cause.getMessage(), cause);
  }

  /**
   * Another writer holds the lake's writer lease. Retriable: the holder finishes, or its lease
   * expires if it crashed.
   *
   * @param lease where the lease lives
   * @param holder who holds it and what it is doing
   * @param waited how long this writer waited before giving up (zero: it did not wait)
   */
  public static NaapException lakeWriterBusy(
      String lease,
      String holder,
      java.time.Instant since,
      java.time.Instant lastHeartbeat,
      java.time.Instant expiresAt,
      java.time.Duration waited) {
    return new NaapException(
        ErrorCategory.RETRIABLE,
        "LAKE_WRITER_BUSY",
        "the lake is being written by "
            + holder
            + " since "
            + since
            + "; its lease "
            + lease
            + " expires at "
            + expiresAt
            + " unless renewed (last heartbeat "
            + lastHeartbeat
            + "). "
            + (waited.isZero() ? "Did not wait" : "Waited " + waited.toMillis() + " ms")
            + " (naap.lease.max-wait). Run again when it has finished; a crashed writer's lease"
            + " expires by itself.",
        null);
  }

  /**
   * This writer no longer holds the lake's writer lease (taken over after a missed heartbeat, or
   * deleted). Fatal: writing on could mean two writers on the lake.
   */
  public static NaapException lakeWriterLeaseLost(String lease, String detail) {
    return new NaapException(
        ErrorCategory.FATAL,
        "LAKE_WRITER_LEASE_LOST",
        "this writer no longer holds the lake's writer lease "
            + lease
            + ": "
            + detail
            + ". It stopped before writing more; run again once the lake is free.",
        null);
  }

  /** The lease file exists but is not a lease this code wrote; a person has to look at it. */
  public static NaapException lakeWriterLeaseUnreadable(String lease, String detail) {
    return new NaapException(
        ErrorCategory.FATAL,
        "LAKE_WRITER_LEASE_UNREADABLE",
        "the lake's writer lease "
            + lease
            + " cannot be read ("
            + detail
            + "). If no writer is running, delete the file.",
        null);
  }

  /**
   * An export directory with the same id exists but does not hold what the export computes now.
   * Fatal: the same id must mean the same bytes; the directory was changed by hand, or the export
   * code changed without a new format version.
   */
  public static NaapException exportMismatch(String directory, String detail) {
    return new NaapException(
        ErrorCategory.FATAL,
        "EXPORT_MISMATCH",
        "export "
            + directory
            + " exists and differs from a fresh export: "
            + detail
            + ". It was left untouched; inspect it (./naap export verify) and remove it to"
            + " export again.",
        null);
  }

  /**
   * A chain submitted to a Spark cluster ended with a failure exit code. The category crossed the
   * process boundary as the exit code, so the scheduler retries it as it would retry the same
   * failure in its own JVM.
   */
  public static NaapException submittedChainFailed(
      String chain, java.time.Instant runTime, int exitCode, ErrorCategory category) {
    return new NaapException(
        category,
        "SUBMITTED_CHAIN_FAILED",
        "the "
            + chain
            + " chain for "
            + runTime
            + " submitted to the Spark cluster failed with exit code "
            + exitCode
            + " ("
            + category
            + "); its driver's output is in the scheduler's log",
        null);
  }

  private LakeErrors() {}
}
