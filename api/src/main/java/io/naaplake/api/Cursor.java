package io.naaplake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset-pagination cursors: the sort-key values of the last row served, signed.
 *
 * <p>Format: URL-safe base64 without padding of {@code [version byte][16-byte MAC][payload]}. The
 * payload is a UTF-8 JSON array of the key values as strings (null stays null), in the route's sort
 * order; the typed values are recovered from the table declaration ({@link GoldQuery#after}). The
 * MAC is HMAC-SHA256, truncated to 128 bits, over the version, the payload and a <em>scope</em>:
 * the route and its normalised filters. So a cursor cannot be edited (the MAC fails), nor replayed
 * on another route or with other filters (the scope differs), and both are a 400 on parameter
 * {@code cursor}. The version byte lets a future format refuse old cursors explicitly.
 *
 * <p>The key is {@code naap.api.cursor-key}; without it a random per-process key is used and
 * cursors end with the process.
 */
public final class Cursor {

  /** Current format version; bump when the payload's meaning changes. */
  static final byte VERSION = 1;

  /** Cursors longer than this are refused before decoding (hostile input). */
  static final int MAX_LENGTH = 2048;

  private static final int MAC_LENGTH = 16;
  private static final String PARAMETER = "cursor";
  private static final String ALGORITHM = "HmacSHA256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec key;

  private Cursor(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** A codec signing with the configured key, or with a random one when none is configured. */
  public static Cursor of(ApiConfig config) {
    return config.cursorKey().map(Cursor::withKey).orElseGet(Cursor::withRandomKey);
  }

  public static Cursor withKey(String secret) {
    return new Cursor(secret.getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new Cursor(key);
  }

  /**
   * The cursor for the page after the row with these sort-key values.
   *
   * @param scope route and normalised filters the cursor is valid for
   * @param keyValues the last row's sort-key values as text, nulls allowed
   */
  public String encode(String scope, List<String> keyValues) {
    ArrayNode array = JSON.createArrayNode();
    keyValues.forEach(array::add);
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write cursor payload", e);
    }
    byte[] mac = mac(scope, VERSION, payload);
    ByteBuffer token = ByteBuffer.allocate(1 + MAC_LENGTH + payload.length);
    token.put(VERSION).put(mac).put(payload);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /**
   * The sort-key values a cursor carries.
   *
   * @param scope must equal the scope the cursor was encoded with
   * @param expectedKeys number of values the route's sort order has
   * @throws BadParameter naming {@code cursor} when the text is not base64, too long, of another
   *     version, tampered with, of another scope, or of another shape
   */
  public List<String> decode(String scope, String cursor, int expectedKeys) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (token.length < 1 + MAC_LENGTH + 2) {
      throw invalid();
    }
    if (token[0] != VERSION) {
      throw new BadParameter(PARAMETER, "cursor of an unsupported version; restart from page 1");
    }
    byte[] mac = Arrays.copyOfRange(token, 1, 1 + MAC_LENGTH);
    byte[] payload = Arrays.copyOfRange(token, 1 + MAC_LENGTH, token.length);
    // Constant-time comparison: a timing side channel must not reveal MAC bytes.
    if (!MessageDigest.isEqual(mac, mac(scope, token[0], payload))) {
      throw invalid();
    }
    return parsePayload(payload, expectedKeys);
  }

  private static List<String> parsePayload(byte[] payload, int expectedKeys) {
    JsonNode array;
    try {
      array = JSON.readTree(payload);
    } catch (java.io.IOException e) {
      throw invalid();
    }
    if (array == null || !array.isArray() || array.size() != expectedKeys) {
      throw invalid();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isNull()) {
        values.add(null);
      } else if (value.isTextual()) {
        values.add(value.textValue());
      } else {
        throw invalid();
      }
    }
    return java.util.Collections.unmodifiableList(values);
  }

  private byte[] mac(String scope, byte version, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(scope.getBytes(StandardCharsets.UTF_8));
      // A separator no scope contains keeps (scope, payload) pairs unambiguous.
      mac.update((byte) 0);
      mac.update(version);
      mac.update(payload);
      return Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static BadParameter invalid() {
    return new BadParameter(
        PARAMETER, "invalid cursor; pass next_cursor from the previous page unchanged");
  }
}
