package io.naaplake.jobs.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WriterLeaseTest {
  private static final Instant T0 = Instant.parse("2026-01-09T00:00:00Z");
  private static final WriterLeaseConfig TIMINGS =
      new WriterLeaseConfig(
          Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ZERO, Duration.ofMillis(20));

  @TempDir Path lake;
  private final SettableClock clock = new SettableClock(T0);
  private final List<String> progress = new CopyOnWriteArrayList<>();

  @Test
  void theLeaseFileHoldsTheDocumentedJson() throws Exception {
    try (WriterLease lease = acquire("cli: run", Duration.ZERO)) {
      JsonNode json = new ObjectMapper().readTree(Files.readString(leaseFile(), UTF_8));

      List<String> fields = new ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "owner_id",
              "purpose",
              "host",
              "pid",
              "acquired_at",
              "heartbeat_at",
              "expires_at",
              "version");
      assertThat(json.get("owner_id").asText())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
          .isEqualTo(lease.record().ownerId());
      assertThat(json.get("purpose").asText()).isEqualTo("cli: run");
      assertThat(json.get("host").asText()).isEqualTo(InetAddress.getLocalHost().getHostName());
      assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(json.get("acquired_at").asText()).isEqualTo("2026-01-09T00:00:00Z");
      assertThat(json.get("heartbeat_at").asText()).isEqualTo("2026-01-09T00:00:00Z");
      assertThat(json.get("expires_at").asText()).isEqualTo("2026-01-09T00:02:00Z");
      assertThat(json.get("version").asLong()).isEqualTo(1);
    }
  }

  @Test
  void aSecondWriterFailsFastNamingTheHolder() throws Exception {
    try (WriterLease holder = acquire("scheduler hourly: run", Duration.ZERO)) {
      clock.advance(Duration.ofSeconds(30));

      assertThatThrownBy(() -> acquire("cli: run", Duration.ZERO))
          .isInstanceOfSatisfying(
              NaapException.class,
              e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.RETRIABLE);
                assertThat(e.code()).isEqualTo("LAKE_WRITER_BUSY");
              })
          .hasMessageContaining("written by \"scheduler hourly: run\"")
          .hasMessageContaining("owner " + holder.record().ownerId())
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("since 2026-01-09T00:00:00Z")
          .hasMessageContaining("expires at 2026-01-09T00:02:00Z")
          .hasMessageContaining(leaseFile().toString())
          .hasMessageContaining("Did not wait");
      assertThat(onDisk().ownerId()).isEqualTo(holder.record().ownerId());
    }
  }

  @Test
  @Timeout(10) // the test clock stands still, so only the release ends the wait
  void aWaitingWriterGetsTheLakeWhenTheHolderReleasesIt() throws Exception {
    WriterLease holder = acquire("cli: run", Duration.ZERO);
    Thread releaser =
        new Thread(
            () -> {
              sleep(150);
              holder.close();
            });
    releaser.start();

    try (WriterLease waiter = acquire("scheduler hourly: run", Duration.ofSeconds(10))) {
      assertThat(waiter.record().ownerId()).isNotEqualTo(holder.record().ownerId());
      assertThat(onDisk()).isEqualTo(waiter.record());
      assertThat(progress)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("the lake is being written by \"cli: run\"")
                      .endsWith("waiting up to 10 s for its writer lease"));
    }
    releaser.join();
  }

  @Test
  void aWaitingWriterGivesUpAfterItsMaximumWait() throws Exception {
    Clock realTime = Clock.systemUTC();
    LeaseStore store = store();
    try (WriterLease holder =
        WriterLease.acquire(store, TIMINGS, "cli: run", Duration.ZERO, realTime, progress::add)) {
      long started = System.nanoTime();

      assertThatThrownBy(
              () ->
                  WriterLease.acquire(
                      store, TIMINGS, "backfill", Duration.ofMillis(200), realTime, progress::add))
          .isInstanceOf(NaapException.class)
          .hasMessageContaining("written by \"cli: run\"")
          .hasMessageContaining("Waited ");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
      assertThat(onDisk().ownerId()).isEqualTo(holder.record().ownerId());
    }
  }

  @Test
  void anExpiredLeaseIsTakenOver() throws Exception {
    LeaseRecord crashed =
        new LeaseRecord(
            "00000000-0000-0000-0000-00000000dead",
            "scheduler hourly: run",
            "etl-1",
            4242,
            T0.minusSeconds(600),
            T0.minusSeconds(120),
            T0,
            7);
    assertThat(store().createIfAbsent(crashed.toJson())).isTrue();

    clock.advance(Duration.ofMillis(-1));
    assertThatThrownBy(() -> acquire("cli: run", Duration.ZERO))
        .hasMessageContaining("owner 00000000-0000-0000-0000-00000000dead on etl-1, pid 4242");

    clock.advance(Duration.ofMillis(1));
    try (WriterLease lease = acquire("cli: run", Duration.ZERO)) {
      assertThat(lease.record().ownerId()).isNotEqualTo(crashed.ownerId());
      assertThat(lease.record().version()).isEqualTo(8);
      assertThat(lease.record().expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
      assertThat(onDisk()).isEqualTo(lease.record());
      assertThat(progress)
          .containsExactly(
              "taking over the expired writer lease of \"scheduler hourly: run\" (owner"
                  + " 00000000-0000-0000-0000-00000000dead on etl-1, pid 4242)"
                  + " (expired at 2026-01-09T00:00:00Z)");
    }
  }

  @Test
  void aHeartbeatExtendsTheExpiry() throws Exception {
    try (WriterLease lease = acquire("cli: run", Duration.ZERO)) {
      clock.advance(Duration.ofSeconds(20));
      lease.heartbeat();

      LeaseRecord renewed = onDisk();
      assertThat(renewed.acquiredAt()).isEqualTo(T0);
      assertThat(renewed.heartbeatAt()).isEqualTo(Instant.parse("2026-01-09T00:00:20Z"));
      assertThat(renewed.expiresAt()).isEqualTo(Instant.parse("2026-01-09T00:02:20Z"));
      assertThat(renewed.version()).isEqualTo(2);
      assertThat(lease.record()).isEqualTo(renewed);

      // Past the first expiry, the lease is still held thanks to the renewal.
      clock.advance(Duration.ofMinutes(1).plusSeconds(50));
      lease.checkStillHeld();
    }
  }

  @Test
  void theHeartbeatThreadRenewsOnItsInterval() throws Exception {
    WriterLeaseConfig fast =
        new WriterLeaseConfig(
            Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ZERO, Duration.ofMillis(20));
    try (WriterLease lease =
        WriterLease.acquire(store(), fast, "cli: run", Duration.ZERO, clock, progress::add)) {
      clock.advance(Duration.ofMillis(500));
      Instant renewedAt = T0.plusMillis(500);
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (!onDisk().heartbeatAt().equals(renewedAt) && System.nanoTime() < deadline) {
        sleep(10);
      }

      assertThat(onDisk().heartbeatAt()).isEqualTo(renewedAt);
      assertThat(onDisk().expiresAt()).isEqualTo(renewedAt.plusSeconds(1));
      assertThat(lease.record().version()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aLeaseTakenOverByAnotherWriterIsDetectedAsLost() throws Exception {
    WriterLease stalled = acquire("scheduler hourly: run", Duration.ZERO);
    stalled.checkStillHeld();
    clock.advance(Duration.ofMinutes(3));
    try (WriterLease taker = acquire("cli: run", Duration.ZERO)) {
      stalled.heartbeat();

      assertThatThrownBy(stalled::checkStillHeld)
          .isInstanceOfSatisfying(
              NaapException.class,
              e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.FATAL);
                assertThat(e.code()).isEqualTo("LAKE_WRITER_LEASE_LOST");
              })
          .hasMessageContaining("expired at 2026-01-09T00:02:00Z before it was renewed");

      // Releasing a lost lease leaves the new holder's file alone.
      stalled.close();
      assertThat(onDisk()).isEqualTo(taker.record());
      taker.checkStillHeld();
    }
    assertThat(leaseFile()).doesNotExist();
  }

  @Test
  void aLeaseWhoseFileNamesAnotherOwnerIsLostAtTheNextHeartbeat() throws Exception {
    WriterLease lease = acquire("cli: run", Duration.ZERO);
    LeaseRecord other = LeaseRecord.newHolder("backfill", T0, Duration.ofMinutes(2), 5);
    store().replace(other.toJson());

    lease.heartbeat();

    assertThatThrownBy(lease::checkStillHeld)
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("now held by \"backfill\" (owner " + other.ownerId());
    lease.close();
    assertThat(onDisk()).isEqualTo(other);
  }

  @Test
  void aLeaseNotRenewedBeforeItsExpiryIsNoLongerHeld() throws Exception {
    try (WriterLease lease = acquire("cli: run", Duration.ZERO)) {
      clock.advance(Duration.ofMinutes(2));

      assertThatThrownBy(lease::checkStillHeld)
          .hasMessageContaining("expired at 2026-01-09T00:02:00Z without being renewed");
    }
  }

  @Test
  void releaseDeletesTheLeaseAndTheNextWriterTakesItAtOnce() throws Exception {
    WriterLease first = acquire("pipeline: run", Duration.ZERO);
    first.close();
    first.close();
    assertThat(leaseFile()).doesNotExist();
    assertThatThrownBy(first::checkStillHeld).hasMessageContaining("it was released");

    try (WriterLease second = acquire("pipeline: run", Duration.ZERO)) {
      assertThat(onDisk()).isEqualTo(second.record());
      assertThat(second.record().version()).isEqualTo(1);
    }
    assertThat(leaseFile()).doesNotExist();
    try (var files = Files.list(leaseFile().getParent())) {
      assertThat(files).as("no temporary files left behind").isEmpty();
    }
  }

  @Test
  void aFileThatIsNotALeaseFailsWithAnInstruction() throws Exception {
    Files.createDirectories(leaseFile().getParent());
    Files.writeString(leaseFile(), "{\"owner_id\": \"x\"}");

    assertThatThrownBy(() -> acquire("cli: run", Duration.ZERO))
        .isInstanceOfSatisfying(
            NaapException.class,
            e -> assertThat(e.code()).isEqualTo("LAKE_WRITER_LEASE_UNREADABLE"))
        .hasMessageContaining("field purpose missing")
        .hasMessageContaining("If no writer is running, delete the file");
  }

  @Test
  void aFileUriLakeRootUsesTheSameLeaseAsItsPath() throws Exception {
    LeaseStore byUri = LeaseStore.forLake(lake.toUri().toString(), new Configuration());
    try (WriterLease lease =
        WriterLease.acquire(byUri, TIMINGS, "cli: run", Duration.ZERO, clock, progress::add)) {
      assertThat(byUri.location()).isEqualTo(leaseFile().toString());
      assertThatThrownBy(() -> acquire("backfill", Duration.ZERO))
          .hasMessageContaining("written by \"cli: run\"");
      assertThat(onDisk()).isEqualTo(lease.record());
    }
  }

  private WriterLease acquire(String purpose, Duration maxWait) throws IOException {
    return WriterLease.acquire(store(), TIMINGS, purpose, maxWait, clock, progress::add);
  }

  private LeaseStore store() throws IOException {
    return LeaseStore.forLake(lake.toString(), new Configuration());
  }

  private Path leaseFile() {
    return lake.resolve("_naap").resolve("writer.lease");
  }

  private LeaseRecord onDisk() throws IOException {
    return LeaseRecord.fromJson(Files.readString(leaseFile(), UTF_8));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
