package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed messages are quarantined with a reason; nothing consumed goes missing. */
class QuarantineIT {
  private static SparkSession spark;
  private static LakeTables tables;

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake lake = FixtureLake.get();
    spark = SharedSpark.get();
    tables = new LakeTables(spark, lake.jobsConfig());
  }

  private static Dataset<Row> read(io.naaplake.schema.TableDeclaration table) {
    return spark.read().format("delta").load(tables.path(table));
  }

  /** This scenario's quarantined messages (other scenarios may quarantine their own). */
  private static Dataset<Row> scenarioRows() {
    Dataset<Row> quarantine = read(BronzeTables.QUARANTINE);
    org.apache.spark.sql.Column key = col("kafka_key").cast("string");
    return quarantine.where(
        key.startsWith(MalformedMessagesScenario.KEY_PREFIX)
            .or(key.equalTo(MalformedMessagesScenario.NO_TYPE_ID)));
  }

  @Test
  void malformedMessagesAreQuarantinedWithReasons() throws Exception {
    List<String> reasons =
        TrinoClient.query(
                TrinoClient.READER_USER,
                "SELECT reason FROM delta.bronze.quarantine WHERE from_utf8(kafka_key) LIKE '"
                    + MalformedMessagesScenario.KEY_PREFIX
                    + "%' OR from_utf8(kafka_key) = '"
                    + MalformedMessagesScenario.NO_TYPE_ID
                    + "'")
            .stream()
            .map(row -> (String) row.get(0))
            .sorted()
            .toList();
    assertThat(reasons)
        .containsExactlyElementsOf(
            MalformedMessagesScenario.EXPECTED_REASONS.stream().sorted().toList());
  }

  @Test
  void oversizedMessageKeepsOnlyPrefixAndHash() {
    Row row = scenarioRows().where(col("reason").equalTo("too_large")).first();
    assertThat(row.<Integer>getAs("value_bytes"))
        .isEqualTo(MalformedMessagesScenario.OVERSIZED_BYTES);
    assertThat((Object) row.getAs("raw_value")).isNull();
    // The fixture keeps the default 4 kB prefix.
    assertThat(row.<byte[]>getAs("raw_value_prefix")).hasSize(4096);
    assertThat(row.<String>getAs("payload_hash")).hasSize(64);
  }

  @Test
  void envelopeWithoutTypeKeepsItsId() {
    Row row = scenarioRows().where(col("reason").equalTo("missing_type")).first();
    assertThat(row.<String>getAs("envelope_id")).isEqualTo(MalformedMessagesScenario.NO_TYPE_ID);
  }

  @Test
  void goodEnvelopesBesideMalformedOnesAreAccepted() {
    long accepted =
        read(BronzeTables.RAW_EVENTS)
            .where(
                col("event_id")
                    .isin(MalformedMessagesScenario.GOOD_ID_1, MalformedMessagesScenario.GOOD_ID_2))
            .count();
    assertThat(accepted).isEqualTo(2);
  }

  @Test
  void consumedEqualsBronzePlusQuarantine() {
    Row ledger =
        read(OpsTables.KAFKA_INGEST_BATCHES).selectExpr("sum(end_offset - start_offset)").first();
    long consumed = ledger.getLong(0);
    long bronze = read(BronzeTables.RAW_EVENTS).count();
    long quarantined = read(BronzeTables.QUARANTINE).count();
    long produced = FixtureLake.get().published().stream().mapToLong(p -> p.records()).sum();
    assertThat(consumed).isEqualTo(produced);
    assertThat(bronze + quarantined).isEqualTo(consumed);
  }
}
