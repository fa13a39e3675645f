package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import io.naaplake.api.ApiConfig;
import io.naaplake.api.Cursor;
import io.naaplake.api.GoldQuery;
import io.naaplake.api.SqlQuery;
import io.naaplake.api.lake.TrinoLake;
import java.util.List;
import java.util.Map;

/**
 * What every route handler shares: the lake, the cursor codec and the configuration. Handlers get
 * it through {@link RouteRequest}; they never open connections or read configuration themselves.
 */
public final class RouteContext {
  private final TrinoLake lake;
  private final Cursor cursor;
  private final ApiConfig config;

  public RouteContext(TrinoLake lake, Cursor cursor, ApiConfig config) {
    this.lake = requireNonNull(lake, "lake is null");
    this.cursor = requireNonNull(cursor, "cursor is null");
    this.config = requireNonNull(config, "config is null");
  }

  public ApiConfig config() {
    return config;
  }

  public String catalog() {
    return config.trinoCatalog();
  }

  public Cursor cursor() {
    return cursor;
  }

  public List<Map<String, Object>> rows(SqlQuery query) {
    return lake.query(query);
  }

  /** The rows of an unpaginated query (summaries), refusing to return more than the page cap. */
  public List<Map<String, Object>> allRows(GoldQuery query) {
    SqlQuery sql = query.pageSize(config.maxLimit()).build();
    List<Map<String, Object>> rows = lake.query(sql);
    if (rows.size() > config.maxLimit()) {
      throw new io.naaplake.api.BadParameter(
          "end", "more than " + config.maxLimit() + " rows; narrow the window or add a filter");
    }
    return rows;
  }
}
