package io.naaplake.api.serve;

import io.naaplake.api.routes.Payload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computed payloads by route, parameters, "now" and data version. The data version is part of the
 * key, so a new pipeline run makes every older entry unreachable (they age out of the LRU order);
 * no entry is ever served for data it was not computed from. Bounded by entry count.
 */
public final class ResponseCache {
  private final int maxEntries;
  private final Map<String, Payload> entries;

  public ResponseCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Payload> eldest) {
            return size() > ResponseCache.this.maxEntries;
          }
        };
  }

  public synchronized Optional<Payload> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public synchronized void put(String key, Payload payload) {
    entries.put(key, payload);
  }

  public synchronized int size() {
    return entries.size();
  }
}
