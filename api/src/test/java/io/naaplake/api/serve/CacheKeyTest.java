package io.naaplake.api.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
  private static final Instant NOW = Instant.parse("2026-01-09T01:00:00Z");

  @Test
  void parameterOrderDoesNotMatterButValuesAndVersionsDo() {
    Map<String, List<String>> ab = new LinkedHashMap<>();
    ab.put("a", List.of("1"));
    ab.put("b", List.of("2"));
    Map<String, List<String>> ba = new LinkedHashMap<>();
    ba.put("b", List.of("2"));
    ba.put("a", List.of("1"));
    CacheKey first = CacheKey.of("/v1/x", Map.of(), ab, NOW, "run-1");
    assertThat(CacheKey.of("/v1/x", Map.of(), ba, NOW, "run-1")).isEqualTo(first);
    assertThat(CacheKey.of("/v1/x", Map.of(), ab, NOW, "run-2").etag()).isNotEqualTo(first.etag());
    assertThat(CacheKey.of("/v1/x", Map.of(), Map.of("a", List.of("1")), NOW, "run-1"))
        .isNotEqualTo(first);
    assertThat(CacheKey.of("/v1/x", Map.of(), ab, NOW.plusSeconds(60), "run-1"))
        .isNotEqualTo(first);
    assertThat(CacheKey.of("/v1/y", Map.of(), ab, NOW, "run-1")).isNotEqualTo(first);
  }

  @Test
  void theEtagIsWeakAndStable() {
    String etag = CacheKey.of("/v1/x", Map.of("address", "0xab"), Map.of(), NOW, "r").etag();
    assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
    assertThat(CacheKey.of("/v1/x", Map.of("address", "0xab"), Map.of(), NOW, "r").etag())
        .isEqualTo(etag);
  }
}
