package io.naaplake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CursorTest {
  private static final String SCOPE = "/v1/streaming/sla?pipeline=live-video-to-video";
  private final Cursor cursor = Cursor.withKey("test-key-0123456789");

  private static void assertBadCursor(Runnable decode) {
    assertThatThrownBy(decode::run)
        .isInstanceOf(BadParameter.class)
        .satisfies(e -> assertThat(((BadParameter) e).parameter()).isEqualTo("cursor"));
  }

  @Test
  void roundTripKeepsValuesNullsAndUnicode() {
    List<String> values =
        Arrays.asList("2026-01-15T12:00:00Z", null, "0xabc", "", "naïve \"quoted\" ✓");
    String token = cursor.encode(SCOPE, values);
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(cursor.decode(SCOPE, token, 5)).isEqualTo(values);
  }

  @Test
  void sameKeyDecodesAcrossInstancesRandomKeysDoNot() {
    String token = cursor.encode(SCOPE, List.of("a"));
    assertThat(Cursor.withKey("test-key-0123456789").decode(SCOPE, token, 1)).containsExactly("a");
    assertBadCursor(() -> Cursor.withRandomKey().decode(SCOPE, token, 1));
  }

  @Test
  void everyFlippedBitIsRefused() {
    String token = cursor.encode(SCOPE, List.of("2026-01-15T12:00:00Z", "org"));
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = bytes.clone();
        tampered[i] ^= (byte) (1 << bit);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        assertBadCursor(() -> cursor.decode(SCOPE, text, 2));
      }
    }
  }

  @Test
  void anotherScopeOrShapeIsRefused() {
    String token = cursor.encode(SCOPE, List.of("a", "b"));
    assertBadCursor(() -> cursor.decode("/v1/streaming/sla?pipeline=other", token, 2));
    assertBadCursor(() -> cursor.decode("/v1/streaming/demand", token, 2));
    assertBadCursor(() -> cursor.decode(SCOPE, token, 3));
  }

  @Test
  void garbageIsRefused() {
    for (String garbage :
        List.of(
            "",
            "not base64!",
            "AAAA",
            "' OR 1=1 --",
            "../../etc/passwd",
            "eyJhIjoxfQ",
            "=".repeat(10),
            "A".repeat(Cursor.MAX_LENGTH + 1))) {
      assertBadCursor(() -> cursor.decode(SCOPE, garbage, 1));
    }
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(80)];
      random.nextBytes(bytes);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      assertBadCursor(() -> cursor.decode(SCOPE, text, 1));
    }
  }

  @Test
  void otherVersionIsRefused() {
    byte[] bytes = Base64.getUrlDecoder().decode(cursor.encode(SCOPE, List.of("a")));
    bytes[0] = 2;
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThatThrownBy(() -> cursor.decode(SCOPE, text, 1))
        .isInstanceOf(BadParameter.class)
        .hasMessageContaining("version");
  }
}
