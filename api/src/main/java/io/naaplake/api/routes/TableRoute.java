package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.api.SqlQuery;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a route that pages through one published gold table: a time window on one column, exact
 * filters mapped to columns, fixed conditions, and a total order. The same declarations produce the
 * handler and its documentation, so the two cannot disagree.
 */
public final class TableRoute {
  private final String path;
  private final String tableName;
  private final String tag;
  private final ApiConfig config;
  private String summary = "";
  private String description = "";
  private String timeColumn;
  private Duration maxWindow = Duration.ofDays(31);
  private boolean asOf;
  private final Map<String, ParamDoc> filterParams = new LinkedHashMap<>();
  private final Map<String, String> filterColumns = new LinkedHashMap<>();
  private final Map<String, Object> fixed = new LinkedHashMap<>();
  private final List<String> notNull = new ArrayList<>();
  private final Map<String, List<String>> fixedIn = new LinkedHashMap<>();
  private final Map<String, ParamDoc> choices = new LinkedHashMap<>();
  private final Map<String, String> choiceColumns = new LinkedHashMap<>();
  private final Map<String, String> choiceDefaults = new LinkedHashMap<>();
  private List<GoldQuery.SortKey> order = List.of();
  private List<String> selected = List.of();

  private TableRoute(String path, String tableName, String tag, ApiConfig config) {
    this.path = path;
    this.tableName = tableName;
    this.tag = tag;
    this.config = config;
  }

  /** A route at {@code path} paging through {@code gold.<tableName>}. */
  public static TableRoute of(String path, String tableName, String tag, ApiConfig config) {
    requireNonNull(path, "path is null");
    requireNonNull(tag, "tag is null");
    requireNonNull(config, "config is null");
    GoldQuery.on("delta", tableName); // fails fast unless a published gold table
    return new TableRoute(path, tableName, tag, config);
  }

  public TableRoute summary(String value) {
    this.summary = value;
    return this;
  }

  public TableRoute description(String value) {
    this.description = value;
    return this;
  }

  /** Rows whose {@code column} (a timestamp or a date) falls in {@code [start, end)}. */
  public TableRoute window(String column, Duration max) {
    this.timeColumn = column;
    this.maxWindow = max;
    return this;
  }

  /**
   * Rows of the newest snapshot at or before {@code as_of} (default and upper bound: now; tables
   * keyed by {@code as_of}): the state the pipeline last published, as of the server's time or an
   * earlier one.
   */
  public TableRoute latestSnapshot() {
    this.asOf = true;
    return this;
  }

  /** An optional exact filter: parameter {@code doc.name()} matches {@code column}. */
  public TableRoute filter(ParamDoc doc, String column) {
    filterParams.put(doc.name(), doc);
    filterColumns.put(doc.name(), column);
    return this;
  }

  /** Standard filters ({@link Params#STANDARD_FILTERS}) on their usual columns, in order. */
  public TableRoute filters(String... names) {
    for (String name : names) {
      filter(Params.standard(name), Params.STANDARD_COLUMNS.get(name));
    }
    return this;
  }

  /** A condition every row of the route meets (e.g. the job type of a jobs route). */
  public TableRoute fixed(String column, Object value) {
    fixed.put(column, value);
    return this;
  }

  /** A condition every row meets: {@code column} is one of {@code values}. */
  public TableRoute fixedIn(String column, List<String> values) {
    fixedIn.put(column, List.copyOf(values));
    return this;
  }

  /**
   * An enumerated parameter matched against {@code column}, with a default when absent (e.g. the
   * leaderboard's window).
   */
  public TableRoute choice(ParamDoc doc, String column, String defaultValue) {
    choices.put(doc.name(), doc);
    choiceColumns.put(doc.name(), column);
    choiceDefaults.put(doc.name(), defaultValue);
    return this;
  }

  /** Only rows where {@code column} is not null. */
  public TableRoute notNull(String column) {
    notNull.add(column);
    return this;
  }

  public TableRoute orderBy(GoldQuery.SortKey... keys) {
    this.order = List.of(keys);
    return this;
  }

  /** The columns served (default: all). */
  public TableRoute select(String... columns) {
    this.selected = List.of(columns);
    return this;
  }

