package io.naaplake.jobs.lake;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Translates lake-schema declarations to Spark types and back. Column comments travel as the {@code
 * comment} field metadata, which Delta stores in the table schema and Trino shows as the column
 * comment.
 */
public final class SparkSchemas {

  public static StructType structType(TableDeclaration table) {
    return structType(table.columns());
  }

  public static StructType structType(List<Column> columns) {
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(field(column));
    }
    return DataTypes.createStructType(fields);
  }

  public static StructField field(Column column) {
    Metadata comment = new MetadataBuilder().putString("comment", column.comment()).build();
    return new StructField(column.name(), dataType(column.type()), column.nullable(), comment);
  }

  public static DataType dataType(LakeType type) {
    if (type instanceof LakeType.Primitive primitive) {
      return primitive(primitive.kind());
    }
    if (type instanceof LakeType.Decimal decimal) {
      return DataTypes.createDecimalType(decimal.precision(), decimal.scale());
    }
    if (type instanceof LakeType.Array array) {
      return DataTypes.createArrayType(dataType(array.element()), true);
    }
    if (type instanceof LakeType.MapOf map) {
      return DataTypes.createMapType(dataType(map.key()), dataType(map.value()), true);
    }
    return structType(((LakeType.Struct) type).fields());
  }

  private static DataType primitive(LakeType.Kind kind) {
    return switch (kind) {
      case STRING -> DataTypes.StringType;
      case BOOLEAN -> DataTypes.BooleanType;
      case INT -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BINARY -> DataTypes.BinaryType;
    };
  }

  /** The lake type of an existing Spark column; used to compare a table with its declaration. */
  public static LakeType lakeType(DataType type) {
    if (type instanceof DecimalType decimal) {
      return LakeType.decimal(decimal.precision(), decimal.scale());
    }
    if (type instanceof ArrayType array) {
      return LakeType.arrayOf(lakeType(array.elementType()));
    }
    if (type instanceof MapType map) {
      return LakeType.mapOf(lakeType(map.keyType()), lakeType(map.valueType()));
    }
    if (type instanceof StructType struct) {
      return new LakeType.Struct(columns(struct));
    }
    return new LakeType.Primitive(primitiveKind(type));
  }

  /** Columns of an existing Spark schema (comments default to the column name when absent). */
  public static List<Column> columns(StructType struct) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : struct.fields()) {
      String comment =
          field.metadata().contains("comment") ? field.metadata().getString("comment") : "";
      columns.add(
          new Column(
              field.name(),
              lakeType(field.dataType()),
              field.nullable(),
              comment.isBlank() ? field.name() : comment,
              false));
    }
    return columns;
  }

  private static LakeType.Kind primitiveKind(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return LakeType.Kind.STRING;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return LakeType.Kind.BOOLEAN;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return LakeType.Kind.INT;
    }
    if (type.equals(DataTypes.LongType)) {
      return LakeType.Kind.BIGINT;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return LakeType.Kind.DOUBLE;
    }
    if (type.equals(DataTypes.DateType)) {
      return LakeType.Kind.DATE;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return LakeType.Kind.TIMESTAMP;
    }
    if (type.equals(DataTypes.BinaryType)) {
      return LakeType.Kind.BINARY;
    }
    throw new IllegalArgumentException("no lake type for Spark type " + type.simpleString());
  }

  private SparkSchemas() {}
}
