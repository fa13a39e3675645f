package io.naaplake.simulator;

import io.naaplake.errors.LakeErrors;

/**
 * How often orchestrators fail, as probabilities. Session probabilities are per session the
 * orchestrator serves; the others are rates per hour. Rates are a network-wide default that each
 * orchestrator scales by its own reliability draw, unless {@link
 * SimulationConfig.Builder#orchestratorFailureRates} sets that orchestrator's rates outright.
 *
 * @param noOrchestrator per requested live session: the gateway finds no orchestrator (on top of
 *     sessions that find no free capacity); excused at startup
 * @param swap per served session: the gateway swaps to another orchestrator ({@code
 *     orchestrator_swap} with a reason)
 * @param loadingOnly per served session: the runner never leaves LOADING; never playable
 * @param zeroOutputFps per served session: playable, but every status reports 0 output fps
 * @param excusableError per served session: startup fails with an excusable error message
 * @param unexcusedError per served session: startup fails with an unexcused error message
 * @param restartsPerHour runner restarts per session-hour ({@code restart} events, {@code
 *     restart_count})
 * @param errorsPerHour mid-stream error events per session-hour (excusable or not, half each)
 * @param degradedFpsHour per orchestrator and hour: output fps degraded to 40-70 %
 * @param rentedHostShare share of hosts that are rented (cloud) machines, whose GPU UUIDs churn
 * @param uuidChurnPerHour per rented host: how often per hour its GPUs get new UUIDs
 */
public record FailureRates(
    double noOrchestrator,
    double swap,
    double loadingOnly,
    double zeroOutputFps,
    double excusableError,
    double unexcusedError,
    double restartsPerHour,
    double errorsPerHour,
    double degradedFpsHour,
    double rentedHostShare,
    double uuidChurnPerHour) {

  public FailureRates {
    probability("noOrchestrator", noOrchestrator);
    probability("swap", swap);
    probability("loadingOnly", loadingOnly);
    probability("zeroOutputFps", zeroOutputFps);
    probability("excusableError", excusableError);
    probability("unexcusedError", unexcusedError);
    rate("restartsPerHour", restartsPerHour);
    rate("errorsPerHour", errorsPerHour);
    probability("degradedFpsHour", degradedFpsHour);
    probability("rentedHostShare", rentedHostShare);
    rate("uuidChurnPerHour", uuidChurnPerHour);
    if (swap + loadingOnly + zeroOutputFps + excusableError + unexcusedError > 1) {
      throw LakeErrors.badInput(
          "failure rates", "swap + loadingOnly + zeroOutputFps + errors must not exceed 1");
    }
  }

  /** A network that never fails (rented hosts still exist but never churn). */
  public static FailureRates none() {
    return new FailureRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0);
  }

  /** Every failure mode present, at rates that keep most sessions healthy. */
  public static FailureRates defaults() {
    return new FailureRates(0.02, 0.04, 0.02, 0.01, 0.02, 0.02, 0.15, 0.25, 0.03, 0.25, 0.5);
  }

  /** These rates times {@code factor} (per-orchestrator reliability), probabilities capped. */
  FailureRates scaled(double factor) {
    double total = (swap + loadingOnly + zeroOutputFps + excusableError + unexcusedError) * factor;
    double cap = total > 0.9 ? 0.9 / total : 1.0; // keep the session modes summing below 1
    return new FailureRates(
        noOrchestrator,
        swap * factor * cap,
        loadingOnly * factor * cap,
        zeroOutputFps * factor * cap,
        excusableError * factor * cap,
        unexcusedError * factor * cap,
        restartsPerHour * factor,
        errorsPerHour * factor,
        Math.min(1, degradedFpsHour * factor),
        rentedHostShare,
        uuidChurnPerHour);
  }

  private static void probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw LakeErrors.badInput(name, "expected a probability in [0, 1], got " + value);
    }
  }

  private static void rate(String name, double value) {
    if (!(value >= 0 && value < 1_000)) {
      throw LakeErrors.badInput(name, "expected a rate per hour in [0, 1000), got " + value);
    }
  }
}
