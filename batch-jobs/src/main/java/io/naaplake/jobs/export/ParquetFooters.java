package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet footer independent of the JVM that wrote it. parquet-mr collects each column
 * chunk's encodings in a {@code HashSet} of enum constants, whose iteration order follows identity
 * hash codes and so changes from one JVM to the next: the same rows written by two processes
 * differed only in the order of those lists (measured: 5 lists of 3 encodings in a 9 kB file). The
 * footer is rewritten in place with every encoding list, and the page encoding statistics, sorted
 * by their numeric codes; the lists keep their lengths, so the footer keeps its size and the data
 * pages and offsets are untouched.
 */
final class ParquetFooters {
  private static final int TAIL = 8; // footer length (4 bytes, little endian) + "PAR1"

  static void canonicalize(Path file) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(TAIL).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - TAIL);
      int footerLength = tail.getInt(0);
      long footerStart = size - TAIL - footerLength;
      ByteBuffer footer = ByteBuffer.allocate(footerLength);
      channel.read(footer, footerStart);
      FileMetaData metadata =
          Util.readFileMetaData(new ByteArrayInputStream(footer.array(), 0, footerLength));
      sortEncodings(metadata);
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(metadata, rewritten);
      if (rewritten.size() != footerLength) {
        throw new IllegalStateException(
            file
                + ": the sorted Parquet footer is "
                + rewritten.size()
                + " bytes, not "
                + footerLength);
      }
      channel.write(ByteBuffer.wrap(rewritten.toByteArray()), footerStart);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("rewriting the Parquet footer of " + file, e);
    }
  }

  private static void sortEncodings(FileMetaData metadata) {
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null) {
          continue;
        }
        List<Encoding> encodings = new ArrayList<>(column.getEncodings());
        encodings.sort(Comparator.comparingInt(Encoding::getValue));
        column.setEncodings(encodings);
        if (column.isSetEncoding_stats()) {
          List<PageEncodingStats> stats = new ArrayList<>(column.getEncoding_stats());
          stats.sort(
              Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                  .thenComparingInt(s -> s.getEncoding().getValue()));
          column.setEncoding_stats(stats);
        }
      }
    }
  }

  private ParquetFooters() {}
}
