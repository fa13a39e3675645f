package io.naaplake.jobs.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

  @Test
  void defaultSessionEvaluatesExpressionsWithoutCompilingCode() {
    Dataset<Row> query =
        LocalSpark.get()
            .range(0, 100)
            .where(col("id").mod(25).equalTo(7))
            .select(
                col("id").multiply(2).as("doubled"),
                concat(lit("row-"), col("id").cast("string")).as("label"));
    long compiledBefore = CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount();

    List<Row> rows = query.collectAsList();

    // ids with id % 25 = 7 below 100: 7, 32, 57, 82.
    assertThat(rows.stream().map(row -> row.getLong(0) + " " + row.getString(1)).toList())
        .containsExactly("14 row-7", "64 row-32", "114 row-57", "164 row-82");
    // Spark counts every source it compiles: with code generation on (naap.spark.codegen=true)
    // this query compiles 3. An internal setting that stopped working (a Spark upgrade) would
    // show here.
    assertThat(CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount())
        .as("classes Spark compiled for the query")
        .isEqualTo(compiledBefore);
  }
}