  public Route build() {
    TableDeclaration table = GoldQuery.on("delta", tableName).table();
    List<ParamDoc> params = new ArrayList<>();
    if (timeColumn != null) {
      params.add(Params.start(maxWindow));
      params.add(Params.end());
    }
    if (asOf) {
      params.add(Params.snapshotAt());
    }
    params.addAll(choices.values());
    params.addAll(filterParams.values());
    params.addAll(Params.paging(config.defaultLimit(), config.maxLimit()));
    List<Column> columns =
        selected.isEmpty()
            ? table.columns()
            : selected.stream().map(name -> table.column(name).orElseThrow()).toList();
    String fullDescription =
        description
            + " Source: gold."
            + tableName
            + "."
            + (timeColumn == null
                ? ""
                : " Window on " + timeColumn + ", at most " + Params.describe(maxWindow) + ".")
            + (asOf ? " Served from the newest snapshot at or before as_of (default: now)." : "");
    RouteDoc doc =
        new RouteDoc(path, summary, fullDescription, tag, params, RouteDoc.Shape.PAGE, columns);
    // Checks the order once at build time rather than on the first request.
    query("delta");
    return new Route(doc, this::handle);
  }

  private GoldQuery query(String catalog) {
    GoldQuery query = GoldQuery.on(catalog, tableName);
    if (!selected.isEmpty()) {
      query.select(selected.toArray(String[]::new));
    }
    if (!order.isEmpty()) {
      query.orderBy(order.toArray(GoldQuery.SortKey[]::new));
    } else if (timeColumn != null) {
      // Newest first, then the rest of the key: a total order for keyset paging.
      List<GoldQuery.SortKey> keys = new ArrayList<>();
      keys.add(GoldQuery.SortKey.descending(timeColumn));
      query.table().keyColumns().stream()
          .filter(k -> !k.equals(timeColumn))
          .forEach(k -> keys.add(GoldQuery.SortKey.ascending(k)));
      query.orderBy(keys.toArray(GoldQuery.SortKey[]::new));
    }
    return query;
  }

  private Payload handle(RouteRequest request) {
    QueryParams params = request.params();
    GoldQuery query = query(request.context().catalog());
    if (timeColumn != null) {
      QueryParams.TimeRange range = params.timeRange(request.now(), maxWindow);
      restrictTime(query, range);
    }
    filterParams.forEach(
        (name, doc) ->
            Params.value(params, doc)
                .ifPresent(v -> query.whereEquals(filterColumns.get(name), v)));
    fixed.forEach(query::whereEquals);
    fixedIn.forEach(query::whereIn);
    choices.forEach(
        (name, doc) ->
            query.whereEquals(
                choiceColumns.get(name),
                params.choice(
                    name, new java.util.TreeSet<>(doc.enumValues()), choiceDefaults.get(name))));
    notNull.forEach(query::whereNotNull);
    if (asOf) {
      Optional<Instant> snapshot =
          latestSnapshot(request, Params.snapshotAt(params, request.now()));
      if (snapshot.isEmpty()) {
        return new Payload.Page(
            List.of(), null, false, params.limit(config.defaultLimit(), config.maxLimit()));
      }
      query.whereEquals("as_of_date", LocalDate.ofInstant(snapshot.get(), ZoneOffset.UTC));
      query.whereEquals("as_of", snapshot.get());
    }
    return request.page(query);
  }

  private void restrictTime(GoldQuery query, QueryParams.TimeRange range) {
    TableDeclaration table = query.table();
    LakeType type = table.column(timeColumn).orElseThrow().type();
    if (type.equals(new LakeType.Primitive(LakeType.Kind.DATE))) {
      query.whereRange(timeColumn, firstDate(range.start()), dateAfter(range.end()));
    } else {
      query.timeRange(timeColumn, range);
    }
  }

  /** The date holding an instant: a window starting mid-day includes that day. */
  static LocalDate firstDate(Instant start) {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }

  /** The first date not touched by a window ending (exclusively) at {@code end}. */
  static LocalDate dateAfter(Instant end) {
    return LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC).plusDays(1);
  }

  private Optional<Instant> latestSnapshot(RouteRequest request, Instant at) {
    String table = GoldQuery.tableReference(request.context().catalog(), tableName);
    List<Map<String, Object>> rows =
        request
            .context()
            .rows(
                new SqlQuery(
                    "SELECT max(as_of) AS as_of FROM "
                        + table
                        + " WHERE as_of <= from_iso8601_timestamp(?)"
                        + " AND as_of_date <= CAST(? AS date)",
                    List.of(
                        new SqlQuery.Parameter(at.toString()),
                        new SqlQuery.Parameter(LocalDate.ofInstant(at, ZoneOffset.UTC).toString())),
                    1));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable((Instant) rows.get(0).get("as_of"));
  }
}
