package io.naaplake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Marks duplicates deterministically: of all bronze rows sharing a typed table's key, the first in
 * bronze order (ingest batch, topic, partition, offset) is the event; every other is a duplicate. A
 * row already stored with the same bronze coordinates is the event itself (a re-run), not a
 * duplicate, so re-running a slice after a crash counts the same.
 */
final class Deduplication {
  static final String DUPLICATE = "_duplicate";
  private static final String RANK = "_rank";
  private static final List<String> ORDER =
      List.of("ingest_batch_id", "kafka_topic", "kafka_partition", "kafka_offset");

  /** {@code typed} plus a boolean {@link #DUPLICATE} column. */
  static Dataset<Row> flag(Dataset<Row> typed, Dataset<Row> stored, TableDeclaration table) {
    List<String> key = table.keyColumns();
    WindowSpec firstDelivery = Window.partitionBy(columns(key, "")).orderBy(columns(ORDER, ""));
    Dataset<Row> ranked = typed.withColumn(RANK, row_number().over(firstDelivery));
    List<Column> storedColumns = new ArrayList<>();
    for (String name : key) {
      storedColumns.add(col(name).as("stored_" + name));
    }
    for (String name : List.of("kafka_topic", "kafka_partition", "kafka_offset")) {
      storedColumns.add(col(name).as("stored_" + name));
    }
    Dataset<Row> storedKeys = stored.select(storedColumns.toArray(new Column[0]));
    Column sameKey = null;
    for (String name : key) {
      Column equal = ranked.col(name).eqNullSafe(storedKeys.col("stored_" + name));
      sameKey = sameKey == null ? equal : sameKey.and(equal);
    }
    Column storedElsewhere =
        storedKeys
            .col("stored_kafka_offset")
            .isNotNull()
            .and(
                ranked
                    .col("kafka_topic")
                    .equalTo(storedKeys.col("stored_kafka_topic"))
                    .and(
                        ranked
                            .col("kafka_partition")
                            .equalTo(storedKeys.col("stored_kafka_partition")))
                    .and(ranked.col("kafka_offset").equalTo(storedKeys.col("stored_kafka_offset")))
                    .unary_$bang());
    Dataset<Row> joined = ranked.join(storedKeys, sameKey, "left");
    return joined
        .withColumn(DUPLICATE, storedElsewhere.or(col(RANK).gt(1)))
        .select(outputColumns(typed));
  }

  private static Column[] outputColumns(Dataset<Row> typed) {
    List<Column> columns = new ArrayList<>();
    for (String name : typed.columns()) {
      columns.add(col(name));
    }
    columns.add(col(DUPLICATE));
    return columns.toArray(new Column[0]);
  }

  private static Column[] columns(List<String> names, String prefix) {
    return names.stream().map(n -> col(prefix + n)).toArray(Column[]::new);
  }

  private Deduplication() {}
}
