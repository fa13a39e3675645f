package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.LakeErrors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes truth records as JSON lines (one compact object per line, each line ending in a newline),
 * one file per {@link TruthFile} in a directory (created if needed; existing files are replaced).
 * Every file exists after {@link #close()}, empty if no record was written.
 */
public final class TruthDirectory implements TruthSink, AutoCloseable {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();

  private final Path directory;
  private final Map<TruthFile, JsonGenerator> files = new EnumMap<>(TruthFile.class);
  private final Map<TruthFile, Long> written = new EnumMap<>(TruthFile.class);

  public TruthDirectory(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      for (TruthFile file : TruthFile.values()) {
        OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(directory.resolve(file.fileName())), 1 << 16);
        JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(new SerializedString("\n"));
        files.put(file, generator);
        written.put(file, 0L);
      }
    } catch (IOException e) {
      close();
      throw LakeErrors.ioFailure("creating truth files in " + directory, e);
    }
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void accept(TruthFile file, ObjectNode record) {
    try {
      MAPPER.writeTree(files.get(file), record);
      written.merge(file, 1L, Long::sum);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + directory.resolve(file.fileName()), e);
    }
  }

  @Override
  public void message(DeliveredMessage message) {
    try {
      message.write(files.get(TruthFile.MESSAGES));
      written.merge(TruthFile.MESSAGES, 1L, Long::sum);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + directory.resolve(TruthFile.MESSAGES.fileName()), e);
    }
  }

  @Override
  public void close() {
    IOException failure = null;
    for (Map.Entry<TruthFile, JsonGenerator> entry : files.entrySet()) {
      try {
        JsonGenerator out = entry.getValue();
        if (written.getOrDefault(entry.getKey(), 0L) > 0) {
          out.writeRaw('\n');
        }
        out.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    files.clear();
    if (failure != null) {
      throw LakeErrors.ioFailure("closing truth files in " + directory, failure);
    }
  }
}
