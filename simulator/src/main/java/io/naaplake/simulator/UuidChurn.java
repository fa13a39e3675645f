package io.naaplake.simulator;

import java.util.SplittableRandom;

/**
 * GPU UUID churn on a rented host: at exponential intervals every GPU of the host gets a new NVML
 * UUID (a container or VM restart on the provider), while staying the same physical GPU. Sessions
 * already running keep the UUID they were selected under; later capability reports carry the new
 * ones.
 */
final class UuidChurn extends Action {
  private final Host host;
  private final SplittableRandom random;
  private final double ratePerHour;

  UuidChurn(Host host, SplittableRandom random, double ratePerHour) {
    this.host = host;
    this.random = random;
    this.ratePerHour = ratePerHour;
  }

  long nextAfter(long t) {
    return t
        + Math.max(60_000, Math.round(random.nextExponential() * Simulation.HOUR / ratePerHour));
  }

  @Override
  void run(Simulation sim) {
    host.epoch++;
    for (PhysicalGpu gpu : host.gpus) {
      gpu.current().until = time;
      gpu.epochs.add(new PhysicalGpu.UuidEpoch(Ids.gpuUuid(random), time));
    }
    sim.scheduler.schedule(this, nextAfter(time));
  }
}
