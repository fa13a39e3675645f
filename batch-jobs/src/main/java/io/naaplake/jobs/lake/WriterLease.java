package io.naaplake.jobs.lake;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lake's writer lease: one writer at a time (the scheduler's chains, {@code ./naap run},
 * backfills, the demo). Hold it for the whole of a write, in try-with-resources:
 *
 * <pre>{@code
 * try (WriterLease lease = WriterLease.acquire(store, config, "cli: run", maxWait, clock, log)) {
 *   ... write; lease.checkStillHeld() before each commit ...
 * }
 * }</pre>
 *
 * <p>The lease is a JSON file ({@link LeaseRecord}) in a {@link LeaseStore}. Acquiring creates it
 * without overwriting; if another writer holds it, the caller waits up to its maximum wait,
 * polling, then fails with {@code LAKE_WRITER_BUSY} naming the holder (a zero wait fails at once).
 * A lease whose holder stopped renewing it (crashed, killed, hung) expires after the TTL and is
 * taken over.
 *
 * <p>While held, a daemon thread renews the lease every heartbeat interval, after checking that the
 * file still names this holder. If it names another, was deleted, or this holder missed its own
 * expiry, the lease is lost: {@link #checkStillHeld} then throws {@code LAKE_WRITER_LEASE_LOST}, so
 * the writer stops before committing more. Closing deletes the file if it is still this holder's;
 * so does a JVM shutdown (Ctrl-C), while a SIGKILL leaves it to expire.
 *
 * <p>The check-then-write steps (renew, release, takeover) are not compare-and-set: they are safe
 * against a live holder, and the only holder that can be overtaken mid-step is one that already
 * missed its expiry, which then finds out at its next heartbeat. How atomic the create itself is
 * depends on the file system: see {@link LeaseStore}. One holder per operation: the lease is not
 * re-entrant, and a second acquire by the same process waits for the first like any writer.
 */
public final class WriterLease implements AutoCloseable {
  /** Hadoop shutdown hook priority: after Spark's hook (40), before FileSystem's (10). */
  static final int RELEASE_AFTER_SPARK_PRIORITY = 25;

  private final LeaseClaim claim;
  private final LeaseStore store;
  private final Duration ttl;
  private final Clock clock;
  private final Consumer<String> progress;
  private final ScheduledExecutorService heartbeats;
  private final Thread releaseOnShutdown;
  private LeaseRecord held;
  private String lostBecause;
  private boolean released;

  private WriterLease(
      LeaseClaim claim,
      LeaseStore store,
      LeaseRecord held,
      WriterLeaseConfig config,
      Clock clock,
      Consumer<String> progress) {
    this.claim = claim;
    this.store = store;
    this.held = held;
    this.ttl = config.ttl();
    this.clock = clock;
    this.progress = progress;
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(WriterLease::heartbeatThread);
    this.releaseOnShutdown = new Thread(this::release, "naap-writer-lease-release");
  }

  /** Starts renewing, and releasing on JVM shutdown; separate so the constructor leaks no this. */
  private WriterLease start(Duration heartbeatInterval) {
    long interval = heartbeatInterval.toMillis();
    heartbeats.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    // In Hadoop's shutdown hook manager below Spark's hook (40): a shutting-down writer releases
    // the lake only once Spark has stopped, so nothing of it still commits when another writer
    // takes over; above FileSystem's (10), which closes the file system the lease is on.
    try {
      org.apache.hadoop.util.ShutdownHookManager.get()
          .addShutdownHook(releaseOnShutdown, RELEASE_AFTER_SPARK_PRIORITY);
    } catch (IllegalStateException e) {
      // Taken while the JVM shuts down (a scheduler's chain recording its end after SIGTERM): the
      // holder's close() releases it; if the JVM halts first, it expires like a crashed writer's.
    }
    return this;
  }

  /**
   * Takes the lake's writer lease, waiting for another holder up to {@code maxWait}.
   *
   * @param purpose who writes and what, e.g. {@code "scheduler hourly: run"}; shown to writers that
   *     find the lake busy
   * @param maxWait zero fails at once if the lake is busy; else how long to wait for it, polling
   *     every {@link WriterLeaseConfig#pollInterval}
   * @param progress receives "waiting for", "taking over" and release problems
   * @throws NaapException {@code LAKE_WRITER_BUSY} (retriable) if another writer still holds it;
   *     {@code LAKE_WRITER_LEASE_UNREADABLE} if the file is not a lease; {@code IO_FAILURE}
   */
  public static WriterLease acquire(
      LeaseStore store,
      WriterLeaseConfig config,
      String purpose,
      Duration maxWait,
      Clock clock,
      Consumer<String> progress) {
    requireNonNull(purpose, "purpose is null");
    requireNonNull(maxWait, "maxWait is null");
    LeaseClaim claim = new LeaseClaim(store, config.ttl(), clock, progress);
    Instant start = clock.instant();
    boolean announced = false;
    while (true) {
      LeaseClaim.Outcome outcome;
      try {
        outcome = claim.attempt(purpose);
      } catch (IOException e) {
        throw LakeErrors.ioFailure("taking the writer lease " + store.location(), e);
      }
      if (outcome.acquired().isPresent()) {
        return new WriterLease(claim, store, outcome.acquired().get(), config, clock, progress)
            .start(config.heartbeatInterval());
      }
      LeaseRecord holder = outcome.holder().orElseThrow();
      Duration waited = Duration.between(start, clock.instant());
      Duration left = maxWait.minus(waited);
      if (left.isNegative() || left.isZero()) {
        throw busy(store, holder, waited);
      }
      if (!announced) {
        progress.accept(
            "the lake is being written by "
                + holder.holder()
                + "; waiting up to "
                + maxWait.toSeconds()
                + " s for its writer lease");
        announced = true;
      }
      try {
        Thread.sleep(Math.max(1, min(config.pollInterval(), left).toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw busy(store, holder, Duration.between(start, clock.instant()));
      }
    }
  }

  /**
   * Takes the writer lease of the lake at {@code lakeRoot} ({@link LeaseStore#forLake}), as {@link
   * #acquire} does.
   */
  public static WriterLease acquireForLake(
      String lakeRoot,
      org.apache.hadoop.conf.Configuration hadoop,
      WriterLeaseConfig config,
      String purpose,
      Duration maxWait,
      Clock clock,
      Consumer<String> progress) {
    LeaseStore store;
    try {
      store = LeaseStore.forLake(lakeRoot, hadoop);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("finding the lake's writer lease under " + lakeRoot, e);
    }
    return acquire(store, config, purpose, maxWait, clock, progress);
  }

  /** The lease as this holder last wrote it. */
  public synchronized LeaseRecord record() {
    return held;
  }

  /**
   * Throws unless this writer still holds the lease: call before each commit.
   *
   * @throws NaapException {@code LAKE_WRITER_LEASE_LOST} (fatal) if another writer took it, it was
   *     deleted, or this holder's expiry passed without a renewal
   */
  public synchronized void checkStillHeld() {
    if (lostBecause == null && released) {
      lostBecause = "it was released";
    }
    if (lostBecause == null && held.expiredAt(clock.instant())) {
      lostBecause = "it expired at " + held.expiresAt() + " without being renewed";
    }
    if (lostBecause != null) {
      throw LakeErrors.lakeWriterLeaseLost(store.location(), lostBecause);
    }
  }

  /**
   * Renews the lease if the file still names this holder, else records it as lost. Runs on the
   * heartbeat thread; a failed write is retried at the next beat, and if none succeeds before the
   * expiry, the lease counts as lost.
   */
  synchronized void heartbeat() {
    if (released || lostBecause != null) {
      return;
    }
    try {
      Instant now = clock.instant();
      if (held.expiredAt(now)) {
        lostBecause = "it expired at " + held.expiresAt() + " before it was renewed";
        return;
      }
      Optional<LeaseRecord> onDisk = claim.read();
      if (onDisk.isEmpty()) {
        lostBecause = "the lease file was deleted";
        return;
      }
      if (!onDisk.get().ownerId().equals(held.ownerId())) {
        lostBecause = "it is now held by " + onDisk.get().holder();
        return;
      }
      LeaseRecord renewed = held.renewedAt(now, ttl);
      store.replace(renewed.toJson());
      held = renewed;
    } catch (IOException | NaapException e) {
      progress.accept("renewing the writer lease " + store.location() + " failed: " + e);
    }
  }

  /** Stops the heartbeat and deletes the lease file if it is still this holder's. */
  @Override
  public void close() {
    heartbeats.shutdown();
    try {
      org.apache.hadoop.util.ShutdownHookManager.get().removeShutdownHook(releaseOnShutdown);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and the hook runs release() itself.
    }
    release();
  }

  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      Optional<LeaseRecord> onDisk = claim.read();
      if (onDisk.isPresent() && onDisk.get().ownerId().equals(held.ownerId())) {
        store.delete();
      }
    } catch (IOException | NaapException e) {
      // The write itself is done; failing it now would only hide that. The lease expires alone.
      progress.accept(
          "could not release the writer lease "
              + store.location()
              + " ("
              + e.getMessage()
              + "); it expires at "
              + held.expiresAt());
    }
  }

  private static NaapException busy(LeaseStore store, LeaseRecord holder, Duration waited) {
    return LakeErrors.lakeWriterBusy(
        store.location(),
        holder.holder(),
        holder.acquiredAt(),
        holder.heartbeatAt(),
        holder.expiresAt(),
        waited);
  }

  private static Thread heartbeatThread(Runnable task) {
    Thread thread = new Thread(task, "naap-writer-lease-heartbeat");
    // A writer that exits without closing must not be kept alive by its heartbeat.
    thread.setDaemon(true);
    return thread;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
