package io.naaplake.simulator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Identifiers drawn from the seeded random, in the forms the producers use: UUIDv4 envelope ids,
 * 8-hex request ids, {@code stream-xxxxxx-xxxxxxxx} stream ids, NVML {@code GPU-} UUIDs and EIP-55
 * checksum addresses. Never {@link java.util.UUID#randomUUID()}: the run must be reproducible.
 */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  /** A random version-4 UUID in canonical lower-case form. */
  static String uuid4(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    char[] out = new char[36];
    int position = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        out[position++] = '-';
      }
      long word = i < 16 ? high : low;
      int shift = (15 - (i % 16)) * 4;
      out[position++] = HEX[(int) ((word >>> shift) & 0xF)];
    }
    return new String(out);
  }

  /**
   * An NVML-style GPU UUID, {@code GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}: 128 random bits
   * without UUID version bits, as NVML prints them.
   */
  static String gpuUuid(SplittableRandom random) {
    return "GPU-"
        + hex(random, 8)
        + "-"
        + hex(random, 4)
        + "-"
        + hex(random, 4)
        + "-"
        + hex(random, 4)
        + "-"
        + hex(random, 12);
  }

  static String hex(SplittableRandom random, int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  static String base36(SplittableRandom random, int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = BASE36[random.nextInt(36)];
    }
    return new String(out);
  }

  /**
   * A bijection of 32-bit values keyed by {@code key}: distinct counters give distinct, random
   * looking results, so request ids never collide within a run and need no set of used ids.
   */
  static int permute32(int value, long key) {
    int k1 = (int) key | 1;
    int k2 = (int) (key >>> 32);
    int x = value;
    for (int round = 0; round < 3; round++) {
      x ^= k2;
      x *= 0x9E3779B1 | k1; // odd multiplier: invertible modulo 2^32
      x ^= x >>> 15;
      x *= 0x85EBCA77;
      x ^= x >>> 13;
    }
    return x;
  }

  /** 8 lower-case hex digits, the shape of real request ids ({@code db936fab}). */
  static String hex8(int value) {
    char[] out = new char[8];
    for (int i = 0; i < 8; i++) {
      out[i] = HEX[(value >>> (28 - 4 * i)) & 0xF];
    }
    return new String(out);
  }

  /** A 20-byte address in EIP-55 mixed-case checksum form, e.g. {@code 0xd003...3C7F}. */
  static String checksumAddress(SplittableRandom random) {
    return checksum(hex(random, 40));
  }

  /** EIP-55: a hex letter is upper-case when the matching nibble of keccak256(lower) is >= 8. */
  static String checksum(String lowerHexWithoutPrefix) {
    String lower = lowerHexWithoutPrefix.toLowerCase(Locale.ROOT);
    byte[] hash = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >>> (i % 2 == 0 ? 4 : 0)) & 0xF;
      out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private Ids() {}
}
