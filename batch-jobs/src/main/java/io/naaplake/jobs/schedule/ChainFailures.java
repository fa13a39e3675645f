package io.naaplake.jobs.schedule;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.util.ConcurrentModificationException;

/**
 * Gives a chain failure the category the scheduler retries by. The jobs throw {@link
 * NaapException}s for what they detect themselves (Kafka's bounds unreadable, Trino unreachable,
 * the lake busy); failures raised inside Spark arrive as Spark's own exceptions and would count as
 * fatal, so the ones that are a dependency's temporary state are recognised here:
 *
 * <ul>
 *   <li>a Delta concurrent-commit conflict (any {@code io.delta} / {@code
 *       org.apache.spark.sql.delta} {@link ConcurrentModificationException}):
 *       DELTA_COMMIT_CONFLICT, retriable;
 *   <li>a Kafka client error or a Kafka fetch timeout in Spark's Kafka source: KAFKA_UNAVAILABLE,
 *       retriable.
 * </ul>
 *
 * Anything else keeps its category (a NaapException somewhere in the causes) or is fatal.
 */
final class ChainFailures {
  private ChainFailures() {}

  /** {@code error} itself, or a categorised exception with it as the cause. */
  static RuntimeException categorized(RuntimeException error, String kafkaBootstrapServers) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NaapException) {
        return error;
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (isDeltaConflict(cause)) {
        return LakeErrors.deltaCommitConflict(cause);
      }
      if (isKafkaFailure(cause)) {
        return LakeErrors.kafkaUnavailable(kafkaBootstrapServers, cause);
      }
    }
    return error;
  }

  private static boolean isDeltaConflict(Throwable error) {
    String name = error.getClass().getName();
    return error instanceof ConcurrentModificationException
        && (name.startsWith("io.delta.") || name.startsWith("org.apache.spark.sql.delta."));
  }

  /**
   * A Kafka client exception, or the {@link java.util.concurrent.TimeoutException} Spark's Kafka
   * source throws when a fetch gets no answer within kafkaConsumer.pollTimeoutMs.
   */
  private static boolean isKafkaFailure(Throwable error) {
    if (error instanceof org.apache.kafka.common.KafkaException) {
      return true;
    }
    if (!(error instanceof java.util.concurrent.TimeoutException)) {
      return false;
    }
    StackTraceElement[] frames = error.getStackTrace();
    return frames.length > 0
        && frames[0].getClassName().startsWith("org.apache.spark.sql.kafka010");
  }
}
