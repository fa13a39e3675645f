package io.naaplake.jobs.lake;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * Timings of the lake's writer lease ({@link WriterLease}).
 *
 * @param ttl a lease not renewed for this long has expired and may be taken over: how long a
 *     crashed writer blocks the lake (default 2 min)
 * @param heartbeatInterval how often the holder renews its lease; shorter than the TTL, so a
 *     healthy writer renews several times before it would expire (default 20 s)
 * @param maxWait how long a writer that finds the lake busy waits for it by default; zero fails at
 *     once with the holder named (default 0 s: CLI runs fail fast; the scheduler passes its own)
 * @param pollInterval how often a waiting writer looks at the lease again (default 2 s)
 */
public record WriterLeaseConfig(
    Duration ttl, Duration heartbeatInterval, Duration maxWait, Duration pollInterval) {

  public static final WriterLeaseConfig DEFAULTS =
      new WriterLeaseConfig(
          Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ZERO, Duration.ofSeconds(2));

  public WriterLeaseConfig {
    requirePositive("naap.lease.ttl", ttl);
    requirePositive("naap.lease.heartbeat-interval", heartbeatInterval);
    requirePositive("naap.lease.poll-interval", pollInterval);
    if (maxWait == null || maxWait.isNegative()) {
      throw LakeErrors.badConfiguration(
          "naap.lease.max-wait", String.valueOf(maxWait), "must be zero or a positive duration");
    }
    if (heartbeatInterval.compareTo(ttl) >= 0) {
      throw LakeErrors.badConfiguration(
          "naap.lease.heartbeat-interval",
          heartbeatInterval.toString(),
          "must be shorter than naap.lease.ttl (" + ttl + "), or the lease expires between beats");
    }
  }

  public static WriterLeaseConfig from(Settings settings) {
    return new WriterLeaseConfig(
        settings.duration("naap.lease.ttl", DEFAULTS.ttl()),
        settings.duration("naap.lease.heartbeat-interval", DEFAULTS.heartbeatInterval()),
        settings.duration("naap.lease.max-wait", DEFAULTS.maxWait()),
        settings.duration("naap.lease.poll-interval", DEFAULTS.pollInterval()));
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw LakeErrors.badConfiguration(key, String.valueOf(value), "must be a positive duration");
    }
  }
}
