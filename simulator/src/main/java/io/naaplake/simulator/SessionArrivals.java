package io.naaplake.simulator;

import java.util.SplittableRandom;

/**
 * Live sessions arriving as a non-homogeneous Poisson process: rate = concurrency / mean duration
 * (Little's law) times the diurnal factor, drawn by thinning. At the start, the sessions the target
 * concurrency implies arrive within the first minute, so the network is busy from the start instead
 * of ramping up over a session length.
 */
final class SessionArrivals extends Action {
  private final SplittableRandom random;
  private final double maxRatePerMs;
  private final double amplitude;
  private final double[] modelWeights;
  private final double[] gatewayWeights;

  SessionArrivals(Simulation sim, SplittableRandom random) {
    this.random = random;
    double median = sim.config.sessionMedianDuration().toMillis();
    double meanDuration = median * Math.exp(0.9 * 0.9 / 2);
    this.amplitude = sim.config.diurnalAmplitude();
    this.maxRatePerMs = sim.config.concurrentStreams() / meanDuration * (1 + amplitude);
    this.modelWeights = new double[Catalog.LIVE_MODELS.size()];
    for (int i = 0; i < modelWeights.length; i++) {
      modelWeights[i] = Catalog.LIVE_MODELS.get(i).weight();
    }
    this.gatewayWeights = new double[sim.network.gateways.size()];
    for (int i = 0; i < gatewayWeights.length; i++) {
      gatewayWeights[i] = sim.network.gateways.get(i).demandWeight;
    }
  }

  /** Schedules the initial population and the first arrival. */
  void start(Simulation sim) {
    if (maxRatePerMs <= 0) {
      return;
    }
    long initial = Math.round(sim.config.concurrentStreams() * sim.diurnal(sim.startMillis));
    for (long i = 0; i < initial; i++) {
      LiveSession session = newSession(sim, sim.startMillis + random.nextInt(60_000));
      sim.scheduler.schedule(session, session.requestedAt);
    }
    sim.scheduler.schedule(this, nextArrival(sim.startMillis));
  }

  private long nextArrival(long t) {
    return t + Math.max(1, Math.round(random.nextExponential() / maxRatePerMs));
  }

  private LiveSession newSession(Simulation sim, long at) {
    SplittableRandom sessionRandom = random.split();
    Catalog.LiveModel model = Catalog.LIVE_MODELS.get(Catalog.weighted(random, modelWeights));
    Gateway gateway = sim.network.gateways.get(Catalog.weighted(random, gatewayWeights));
    return new LiveSession(sim, sim.sessionNumbers++, gateway, sessionRandom, model, at);
  }

  @Override
  void run(Simulation sim) {
    if (random.nextDouble() * (1 + amplitude) < sim.diurnal(time)) {
      LiveSession session = newSession(sim, time);
      sim.scheduler.schedule(session, time);
    }
    sim.scheduler.schedule(this, nextArrival(time));
  }
}
