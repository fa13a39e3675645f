package io.naaplake.alerts;

import java.time.Instant;

/** Where lake gauges come from: {@link LakeGauges} on Trino, or fixed readings in tests. */
@FunctionalInterface
public interface GaugeSource {

  /**
   * The gauges as of a time.
   *
   * @throws io.naaplake.errors.NaapException when the lake cannot be read
   */
  GaugeReadings read(Instant asOf);
}
