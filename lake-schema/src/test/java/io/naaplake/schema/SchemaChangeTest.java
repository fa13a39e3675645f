package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaChangeTest {

  private static final Column ID = Column.required("id", string(), "Id.");
  private static final Column COUNT = Column.measure("count", bigint(), "Count.");
  private static final Column NOTE = Column.optional("note", string(), "Note.");

  private static TableDeclaration declared(Column... columns) {
    TableDeclaration.Builder builder =
        TableDeclaration.builder(Layer.SILVER, "things").comment("Things.");
    for (Column column : columns) {
      builder.column(column);
    }
    return builder.build();
  }

  @Test
  void sameColumnsNeedNothing() {
    SchemaChange change = SchemaChange.diff(declared(ID, COUNT, NOTE), List.of(ID, COUNT, NOTE));
    assertThat(change.isEmpty()).isTrue();
    assertThat(change.isCompatible()).isTrue();
  }

  @Test
  void orderAndCommentsDoNotMatter() {
    List<Column> existing =
        List.of(
            NOTE,
            Column.required("id", string(), "id"),
            new Column("count", bigint(), false, "count", false));
    assertThat(SchemaChange.diff(declared(ID, COUNT, NOTE), existing).isEmpty()).isTrue();
  }

  @Test
  void newOptionalColumnsAreAddedInPlace() {
    SchemaChange change = SchemaChange.diff(declared(ID, NOTE, COUNT), List.of(ID, COUNT));
    assertThat(change.columnsToAdd()).containsExactly(NOTE);
    assertThat(change.incompatibleChanges()).isEmpty();
    assertThat(change.isCompatible()).isTrue();
  }

  @Test
  void newRequiredColumnsAreIncompatible() {
    SchemaChange change = SchemaChange.diff(declared(ID, COUNT), List.of(ID));
    assertThat(change.columnsToAdd()).isEmpty();
    assertThat(change.incompatibleChanges())
        .singleElement(STRING)
        .contains("added column count is required");
  }

  @Test
  void removedOrRenamedColumnsAreIncompatible() {
    SchemaChange change = SchemaChange.diff(declared(ID), List.of(ID, NOTE));
    assertThat(change.incompatibleChanges())
        .containsExactly(
            "column note string exists in the table but is no longer declared (removed or"
                + " renamed)");
    assertThat(change.isCompatible()).isFalse();
  }

  @Test
  void typeChangesAreIncompatibleEvenWidening() {
    SchemaChange change =
        SchemaChange.diff(
            declared(ID, COUNT), List.of(ID, Column.measure("count", integer(), "C.")));
    assertThat(change.incompatibleChanges())
        .containsExactly("column count changes type from int to bigint");
  }

  @Test
  void nestedFieldChangesAreTypeChanges() {
    Column oldGpu =
        Column.optional("gpu", struct(Column.optional("name", string(), "Name.")), "GPU.");
    Column newGpu =
        Column.optional(
            "gpu",
            struct(
                Column.optional("name", string(), "Name."),
                Column.optional("memory", bigint(), "Bytes.")),
            "GPU.");
    assertThat(SchemaChange.diff(declared(ID, newGpu), List.of(ID, oldGpu)).incompatibleChanges())
        .containsExactly(
            "column gpu changes type from struct<name:string> to"
                + " struct<name:string,memory:bigint>");
  }

  @Test
  void nullableColumnsDeclaredRequiredAreIncompatible() {
    SchemaChange change =
        SchemaChange.diff(
            declared(ID, Column.required("note", string(), "Note.")), List.of(ID, NOTE));
    assertThat(change.incompatibleChanges())
        .containsExactly(
            "column note is optional in the table but declared required; existing rows may hold"
                + " null");
  }

  @Test
  void requiredColumnsDeclaredOptionalAreRelaxedInPlace() {
    SchemaChange change =
        SchemaChange.diff(
            declared(ID, NOTE), List.of(ID, Column.required("note", string(), "Note.")));
    assertThat(change.columnsToRelax()).containsExactly("note");
    assertThat(change.isCompatible()).isTrue();
    assertThat(change.isEmpty()).isFalse();
  }

  @Test
  void everyProblemIsReported() {
    SchemaChange change =
        SchemaChange.diff(
            declared(Column.required("id", bigint(), "Id."), NOTE),
            List.of(Column.optional("id", string(), "Id."), COUNT));
    assertThat(change.columnsToAdd()).containsExactly(NOTE);
    assertThat(change.incompatibleChanges()).hasSize(3);
  }
}
