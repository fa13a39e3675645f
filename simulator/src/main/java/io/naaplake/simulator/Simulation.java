package io.naaplake.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The state of one run that every action reaches: configuration, network, clock, scheduler,
 * transport, truth ledger and the id counters. Single-threaded.
 */
final class Simulation {
  static final long HOUR = 3_600_000L;

  final SimulationConfig config;
  final Network network;
  final Scheduler scheduler = new Scheduler();
  final Transport transport;
  final TruthLedger ledger;
  final EnvelopeWriter writer = new EnvelopeWriter();
  final long startMillis;
  final long endMillis;
  final long seed;

  /** Active live sessions by number, in start order. */
  final Map<Long, LiveSession> activeSessions = new LinkedHashMap<>();

  final Map<Long, JobProcess> activeJobs = new LinkedHashMap<>();

  long now;
  private int requestCounter;
  private final long requestKey;

  /** Numbers given to sessions and jobs when created (they start when their first event is due). */
  long sessionNumbers;

  long jobNumbers;

  /** Sessions and jobs whose first event was emitted. */
  long sessionsStarted;

  long jobsStarted;

  Simulation(
      SimulationConfig config,
      Network network,
      Transport transport,
      TruthLedger ledger,
      long startMillis,
      long endMillis) {
    this.config = config;
    this.network = network;
    this.transport = transport;
    this.ledger = ledger;
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.seed = config.seed();
    this.requestKey = new SplittableRandom(config.seed() ^ 0x5EED_1D5L).nextLong();
    this.now = startMillis;
  }

  /**
   * 8 base-36 characters unique to session {@code number} (a bijection of the number under the
   * run's key, behind one random leading character), like the real {@code mk5zc8fy}.
   */
  String streamSuffix(long number, SplittableRandom random) {
    long thirtySixPow7 = 78_364_164_096L;
    long unique = Ids.permute32((int) number, ~requestKey) & 0xFFFF_FFFFL;
    return Long.toString(thirtySixPow7 * (1 + random.nextInt(35)) + unique, 36);
  }

  /** A fresh 8-hex request id, unique within the run. */
  String nextRequestId() {
    return Ids.hex8(Ids.permute32(requestCounter++, requestKey));
  }

  static long hourStart(long millis) {
    return Math.floorDiv(millis, HOUR) * HOUR;
  }

  /**
   * Output fps factor of an orchestrator in the hour of {@code millis}: below 1 in its degraded
   * hours. A pure function of seed, orchestrator and hour, so the truth can ask it again.
   */
  double degradedFactor(Orchestrator orchestrator, long millis) {
    double rate = orchestrator.rates.degradedFpsHour();
    if (rate <= 0) {
      return 1.0;
    }
    long hour = Math.floorDiv(millis, HOUR);
    SplittableRandom random =
        new SplittableRandom(
            seed * 0x9E3779B97F4A7C15L + orchestrator.index * 0xBF58476D1CE4E5B9L + hour);
    return random.nextDouble() < rate ? 0.4 + 0.3 * random.nextDouble() : 1.0;
  }

  /** The diurnal demand factor at {@code millis}: 1 + A cos(2 pi (h - peak) / 24). */
  double diurnal(long millis) {
    double hourOfDay = Math.floorMod(millis, 24 * HOUR) / (double) HOUR;
    return 1
        + config.diurnalAmplitude()
            * Math.cos(2 * Math.PI * (hourOfDay - config.peakHourUtc()) / 24.0);
  }

  int emit(
      Gateway gateway,
      String id,
      String type,
      String subtype,
      long eventTime,
      byte[] value,
      Transport.NoiseContext context) {
    return transport.send(gateway, id, type, subtype, null, eventTime, now, value, context);
  }
}
