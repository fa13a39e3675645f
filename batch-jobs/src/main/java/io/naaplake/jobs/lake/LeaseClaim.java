package io.naaplake.jobs.lake;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One attempt to take the writer lease: create it if there is none, take it over if its holder
 * stopped renewing it, else report who holds it.
 *
 * <p>A takeover deletes the stale file only if a second read still shows the same holder and
 * heartbeat, then creates the new lease without overwriting; if another writer's create wins, the
 * lake is busy. A holder whose heartbeat lands between that second read and the delete loses its
 * lease and finds out at its next heartbeat ({@link WriterLease#checkStillHeld}); only a holder
 * that already missed its expiry can be in that position.
 */
final class LeaseClaim {
  /** A lost create followed by a vanished winner is retried this often before giving up. */
  private static final int ATTEMPTS = 3;

  private final LeaseStore store;
  private final Duration ttl;
  private final Clock clock;
  private final Consumer<String> progress;

  LeaseClaim(LeaseStore store, Duration ttl, Clock clock, Consumer<String> progress) {
    this.store = requireNonNull(store, "store is null");
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** The outcome of an attempt: exactly one of the two is present. */
  record Outcome(Optional<LeaseRecord> acquired, Optional<LeaseRecord> holder) {}

  Outcome attempt(String purpose) throws IOException {
    for (int i = 0; i < ATTEMPTS; i++) {
      Optional<LeaseRecord> seen = read();
      long version = 1;
      if (seen.isPresent()) {
        LeaseRecord stale = seen.get();
        if (!stale.expiredAt(clock.instant())) {
          return busy(stale);
        }
        Optional<LeaseRecord> again = read();
        if (again.isPresent() && !again.get().sameHolding(stale)) {
          // Renewed or replaced since the first read: whoever wrote it is alive.
          return busy(again.get());
        }
        if (again.isPresent()) {
          store.delete();
          progress.accept(
              "taking over the expired writer lease of "
                  + stale.holder()
                  + " (expired at "
                  + stale.expiresAt()
                  + ")");
        }
        version = stale.version() + 1;
      }
      LeaseRecord mine = LeaseRecord.newHolder(purpose, clock.instant(), ttl, version);
      if (store.createIfAbsent(mine.toJson())) {
        return new Outcome(Optional.of(mine), Optional.empty());
      }
      Optional<LeaseRecord> winner = read();
      if (winner.isPresent()) {
        return busy(winner.get());
      }
    }
    throw LakeErrors.ioFailure(
        "taking the writer lease " + store.location(),
        new IOException("the lease was created and deleted " + ATTEMPTS + " times in a row"));
  }

  Optional<LeaseRecord> read() throws IOException {
    Optional<String> text = store.read();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LeaseRecord.fromJson(text.get()));
    } catch (IllegalArgumentException e) {
      throw LakeErrors.lakeWriterLeaseUnreadable(store.location(), e.getMessage());
    }
  }

  private static Outcome busy(LeaseRecord holder) {
    return new Outcome(Optional.empty(), Optional.of(holder));
  }
}
