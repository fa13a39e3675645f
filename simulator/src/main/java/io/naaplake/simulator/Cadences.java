package io.naaplake.simulator;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * How often each periodic event is emitted. Defaults follow the real sample and the producers:
 * status every 10 s (the runner's STATUS_REPORT_INTERVAL), ingest metrics every 5 s, a payment at
 * selection then {@code initialPayments} more {@code initialPaymentInterval} apart, then one every
 * {@code paymentInterval} (the sample: +0.3 s, +6 s, +12 s, then about every 50 s), capabilities
 * per orchestrator and gateway every 25 minutes ({@code -liveAICapReportInterval}).
 *
 * @param paramsUpdateMean mean time between params updates of a live session (exponential)
 */
public record Cadences(
    Duration statusInterval,
    Duration ingestMetricsInterval,
    int initialPayments,
    Duration initialPaymentInterval,
    Duration paymentInterval,
    Duration capabilityInterval,
    Duration paramsUpdateMean) {

  public Cadences {
    positive("statusInterval", statusInterval);
    positive("ingestMetricsInterval", ingestMetricsInterval);
    positive("initialPaymentInterval", initialPaymentInterval);
    positive("paymentInterval", paymentInterval);
    positive("capabilityInterval", capabilityInterval);
    positive("paramsUpdateMean", paramsUpdateMean);
    if (initialPayments < 0 || initialPayments > 100) {
      throw LakeErrors.badInput("initialPayments", "expected 0..100, got " + initialPayments);
    }
  }

  public static Cadences defaults() {
    return new Cadences(
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        2,
        Duration.ofSeconds(6),
        Duration.ofSeconds(50),
        Duration.ofMinutes(25),
        Duration.ofMinutes(3));
  }

  public Cadences withCapabilityInterval(Duration interval) {
    return new Cadences(
        statusInterval,
        ingestMetricsInterval,
        initialPayments,
        initialPaymentInterval,
        paymentInterval,
        interval,
        paramsUpdateMean);
  }

  public Cadences withPaymentInterval(Duration interval) {
    return new Cadences(
        statusInterval,
        ingestMetricsInterval,
        initialPayments,
        initialPaymentInterval,
        interval,
        capabilityInterval,
        paramsUpdateMean);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.toMillis() < 100) {
      throw LakeErrors.badInput(name, "expected a duration of at least 100 ms, got " + value);
    }
  }
}
