package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.bronze.BronzeIngestJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Offsets that leave Kafka before ingestion are recorded in ops.kafka_offset_gaps. */
class OffsetGapIT {
  /** Tiny retention: the broker itself deletes the data before the lake reads it. */
  private static final String EXPIRING = "expiring_events";

  /** Normal retention; records are deleted explicitly to expire part of a partition. */
  private static final String TRIMMED = "trimmed_events";

  @Test
  void expiredOffsetsAreRecordedNeverSkippedSilently() throws Exception {
    JobsConfig config =
        ItEnvironment.privateLake(
            "gaps", Map.of("naap.ingest.topics", EXPIRING + ":gaptest," + TRIMMED + ":gaptest"));
    TestTopics.create(EXPIRING, 1, Map.of("retention.ms", "1000"));
    TestTopics.create(TRIMMED, 1, Map.of());
    TestTopics.publishSynthetic(EXPIRING, 100, 11);
    TestTopics.publishSynthetic(TRIMMED, 100, 12);
    TestTopics.awaitLogStart(new TopicPartition(EXPIRING, 0), 100);
    TestTopics.expireBefore(Map.of(new TopicPartition(TRIMMED, 0), 60L));

    BronzeIngestJob job =
        new BronzeIngestJob(SharedSpark.get(), config, Clock.systemUTC(), l -> {});
    List<JobRun> runs = job.run(Instant.parse("2026-01-11T00:00:00Z"));
    // expiring: all 100 offsets gone before the first read -> gap [0,100).
    // trimmed: 0..59 gone -> gap [0,60); 60..99 ingested (40 rows).
    assertThat(runs).extracting(JobRun::offsetsLost).containsExactly(160L);
    assertThat(runs).extracting(JobRun::rowsOut).containsExactly(40L);

    TestTopics.publishSynthetic(TRIMMED, 50, 13); // offsets 100..149
    TestTopics.expireBefore(Map.of(new TopicPartition(TRIMMED, 0), 130L));
    runs = job.run(Instant.parse("2026-01-11T01:00:00Z"));
    // Consumed up to 100; 100..129 gone -> gap [100,130); 130..149 ingested (20 rows).
    assertThat(runs).extracting(JobRun::offsetsLost).containsExactly(30L);
    assertThat(runs).extracting(JobRun::rowsOut).containsExactly(20L);

    LakeTables tables = new LakeTables(SharedSpark.get(), config);
    List<String> gaps =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(tables.path(OpsTables.KAFKA_OFFSET_GAPS))
            .orderBy("kafka_topic", "lost_from_offset")
            .select(
                "kafka_topic",
                "kafka_partition",
                "lost_from_offset",
                "lost_to_offset",
                "lost_count",
                "reason")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList();
    assertThat(gaps)
        .containsExactly(
            "[expiring_events,0,0,100,100,expired_before_ingest]",
            "[trimmed_events,0,0,60,60,expired_before_ingest]",
            "[trimmed_events,0,100,130,30,expired_before_ingest]");
    long bronze =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(tables.path(BronzeTables.RAW_EVENTS))
            .where(col("kafka_topic").equalTo(TRIMMED))
            .count();
    // Every trimmed offset 0..149 is accounted for: 60 + 30 lost, 40 + 20 in bronze.
    assertThat(bronze).isEqualTo(60);
  }
}
