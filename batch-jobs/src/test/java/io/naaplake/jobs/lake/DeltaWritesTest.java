package io.naaplake.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity replacement: the table ends up holding exactly the recomputed rows of each entity. */
class DeltaWritesTest {
  private static final TableDeclaration HOURS =
      TableDeclaration.builder(Layer.SILVER, "hours")
          .comment("One row per (session, hour).")
          .required("session", LakeType.string(), "Entity.")
          .required("hour", LakeType.integer(), "Row within the entity.")
          .optional("samples", LakeType.bigint(), "A value.")
          .optional("surface", LakeType.string(), "A nullable value.")
          .keyedBy("session", "hour")
          .build();
  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = LocalSpark.get();
  }

  @Test
  void replacesUpdatesInsertsAndDeletesOnlyTheRecomputedEntities(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    tables.ensure(HOURS);
    String path = tables.path(HOURS);
    DeltaWrites.append(
        rows(row("a", 1, 5L, null), row("a", 2, 7L, "x"), row("b", 1, 3L, null)), path);

    // Session a is recomputed: hour 1 changed, hour 2 vanished, hour 3 is new. b is untouched.
    Dataset<Row> recomputed = rows(row("a", 1, 6L, null), row("a", 3, 1L, "y"));
    DeltaWrites.replaceEntities(
        recomputed,
        recomputed.select("session"),
        path,
        List.of("session"),
        List.of("session", "hour"));

    assertThat(contents(path)).containsExactly("a|1|6|null", "a|3|1|y", "b|1|3|null");
  }

  @Test
  void anEntityRecomputedToNothingLosesItsRows(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    tables.ensure(HOURS);
    String path = tables.path(HOURS);
    DeltaWrites.append(rows(row("a", 1, 5L, null), row("b", 1, 3L, null)), path);

    DeltaWrites.replaceEntities(
        rows(),
        rows(row("a", 0, 0L, null)).select("session"),
        path,
        List.of("session"),
        List.of("session", "hour"));

    assertThat(contents(path)).containsExactly("b|1|3|null");
  }

  @Test
  void replayingTheSameRecomputationRewritesNothing(@TempDir Path lake) {
    LakeTables tables = new LakeTables(spark, LocalSpark.lakeAt(lake));
    tables.ensure(HOURS);
    String path = tables.path(HOURS);
    Dataset<Row> recomputed = rows(row("a", 1, 6L, null), row("a", 3, 1L, "y"));
    DeltaWrites.upsert(recomputed, path, List.of("session", "hour"));
    long version = tables.version(HOURS);

    DeltaWrites.upsert(recomputed, path, List.of("session", "hour"));

    // Delta still commits the MERGE, but it rewrites no file: no rows updated, inserted or deleted.
    Row metrics =
        spark
            .sql("DESCRIBE HISTORY delta.`" + path + "`")
            .where("version = " + (version + 1))
            .select("operationMetrics")
            .first();
    java.util.Map<String, String> operation = metrics.getJavaMap(0);
    assertThat(operation.get("numTargetRowsUpdated")).isEqualTo("0");
    assertThat(operation.get("numTargetRowsInserted")).isEqualTo("0");
    assertThat(operation.get("numTargetRowsDeleted")).isEqualTo("0");
    assertThat(contents(path)).containsExactly("a|1|6|null", "a|3|1|y");
  }

  private static Row row(String session, int hour, long samples, String surface) {
    return RowFactory.create(session, hour, samples, surface);
  }

  private static Dataset<Row> rows(Row... rows) {
    return spark.createDataFrame(List.of(rows), SparkSchemas.structType(HOURS));
  }

  private static List<String> contents(String path) {
    return spark
        .read()
        .format("delta")
        .load(path)
        .orderBy("session", "hour")
        .collectAsList()
        .stream()
        .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3))
        .collect(Collectors.toList());
  }
}
