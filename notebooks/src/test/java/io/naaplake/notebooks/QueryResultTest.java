package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {
  private final QueryResult twoOfThree =
      new QueryResult(
          List.of("org", "sla_score"),
          List.of(List.of("cloudspe", "85.0"), Arrays.asList("a<b&c", null)),
          3);

  @Test
  void plainTextIsABorderedTableWithTheRowNote() {
    assertThat(twoOfThree.plainText())
        .isEqualTo(
            """
            +----------+-----------+
            | org      | sla_score |
            +----------+-----------+
            | cloudspe | 85.0      |
            | a<b&c    | NULL      |
            +----------+-----------+
            first 2 of 3 rows""");
  }

  @Test
  void htmlEscapesValuesAndShowsNull() {
    assertThat(twoOfThree.html())
        .isEqualTo(
            """
            <table>
            <thead>
            <tr><th>org</th><th>sla_score</th></tr>
            </thead>
            <tbody>
            <tr><td>cloudspe</td><td>85.0</td></tr>
            <tr><td>a&lt;b&amp;c</td><td>NULL</td></tr>
            </tbody>
            </table>
            <p>first 2 of 3 rows</p>""");
  }

  @Test
  void rowNotesCountEveryRowWhenAllAreKept() {
    assertThat(new QueryResult(List.of("x"), List.of(), 0).rowNote()).isEqualTo("0 rows");
    assertThat(new QueryResult(List.of("x"), List.of(List.of("1")), 1).rowNote())
        .isEqualTo("1 row");
    assertThat(new QueryResult(List.of("x"), List.of(), 0).plainText())
        .isEqualTo("+---+\n| x |\n+---+\n0 rows");
  }

  @Test
  void valuesAreFoundByColumnName() {
    assertThat(twoOfThree.value(0, "sla_score")).isEqualTo("85.0");
    assertThat(twoOfThree.value(1, "sla_score")).isNull();
    assertThatThrownBy(() -> twoOfThree.value(0, "score")).hasMessageContaining("no column score");
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    assertThatThrownBy(() -> new QueryResult(List.of("a", "b"), List.of(List.of("1")), 1))
        .hasMessageContaining("1 values for 2 columns");
  }
}
