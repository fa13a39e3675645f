package io.naaplake.jobs.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;

/**
 * One value of a report table with its display format. Values are {@code null}, {@link String},
 * {@link Long}, {@link Double}, {@link BigDecimal}, {@link Boolean} or {@link Instant}; wei amounts
 * stay {@link BigDecimal} end to end so no digit is lost.
 */
public record Cell(Object value, Format format) {

  /** What renderers show for a null (no evidence; never 0). */
  public static final String NO_VALUE = "–";

  public Cell {
    if (value instanceof Integer i) {
      value = i.longValue();
    } else if (value instanceof Float f) {
      value = f.doubleValue();
    } else if (value instanceof java.sql.Timestamp t) {
      value = t.toInstant();
    }
  }

  public static Cell text(String value) {
    return new Cell(value, Format.TEXT);
  }

  public static Cell count(Long value) {
    return new Cell(value, Format.COUNT);
  }

  public static Cell wei(BigDecimal value) {
    return new Cell(value, Format.WEI);
  }

  public static Cell of(Object value, Format format) {
    return new Cell(value, format);
  }

  /**
   * The exact value for CSV: plain decimals (no exponent, trailing zeros dropped), ISO instants.
   */
  public String csv() {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return plain(decimal);
    }
    return value.toString();
  }

  /** The value as HTML and Markdown show it (before escaping). */
  public String display() {
    if (value == null) {
      return NO_VALUE;
    }
    switch (format) {
      case COUNT:
        return value instanceof Number n ? grouped(BigDecimal.valueOf(n.longValue())) : csv();
      case WEI:
        return value instanceof BigDecimal d ? grouped(d) : csv();
      case EXACT:
        return csv();
      case SCORE:
        return fixed(1);
      case PERCENT:
        return value instanceof Number n
            ? String.format(Locale.ROOT, "%.1f %%", n.doubleValue() * 100)
            : csv();
      case NUMBER:
        return fixed(2);
      case INSTANT:
      case TEXT:
      default:
        return csv();
    }
  }

  private String fixed(int decimals) {
    if (value instanceof Number n) {
      return String.format(Locale.ROOT, "%,." + decimals + "f", n.doubleValue());
    }
    return csv();
  }

  /** {@code 16800000007200.0000000000} as {@code 16800000007200}; {@code 0.50} as {@code 0.5}. */
  static String plain(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  /** Exact digits with a comma every three integer digits: {@code 16,800,000,007,200}. */
  static String grouped(BigDecimal decimal) {
    String plain = plain(decimal);
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    String integer = dot < 0 ? digits : digits.substring(0, dot);
    String fraction = dot < 0 ? "" : digits.substring(dot);
    DecimalFormat format =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return (negative ? "-" : "") + format.format(new BigInteger(integer)) + fraction;
  }
}
