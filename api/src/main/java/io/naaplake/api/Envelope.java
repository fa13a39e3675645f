package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of every list route: {@code {data, pagination{next_cursor, has_more, page_size},
 * meta{generated_at, request_id, data_version}}}, written with {@link ApiJson} (wei as decimal
 * strings, RFC 3339 UTC times, nulls kept).
 *
 * @param data the page's rows, column name to value, in the query's order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope(List<Map<String, Object>> data, Pagination pagination, Meta meta) {

  public Envelope {
    requireNonNull(data, "data is null");
    requireNonNull(pagination, "pagination is null");
    requireNonNull(meta, "meta is null");
  }

  /**
   * The page from rows fetched with {@code LIMIT pageSize + 1}: the extra row, when present, only
   * says that a next page exists; the next cursor is built from the last row served.
   *
   * @param fetched up to pageSize + 1 rows
   * @param cursorOf the cursor resuming after a row
   */
  public static Envelope page(
      List<Map<String, Object>> fetched,
      int pageSize,
      Function<Map<String, Object>, String> cursorOf,
      Meta meta) {
    if (fetched.size() > pageSize + 1) {
      throw new IllegalArgumentException(
          "fetched " + fetched.size() + " rows for a page of " + pageSize);
    }
    boolean hasMore = fetched.size() > pageSize;
    List<Map<String, Object>> rows = hasMore ? fetched.subList(0, pageSize) : fetched;
    String next = hasMore ? cursorOf.apply(rows.get(rows.size() - 1)) : null;
    return new Envelope(
        java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rows)),
        new Pagination(next, hasMore, pageSize),
        meta);
  }

  public String toJson() {
    try {
      return ApiJson.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response envelope", e);
    }
  }

  /**
   * @param nextCursor the cursor of the next page; null on the last page
   * @param hasMore whether a next page exists
   * @param pageSize the limit the page was served with
   */
  public record Pagination(
      @JsonProperty("next_cursor") String nextCursor,
      @JsonProperty("has_more") boolean hasMore,
      @JsonProperty("page_size") int pageSize) {}

  /**
   * @param generatedAt when the response was computed (the as-of clock)
   * @param requestId the id also sent as {@code X-Request-Id} and logged
   * @param dataVersion id of the last finished pipeline run the data reflects; null when unknown
   */
  public record Meta(
      @JsonProperty("generated_at") Instant generatedAt,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("data_version") String dataVersion) {
    public Meta {
      requireNonNull(generatedAt, "generatedAt is null");
      requireNonNull(requestId, "requestId is null");
    }
  }
}
