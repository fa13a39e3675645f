package io.naaplake.jobs.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The lease on a local file system. Content is written to a temporary file first, so the lease file
 * is never seen half-written: a hard link creates it (link(2) fails if the name exists, atomically)
 * and an atomic rename replaces it.
 */
final class LocalLeaseStore implements LeaseStore {
  private final Path file;

  LocalLeaseStore(Path file) {
    this.file = requireNonNull(file, "file is null").toAbsolutePath();
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public Optional<String> read() throws IOException {
    try {
      return Optional.of(Files.readString(file, UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean createIfAbsent(String content) throws IOException {
    Path temp = writeTemp(content);
    try {
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void replace(String content) throws IOException {
    Path temp = writeTemp(content);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public boolean delete() throws IOException {
    return Files.deleteIfExists(file);
  }

  /** A uniquely named file beside the lease, so the link and the rename stay on one file system. */
  private Path writeTemp(String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.writeString(temp, content, UTF_8);
    return temp;
  }
}
