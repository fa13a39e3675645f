package io.naaplake.jobs.gold.network;

import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.gold.GoldWindows;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Helpers the network transforms share: the as-of columns and join keys. */
final class NetworkRows {
  private NetworkRows() {}

  /**
   * The rows with {@code as_of}, its UTC date {@code as_of_date} and {@code is_settled} (as_of at
   * or before {@code settledBefore}).
   */
  static Dataset<Row> stamped(Dataset<Row> rows, Instant asOf, Instant settledBefore) {
    return rows.withColumn("as_of", GoldWindows.instant(asOf))
        .withColumn("as_of_date", GoldWindows.utcDate(GoldWindows.instant(asOf)))
        .withColumn("is_settled", lit(!asOf.isAfter(settledBefore)));
  }

  /** Column names as the Scala sequence of an equi-join on same-named columns. */
  static scala.collection.immutable.Seq<String> using(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toSeq();
  }
}
