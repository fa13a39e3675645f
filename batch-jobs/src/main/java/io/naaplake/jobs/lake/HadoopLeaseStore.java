package io.naaplake.jobs.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lease on a non-local Hadoop file system (HDFS, S3A, ...). See {@link LeaseStore} for which of
 * them make {@link #createIfAbsent} atomic.
 */
final class HadoopLeaseStore implements LeaseStore {
  private final FileSystem fs;
  private final Path file;

  HadoopLeaseStore(FileSystem fs, Path file) {
    this.fs = requireNonNull(fs, "fs is null");
    this.file = requireNonNull(file, "file is null");
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public Optional<String> read() throws IOException {
    try (FSDataInputStream in = fs.open(file)) {
      return Optional.of(new String(in.readAllBytes(), UTF_8));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean createIfAbsent(String content) throws IOException {
    FSDataOutputStream out;
    try {
      out = fs.create(file, false);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    try (out) {
      out.write(content.getBytes(UTF_8));
    }
    return true;
  }

  @Override
  public void replace(String content) throws IOException {
    try (FSDataOutputStream out = fs.create(file, true)) {
      out.write(content.getBytes(UTF_8));
    }
  }

  @Override
  public boolean delete() throws IOException {
    return fs.delete(file, false);
  }
}
