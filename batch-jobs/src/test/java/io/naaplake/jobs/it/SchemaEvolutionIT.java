package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.jobs.trino.TrinoRegistrar;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Adding a column to a declaration migrates the Delta table and what Trino shows on the next run,
 * without re-registration. Uses a probe table in the fixture lake that no other test reads.
 */
class SchemaEvolutionIT {

  private static TableDeclaration.Builder probe() {
    return TableDeclaration.builder(Layer.OPS, "schema_evolution_probe")
        .comment("Test-only table proving additive migration.")
        .required("id", LakeType.bigint(), "Probe id.")
        .keyedBy("id");
  }

  @Test
  void addedColumnAppearsInTrinoWithItsComment() throws Exception {
    FixtureLake lake = FixtureLake.get();
    LakeTables tables = new LakeTables(SharedSpark.get(), lake.jobsConfig());
    TrinoRegistrar registrar = new TrinoRegistrar(lake.jobsConfig());
    TableDeclaration v1 = probe().build();
    tables.ensure(v1);
    SharedSpark.get()
        .createDataFrame(List.of(RowFactory.create(1L)), SparkSchemas.structType(v1))
        .write()
        .format("delta")
        .mode("append")
        .save(tables.path(v1));
    registrar.register(v1);

    TableDeclaration v2 = probe().optional("note", LakeType.string(), "Added in v2.").build();
    tables.ensure(v2);
    boolean reRegistered = registrar.register(v2);

    assertThat(reRegistered).as("an added column needs no re-registration").isFalse();
    assertThat(
            TrinoClient.query(
                TrinoClient.READER_USER,
                "SELECT column_name, data_type, comment FROM delta.information_schema.columns"
                    + " WHERE table_schema = 'ops' AND table_name = 'schema_evolution_probe'"
                    + " ORDER BY ordinal_position"))
        .containsExactly(
            List.of("id", "bigint", "Probe id."), List.of("note", "varchar", "Added in v2."));
    assertThat(
            TrinoClient.query(
                TrinoClient.READER_USER, "SELECT id, note FROM delta.ops.schema_evolution_probe"))
        .containsExactly(java.util.Arrays.asList(1L, null));
  }
}
