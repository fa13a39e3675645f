package io.naaplake.simulator;

/**
 * Where a run stands, reported every 10 simulated seconds.
 *
 * @param simulatedMillis simulated time reached (epoch ms)
 * @param fraction share of the simulated duration done, 0 to 1
 * @param messagesDelivered messages handed to the sink so far
 * @param activeSessions live sessions running now
 */
public record SimulationProgress(
    long simulatedMillis, double fraction, long messagesDelivered, int activeSessions) {

  /** Receives progress reports; the simulator's thread calls it. */
  @FunctionalInterface
  public interface Listener {
    void progress(SimulationProgress progress);

    static Listener none() {
      return progress -> {};
    }
  }
}
