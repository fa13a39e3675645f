package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a route computed, before the per-request {@code meta} is added: immutable, so one payload
 * can be cached and served to many requests.
 */
public sealed interface Payload {

  /**
   * A page of a keyset-paginated list.
   *
   * @param nextCursor null on the last page
   */
  record Page(List<Map<String, Object>> rows, String nextCursor, boolean hasMore, int pageSize)
      implements Payload {
    public Page {
      rows = List.copyOf(rows);
    }
  }

  /** A complete, short list. */
  record Rows(List<Map<String, Object>> rows) implements Payload {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A well-formed request for something the lake does not hold (an unknown orchestrator): cached
   * like data, so repeating it does not query Trino again until the data changes.
   */
  record Missing(String detail) implements Payload {
    public Missing {
      requireNonNull(detail, "detail is null");
    }
  }

  /**
   * One file of a published artifact, served as its bytes.
   *
   * @param mediaType the Content-Type to send
   * @param sha256 the file's checksum from its artifact's metadata: the strong ETag
   * @param attachment true to ask browsers to save it rather than show it
   */
  record File(java.nio.file.Path path, String mediaType, String sha256, boolean attachment)
      implements Payload {
    public File {
      requireNonNull(path, "path is null");
      requireNonNull(mediaType, "mediaType is null");
      requireNonNull(sha256, "sha256 is null");
    }
  }

  /** One document. */
  record Document(Map<String, Object> fields) implements Payload {
    public Document {
      requireNonNull(fields, "fields is null");
    }
  }
}
