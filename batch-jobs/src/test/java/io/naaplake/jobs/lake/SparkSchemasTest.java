package io.naaplake.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventContracts;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Spark translation, without a SparkSession. */
class SparkSchemasTest {

  @Test
  void everyTypeMapsToItsSparkType() {
    assertThat(SparkSchemas.dataType(LakeType.string())).isEqualTo(DataTypes.StringType);
    assertThat(SparkSchemas.dataType(LakeType.bool())).isEqualTo(DataTypes.BooleanType);
    assertThat(SparkSchemas.dataType(LakeType.integer())).isEqualTo(DataTypes.IntegerType);
    assertThat(SparkSchemas.dataType(LakeType.bigint())).isEqualTo(DataTypes.LongType);
    assertThat(SparkSchemas.dataType(LakeType.float64())).isEqualTo(DataTypes.DoubleType);
    assertThat(SparkSchemas.dataType(LakeType.date())).isEqualTo(DataTypes.DateType);
    assertThat(SparkSchemas.dataType(LakeType.timestamp())).isEqualTo(DataTypes.TimestampType);
    assertThat(SparkSchemas.dataType(LakeType.binary())).isEqualTo(DataTypes.BinaryType);
    assertThat(SparkSchemas.dataType(LakeType.decimal(38, 0)))
        .isEqualTo(DataTypes.createDecimalType(38, 0));
    assertThat(SparkSchemas.dataType(LakeType.mapOf(LakeType.string(), LakeType.bigint())))
        .isEqualTo(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true));
  }

  @Test
  void commentsAndNullabilityTravelAsFieldMetadata() {
    StructType struct =
        SparkSchemas.structType(
            java.util.List.of(
                Column.required("a", LakeType.string(), "First."),
                Column.optional("b", LakeType.arrayOf(LakeType.integer()), "Second.")));
    assertThat(struct.apply("a").nullable()).isFalse();
    assertThat(struct.apply("a").getComment().get()).isEqualTo("First.");
    assertThat(struct.apply("b").nullable()).isTrue();
    assertThat(struct.apply("b").dataType())
        .isEqualTo(DataTypes.createArrayType(DataTypes.IntegerType, true));
  }

  private static Column withoutAdditive(Column column) {
    return new Column(column.name(), column.type(), column.nullable(), column.comment(), false);
  }

  @Test
  void everyDeclaredTableAndPayloadRoundTrips() {
    for (TableDeclaration table : LakeCatalog.tables()) {
      StructType struct = SparkSchemas.structType(table);
      // The additive flag is documentation for readers of gold, not part of the Delta schema.
      assertThat(SparkSchemas.columns(struct))
          .as(table.qualifiedName())
          .isEqualTo(table.columns().stream().map(SparkSchemasTest::withoutAdditive).toList());
    }
    EventContracts.payloads()
        .forEach(
            (family, payload) ->
                assertThat(SparkSchemas.lakeType(SparkSchemas.dataType(payload)))
                    .as(family.wireName())
                    .isEqualTo(payload));
  }
}
