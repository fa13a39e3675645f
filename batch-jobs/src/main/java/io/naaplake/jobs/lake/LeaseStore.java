package io.naaplake.jobs.lake;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Where the writer lease lives: one small file, {@code <lake>/_naap/writer.lease}. Mutual exclusion
 * rests on {@link #createIfAbsent} being atomic, so the implementation depends on the file system:
 *
 * <ul>
 *   <li>local paths and {@code file:} URIs: {@link LocalLeaseStore}, through {@code java.nio}.
 *       Hadoop's local file system checks for the file and then opens it (not atomic), so it is not
 *       used for the create.
 *   <li>any other Hadoop URI: {@link HadoopLeaseStore}, {@code FileSystem.create(path, false)}. On
 *       HDFS the NameNode makes that atomic. On S3A it is not known to be: S3A checks for the
 *       object and then uploads, so two writers starting within that gap can both succeed. S3
 *       itself offers put-if-absent ({@code If-None-Match: *}) and Hadoop work to use it from S3A
 *       exists (HADOOP-19256), but this project ships no S3A client and has not verified it; until
 *       it does, a lake on S3 needs one scheduler host or a lock in a store with compare-and-set
 *       (e.g. DynamoDB).
 * </ul>
 */
public interface LeaseStore {
  /** The lease file's location under the lake root. */
  String RELATIVE_PATH = "_naap/writer.lease";

  /** The lease of the lake at {@code lakeRoot} (a local path or any Hadoop URI). */
  static LeaseStore forLake(String lakeRoot, Configuration hadoop) throws IOException {
    Path lease = new Path(lakeRoot.endsWith("/") ? lakeRoot : lakeRoot + "/", RELATIVE_PATH);
    FileSystem fs = lease.getFileSystem(hadoop);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      return new LocalLeaseStore(java.nio.file.Path.of(fs.makeQualified(lease).toUri()));
    }
    return new HadoopLeaseStore(fs, fs.makeQualified(lease));
  }

  /** The location, for messages. */
  String location();

  /** The file's content, or empty if there is no lease. */
  Optional<String> read() throws IOException;

  /** Writes the content as a new file; false, writing nothing, if the file exists. */
  boolean createIfAbsent(String content) throws IOException;

  /**
   * Replaces the content of an existing file. Readers see the old or the new content where the file
   * system allows (local rename, object-store PUT); on HDFS a reader may meet a half-written file
   * and report it unreadable for a moment.
   */
  void replace(String content) throws IOException;

  /** Deletes the file; false if there was none. */
  boolean delete() throws IOException;
}
