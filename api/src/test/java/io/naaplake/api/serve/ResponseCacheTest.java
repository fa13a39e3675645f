package io.naaplake.api.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.api.routes.Payload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private static Payload rows(int n) {
    return new Payload.Rows(List.of(Map.of("n", n)));
  }

  @Test
  void keepsAtMostItsCapacityEvictingTheLeastRecentlyUsed() {
    ResponseCache cache = new ResponseCache(2);
    cache.put("a", rows(1));
    cache.put("b", rows(2));
    assertThat(cache.get("a")).contains(rows(1)); // a is now the most recent
    cache.put("c", rows(3));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("a")).contains(rows(1));
    assertThat(cache.get("c")).contains(rows(3));
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> new ResponseCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
