package io.naaplake.api.routes;

import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.api.SqlQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small builder for view SQL: text with {@code ?} placeholders and their values collected side by
 * side, so a placeholder can never lose its value. Table names only through {@link #table}, which
 * accepts published gold tables only.
 */
final class Sql {
  private final StringBuilder text = new StringBuilder();
  private final List<SqlQuery.Parameter> parameters = new ArrayList<>();
  private final String catalog;

  Sql(String catalog) {
    this.catalog = catalog;
  }

  Sql append(String sql) {
    if (sql.indexOf('?') >= 0) {
      throw new IllegalArgumentException("placeholders go through value(): " + sql);
    }
    text.append(sql);
    return this;
  }

  /** A published gold table, quoted and catalog-qualified. */
  Sql table(String name) {
    text.append(GoldQuery.tableReference(catalog, name));
    return this;
  }

  /**
   * A declared {@code ops} table (run log, reconciliation): the API reads gold and ops, never
   * bronze or silver.
   */
  Sql opsTable(String name) {
    io.naaplake.schema.TableDeclaration table =
        io.naaplake.schema.LakeCatalog.find("ops." + name)
            .filter(t -> t.layer() == io.naaplake.schema.Layer.OPS)
            .orElseThrow(() -> new IllegalArgumentException("not a declared ops table: " + name));
    text.append("\"" + catalog + "\".\"ops\".\"" + table.name() + "\"");
    return this;
  }

  /** A bound value (String, Long, Integer, Double, Boolean). */
  Sql value(Object value) {
    text.append('?');
    parameters.add(new SqlQuery.Parameter(value));
    return this;
  }

  /** A bound instant, compared as {@code timestamp(3) with time zone}. */
  Sql instant(java.time.Instant value) {
    text.append("from_iso8601_timestamp(?)");
    parameters.add(new SqlQuery.Parameter(value.toString()));
    return this;
  }

  Sql date(LocalDate value) {
    text.append("CAST(? AS date)");
    parameters.add(new SqlQuery.Parameter(value.toString()));
    return this;
  }

  /**
   * {@code column} in {@code [start, end)} and, for partition pruning, {@code dateColumn} within
   * the dates the range touches.
   */
  Sql window(String column, String dateColumn, QueryParams.TimeRange range) {
    append(column).append(" >= ").instant(range.start());
    append(" AND ").append(column).append(" < ").instant(range.end());
    append(" AND ").append(dateColumn).append(" >= ").date(TableRoute.firstDate(range.start()));
    append(" AND ").append(dateColumn).append(" < ").date(TableRoute.dateAfter(range.end()));
    return this;
  }

  /** {@code AND column = value} when the optional filter is present. */
  Sql andEquals(String column, java.util.Optional<String> value) {
    value.ifPresent(v -> append(" AND ").append(column).append(" = ").value(v));
    return this;
  }

  GoldQuery.View view(io.naaplake.schema.TableDeclaration columns) {
    return new GoldQuery.View(columns, text.toString(), parameters);
  }

  SqlQuery query() {
    return new SqlQuery(text.toString(), parameters, 1);
  }
}
