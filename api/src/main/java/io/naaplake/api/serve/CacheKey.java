package io.naaplake.api.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a computed payload: route template, path parameters, query parameters (sorted, so
 * {@code ?a=1&b=2} and {@code ?b=2&a=1} share an entry), the request's "now" and the data version.
 * Its hash is the weak ETag: the same key always yields the same data.
 */
public record CacheKey(String text) {

  public static CacheKey of(
      String route,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Instant now,
      String dataVersion) {
    return new CacheKey(
        route
            + "\n"
            + new TreeMap<>(pathParams)
            + "\n"
            + new TreeMap<>(queryParams)
            + "\n"
            + now
            + "\n"
            + dataVersion);
  }

  /** A weak ETag: the body's meta (request id, generated_at) differs, the data does not. */
  public String etag() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
