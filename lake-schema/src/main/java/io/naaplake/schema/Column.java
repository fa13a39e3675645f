package io.naaplake.schema;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One declared column (or struct field).
 *
 * @param name lower snake case; the same name in every engine
 * @param type engine-neutral type
 * @param nullable whether the column may hold null
 * @param comment what the column means, shown in Trino and in {@code docs/catalog.md}
 * @param additive true for measures that may be summed across rows of the table (counts, sums);
 *     ratios and gauges are not additive and must be recomputed from their additive parts
 */
public record Column(
    String name, LakeType type, boolean nullable, String comment, boolean additive) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(comment, "comment is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("column name must be lower snake case: " + name);
    }
    if (comment.isBlank()) {
      throw new IllegalArgumentException("column " + name + " needs a comment");
    }
  }

  public static Column required(String name, LakeType type, String comment) {
    return new Column(name, type, false, comment, false);
  }

  public static Column optional(String name, LakeType type, String comment) {
    return new Column(name, type, true, comment, false);
  }

  /** A non-null additive measure (a count or a sum). */
  public static Column measure(String name, LakeType type, String comment) {
    return new Column(name, type, false, comment, true);
  }
}
