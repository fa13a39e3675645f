package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrinoSessionTest {

  @Test
  void doublesArePlainShortestDecimals() {
    assertThat(TrinoSession.plain(85.0)).isEqualTo("85.0");
    assertThat(TrinoSession.plain(0.5)).isEqualTo("0.5");
    assertThat(TrinoSession.plain(1e-5)).isEqualTo("0.00001");
    assertThat(TrinoSession.plain(4.591997320238404e12)).isEqualTo("4591997320238.404");
    assertThat(TrinoSession.plain(1e21)).isEqualTo("1000000000000000000000.0");
    assertThat(TrinoSession.plain(-0.25)).isEqualTo("-0.25");
    assertThat(TrinoSession.plain(Double.NaN)).isEqualTo("NaN");
  }
}
