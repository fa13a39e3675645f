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

  public static NaapException badInput(String what, String detail) {
    return new NaapException(ErrorCategory.BAD_DATA, "BAD_INPUT", what + ": " + detail, null);
  }

  public static NaapException ioFailure(String what, Throwable cause) {
    return new NaapException(
        ErrorCategory.RETRIABLE, "IO_FAILURE", what + " failed: " + cause.getMessage(), cause);
  }

  private LakeErrors() {}
}
