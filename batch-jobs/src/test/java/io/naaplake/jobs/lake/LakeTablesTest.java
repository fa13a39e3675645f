package io.naaplake.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.NaapException;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTablesTest {
  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = LocalSpark.get();
  }

  private static TableDeclaration.Builder widgets() {
    return TableDeclaration.builder(Layer.OPS, "widgets")
        .comment("One row per widget.")
        .required("id", LakeType.bigint(), "Widget id.")
        .optional("name", LakeType.string(), "Widget name.")
        .keyedBy("id");
  }

  @Test
  void createsTheDeclaredTableWithComments(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    TableDeclaration table = widgets().build();
    assertThat(tables.ensure(table)).isZero();
    var schema = spark.read().format("delta").load(tables.path(table)).schema();
    assertThat(schema).isEqualTo(SparkSchemas.structType(table));
    assertThat(schema.apply("name").getComment().get()).isEqualTo("Widget name.");
  }

  @Test
  void addedOptionalColumnMigratesInPlaceKeepingRows(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    TableDeclaration v1 = widgets().build();
    tables.ensure(v1);
    DeltaWrites.append(
        spark.createDataFrame(List.of(RowFactory.create(1L, "a")), SparkSchemas.structType(v1)),
        tables.path(v1));

    TableDeclaration v2 = widgets().optional("colour", LakeType.string(), "Colour.").build();
    tables.ensure(v2);

    List<Row> rows = spark.read().format("delta").load(tables.path(v2)).collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly("[1,a,null]");
    assertThat(tables.ensure(v2)).as("no second migration").isEqualTo(tables.version(v2));
  }

  @Test
  void foreignFilesAtATableLocationAreBadDataAndLeftAlone(@TempDir Path lake) throws Exception {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    TableDeclaration table = widgets().build();
    Path location = Path.of(tables.path(table));
    java.nio.file.Files.createDirectories(location);
    java.nio.file.Files.writeString(location.resolve("widgets.csv"), "id,name\n1,a\n");

    assertThatThrownBy(() -> tables.ensure(table))
        .isInstanceOfSatisfying(
            NaapException.class,
            e -> {
              assertThat(e.category()).isEqualTo(io.naaplake.errors.ErrorCategory.BAD_DATA);
              assertThat(e.code()).isEqualTo("NOT_A_DELTA_TABLE");
            })
        .hasMessageContaining("widgets.csv");
    assertThat(location.resolve("widgets.csv")).exists();
    assertThat(location.resolve("_delta_log")).doesNotExist();

    // An empty location is created as before.
    java.nio.file.Files.delete(location.resolve("widgets.csv"));
    assertThat(tables.ensure(table)).isZero();
  }

  @Test
  void retypedOrRemovedColumnIsRefused(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    tables.ensure(widgets().build());
    TableDeclaration retyped =
        TableDeclaration.builder(Layer.OPS, "widgets")
            .comment("One row per widget.")
            .required("id", LakeType.string(), "Widget id.")
            .optional("name", LakeType.string(), "Widget name.")
            .build();
    assertThatThrownBy(() -> tables.ensure(retyped))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("ops.widgets")
        .hasMessageContaining("id");
    TableDeclaration removed =
        TableDeclaration.builder(Layer.OPS, "widgets")
            .comment("One row per widget.")
            .required("id", LakeType.bigint(), "Widget id.")
            .build();
    assertThatThrownBy(() -> tables.ensure(removed)).hasMessageContaining("name");
  }

  @Test
  void replayedTransactionVersionWritesNothing(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    TableDeclaration table = widgets().build();
    tables.ensure(table);
    var batch =
        spark.createDataFrame(List.of(RowFactory.create(1L, "a")), SparkSchemas.structType(table));
    DeltaWrites.appendOnce(batch, tables.path(table), "test-app", 5);
    long version = tables.version(table);

    DeltaWrites.appendOnce(batch, tables.path(table), "test-app", 5);
    DeltaWrites.appendOnce(batch, tables.path(table), "test-app", 4);

    assertThat(tables.version(table)).isEqualTo(version);
    assertThat(spark.read().format("delta").load(tables.path(table)).count()).isEqualTo(1);
    DeltaWrites.appendOnce(batch, tables.path(table), "test-app", 6);
    assertThat(spark.read().format("delta").load(tables.path(table)).count()).isEqualTo(2);
  }
}
