package io.naaplake.simulator;

import io.naaplake.errors.LakeErrors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --out DIR} sink: one file {@code <topic>.jsonl} per topic, each line the exact bytes
 * of one Kafka message value in delivery order (values never contain a newline). Keys are not
 * written: for readable envelopes the key is the envelope {@code id}; every key, malformed ones
 * included, is in the truth's {@code messages.jsonl} (same order per topic). A file without
 * malformed lines can be replayed as is with {@code ./naap replay}.
 */
public final class JsonLinesDirectory implements MessageSink, AutoCloseable {
  private final Path directory;
  private final Map<String, OutputStream> files = new TreeMap<>();

  public JsonLinesDirectory(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("creating " + directory, e);
    }
  }

  /** Creates (empty) the file of {@code topic} now, so it exists even if nothing is delivered. */
  public void open(String topic) {
    file(topic);
  }

  private OutputStream file(String topic) {
    OutputStream out = files.get(topic);
    if (out == null) {
      try {
        out = new BufferedOutputStream(Files.newOutputStream(path(topic)), 1 << 16);
      } catch (IOException e) {
        throw LakeErrors.ioFailure("creating " + path(topic), e);
      }
      files.put(topic, out);
    }
    return out;
  }

  public Path path(String topic) {
    return directory.resolve(topic + ".jsonl");
  }

  @Override
  public void deliver(String topic, byte[] key, byte[] value) {
    try {
      OutputStream out = file(topic);
      out.write(value);
      out.write('\n');
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + path(topic), e);
    }
  }

  @Override
  public void close() {
    IOException failure = null;
    for (OutputStream out : files.values()) {
      try {
        out.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    files.clear();
    if (failure != null) {
      throw LakeErrors.ioFailure("closing files in " + directory, failure);
    }
  }
}
