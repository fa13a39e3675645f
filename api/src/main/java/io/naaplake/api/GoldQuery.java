package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds one paginated SELECT over a published gold table.
 *
 * <p>Safety: identifiers come only from the lake-schema declaration (the table must be a published
 * gold table, every column a declared one; a name that is not is a programming error and throws
 * {@link IllegalArgumentException}). Every value a request supplies, filters, time bounds, cursor
 * keys and the row limit, is a bound {@code ?} parameter; the SQL text holds no user value.
 *
 * <p>Keyset pagination: rows are ordered by the sort columns (by default the table's key columns,
 * ascending), which must include every key column so the order is total. A cursor carries the sort
 * values of the last row served and the next page is {@code WHERE (sort values) > (cursor)} written
 * out lexicographically, {@code (a > ?) OR (a = ? AND b > ?) OR ...}, which Trino plans without
 * row-value support. {@code LIMIT pageSize + 1} tells whether another page exists.
 *
 * <p>NULL-safe ordering: gold key columns may be null (an unattributed session has no
 * orchestrator). SQL comparisons with NULL are unknown, so a plain keyset would drop or repeat
 * those rows. A nullable sort column {@code c} is therefore ordered by two never-null terms, {@code
 * (c IS NULL)} first (false before true: nulls last in either direction) and then {@code
 * COALESCE(c, sentinel)}; the cursor binds the null flag and the value or the same sentinel. The
 * flag keeps NULL apart from a real value equal to the sentinel (e.g. the empty string), so the
 * sentinel's value does not matter for correctness.
 */
public final class GoldQuery {

  private static final Pattern CATALOG = Pattern.compile("[a-z][a-z0-9_]*");

  private final TableDeclaration table;

  /** The FROM clause: a quoted gold table, or a parenthesised derived relation (a route view). */
  private final String from;

  private final List<SqlQuery.Parameter> fromParameters;
  private List<Column> selected;
  private final List<String> conditions = new ArrayList<>();
  private final List<SqlQuery.Parameter> conditionParameters = new ArrayList<>();
  private List<SortKey> order;
  private Optional<List<String>> after = Optional.empty();
  private int pageSize = 50;

  private GoldQuery(TableDeclaration table, String from, List<SqlQuery.Parameter> fromParameters) {
    this.table = table;
    this.from = from;
    this.fromParameters = List.copyOf(fromParameters);
    this.selected = table.columns();
    this.order = table.keyColumns().stream().map(SortKey::ascending).toList();
  }

