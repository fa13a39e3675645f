package io.naaplake.jobs.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.jobs.silver.PayloadProblem.Reason;
import io.naaplake.schema.LakeType;
import io.naaplake.wire.WireTimestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads one scalar wire value as its declared type, accepting the forms producers really send:
 * numbers as strings, units inside the text ({@code "2402400000000000 WEI"}, {@code "1635.021
 * wei/pixel"}), decimal ETH where wei is declared, epoch ms / seconds / ISO for instants. Empty
 * strings and JSON null read as absent (null).
 */
final class ScalarReader {
  private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

  static Object read(JsonNode node, LakeType.Primitive type, String path)
      throws WireValueException {
    if (isAbsent(node)) {
      return null;
    }
    return switch (type.kind()) {
      case STRING -> node.isContainerNode() ? node.toString() : node.asText();
      case BOOLEAN -> bool(node, path);
      case INT -> integral(node, path, true);
      case BIGINT -> integral(node, path, false);
      case DOUBLE -> number(node, path).doubleValue();
      case TIMESTAMP -> instant(node, path);
      case DATE, BINARY -> throw problem(path, Reason.WRONG_SHAPE, "no wire form for " + type);
    };
  }

  static BigDecimal decimal(JsonNode node, LakeType.Decimal type, String path)
      throws WireValueException {
    if (isAbsent(node)) {
      return null;
    }
    if (node.isContainerNode()) {
      throw problem(path, Reason.WRONG_SHAPE, node.toString());
    }
    String text = node.asText().trim();
    String unit = "";
    int space = text.indexOf(' ');
    if (space > 0) {
      unit = text.substring(space + 1).trim().toLowerCase(Locale.ROOT);
      text = text.substring(0, space);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText());
    }
    if (type.scale() == 0 && unit.isEmpty() && value.scale() > 0) {
      // A wei amount written with a decimal point is ETH (the producer doc's faceValue form).
      value = value.multiply(WEI_PER_ETH);
    }
    try {
      BigDecimal exact = value.setScale(type.scale());
      if (exact.precision() - exact.scale() > type.precision() - type.scale()) {
        throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText() + " exceeds " + type);
      }
      return exact;
    } catch (ArithmeticException e) {
      throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText() + " is not exact at " + type);
    }
  }

  /** Null, missing and empty-string values mean "not sent". */
  static boolean isAbsent(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isTextual() && node.asText().isBlank());
  }

  private static Boolean bool(JsonNode node, String path) throws WireValueException {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText());
  }

  private static Object integral(JsonNode node, String path, boolean toInt)
      throws WireValueException {
    BigDecimal number = number(node, path);
    try {
      BigInteger exact = number.toBigIntegerExact();
      return toInt ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
    } catch (ArithmeticException e) {
      throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText());
    }
  }

  private static BigDecimal number(JsonNode node, String path) throws WireValueException {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().trim());
      } catch (NumberFormatException e) {
        throw problem(path, Reason.UNPARSEABLE_VALUE, node.asText());
      }
    }
    throw problem(path, Reason.UNPARSEABLE_VALUE, node.toString());
  }

  /** Zero means "never" on the wire (e.g. last_error_time 0); anything else must be an instant. */
  private static Instant instant(JsonNode node, String path) throws WireValueException {
    if (node.isContainerNode()) {
      throw problem(path, Reason.WRONG_SHAPE, node.toString());
    }
    // Numbers as plain digits: asText() would print 1.767908945607E9 for float seconds.
    String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText().trim();
    if (isZero(text)) {
      return null;
    }
    return WireTimestamps.parse(text)
        .orElseThrow(() -> problem(path, Reason.UNPARSEABLE_VALUE, text));
  }

  private static boolean isZero(String text) {
    try {
      return new BigDecimal(text).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static WireValueException problem(String path, Reason reason, String detail) {
    return new WireValueException(new PayloadProblem(path, reason, detail));
  }

  private ScalarReader() {}
}
