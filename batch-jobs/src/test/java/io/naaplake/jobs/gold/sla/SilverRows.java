package io.naaplake.jobs.gold.sla;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.Column;
import io.naaplake.schema.TableDeclaration;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Small explicit rows in a declared table's shape: the named columns set, every other column null.
 * Every field is declared nullable here (a null in a non-nullable field would let Spark optimise
 * null checks away); names not in the table fail, so a typo cannot silently become a null.
 */
final class SilverRows {
  private SilverRows() {}

  /** {@code name, value, name, value, ...} as an ordered map. */
  static Map<String, Object> row(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** With {@code changes} applied over {@code base}. */
  static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>(base);
    values.putAll(row(namesAndValues));
    return values;
  }

  static Dataset<Row> of(
      SparkSession spark, TableDeclaration table, List<Map<String, Object>> rows) {
    return of(spark, table.columns(), rows);
  }

  static Dataset<Row> of(SparkSession spark, List<Column> columns, List<Map<String, Object>> rows) {
    StructType declared = SparkSchemas.structType(columns);
    List<StructField> fields = new ArrayList<>();
    for (StructField field : declared.fields()) {
      fields.add(new StructField(field.name(), field.dataType(), true, field.metadata()));
    }
    StructType schema = DataTypes.createStructType(fields);
    List<Row> built = new ArrayList<>();
    for (Map<String, Object> values : rows) {
      for (String name : values.keySet()) {
        if (!List.of(schema.fieldNames()).contains(name)) {
          throw new IllegalArgumentException("no column " + name);
        }
      }
      Object[] cells = new Object[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        StructField field = fields.get(i);
        cells[i] = convert(values.get(field.name()), field.dataType());
      }
      built.add(RowFactory.create(cells));
    }
    return spark.createDataFrame(built, schema);
  }

  private static Object convert(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return Timestamp.from(instant);
    }
    if (value instanceof String text && type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.parse(text));
    }
    if (value instanceof LocalDate date) {
      return Date.valueOf(date);
    }
    if (value instanceof String text && type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.parse(text));
    }
    if (value instanceof Number number) {
      if (type.equals(DataTypes.LongType)) {
        return number.longValue();
      }
      if (type.equals(DataTypes.IntegerType)) {
        return number.intValue();
      }
      if (type.equals(DataTypes.DoubleType)) {
        return number.doubleValue();
      }
    }
    return value;
  }
}
