package io.naaplake.config;

/** A size in bytes, written with units in configuration. */
public record DataSize(long bytes) {
  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size " + bytes);
    }
  }

  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  public static DataSize ofKilobytes(long kilobytes) {
    return new DataSize(kilobytes * 1024);
  }

  public static DataSize ofMegabytes(long megabytes) {
    return new DataSize(megabytes * 1024 * 1024);
  }

  /** The byte count as an int, for APIs that take one. */
  public int toIntBytes() {
    return Math.toIntExact(bytes);
  }
}
