package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** File operations of the export directory. */
final class ExportFiles {

  /** Writes {@code bytes} to {@code target} through a temporary file and an atomic rename. */
  static void writeAtomically(Path target, byte[] bytes) {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing " + target, e);
    }
  }

  /** Deletes a directory and everything in it; a missing directory is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** {@link #deleteTree}, failing as the lake's I/O error. */
  static void deleteTreeOrFail(Path root) {
    try {
      deleteTree(root);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("deleting " + root, e);
    }
  }

  private ExportFiles() {}
}
