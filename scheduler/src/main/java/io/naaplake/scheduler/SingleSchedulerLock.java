package io.naaplake.scheduler;

import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second executing scheduler off the same scheduler directory. The store is not clustered:
 * two executing schedulers would each run Quartz's start-up recovery over the other's triggers and
 * could run a chain twice, and the lake has one writer. {@code ./naap jobs} takes no lock.
 */
final class SingleSchedulerLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SingleSchedulerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock file {@code dir/scheduler.lock}, or fails if another scheduler holds it. */
  static SingleSchedulerLock acquire(Path dir) {
    Path file = dir.resolve("scheduler.lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new SingleSchedulerLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // Held by this JVM: fall through to the same failure as another process holding it.
    } catch (IOException e) {
      closeQuietly(channel);
      throw LakeErrors.ioFailure("locking " + file, e);
    }
    closeQuietly(channel);
    throw new IllegalStateException(
        "another scheduler is running on "
            + dir
            + " (it holds "
            + file
            + "). Stop it first, or use ./naap jobs to operate it.");
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing is left to release: the OS drops the lock with the descriptor.
    }
  }
}
