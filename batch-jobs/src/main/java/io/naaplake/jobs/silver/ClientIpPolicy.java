package io.naaplake.jobs.silver;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * No raw client IP leaves bronze: with a key configured, silver stores HMAC-SHA256(key, ip)
 * (stable, so one client's requests still group); without one, the IP is dropped.
 */
public final class ClientIpPolicy implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  private ClientIpPolicy(byte[] key) {
    this.key = key;
  }

  public static ClientIpPolicy from(Optional<String> key) {
    return new ClientIpPolicy(key.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]));
  }

  /** Whether a column holds a client IP. */
  static boolean isClientIp(String column) {
    return column.equals("client_ip") || column.endsWith("_client_ip");
  }

  /** The stored form of an IP: its keyed hash, or null when no key is configured. */
  String protect(String ip) {
    if (ip == null || key.length == 0) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return "hmac:" + HexFormat.of().formatHex(mac.doFinal(ip.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
