package io.naaplake.simulator;

/** Reports progress to the listener every 10 simulated seconds. */
final class ProgressTick extends Action {
  static final long INTERVAL = 10_000;

  private final SimulationProgress.Listener listener;

  ProgressTick(SimulationProgress.Listener listener) {
    this.listener = listener;
  }

  @Override
  void run(Simulation sim) {
    double fraction =
        (time - sim.startMillis) / (double) Math.max(1, sim.endMillis - sim.startMillis);
    listener.progress(
        new SimulationProgress(
            time, Math.min(1, fraction), sim.transport.delivered, sim.activeSessions.size()));
    sim.scheduler.schedule(this, time + INTERVAL);
  }
}
