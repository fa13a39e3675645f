package io.naaplake.tools;

import io.naaplake.errors.LakeErrors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes envelopes as JSON lines, the form {@link EventsFile} reads back. */
final class EnvelopeJsonLines {
  /** Writes every envelope, one compact JSON object per line; returns how many were written. */
  static long write(Path file, Iterable<Envelope> envelopes) {
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (Envelope envelope : envelopes) {
        out.write(envelope.jsonBytes());
        out.write('\n');
        written++;
      }
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + file, e);
    }
    return written;
  }

  private EnvelopeJsonLines() {}
}
