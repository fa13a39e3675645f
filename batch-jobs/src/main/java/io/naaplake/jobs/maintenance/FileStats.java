package io.naaplake.jobs.maintenance;

/** A number of files and their total size. */
public record FileStats(long files, long bytes) {
  public static final FileStats NONE = new FileStats(0, 0);

  public FileStats plus(FileStats other) {
    return new FileStats(files + other.files, bytes + other.bytes);
  }

  @Override
  public String toString() {
    return files + " files, " + bytes + " bytes";
  }
}
