package io.naaplake.jobs.export;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * How one value of a declared type is written into an export CSV. The rendering depends only on the
 * value and its declared type (never on the locale, the time zone or the Java version), so the same
 * rows always give the same bytes:
 *
 * <ul>
 *   <li>null: an empty field; the empty string: {@code ""} (quoted, so the two differ);
 *   <li>strings as they are; booleans {@code true}/{@code false}; integers in decimal;
 *   <li>decimals (wei and other exact amounts) in plain notation without exponent and without
 *       trailing fractional zeros ({@code 16800000007200}, {@code 1635.021}), as the API serves
 *       them;
 *   <li>doubles as the shortest decimal that reads back as the same double, in plain notation with
 *       at least one fractional digit ({@code 85.0}, {@code 0.00001}, {@code 1.0E-5} never); {@code
 *       NaN}, {@code Infinity}, {@code -Infinity} spelled out;
 *   <li>dates {@code 2026-01-08}; timestamps UTC ISO-8601 as {@link Instant#toString} ({@code
 *       2026-01-08T21:00:00Z}, fractional seconds only when not zero);
 *   <li>binary as base64; arrays, maps and structs as JSON (map keys sorted, struct fields in
 *       declared order, decimals, dates and timestamps as JSON strings).
 * </ul>
 *
 * A field is quoted (RFC 4180, quotes doubled) when it contains a comma, a quote, CR or LF, or is
 * the empty string.
 */
final class CsvValues {

  /** The CSV field for {@code value}, quoted when it has to be. */
  static String field(Object value, LakeType type) {
    if (value == null) {
      return "";
    }
    String text = text(value, type);
    return needsQuotes(text) ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** One CSV record: the fields of {@code row} in column order, with its CRLF terminator. */
  static String record(Row row, List<Column> columns) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(row.get(i), columns.get(i).type()));
    }
    return line.append("\r\n").toString();
  }

  /** The header record: the declared column names. */
  static String header(List<Column> columns) {
    List<String> names = columns.stream().map(c -> field(c.name(), LakeType.string())).toList();
    return String.join(",", names) + "\r\n";
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** The unquoted text of a non-null value. */
  static String text(Object value, LakeType type) {
    if (type instanceof LakeType.Primitive primitive) {
      return switch (primitive.kind()) {
        case DOUBLE -> plainDouble(((Number) value).doubleValue());
        case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
        default -> scalar(value, primitive.kind());
      };
    }
    if (type instanceof LakeType.Decimal) {
      return plainDecimal((BigDecimal) value);
    }
    return json(value, type);
  }

  private static String scalar(Object value, LakeType.Kind kind) {
    return switch (kind) {
      case DATE -> date(value).toString();
      case TIMESTAMP -> instant(value).toString();
      default -> value.toString();
    };
  }

  /** A value as JSON: the rendering of arrays, maps and structs. */
  static String json(Object value, LakeType type) {
    if (value == null) {
      return "null";
    }
    if (type instanceof LakeType.Array array) {
      List<String> elements = new ArrayList<>();
      for (Object element : SparkValues.list(value)) {
        elements.add(json(element, array.element()));
      }
      return "[" + String.join(",", elements) + "]";
    }
    if (type instanceof LakeType.MapOf map) {
      Map<String, String> entries = new TreeMap<>();
      SparkValues.map(value)
          .forEach((k, v) -> entries.put(text(k, map.key()), json(v, map.value())));
      List<String> members = new ArrayList<>();
      entries.forEach((k, v) -> members.add(JsonText.quote(k) + ":" + v));
      return "{" + String.join(",", members) + "}";
    }
    if (type instanceof LakeType.Struct struct) {
      Row row = (Row) value;
      List<String> members = new ArrayList<>();
      for (int i = 0; i < struct.fields().size(); i++) {
        Column field = struct.fields().get(i);
        members.add(JsonText.quote(field.name()) + ":" + json(row.get(i), field.type()));
      }
      return "{" + String.join(",", members) + "}";
    }
    if (type instanceof LakeType.Primitive primitive) {
      switch (primitive.kind()) {
        case BOOLEAN, INT, BIGINT:
          return value.toString();
        case DOUBLE:
          double d = ((Number) value).doubleValue();
          return Double.isFinite(d) ? plainDouble(d) : JsonText.quote(plainDouble(d));
        default:
          break;
      }
    }
    return JsonText.quote(text(value, type));
  }

  /**
   * The shortest decimal that parses back to {@code d}, in plain notation. Computed from the
   * double's exact binary value, rounded half-even to 1, 2, ... 17 significant digits until it
   * reads back; 17 always does. Independent of {@link Double#toString}, whose digits differ between
   * Java versions.
   */
  static String plainDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(rounded.toString()) == d) {
        shortest = rounded;
        break;
      }
    }
    String plain = shortest.stripTrailingZeros().toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  /**
   * Plain notation, trailing fractional zeros removed: {@code 16800000007200.0000000000} reads
   * {@code 16800000007200}.
   */
  static String plainDecimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate local) {
      return local;
    }
    return ((java.sql.Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    return ((java.sql.Timestamp) value).toInstant();
  }

  private CsvValues() {}
}
