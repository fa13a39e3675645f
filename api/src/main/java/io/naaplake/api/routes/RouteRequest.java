package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.GoldQuery;
import io.naaplake.api.QueryParams;
import io.naaplake.api.SqlQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One validated request as a handler sees it.
 *
 * @param route the route's path template (cursor scope and metric label)
 * @param params the query parameters, already checked against the route's declared names
 * @param pathParams path parameters by name, raw (handlers validate them)
 * @param rawParams the raw query parameters (for the cursor scope)
 * @param now the request's "now": the as-of time, or the wall clock truncated to the minute
 * @param context the shared lake, cursor codec and configuration
 */
public record RouteRequest(
    String route,
    QueryParams params,
    Map<String, String> pathParams,
    Map<String, List<String>> rawParams,
    Instant now,
    RouteContext context) {

  public RouteRequest {
    requireNonNull(route, "route is null");
    requireNonNull(params, "params is null");
    pathParams = Map.copyOf(pathParams);
    rawParams = Map.copyOf(rawParams);
    requireNonNull(now, "now is null");
    requireNonNull(context, "context is null");
  }

  public String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  /**
   * One page of a keyset-paginated query: applies {@code limit} and {@code cursor}, fetches one row
   * more than the page, and encodes the next cursor from the last row served. The cursor is bound
   * to the route, its path and every filter (not {@code limit}), so it cannot be replayed against
   * another query.
   */
  public Payload.Page page(GoldQuery query) {
    int limit = params.limit(context.config().defaultLimit(), context.config().maxLimit());
    String scope = cursorScope();
    Optional<String> cursorText = params.single("cursor");
    cursorText.ifPresent(
        text -> query.after(context.cursor().decode(scope, text, query.sortColumns().size())));
    SqlQuery sql = query.pageSize(limit).build();
    List<Map<String, Object>> fetched = context.rows(sql);
    boolean hasMore = fetched.size() > limit;
    List<Map<String, Object>> rows = hasMore ? fetched.subList(0, limit) : fetched;
    String next =
        hasMore
            ? context.cursor().encode(scope, query.cursorValues(rows.get(rows.size() - 1)))
            : null;
    return new Payload.Page(rows, next, hasMore, limit);
  }

  /**
   * One page of a list held in memory, ordered newest first by {@code key} (descending, element by
   * element): the same cursor contract as {@link #page(GoldQuery)}. A cursor holds the key of the
   * last row served, so the next page starts after it even when rows were added or removed
   * meanwhile.
   */
  public <T> Payload.Page pageDescending(
      List<T> ordered,
      java.util.function.Function<T, List<String>> key,
      java.util.function.Function<T, Map<String, Object>> row) {
    int limit = params.limit(context.config().defaultLimit(), context.config().maxLimit());
    String scope = cursorScope();
    Optional<List<String>> after =
        params.single("cursor").map(text -> context.cursor().decode(scope, text, 2));
    List<T> remaining =
        after
            .map(
                last ->
                    ordered.stream()
                        .filter(item -> compareKeys(key.apply(item), last) < 0)
                        .toList())
            .orElse(ordered);
    boolean hasMore = remaining.size() > limit;
    List<T> served = hasMore ? remaining.subList(0, limit) : remaining;
    String next =
        hasMore ? context.cursor().encode(scope, key.apply(served.get(served.size() - 1))) : null;
    return new Payload.Page(served.stream().map(row).toList(), next, hasMore, limit);
  }

  /** Element-by-element order of two keys; a key that is a prefix of the other comes first. */
  static int compareKeys(List<String> left, List<String> right) {
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int order = left.get(i).compareTo(right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private String cursorScope() {
    Map<String, List<String>> filters = new TreeMap<>(rawParams);
    filters.remove("cursor");
    filters.remove("limit");
    // Not "now": a default window slides, and keyset paging simply continues after the last row
    // under the slid window (nothing repeats; rows that left the window are gone).
    return route + "|" + new TreeMap<>(pathParams) + "|" + filters;
  }
}
