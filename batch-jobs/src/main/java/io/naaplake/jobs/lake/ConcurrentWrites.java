package io.naaplake.jobs.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a job's independent table writes side by side on its one SparkSession ({@code
 * naap.spark.concurrent-writes}). A small write is mostly fixed driver-side work (planning, reading
 * and committing the Delta log) during which the executors idle; a second write's tasks fill that
 * gap. Spark runs jobs submitted from several threads of one session concurrently.
 *
 * <p>Results come back in the order of the inputs, whatever order the writes finish in, so what a
 * job logs and returns does not depend on timing. A failed write fails the call: writes not yet
 * started are skipped, writes already running are waited for (none outlives the call, so none
 * commits after the job has released the lake's writer lease), and the first failure in input order
 * is rethrown as it was thrown.
 */
public final class ConcurrentWrites {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int parallelism;

  /**
   * @param parallelism how many writes run at once; 1 runs them one after another in the caller's
   *     thread
   */
  public ConcurrentWrites(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.parallelism = parallelism;
  }

  public int parallelism() {
    return parallelism;
  }

  /** A progress sink that several writes may call at once, one line at a time. */
  public static Consumer<String> serialized(Consumer<String> progress) {
    Object lock = new Object();
    return line -> {
      synchronized (lock) {
        progress.accept(line);
      }
    };
  }

  /** Applies {@code write} to every input, {@link #parallelism()} at a time. */
  public <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> write) {
    if (parallelism == 1 || inputs.size() <= 1) {
      List<R> results = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        results.add(write.apply(input));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()), threadFactory());
    try {
      AtomicBoolean failed = new AtomicBoolean();
      List<Future<R>> futures = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        futures.add(pool.submit(() -> applyUnlessFailed(write, input, failed)));
      }
      return collect(futures);
    } finally {
      pool.shutdown();
    }
  }

  /** Runs {@code write} for every input, {@link #parallelism()} at a time. */
  public <T> void forEach(List<T> inputs, Consumer<? super T> write) {
    map(
        inputs,
        input -> {
          write.accept(input);
          return Boolean.TRUE;
        });
  }

  private static <T, R> R applyUnlessFailed(
      Function<? super T, ? extends R> write, T input, AtomicBoolean failed) {
    if (failed.get()) {
      throw new Skipped();
    }
    try {
      return write.apply(input);
    } catch (RuntimeException | Error e) {
      failed.set(true);
      throw e;
    }
  }

  /**
   * Waits for every write, even when interrupted (a write cannot be abandoned half-committed); the
   * interrupt is kept for the caller's next blocking call.
   */
  private static <R> List<R> collect(List<Future<R>> futures) {
    List<R> results = new ArrayList<>(futures.size());
    Throwable first = null;
    boolean interrupted = false;
    for (Future<R> future : futures) {
      while (true) {
        try {
          results.add(future.get());
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (first == null && !(e.getCause() instanceof Skipped)) {
            first = e.getCause();
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    return results;
  }

  private static ThreadFactory threadFactory() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    return runnable -> {
      // Created per call, so each thread inherits the caller's Spark local properties (job group).
      Thread thread = new Thread(runnable, "naap-write-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A write not started because an earlier one failed. */
  private static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped() {
      super(null, null, false, false);
    }
  }
}