  /**
   * A query over {@code gold.<tableName>} in the given Trino catalog.
   *
   * @throws IllegalArgumentException unless the table is a declared, published gold table
   */
  public static GoldQuery on(String catalog, String tableName) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(tableName, "tableName is null");
    if (!CATALOG.matcher(catalog).matches()) {
      throw new IllegalArgumentException("catalog must be a plain name: " + catalog);
    }
    TableDeclaration table =
        publishedGoldTable(tableName)
            .orElseThrow(
                () -> new IllegalArgumentException("not a published gold table: " + tableName));
    return new GoldQuery(table, tableReference(catalog, table), List.of());
  }

  /**
   * A query over a derived relation (a grouped or joined view of gold tables that a route serves).
   * The view's SQL must itself hold only identifiers from {@link #tableReference} and {@code ?}
   * placeholders; its declaration supplies the column types and the key that makes the order total.
   */
  public static GoldQuery over(String catalog, View view) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(view, "view is null");
    if (!CATALOG.matcher(catalog).matches()) {
      throw new IllegalArgumentException("catalog must be a plain name: " + catalog);
    }
    return new GoldQuery(
        view.columns(), "(" + view.sql() + ") AS " + quote("v"), view.parameters());
  }

  /**
   * The quoted, catalog-qualified name of a published gold table, for view SQL.
   *
   * @throws IllegalArgumentException unless the table is a declared, published gold table
   */
  public static String tableReference(String catalog, String tableName) {
    TableDeclaration table =
        publishedGoldTable(tableName)
            .orElseThrow(
                () -> new IllegalArgumentException("not a published gold table: " + tableName));
    return tableReference(catalog, table);
  }

  private static String tableReference(String catalog, TableDeclaration table) {
    if (!CATALOG.matcher(catalog).matches()) {
      throw new IllegalArgumentException("catalog must be a plain name: " + catalog);
    }
    return quote(catalog) + "." + quote(table.layer().schemaName()) + "." + quote(table.name());
  }

  /**
   * A derived relation a route serves.
   *
   * @param columns its output columns and key (declared like a table, never registered)
   * @param sql a SELECT over {@link #tableReference} names with {@code ?} placeholders
   * @param parameters the values of those placeholders, in order
   */
  public record View(TableDeclaration columns, String sql, List<SqlQuery.Parameter> parameters) {
    public View {
      requireNonNull(columns, "columns is null");
      requireNonNull(sql, "sql is null");
      parameters = List.copyOf(parameters);
      long placeholders = sql.chars().filter(c -> c == '?').count();
      if (placeholders != parameters.size()) {
        throw new IllegalArgumentException(
            placeholders + " placeholders but " + parameters.size() + " parameters in a view");
      }
    }
  }

  /** The allow-list: a declared gold table that is published. */
  static Optional<TableDeclaration> publishedGoldTable(String tableName) {
    return LakeCatalog.find(Layer.GOLD.schemaName() + "." + tableName)
        .filter(t -> t.layer() == Layer.GOLD && t.published());
  }

  public TableDeclaration table() {
    return table;
  }

  /** The columns returned, in order (default: every declared column). */
  public GoldQuery select(String... columnNames) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : columnNames) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("column selected twice: " + name);
      }
      columns.add(column(name));
    }
    this.selected = List.copyOf(columns);
    return this;
  }

  /** {@code column = value}; the value must match the column's declared type. */
  public GoldQuery whereEquals(String columnName, Object value) {
    Column column = filterable(columnName);
    conditions.add(quote(column.name()) + " = " + placeholder(column.type()));
    conditionParameters.add(parameter(column, requireNonNull(value, "value is null")));
    return this;
  }

  /** {@code column IS NULL}: a filter with no value. */
  public GoldQuery whereNull(String columnName) {
    Column column = filterable(columnName);
    conditions.add(quote(column.name()) + " IS NULL");
    return this;
  }

  /** {@code column IN (values...)}; every value bound. */
  public GoldQuery whereIn(String columnName, List<?> values) {
    Column column = filterable(columnName);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    List<String> placeholders = new ArrayList<>();
    for (Object value : values) {
      placeholders.add(placeholder(column.type()));
      conditionParameters.add(parameter(column, requireNonNull(value, "value is null")));
    }
    conditions.add(quote(column.name()) + " IN (" + String.join(", ", placeholders) + ")");
    return this;
  }

  /** {@code column IS NOT NULL}. */
  public GoldQuery whereNotNull(String columnName) {
    Column column = filterable(columnName);
    conditions.add(quote(column.name()) + " IS NOT NULL");
    return this;
  }

  /** {@code lowInclusive <= column < highExclusive}: the half-open ranges every route uses. */
  public GoldQuery whereRange(String columnName, Object lowInclusive, Object highExclusive) {
    Column column = filterable(columnName);
    String placeholder = placeholder(column.type());
    conditions.add(quote(column.name()) + " >= " + placeholder);
    conditionParameters.add(parameter(column, requireNonNull(lowInclusive, "low is null")));
    conditions.add(quote(column.name()) + " < " + placeholder);
    conditionParameters.add(parameter(column, requireNonNull(highExclusive, "high is null")));
    return this;
  }

  /** A {@code [start, end)} time range on a timestamp column. */
  public GoldQuery timeRange(String columnName, QueryParams.TimeRange range) {
    if (!isKind(column(columnName).type(), LakeType.Kind.TIMESTAMP)) {
      throw new IllegalArgumentException(columnName + " is not a timestamp column");
    }
    return whereRange(columnName, range.start(), range.end());
  }

  /**
   * The row order; must name every key column of the table (so the order is total and keyset pages
   * neither lose nor repeat rows).
   */
  public GoldQuery orderBy(SortKey... keys) {
    Set<String> names = new LinkedHashSet<>();
    for (SortKey key : keys) {
      filterable(key.column());
      if (!names.add(key.column())) {
        throw new IllegalArgumentException("column ordered twice: " + key.column());
      }
    }
    if (!names.containsAll(table.keyColumns())) {
      throw new IllegalArgumentException(
          "the order must include every key column " + table.keyColumns() + ", got " + names);
    }
    this.order = List.of(keys);
    return this;
  }

  /** The sort columns, in order: the values a cursor carries. */
  public List<String> sortColumns() {
    return order.stream().map(SortKey::column).toList();
  }

  /**
   * Continue after the row whose sort values a decoded cursor carries.
   *
   * @throws BadParameter naming {@code cursor} if a value does not fit its column
   */
  public GoldQuery after(List<String> cursorValues) {
    if (cursorValues.size() != order.size()) {
      throw new BadParameter("cursor", "cursor does not fit this route; restart from page 1");
    }
    for (int i = 0; i < order.size(); i++) {
      Column column = column(order.get(i).column());
      String value = cursorValues.get(i);
      if (value == null ? !column.nullable() : !parsesAs(column.type(), value)) {
        throw new BadParameter("cursor", "cursor does not fit this route; restart from page 1");
      }
    }
    this.after = Optional.of(new ArrayList<>(cursorValues));
    return this;
  }

  public GoldQuery pageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("page size must be positive");
    }
    this.pageSize = rows;
    return this;
  }

  /** The statement text and its parameters. */
  public SqlQuery build() {
    Set<String> selectedNames = new LinkedHashSet<>();
    selected.forEach(c -> selectedNames.add(c.name()));
    for (SortKey key : order) {
      if (!selectedNames.contains(key.column())) {
        throw new IllegalStateException(
            "sort column " + key.column() + " must be selected: the next cursor is built from it");
      }
    }
    List<SqlQuery.Parameter> parameters = new ArrayList<>(fromParameters);
    parameters.addAll(conditionParameters);
    List<String> where = new ArrayList<>(conditions);
    List<Term> terms = terms();
    after.ifPresent(values -> where.add(keysetCondition(terms, values, parameters)));

    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(String.join(", ", selected.stream().map(c -> quote(c.name())).toList()));
    sql.append(" FROM ").append(from);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY ")
        .append(
            String.join(
                ", ",
                terms.stream()
                    .map(t -> t.expression + (t.descending ? " DESC" : " ASC"))
                    .toList()));
    sql.append(" LIMIT ?");
    parameters.add(new SqlQuery.Parameter((long) pageSize + 1));
    return new SqlQuery(sql.toString(), parameters, pageSize);
  }

  /**
   * The cursor values of a result row (the last one of a page): each sort column as text, in a form
   * {@link #after} reads back exactly.
   */
  public List<String> cursorValues(Map<String, Object> row) {
    List<String> values = new ArrayList<>();
    for (SortKey key : order) {
      if (!row.containsKey(key.column())) {
        throw new IllegalArgumentException("row lacks sort column " + key.column());
      }
      Object value = row.get(key.column());
      values.add(value == null ? null : text(column(key.column()), value));
    }
    return values;
  }

  /** One never-null ordering term and how to bind a cursor value against it. */
  private record Term(String expression, boolean descending, Column column, boolean nullFlag) {}

  private List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    for (SortKey key : order) {
      Column column = column(key.column());
      String name = quote(column.name());
      if (column.nullable()) {
        // Nulls last in either direction: false (a value) sorts before true (null).
        terms.add(new Term("(" + name + " IS NULL)", false, column, true));
        terms.add(
            new Term(
                "COALESCE(" + name + ", " + sentinelLiteral(column.type()) + ")",
                key.descending(),
                column,
                false));
      } else {
        terms.add(new Term(name, key.descending(), column, false));
      }
    }
    return terms;
  }

  private static String keysetCondition(
      List<Term> terms, List<String> values, List<SqlQuery.Parameter> parameters) {
    List<SqlQuery.Parameter> termValues = new ArrayList<>();
    int valueIndex = 0;
    for (Term term : terms) {
      String value = values.get(valueIndex);
      if (term.nullFlag) {
        termValues.add(new SqlQuery.Parameter(value == null));
      } else {
        termValues.add(
            value == null
                ? sentinelParameter(term.column.type())
                : parameter(term.column, parse(term.column.type(), value)));
        valueIndex++;
      }
    }
    List<String> alternatives = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      List<String> parts = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        parts.add(terms.get(j).expression + " = " + termPlaceholder(terms.get(j)));
        parameters.add(termValues.get(j));
      }
      Term term = terms.get(i);
      parts.add(term.expression + (term.descending ? " < " : " > ") + termPlaceholder(term));
      parameters.add(termValues.get(i));
      alternatives.add("(" + String.join(" AND ", parts) + ")");
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  private static String termPlaceholder(Term term) {
    return term.nullFlag ? "?" : placeholder(term.column.type());
  }

  private Column column(String name) {
    return table
        .column(requireNonNull(name, "column name is null"))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown column " + name + " of " + table.qualifiedName()));
  }

  /** A column that can be compared: scalars only (no binary, arrays, maps or structs). */
  private Column filterable(String name) {
    Column column = column(name);
    LakeType type = column.type();
    boolean scalar =
        type instanceof LakeType.Decimal
            || (type instanceof LakeType.Primitive primitive
                && primitive.kind() != LakeType.Kind.BINARY);
    if (!scalar) {
      throw new IllegalArgumentException("column " + name + " cannot be compared or ordered");
    }
    return column;
  }

  private static String quote(String identifier) {
    // Identifiers come from declarations (lower snake case), so they never contain a quote.
    return "\"" + identifier + "\"";
  }

  private static boolean isKind(LakeType type, LakeType.Kind kind) {
    return type instanceof LakeType.Primitive primitive && primitive.kind() == kind;
  }

  private static String placeholder(LakeType type) {
    if (type instanceof LakeType.Decimal decimal) {
      return "CAST(? AS decimal(" + decimal.precision() + ", " + decimal.scale() + "))";
    }
    LakeType.Kind kind = ((LakeType.Primitive) type).kind();
    return switch (kind) {
      case TIMESTAMP -> "from_iso8601_timestamp(?)";
      case DATE -> "CAST(? AS date)";
      case STRING, BOOLEAN, INT, BIGINT, DOUBLE -> "?";
      case BINARY -> throw new IllegalArgumentException("binary columns are not comparable");
    };
  }

  private static String sentinelLiteral(LakeType type) {
    if (type instanceof LakeType.Decimal) {
      return "0";
    }
    LakeType.Kind kind = ((LakeType.Primitive) type).kind();
    return switch (kind) {
      case STRING -> "''";
      case TIMESTAMP -> "from_iso8601_timestamp('1970-01-01T00:00:00Z')";
      case DATE -> "DATE '1970-01-01'";
      case BOOLEAN -> "false";
      case INT, BIGINT -> "0";
      case DOUBLE -> "0e0";
      case BINARY -> throw new IllegalArgumentException("binary columns are not comparable");
    };
  }

  private static SqlQuery.Parameter sentinelParameter(LakeType type) {
    if (type instanceof LakeType.Decimal) {
      return new SqlQuery.Parameter("0");
    }
    LakeType.Kind kind = ((LakeType.Primitive) type).kind();
    return switch (kind) {
      case STRING -> new SqlQuery.Parameter("");
      case TIMESTAMP -> new SqlQuery.Parameter("1970-01-01T00:00:00Z");
      case DATE -> new SqlQuery.Parameter("1970-01-01");
      case BOOLEAN -> new SqlQuery.Parameter(false);
      case INT -> new SqlQuery.Parameter(0);
      case BIGINT -> new SqlQuery.Parameter(0L);
      case DOUBLE -> new SqlQuery.Parameter(0.0);
      case BINARY -> throw new IllegalArgumentException("binary columns are not comparable");
    };
  }

  /** The bound form of a Java value for a column, checking the value fits the declared type. */
  private static SqlQuery.Parameter parameter(Column column, Object value) {
    LakeType type = column.type();
    Object bound = null;
    if (type instanceof LakeType.Decimal) {
      if (value instanceof BigDecimal decimal) {
        bound = decimal.toPlainString();
      } else if (value instanceof BigInteger integer) {
        bound = integer.toString();
      }
    } else {
      bound =
          switch (((LakeType.Primitive) type).kind()) {
            case STRING -> value instanceof String ? value : null;
            case TIMESTAMP -> instantOf(value).map(Instant::toString).orElse(null);
            case DATE -> value instanceof LocalDate date ? date.toString() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case INT -> value instanceof Integer ? value : null;
            case BIGINT ->
                value instanceof Long || value instanceof Integer
                    ? ((Number) value).longValue()
                    : null;
            case DOUBLE -> value instanceof Double ? value : null;
            case BINARY -> null;
          };
    }
    if (bound == null) {
      throw new IllegalArgumentException(
          "a " + value.getClass().getSimpleName() + " does not fit column " + column.name());
    }
    return new SqlQuery.Parameter(bound);
  }

  private static Optional<Instant> instantOf(Object value) {
    if (value instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (value instanceof OffsetDateTime time) {
      return Optional.of(time.toInstant());
    }
    if (value instanceof ZonedDateTime time) {
      return Optional.of(time.toInstant());
    }
    if (value instanceof Timestamp timestamp) {
      return Optional.of(timestamp.toInstant());
    }
    return Optional.empty();
  }

  /** A result value as cursor text. */
  private static String text(Column column, Object value) {
    Object bound = parameter(column, value).value();
    return bound.toString();
  }

  private static boolean parsesAs(LakeType type, String text) {
    try {
      parse(type, text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Cursor text back to the Java value {@link #parameter} accepts for the type. */
  private static Object parse(LakeType type, String text) {
    if (type instanceof LakeType.Decimal) {
      return new BigDecimal(text);
    }
    return switch (((LakeType.Primitive) type).kind()) {
      case STRING -> text;
      case TIMESTAMP -> parseInstant(text);
      case DATE -> LocalDate.parse(text);
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        yield Boolean.valueOf(text);
      }
      case INT -> Integer.valueOf(text);
      case BIGINT -> Long.valueOf(text);
      case DOUBLE -> Double.valueOf(text);
      case BINARY -> throw new IllegalArgumentException("binary columns are not comparable");
    };
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an instant", e);
    }
  }

  /**
   * One sort column and its direction.
   *
   * @param column a declared column name
   * @param descending true for newest/largest first
   */
  public record SortKey(String column, boolean descending) {
    public SortKey {
      requireNonNull(column, "column is null");
    }

    public static SortKey ascending(String column) {
      return new SortKey(column, false);
    }

    public static SortKey descending(String column) {
      return new SortKey(column, true);
    }
  }
}
