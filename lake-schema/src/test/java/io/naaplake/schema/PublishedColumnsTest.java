package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PublishedColumnsTest {

  /** The real contract: the declarations honour the committed snapshot, and it is complete. */
  @Test
  void lakeCatalogHonoursTheCommittedSnapshot() {
    List<PublishedColumn> snapshot = PublishedColumns.snapshot();
    assertThat(PublishedColumns.violations(LakeCatalog.tables(), snapshot))
        .as(
            "published columns may be added, never removed, renamed or retyped; a deliberate"
                + " break needs the line edited in lake-schema/src/main/resources/"
                + "published-columns.tsv in the same change")
        .isEmpty();
    List<PublishedColumn> additions = PublishedColumns.additions(LakeCatalog.tables(), snapshot);
    assertThat(additions)
        .as(
            "new published columns are fine; record them by appending these lines to"
                + " lake-schema/src/main/resources/published-columns.tsv:%n%s",
            additions.stream().map(PublishedColumn::tsvLine).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void snapshotOfDeclarationsListsOnlyPublishedTables() {
    assertThat(PublishedColumns.of(List.of(facts(UnaryOperator.identity()), unpublished())))
        .containsExactly(
            new PublishedColumn("gold.facts", "day", "date"),
            new PublishedColumn("gold.facts", "orchestrator", "varchar"),
            new PublishedColumn("gold.facts", "sessions", "bigint"));
  }

  @Test
  void unchangedDeclarationsHaveNoViolations() {
    assertThat(PublishedColumns.violations(List.of(facts(UnaryOperator.identity())), snapshot()))
        .isEmpty();
  }

  @Test
  void removingAPublishedColumnIsAViolation() {
    TableDeclaration withoutSessions =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .required("orchestrator", string(), "Orchestrator.")
            .keyedBy("day", "orchestrator")
            .published()
            .build();
    assertThat(PublishedColumns.violations(List.of(withoutSessions), snapshot()))
        .containsExactly(
            "gold.facts.sessions (bigint) was removed or renamed; published columns may be added,"
                + " never removed or renamed");
  }

  @Test
  void renamingAPublishedColumnIsAViolation() {
    TableDeclaration renamed =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .required("orch_address", string(), "Orchestrator.")
            .measure("sessions", bigint(), "Sessions.")
            .keyedBy("day", "orch_address")
            .published()
            .build();
    assertThat(PublishedColumns.violations(List.of(renamed), snapshot()))
        .singleElement()
        .asString()
        .startsWith("gold.facts.orchestrator (varchar) was removed or renamed");
  }

  @Test
  void retypingAPublishedColumnIsAViolation() {
    TableDeclaration retyped =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .required("orchestrator", string(), "Orchestrator.")
            .measure("sessions", LakeType.decimal(38, 0), "Sessions.")
            .keyedBy("day", "orchestrator")
            .published()
            .build();
    assertThat(PublishedColumns.violations(List.of(retyped), snapshot()))
        .containsExactly(
            "gold.facts.sessions changed type from bigint to decimal(38,0); published columns are"
                + " never retyped (add a new column instead)");
  }

  @Test
  void addingAPublishedColumnIsNoViolationButAnAddition() {
    TableDeclaration extended =
        facts(builder -> builder.optional("gpu_model", string(), "GPU model."));
    assertThat(PublishedColumns.violations(List.of(extended), snapshot())).isEmpty();
    assertThat(PublishedColumns.additions(List.of(extended), snapshot()))
        .extracting(PublishedColumn::tsvLine)
        .containsExactly("gold.facts\tgpu_model\tvarchar");
  }

  @Test
  void droppingOrUnpublishingATableIsOneViolation() {
    assertThat(PublishedColumns.violations(List.of(), snapshot()))
        .containsExactly(
            "gold.facts is no longer declared, but outside users depend on its published"
                + " columns");
    TableDeclaration unpublishedFacts =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .keyedBy("day")
            .build();
    assertThat(PublishedColumns.violations(List.of(unpublishedFacts), snapshot()))
        .containsExactly(
            "gold.facts is no longer published, but outside users depend on its published"
                + " columns");
  }

  @Test
  void parsesTheHeaderAndTabSeparatedLines() {
    assertThat(PublishedColumns.parse(PublishedColumns.HEADER + "\n")).isEmpty();
    assertThat(
            PublishedColumns.parse(
                PublishedColumns.HEADER
                    + "\ngold.facts\tday\tdate\n\ngold.facts\tseen\ttimestamp(3) with time zone\n"))
        .containsExactly(
            new PublishedColumn("gold.facts", "day", "date"),
            new PublishedColumn("gold.facts", "seen", "timestamp(3) with time zone"));
  }

  @Test
  void refusesMalformedSnapshots() {
    assertThatThrownBy(() -> PublishedColumns.parse("gold.facts\tday\tdate\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with");
    assertThatThrownBy(() -> PublishedColumns.parse(PublishedColumns.HEADER + "\ngold.facts day"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  private static List<PublishedColumn> snapshot() {
    return PublishedColumns.of(List.of(facts(UnaryOperator.identity())));
  }

  private static TableDeclaration facts(UnaryOperator<TableDeclaration.Builder> extra) {
    TableDeclaration.Builder builder =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("One row per day and orchestrator.")
            .required("day", date(), "Day.")
            .required("orchestrator", string(), "Orchestrator.")
            .measure("sessions", bigint(), "Sessions.")
            .keyedBy("day", "orchestrator")
            .published();
    return extra.apply(builder).build();
  }

  private static TableDeclaration unpublished() {
    return TableDeclaration.builder(Layer.SILVER, "sessions")
        .comment("Sessions.")
        .required("session_key", string(), "Key.")
        .keyedBy("session_key")
        .build();
  }
}
