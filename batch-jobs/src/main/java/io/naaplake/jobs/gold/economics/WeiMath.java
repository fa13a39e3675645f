package io.naaplake.jobs.gold.economics;

import static org.apache.spark.sql.functions.udf;

import io.naaplake.schema.GoldEconomicsTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Exact decimal arithmetic on wei. Spark cannot do it: the product of a decimal(38,0) and a
 * decimal(38,18) needs more than 38 digits, so Spark cuts the scale to 6 and rounds, and a quotient
 * of two decimals gets scale 6 as well. These Java functions compute on BigDecimal; they run on few
 * rows (one per payment or quote), so they cost little.
 */
final class WeiMath {
  private static final int MAX_PRECISION = 38;
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  /** face × win_prob × tickets at scale 10; see {@link #expectedValue}. */
  static final UserDefinedFunction EXPECTED_VALUE =
      udf(
          (UDF3<BigDecimal, BigDecimal, Integer, BigDecimal>) WeiMath::expectedValue,
          DataTypes.createDecimalType(MAX_PRECISION, GoldEconomicsTables.EXPECTED_VALUE_SCALE));

  /** price × tickets at scale 18, exact. */
  static final UserDefinedFunction TIMES_TICKETS =
      udf(
          (UDF2<BigDecimal, Integer, BigDecimal>) WeiMath::timesTickets,
          DataTypes.createDecimalType(MAX_PRECISION, GoldEconomicsTables.RATE_SCALE));

  /** numerator / denominator at scale 18, half up; null for a null or zero denominator. */
  static final UserDefinedFunction RATIO =
      udf(
          (UDF2<BigDecimal, Long, BigDecimal>) WeiMath::ratio,
          DataTypes.createDecimalType(MAX_PRECISION, GoldEconomicsTables.RATE_SCALE));

  /** price per unit × 10^6 / pixels per unit / 10^9 at scale 18, half up. */
  static final UserDefinedFunction GWEI_PER_MEGAPIXEL =
      udf(
          (UDF2<BigDecimal, Long, BigDecimal>) WeiMath::gweiPerMegapixel,
          DataTypes.createDecimalType(MAX_PRECISION, GoldEconomicsTables.RATE_SCALE));

  /** wei / 10^18, exact at scale 28. */
  static final UserDefinedFunction WEI_TO_ETH =
      udf(
          (UDF1<BigDecimal, BigDecimal>) WeiMath::weiToEth,
          DataTypes.createDecimalType(MAX_PRECISION, GoldEconomicsTables.ETH_SCALE));

  private WeiMath() {}

  /**
   * Expected value of a ticket batch in wei: face × win_prob × tickets. The product is exact; it is
   * stored at scale 10, so a product with more decimals (a win probability with more than 10
   * decimals on a face value without enough trailing zeros) is rounded half-even there, an error
   * below 10^-10 wei. Null when an input is null or the value reaches 10^28 wei (10^10 ETH).
   */
  static BigDecimal expectedValue(BigDecimal faceValue, BigDecimal winProb, Integer tickets) {
    if (faceValue == null || winProb == null || tickets == null) {
      return null;
    }
    BigDecimal value =
        faceValue
            .multiply(winProb)
            .multiply(BigDecimal.valueOf(tickets))
            .setScale(GoldEconomicsTables.EXPECTED_VALUE_SCALE, RoundingMode.HALF_EVEN);
    return fits(value);
  }

  static BigDecimal timesTickets(BigDecimal price, Integer tickets) {
    if (price == null || tickets == null) {
      return null;
    }
    // Exact: an integer factor adds no decimals.
    return fits(
        price
            .multiply(BigDecimal.valueOf(tickets))
            .setScale(GoldEconomicsTables.RATE_SCALE, RoundingMode.UNNECESSARY));
  }

  static BigDecimal ratio(BigDecimal numerator, Long denominator) {
    if (numerator == null || denominator == null || denominator == 0) {
      return null;
    }
    return fits(
        numerator.divide(
            BigDecimal.valueOf(denominator), GoldEconomicsTables.RATE_SCALE, RoundingMode.HALF_UP));
  }

  /** ppu · 10^6 / ppx / 10^9 = ppu / (ppx · 1000). */
  static BigDecimal gweiPerMegapixel(BigDecimal pricePerUnit, Long pixelsPerUnit) {
    if (pricePerUnit == null || pixelsPerUnit == null || pixelsPerUnit == 0) {
      return null;
    }
    return fits(
        pricePerUnit.divide(
            BigDecimal.valueOf(pixelsPerUnit).multiply(THOUSAND),
            GoldEconomicsTables.RATE_SCALE,
            RoundingMode.HALF_UP));
  }

  static BigDecimal weiToEth(BigDecimal wei) {
    if (wei == null) {
      return null;
    }
    // Moving the point 18 places adds 18 decimals to the wei's 10: exact at scale 28.
    return fits(
        wei.movePointLeft(18).setScale(GoldEconomicsTables.ETH_SCALE, RoundingMode.UNNECESSARY));
  }

  /** The value, or null when it needs more than 38 digits at its scale. */
  private static BigDecimal fits(BigDecimal value) {
    return value.precision() > MAX_PRECISION ? null : value;
  }
}
