package io.naaplake.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HumanNumbersTest {

  @Test
  void atMostThreeDecimalsWithoutTrailingZeros() {
    assertThat(HumanNumbers.format(399.4449999)).isEqualTo("399.445");
    assertThat(HumanNumbers.format(11284.390000104904)).isEqualTo("11284.39");
    assertThat(HumanNumbers.format(0.25)).isEqualTo("0.25");
    assertThat(HumanNumbers.format(0.5)).isEqualTo("0.5");
    assertThat(HumanNumbers.format(1.0005)).isEqualTo("1.001");
    assertThat(HumanNumbers.format(2.9999999)).isEqualTo("3");
    assertThat(HumanNumbers.format(-184.3912)).isEqualTo("-184.391");
  }

  @Test
  void integersPrintWithoutAFraction() {
    assertThat(HumanNumbers.format(12)).isEqualTo("12");
    assertThat(HumanNumbers.format(0)).isEqualTo("0");
    assertThat(HumanNumbers.format(-0.0)).isEqualTo("0");
    assertThat(HumanNumbers.format(86_400)).isEqualTo("86400");
    assertThat(HumanNumbers.format(1_700_000_000)).isEqualTo("1700000000");
  }

  @Test
  void smallValuesKeepThreeSignificantDigitsInPlainNotation() {
    assertThat(HumanNumbers.format(0.0123456)).isEqualTo("0.0123");
    assertThat(HumanNumbers.format(0.0004)).isEqualTo("0.0004");
    assertThat(HumanNumbers.format(0.00001234)).isEqualTo("0.0000123");
    assertThat(HumanNumbers.format(0.9999999)).isEqualTo("1");
  }

  @Test
  void extremesAndNonNumbers() {
    assertThat(HumanNumbers.format(1.23456e20)).isEqualTo("1.23E+20");
    assertThat(HumanNumbers.format(1.5e-9)).isEqualTo("1.5E-9");
    assertThat(HumanNumbers.format(Double.NaN)).isEqualTo("NaN");
    assertThat(HumanNumbers.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
  }

  @Test
  void theDefaultLocaleDoesNotMatter() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(HumanNumbers.format(399.4449999)).isEqualTo("399.445");
    } finally {
      Locale.setDefault(before);
    }
  }
}
