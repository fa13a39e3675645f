package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.Column;
import java.util.List;

/**
 * What {@code /openapi.json} says about one route. The route catalog builds it from the same
 * declarations the handler runs on, so the document cannot drift from the code.
 *
 * @param path the Javalin path, e.g. {@code /v1/orchestrators/{address}} (OpenAPI uses the same
 *     braces)
 * @param summary one line
 * @param description what the rows mean, grain, default window and maximum window
 * @param tag the OpenAPI tag (streaming, supply, economics, jobs, rankings, network, service)
 * @param params every accepted parameter; any other name is refused with 400
 * @param shape how the rows are wrapped
 * @param columns the fields of one row ({@link Shape#PAGE} and {@link Shape#LIST}) or of the one
 *     object ({@link Shape#OBJECT}); lake-schema types, nested through structs and arrays
 */
public record RouteDoc(
    String path,
    String summary,
    String description,
    String tag,
    List<ParamDoc> params,
    Shape shape,
    List<Column> columns) {

  public RouteDoc {
    requireNonNull(path, "path is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(description, "description is null");
    requireNonNull(tag, "tag is null");
    params = List.copyOf(params);
    requireNonNull(shape, "shape is null");
    columns = List.copyOf(columns);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
  }

  /** How a route wraps its rows. */
  public enum Shape {
    /**
     * {@code {data: [row], pagination: {next_cursor, has_more, page_size}, meta: {generated_at,
     * request_id, data_version}}}: a keyset-paginated list.
     */
    PAGE,
    /** {@code {data: [row], meta}}: a short, complete list (summaries, grouped totals). */
    LIST,
    /** {@code {data: row, meta}}: one document. */
    OBJECT,
    /** The bytes of one artifact file (HTML, Markdown, CSV, Parquet); no JSON wrapper. */
    FILE
  }
}
