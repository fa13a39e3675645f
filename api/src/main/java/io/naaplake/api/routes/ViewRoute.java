package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.SqlQuery;
import io.naaplake.schema.Column;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a route over a derived relation (grouped totals, joins of gold tables): the relation's
 * declared columns document the rows, its key orders them totally, and the route either returns the
 * complete list ({@link RouteDoc.Shape#LIST}, for short summaries) or pages through it.
 */
public final class ViewRoute {
  private final String path;
  private final String tag;
  private final ApiConfig config;
  private String summary = "";
  private String description = "";
  private final List<ParamDoc> params = new ArrayList<>();
  private TableDeclaration columns;
  private Function<RouteRequest, GoldQuery.View> view;
  private boolean paged;
  private List<GoldQuery.SortKey> order = List.of();

  private ViewRoute(String path, String tag, ApiConfig config) {
    this.path = path;
    this.tag = tag;
    this.config = config;
  }

  public static ViewRoute of(String path, String tag, ApiConfig config) {
    return new ViewRoute(
        requireNonNull(path, "path is null"),
        requireNonNull(tag, "tag is null"),
        requireNonNull(config, "config is null"));
  }

  /** Declares the view's output columns and key (lower snake case name, never registered). */
  public static TableDeclaration.Builder columns(String name) {
    return TableDeclaration.builder(Layer.GOLD, name).comment("API view " + name + ".");
  }

  public ViewRoute summary(String value) {
    this.summary = value;
    return this;
  }

  public ViewRoute description(String value) {
    this.description = value;
    return this;
  }

  public ViewRoute param(ParamDoc doc) {
    params.add(doc);
    return this;
  }

  /** The relation: built per request from its validated parameters. */
  public ViewRoute view(TableDeclaration declared, Function<RouteRequest, GoldQuery.View> build) {
    this.columns = declared;
    this.view = build;
    return this;
  }

  /** The row order (default: the view's key, ascending); must include every key column. */
  public ViewRoute order(GoldQuery.SortKey... keys) {
    this.order = List.of(keys);
    return this;
  }

  /** Page through the rows with limit and cursor instead of returning them all. */
  public ViewRoute paged() {
    this.paged = true;
    return this;
  }

  public Route build() {
    requireNonNull(columns, "view not set");
    List<ParamDoc> all = new ArrayList<>(params);
    if (paged) {
      all.addAll(Params.paging(config.defaultLimit(), config.maxLimit()));
    }
    List<Column> rowColumns = columns.columns();
    RouteDoc doc =
        new RouteDoc(
            path,
            summary,
            description
                + (paged
                    ? ""
                    : " The complete list (at most " + config.maxLimit() + " rows), not paged."),
            tag,
            all,
            paged ? RouteDoc.Shape.PAGE : RouteDoc.Shape.LIST,
            rowColumns);
    return new Route(doc, this::handle);
  }

  private Payload handle(RouteRequest request) {
    GoldQuery query = GoldQuery.over(request.context().catalog(), view.apply(request));
    if (!order.isEmpty()) {
      query.orderBy(order.toArray(GoldQuery.SortKey[]::new));
    } else if (paged && columns.keyColumns().contains("window_start")) {
      // Time series: newest first, then the rest of the key.
      List<GoldQuery.SortKey> keys = new ArrayList<>();
      keys.add(GoldQuery.SortKey.descending("window_start"));
      columns.keyColumns().stream()
          .filter(k -> !k.equals("window_start"))
          .forEach(k -> keys.add(GoldQuery.SortKey.ascending(k)));
      query.orderBy(keys.toArray(GoldQuery.SortKey[]::new));
    }
    if (paged) {
      return request.page(query);
    }
    return new Payload.Rows(request.context().allRows(query));
  }

  /** Shorthand for a bound parameter. */
  static SqlQuery.Parameter bind(Object value) {
    return new SqlQuery.Parameter(value);
  }
}
