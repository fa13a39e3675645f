package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableDeclarationTest {

  private static TableDeclaration.Builder valid() {
    return TableDeclaration.builder(Layer.SILVER, "payments")
        .comment("One row per payment.")
        .required("event_id", string(), "Envelope id.")
        .required("event_date", date(), "Day. Partition.")
        .measure("num_tickets", bigint(), "Tickets.")
        .partitionedBy("event_date")
        .keyedBy("event_id");
  }

  @Test
  void validDeclarationKnowsItsNamesAndColumns() {
    TableDeclaration table = valid().build();
    assertThat(table.qualifiedName()).isEqualTo("silver.payments");
    assertThat(table.relativePath()).isEqualTo("silver/payments");
    assertThat(table.column("num_tickets")).get().extracting(Column::additive).isEqualTo(true);
    assertThat(table.column("missing")).isEmpty();
    assertThat(table.published()).isFalse();
    assertThat(valid().published().build().published()).isTrue();
  }

  @Test
  void collectionsAreImmutableCopies() {
    TableDeclaration table = valid().property("delta.checkpointInterval", "10").build();
    assertThatThrownBy(() -> table.columns().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> table.keyColumns().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> table.properties().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void tableNamesMustBeLowerSnakeCase() {
    for (String bad : new String[] {"Payments", "raw-events", "1table", "", "raw events"}) {
      assertThatThrownBy(() -> TableDeclaration.builder(Layer.BRONZE, bad).comment("C.").build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lower snake case");
    }
  }

  @Test
  void columnNamesMustBeLowerSnakeCaseAndCommented() {
    assertThatThrownBy(() -> Column.required("eventId", string(), "Id."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower snake case");
    assertThatThrownBy(() -> Column.required("event_id", string(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a comment");
  }

  @Test
  void duplicateColumnsAreRefused() {
    assertThatThrownBy(() -> valid().optional("event_id", string(), "Again.").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payments: duplicate column event_id");
  }

  @Test
  void unknownPartitionColumnsAreRefused() {
    assertThatThrownBy(() -> valid().partitionedBy("event_day").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payments: unknown partition column event_day");
  }

  @Test
  void unknownKeyColumnsAreRefused() {
    assertThatThrownBy(() -> valid().keyedBy("event_id", "org").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payments: unknown key column org");
  }

  @Test
  void typeWideningIsRefusedBecauseTrinoHidesWidenedColumns() {
    for (String property :
        new String[] {"delta.enableTypeWidening", "delta.feature.typeWidening"}) {
      assertThatThrownBy(() -> valid().property(property, "true").build())
          .as(property)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("payments: property " + property + " is not readable by Trino 476");
    }
  }

  @Test
  void otherPropertiesAreKept() {
    assertThat(valid().property("delta.enableDeletionVectors", "true").build().properties())
        .containsEntry("delta.enableDeletionVectors", "true");
  }
}
