package io.naaplake.jobs.gold.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.Column;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Small explicit input rows for gold tests, typed by a table's declaration: the values a test
 * names, a neutral default for every other required column (empty text, 0, false, the epoch) and
 * null for every other optional one. Values are converted to the column's type (Instant to
 * timestamp, LocalDate to date, numbers to the declared width, lists to arrays, maps to structs).
 */
public final class SilverRows {
  private SilverRows() {}

  /** A row's values: alternating column names and values. */
  public static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** A copy of {@code base} with the given values changed or added. */
  public static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>(base);
    values.putAll(row(namesAndValues));
    return values;
  }

  /** The rows as a Dataset with the table's Spark schema. */
  @SafeVarargs
  public static Dataset<Row> of(TableDeclaration table, Map<String, Object>... rows) {
    return of(table, List.of(rows));
  }

  /** The rows as a Dataset with the table's Spark schema. */
  public static Dataset<Row> of(TableDeclaration table, List<Map<String, Object>> rows) {
    StructType schema = SparkSchemas.structType(table);
    Set<String> known = Set.of(schema.fieldNames());
    List<Row> converted = new ArrayList<>();
    for (Map<String, Object> values : rows) {
      for (String name : values.keySet()) {
        assertThat(known).as("column of " + table.qualifiedName()).contains(name);
      }
      converted.add(struct(schema, values, table.columns()));
    }
    return LocalSpark.get().createDataFrame(converted, schema);
  }

  public static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static Row struct(StructType schema, Map<String, Object> values, List<Column> columns) {
    Object[] fields = new Object[schema.fields().length];
    for (int i = 0; i < fields.length; i++) {
      StructField field = schema.fields()[i];
      boolean nullable = columns == null || columns.get(i).nullable();
      Object value = values.get(field.name());
      fields[i] =
          value == null ? (nullable ? null : neutral(field.dataType())) : convert(value, field);
    }
    return RowFactory.create(fields);
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Object value, StructField field) {
    DataType type = field.dataType();
    if (type instanceof StructType struct) {
      return struct(struct, (Map<String, Object>) value, null);
    }
    if (type instanceof ArrayType array) {
      List<Object> elements = new ArrayList<>();
      StructField element = new StructField("element", array.elementType(), true, field.metadata());
      for (Object item : (List<Object>) value) {
        elements.add(item == null ? null : convert(item, element));
      }
      return CollectionConverters.asScala(elements).toSeq();
    }
    if (type.equals(DataTypes.TimestampType)) {
      return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }
    if (type.equals(DataTypes.DateType)) {
      return value instanceof LocalDate date ? Date.valueOf(date) : value;
    }
    if (type.equals(DataTypes.LongType)) {
      return ((Number) value).longValue();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return ((Number) value).intValue();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ((Number) value).doubleValue();
    }
    if (type instanceof DecimalType) {
      return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
    return value;
  }

  private static Object neutral(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return false;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return 0;
    }
    if (type.equals(DataTypes.LongType)) {
      return 0L;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return 0.0;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.EPOCH);
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.EPOCH);
    }
    if (type instanceof DecimalType) {
      return BigDecimal.ZERO;
    }
    if (type instanceof ArrayType) {
      return CollectionConverters.asScala(List.of()).toSeq();
    }
    throw new IllegalArgumentException("no neutral value for " + type);
  }

  /** The rows collected, keyed by the values of the given columns joined with '|'. */
  public static Map<String, Row> byKey(Dataset<Row> rows, String... columns) {
    Map<String, Row> result = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      List<String> parts = new ArrayList<>();
      for (String column : columns) {
        parts.add(String.valueOf((Object) row.getAs(column)));
      }
      assertThat(result.put(String.join("|", parts), row)).as("duplicate key " + parts).isNull();
    }
    return result;
  }

  /** The rows have exactly the table's columns, in order, with the declared types. */
  public static void assertDeclared(Dataset<Row> rows, TableDeclaration table) {
    StructType declared = SparkSchemas.structType(table);
    assertThat(rows.schema().fieldNames()).containsExactly(declared.fieldNames());
    for (StructField field : declared.fields()) {
      assertThat(rows.schema().apply(field.name()).dataType())
          .as(field.name())
          .isEqualTo(field.dataType());
    }
  }

  /**
   * Additivity: for every additive column of the table, the sum over the hourly rows of {@code
   * [from, to)} equals the sum over the rolled-up window rows.
   */
  public static void assertAdditive(
      TableDeclaration table, Dataset<Row> hourly, Dataset<Row> window, Instant from, Instant to) {
    List<Row> hours =
        hourly
            .where(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col("window_start")
                    .geq(Timestamp.from(from))
                    .and(org.apache.spark.sql.functions.col("window_start").lt(Timestamp.from(to))))
            .collectAsList();
    List<Row> windows = window.collectAsList();
    int measures = 0;
    for (Column column : table.columns()) {
      if (!column.additive()) {
        continue;
      }
      measures++;
      assertThat(sum(windows, column.name()))
          .as("Σ hourly %s = window %s", column.name(), column.name())
          .isEqualByComparingTo(sum(hours, column.name()));
    }
    assertThat(measures).as("the table declares additive columns").isPositive();
  }

  private static BigDecimal sum(List<Row> rows, String column) {
    BigDecimal total = BigDecimal.ZERO;
    for (Row row : rows) {
      Object value = row.getAs(column);
      total = total.add(new BigDecimal(value.toString()));
    }
    return total;
  }
}
