package io.naaplake.schema.trino;

/**
 * Quoting for the SQL this package generates. Identifiers come from declarations (already
 * restricted to lower snake case) and the catalog name from configuration; both are quoted anyway
 * so that no name, reserved word or not, can change the statement's meaning.
 */
public final class TrinoSql {

  /** A delimited identifier: {@code "name"}, with embedded double quotes doubled. */
  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A string literal: {@code 'text'}, with embedded single quotes doubled. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private TrinoSql() {}
}
