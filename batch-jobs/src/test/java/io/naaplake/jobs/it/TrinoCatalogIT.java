package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.trino.TrinoTypes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Trino reads every table Spark writes, with the declared columns, types and comments. */
class TrinoCatalogIT {

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  static Stream<Named<TableDeclaration>> tables() {
    return LakeCatalog.tables().stream().map(t -> Named.of(t.qualifiedName(), t));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void trinoShowsTheDeclaredColumns(TableDeclaration table) throws Exception {
    List<List<Object>> columns =
        TrinoClient.query(
            TrinoClient.READER_USER,
            "SELECT column_name, data_type FROM delta.information_schema.columns"
                + " WHERE table_schema = '"
                + table.layer().schemaName()
                + "' AND table_name = '"
                + table.name()
                + "' ORDER BY ordinal_position");
    List<List<Object>> declared =
        table.columns().stream()
            .map(c -> List.<Object>of(c.name(), TrinoTypes.display(c.type())))
            .toList();
    assertThat(columns).isEqualTo(declared);
  }

  @ParameterizedTest
  @MethodSource("tables")
  void trinoShowsTheDeclaredComments(TableDeclaration table) throws Exception {
    Column first = table.columns().get(0);
    List<List<Object>> described =
        TrinoClient.query(
            TrinoClient.READER_USER,
            "SELECT comment FROM delta.information_schema.columns WHERE table_schema = '"
                + table.layer().schemaName()
                + "' AND table_name = '"
                + table.name()
                + "' AND column_name = '"
                + first.name()
                + "'");
    assertThat(described).containsExactly(List.of(first.comment()));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void trinoCountsWhatSparkWrote(TableDeclaration table) throws Exception {
    long spark =
        SharedSpark.get()
            .read()
            .format("delta")
            .load(new LakeTables(SharedSpark.get(), FixtureLake.get().jobsConfig()).path(table))
            .count();
    long trino = TrinoClient.count("SELECT count(*) FROM delta." + table.qualifiedName());
    assertThat(trino).isEqualTo(spark);
  }
}
