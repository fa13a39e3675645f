package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic stream of realistic envelopes for load tests and demos.
 *
 * <p>The same seed, start and spacing always give the same envelopes, ids included (UUID v4 drawn
 * from the seeded source). Events follow the family mix of {@link SyntheticFamily} and the shapes
 * and sizes of the real capture; they belong to a few hundred concurrent live sessions spread over
 * a roster of 40 orchestrators, and sessions end and are replaced as the stream goes on, so a long
 * run has many stream ids. Envelope timestamps start at {@code start} and advance by a random step
 * averaging {@code meanSpacing}.
 *
 * <p>Envelopes are produced one at a time while iterating; nothing holds the whole run, so a
 * million-event run needs no more memory than a ten-event one.
 */
public final class SyntheticEnvelopes {
  private static final int CONCURRENT_SESSIONS = 256;

  private final long seed;
  private final Instant start;
  private final Duration meanSpacing;

  public SyntheticEnvelopes(long seed, Instant start, Duration meanSpacing) {
    this.seed = seed;
    this.start = requireNonNull(start, "start is null");
    this.meanSpacing = requireNonNull(meanSpacing, "meanSpacing is null");
    if (meanSpacing.isNegative()) {
      throw new IllegalArgumentException("meanSpacing is negative: " + meanSpacing);
    }
  }

  /** {@code count} envelopes; every iteration regenerates the same sequence from the seed. */
  public Iterable<Envelope> envelopes(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count is negative: " + count);
    }
    return () -> new Generation(count);
  }

  /** One pass over the sequence: the random source, the clock and the live sessions. */
  private final class Generation implements Iterator<Envelope> {
    private final SplittableRandom random = new SplittableRandom(seed);
    private final SyntheticRoster roster = SyntheticRoster.draw(random);
    private final SyntheticPayloads payloads = new SyntheticPayloads(random, roster);
    private final List<LiveSession> sessions = new ArrayList<>();
    private final long spacingNanos = meanSpacing.toNanos();
    private long remaining;
    private long clockNanos;

    Generation(long count) {
      this.remaining = count;
      this.clockNanos = 0;
      long startMillis = start.toEpochMilli();
      for (int i = 0; i < CONCURRENT_SESSIONS; i++) {
        // Sessions already running when the stream starts, begun up to ten minutes earlier.
        LiveSession session =
            new LiveSession(random, roster, startMillis - random.nextInt(600_000));
        session.traceStep = random.nextInt(LiveSession.TRACE_STEPS.size() - 1);
        sessions.add(session);
      }
    }

    @Override
    public boolean hasNext() {
      return remaining > 0;
    }

    @Override
    public Envelope next() {
      if (remaining <= 0) {
        throw new NoSuchElementException();
      }
      remaining--;
      clockNanos += spacingNanos == 0 ? 0 : random.nextLong(2 * spacingNanos + 1);
      long millis = start.toEpochMilli() + clockNanos / 1_000_000;
      SyntheticFamily family = SyntheticFamily.forRoll(random.nextInt(100));
      int slot = random.nextInt(sessions.size());
      LiveSession session = sessions.get(slot);
      JsonNode data =
          switch (family) {
            case STREAM_INGEST_METRICS -> payloads.streamIngestMetrics(session, millis);
            case AI_STREAM_STATUS -> payloads.aiStreamStatus(session, millis);
            case STREAM_TRACE -> payloads.streamTrace(session, millis);
            case CREATE_NEW_PAYMENT -> payloads.createNewPayment(session);
            case DISCOVERY_RESULTS -> payloads.discoveryResults();
            case AI_STREAM_EVENTS -> payloads.aiStreamEvents(session, millis);
            case NETWORK_CAPABILITIES -> payloads.networkCapabilities();
          };
      if (session.isClosed()) {
        sessions.set(slot, new LiveSession(random, roster, millis));
      }
      return envelope(family.type(), millis, session.gateway, data);
    }

    private Envelope envelope(String type, long millis, String gateway, JsonNode data) {
      String id = RandomText.uuid(random);
      ObjectNode json = JsonSupport.newObject();
      json.put("id", id);
      json.put("type", type);
      json.put("timestamp", Long.toString(millis));
      json.put("gateway", gateway);
      json.set("data", data);
      return new Envelope(id, type, json);
    }
  }
}
