package io.naaplake.schema;

import static java.util.Objects.requireNonNull;

/**
 * One column of a published table as outside users see it.
 *
 * @param table qualified table name, e.g. {@code gold.session_facts}
 * @param column column name
 * @param trinoType the Trino type users query, e.g. {@code timestamp(3) with time zone}
 */
public record PublishedColumn(String table, String column, String trinoType) {

  public PublishedColumn {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
    requireNonNull(trinoType, "trinoType is null");
  }

  /** The line of {@code published-columns.tsv} that records this column. */
  public String tsvLine() {
    return table + "\t" + column + "\t" + trinoType;
  }
}
