package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ChainFailuresTest {
  private static final String KAFKA = "127.0.0.1:1";

  @Test
  void deltaCommitConflictInsideASparkFailureIsRetriable() {
    RuntimeException spark =
        new IllegalStateException(
            "job aborted",
            new io.delta.exceptions.ConcurrentAppendException("files were added to partition"));

    RuntimeException failure = ChainFailures.categorized(spark, KAFKA);

    assertThat(NaapException.categoryOf(failure)).isEqualTo(ErrorCategory.RETRIABLE);
    assertThat(((NaapException) failure).code()).isEqualTo("DELTA_COMMIT_CONFLICT");
    assertThat(failure).hasMessageContaining("ConcurrentAppendException");
  }

  @Test
  void kafkaClientTimeoutIsKafkaUnavailable() {
    RuntimeException spark =
        new RuntimeException(
            "task failed",
            new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node"));

    RuntimeException failure = ChainFailures.categorized(spark, KAFKA);

    assertThat(((NaapException) failure).code()).isEqualTo("KAFKA_UNAVAILABLE");
    assertThat(failure).hasMessageContaining(KAFKA);
  }

  @Test
  void sparkKafkaSourceFetchTimeoutIsKafkaUnavailable() {
    TimeoutException fetch = new TimeoutException("Cannot fetch record for offset 5 in 5000 ms");
    fetch.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.apache.spark.sql.kafka010.consumer.KafkaDataConsumer",
              "fetchRecord",
              "KafkaDataConsumer.scala",
              1)
        });

    RuntimeException failure =
        ChainFailures.categorized(new RuntimeException("stage failed", fetch), KAFKA);

    assertThat(((NaapException) failure).code()).isEqualTo("KAFKA_UNAVAILABLE");
  }

  @Test
  void categorisedFailuresAndOthersAreKept() {
    NaapException busy = LakeErrors.badInput("x", "y");
    RuntimeException wrapped = new RuntimeException("outer", busy);
    RuntimeException bug = new IllegalStateException("a bug");
    TimeoutException otherTimeout = new TimeoutException("not Kafka's");

    assertThat(ChainFailures.categorized(busy, KAFKA)).isSameAs(busy);
    assertThat(ChainFailures.categorized(wrapped, KAFKA)).isSameAs(wrapped);
    assertThat(ChainFailures.categorized(bug, KAFKA)).isSameAs(bug);
    assertThat(NaapException.categoryOf(ChainFailures.categorized(bug, KAFKA)))
        .isEqualTo(ErrorCategory.FATAL);
    RuntimeException outer = new RuntimeException(otherTimeout);
    assertThat(ChainFailures.categorized(outer, KAFKA)).isSameAs(outer);
  }
}
