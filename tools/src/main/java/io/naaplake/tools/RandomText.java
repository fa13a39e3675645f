package io.naaplake.tools;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Random identifiers in the shapes the producers use, drawn from a seeded random source. */
final class RandomText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  /** A version-4 UUID, as go-livepeer uses for envelope ids. */
  static String uuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least).toString();
  }

  static String hex(SplittableRandom random, int length) {
    return chars(random, HEX, length);
  }

  static String base36(SplittableRandom random, int length) {
    return chars(random, BASE36, length);
  }

  /** An ETH address with checksum-like mixed case, e.g. {@code 0xd00354656922168815Fcd1...}. */
  static String mixedCaseAddress(SplittableRandom random) {
    StringBuilder address = new StringBuilder("0x");
    for (char c : hex(random, 40).toCharArray()) {
      address.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return address.toString();
  }

  /** An NVML GPU UUID, {@code GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}. */
  static String gpuUuid(SplittableRandom random) {
    return "GPU-" + uuid(random).toLowerCase(Locale.ROOT);
  }

  static <T> T pick(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String chars(SplittableRandom random, char[] alphabet, int length) {
    char[] text = new char[length];
    for (int i = 0; i < length; i++) {
      text[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(text);
  }

  private RandomText() {}
}
