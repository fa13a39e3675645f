package io.naaplake.jobs.silver.capability;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;

/**
 * GPU memory whatever unit arrived. Real data reports bytes (34190917632); the producer's
 * documentation shows MiB-like numbers (23028). A value below 2^20 is MiB: no GPU has less than 1
 * MiB, and no MiB figure reaches 2^20 (1 TiB).
 */
final class GpuMemory {
  static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /** Bytes: MiB-like values scaled by 2^20; zero or negative is no reading (null). */
  static Column bytes(Column reported) {
    return when(reported.leq(0), lit(null).cast("bigint"))
        .when(reported.lt(MIB), reported.multiply(MIB))
        .otherwise(reported);
  }

  /** bytes / 2^30 as decimal(10,2), half up. decimal(20,0) keeps the quotient's 11 places. */
  static Column gib(Column bytes) {
    return bytes.cast("decimal(20,0)").divide(lit(GIB).cast("decimal(20,0)")).cast("decimal(10,2)");
  }

  /** Whole GiB, half up: the "same memory" of the fingerprint (23.99 and 24.00 agree). */
  static BigDecimal wholeGib(BigDecimal gib) {
    return gib == null ? null : gib.setScale(0, RoundingMode.HALF_UP);
  }

  private GpuMemory() {}
}
