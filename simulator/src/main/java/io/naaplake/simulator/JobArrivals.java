package io.naaplake.simulator;

import java.util.SplittableRandom;

/** Jobs of one kind arriving as a Poisson process with the diurnal swing (thinning). */
final class JobArrivals extends Action {
  private final JobProcess.Kind kind;
  private final SplittableRandom random;
  private final double maxRatePerMs;
  private final double amplitude;
  private final double[] gatewayWeights;

  JobArrivals(Simulation sim, JobProcess.Kind kind, double perMinute, SplittableRandom random) {
    this.kind = kind;
    this.random = random;
    this.amplitude = sim.config.diurnalAmplitude();
    this.maxRatePerMs = perMinute / 60_000.0 * (1 + amplitude);
    this.gatewayWeights = new double[sim.network.gateways.size()];
    for (int i = 0; i < gatewayWeights.length; i++) {
      gatewayWeights[i] = sim.network.gateways.get(i).demandWeight;
    }
  }

  void start(Simulation sim) {
    if (maxRatePerMs > 0) {
      sim.scheduler.schedule(this, next(sim.startMillis));
    }
  }

  private long next(long t) {
    return t + Math.max(1, Math.round(random.nextExponential() / maxRatePerMs));
  }

  @Override
  void run(Simulation sim) {
    if (random.nextDouble() * (1 + amplitude) < sim.diurnal(time)) {
      Gateway gateway = sim.network.gateways.get(Catalog.weighted(random, gatewayWeights));
      JobProcess job = new JobProcess(sim, sim.jobNumbers++, kind, gateway, random.split(), time);
      sim.scheduler.schedule(job, job.firstTime());
    }
    sim.scheduler.schedule(this, next(time));
  }
}
