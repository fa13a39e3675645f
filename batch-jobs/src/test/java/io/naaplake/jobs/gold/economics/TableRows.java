package io.naaplake.jobs.gold.economics;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.TableDeclaration;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of declared tables in gold tests. Inputs: small explicit rows where only the columns a test
 * names are set and every other column is null, with the table's Spark schema made nullable (a test
 * leaves required columns it does not need empty); Instants become timestamps, LocalDates dates.
 * Outputs: {@link #assertDeclared} checks a transform's result against its declaration.
 */
public final class TableRows {
  private TableRows() {}

  /**
   * Collects the rows, checking that they have the table's columns, in order, with its types, and
   * no null in a column the table declares non-null. (Spark's own nullability flags are not
   * compared: a cast keeps the source's, so they say little.)
   */
  public static List<Row> assertDeclared(Dataset<Row> rows, TableDeclaration table) {
    assertThat(Arrays.stream(rows.schema().fields()).map(f -> f.name() + " " + f.dataType()))
        .containsExactlyElementsOf(
            Arrays.stream(SparkSchemas.structType(table).fields())
                .map(f -> f.name() + " " + f.dataType())
                .toList());
    List<Row> collected = rows.collectAsList();
    for (io.naaplake.schema.Column column : table.columns()) {
      if (!column.nullable()) {
        assertThat(collected)
            .as("%s.%s is declared non-null", table.name(), column.name())
            .allSatisfy(row -> assertThat(row.<Object>getAs(column.name())).isNotNull());
      }
    }
    return collected;
  }

  /** A row's values by column name, from name/value pairs: {@code row("org", "o", ...)}. */
  public static Map<String, Object> row(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** The rows as a Dataset with the table's (nullable) Spark schema. */
  @SafeVarargs
  public static Dataset<Row> of(TableDeclaration table, Map<String, Object>... rows) {
    StructType schema = SparkSchemas.structType(table).asNullable();
    List<Row> data = new ArrayList<>();
    for (Map<String, Object> values : rows) {
      for (String name : values.keySet()) {
        if (table.column(name).isEmpty()) {
          throw new IllegalArgumentException(table.name() + " has no column " + name);
        }
      }
      List<Object> cells = new ArrayList<>();
      for (StructField field : schema.fields()) {
        cells.add(spark(values.get(field.name())));
      }
      data.add(RowFactory.create(cells.toArray()));
    }
    return LocalSpark.get().createDataFrame(data, schema);
  }

  private static Object spark(Object value) {
    if (value instanceof Instant instant) {
      return Timestamp.from(instant);
    }
    if (value instanceof LocalDate date) {
      return Date.valueOf(date);
    }
    return value;
  }
}
