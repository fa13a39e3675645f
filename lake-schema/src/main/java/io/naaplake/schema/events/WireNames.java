package io.naaplake.schema.events;

import io.naaplake.schema.Column;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payload field names on the wire versus in the lake. Producers mix camelCase ({@code faceValue}),
 * initialisms ({@code manifestID}) and PascalCase ({@code BytesReceived}); the lake uses lower
 * snake case. A contract column whose name differs from its wire name starts its comment with
 * {@code wire: <name>.}, so a parser can find the wire name and a reader sees it in the dictionary.
 */
public final class WireNames {

  private static final Pattern WIRE_TAG = Pattern.compile("^wire: ([A-Za-z][A-Za-z0-9_]*)\\.");

  /** Word boundaries: lower or digit before upper, and the end of an initialism (IDVal). */
  private static final Pattern BOUNDARY =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  /** {@code faceValue} to {@code face_value}, {@code manifestID} to {@code manifest_id}. */
  public static String toSnakeCase(String wireName) {
    return BOUNDARY.matcher(wireName).replaceAll("_").toLowerCase(Locale.ROOT);
  }

  /** The field's name on the wire: the comment's {@code wire:} tag, else the column name. */
  public static String wireName(Column column) {
    Matcher tag = WIRE_TAG.matcher(column.comment());
    return tag.find() ? tag.group(1) : column.name();
  }

  /** The comment prefix for a column whose wire name differs from its lake name. */
  static String tag(String wireName) {
    return "wire: " + wireName + ". ";
  }

  private WireNames() {}
}
