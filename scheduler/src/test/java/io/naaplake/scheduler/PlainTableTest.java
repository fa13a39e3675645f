package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainTableTest {

  @Test
  void columnsAreAlignedTwoSpacesApartWithoutTrailingBlanks() {
    String text = new PlainTable("A", "LONG HEADER", "C").row("wide cell", "x", "").render();
    assertThat(text).isEqualTo("A          LONG HEADER  C\n" + "wide cell  x\n");
  }

  @Test
  void rowsMustFitTheHeader() {
    assertThatThrownBy(() -> new PlainTable("A", "B").row("only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
